"""The Imports page end to end: preview, mapping, report, import, undo — and a window
that stays responsive while a big file imports in the sandboxed child."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from sqlalchemy import text

from app.import_service import AppImportService
from models.db import Database
from tests.widgets.imports.conftest import write_tickets
from widgets.common.context import PageContext
from widgets.imports.page import ImportsPage

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # offscreen platform


def tickets(db: Database) -> int:
    with db.engine.connect() as conn:
        return int(conn.execute(text("SELECT count(*) FROM tickets")).scalar() or 0)


def test_import_through_the_page_then_undo(qtbot, db: Database, context: PageContext,  # type: ignore[no-untyped-def]
                                           tmp_path: Path) -> None:
    page = ImportsPage(context)
    qtbot.addWidget(page)
    page.show()
    changed: list[set[str]] = []
    context.bus.data_changed.connect(changed.append)
    path = write_tickets(tmp_path / "week.csv", 50, bad_rows=2, unknown_priority=3)
    page.import_files([path])
    qtbot.waitUntil(lambda: page.mapping_dialog is not None, timeout=60_000)
    dialog = page.mapping_dialog
    assert dialog is not None and dialog.preview.rows == 50
    dialog.map_value("priority", "Showstopper", "P1")
    dialog.accept()
    qtbot.waitUntil(lambda: page.report_dialog is not None, timeout=60_000)
    report = page.report_dialog
    assert report is not None and report.model.rowCount() == 2  # the unknown values are mapped
    with qtbot.waitSignal(page.import_finished, timeout=60_000) as done:
        report.import_valid_button.click()
    outcome = done.args[0]
    assert (outcome.inserted, outcome.rejected) == (48, 2)
    assert tickets(db) == 48
    assert {"tickets", "import_batches"} <= changed[-1]
    assert page.model.rowCount() == 1 and "48" in page.message.text()
    page.table.selectRow(0)
    with qtbot.waitSignal(page.batch_undone, timeout=30_000):
        page.undo_selected(confirm=False)
    assert tickets(db) == 0


def test_refused_file_is_reported(qtbot, context: PageContext, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = ImportsPage(context)
    qtbot.addWidget(page)
    bad = tmp_path / "fake.xlsx"
    bad.write_bytes(b"this is not a workbook at all")
    with qtbot.waitSignal(page.import_failed, timeout=60_000) as failed:
        page.import_files([bad])
    assert "fake.xlsx" in failed.args[0]
    assert not page.busy


def test_window_stays_responsive_during_a_100k_row_import(  # type: ignore[no-untyped-def]
        qtbot, db: Database, context: PageContext, tmp_path: Path) -> None:
    path = write_tickets(tmp_path / "big.csv", 100_000)
    service = AppImportService(db, "tester", isolated=False)
    # a saved profile: the file imports without questions, as the second file of a source
    pv = service.preview(path, mapping=None, progress=_Quiet())
    service.save_profile("big", pv.mapping, pv.headers, source="big")
    page = ImportsPage(context)
    qtbot.addWidget(page)
    page.show()
    gaps: list[float] = []
    last = [time.perf_counter()]

    def beat() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(beat)
    timer.start()
    with qtbot.waitSignal(page.import_finished, timeout=240_000) as done:
        last[0] = time.perf_counter()
        page.import_files([path])
    timer.stop()
    assert done.args[0].inserted == 100_000
    assert len(gaps) > 50
    assert max(gaps) < 0.1, f"event loop stalled {max(gaps) * 1000:.0f} ms"


class _Quiet:
    cancelled = False

    def update(self, done: int, total: int | None = None, stage: str = "") -> None:
        pass

    def check(self) -> None:
        pass
