"""The import flow for every kind: an event log reduced through the dialog's box, a real
inspection log and a real vendor file (with a period typed in) imported through the
Imports page, listed with their kind and undone."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import text

from models.db import Database
from tests.conftest import REAL_DATA
from tests.importers.test_event_log import write_csv as write_event_log
from tests.widgets.imports.conftest import THAI, open_dialog, preview, real, write_tickets
from widgets.common.context import PageContext
from widgets.imports.mapping_dialog import MappingDialog
from widgets.imports.page import ImportsPage

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # offscreen platform
SUPPLY_CHAIN = REAL_DATA / "vendors" / "kaggle_supply_chain_data_suppliers_Abhinav1018.csv"


def count(db: Database, sql: str) -> int:
    with db.engine.connect() as conn:
        return int(conn.execute(text(sql)).scalar() or 0)


def test_dialog_offers_the_kinds_and_checks_the_period(qtbot, db: Database,  # type: ignore[no-untyped-def]
                                                       tmp_path: Path) -> None:
    service, pv = preview(db, write_tickets(tmp_path / "t.csv", 5))
    assert (pv.detected_kind, pv.event_log_rows) == ("tickets", 0)
    dialog = MappingDialog(pv, service.fields("tickets"), {},
                           period_label=service.period_label)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.kind() == "tickets" and not dialog.event_log.isChecked()
    assert "event_log" not in dialog.mapping()["options"]  # nothing to decide
    dialog.event_log.setChecked(True)
    assert dialog.mapping()["options"]["event_log"] == "reduce"
    dialog.event_log.setChecked(False)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    dialog.kind_box.setCurrentIndex(dialog.kind_box.findData("vendor-metrics"))
    assert dialog.pages.currentIndex() == 2 and not dialog.save_profile.isEnabled()
    dialog.period.setText("sometime")
    assert not ok.isEnabled() and dialog.period_state.text()
    dialog.period.setText("2026年3月")
    assert ok.isEnabled() and "2026-03" in dialog.period_state.text()
    assert dialog.kind_options() == {"period": "2026-03"}
    dialog.kind_box.setCurrentIndex(dialog.kind_box.findData("inspections"))
    assert dialog.pages.currentIndex() == 1 and dialog.kind_options() == {}


def test_event_log_through_the_dialog(qtbot, db: Database, context: PageContext,  # type: ignore[no-untyped-def]
                                      tmp_path: Path) -> None:
    page = ImportsPage(context)
    qtbot.addWidget(page)
    dialog = open_dialog(qtbot, page, write_event_log(tmp_path / "log.csv"))
    assert dialog.kind() == "tickets"
    assert dialog.preview.event_log_rows == 9 and dialog.preview.event_log_tickets == 3
    assert dialog.event_log.isChecked()  # checked: the preview found an event log
    dialog.save_profile.setChecked(True)
    dialog.profile_name.setText("helpdesk log")
    with qtbot.waitSignal(page.import_finished, timeout=60_000) as done:
        dialog.accept()
    outcome = done.args[0]
    assert (outcome.rows, outcome.inserted, outcome.rejected) == (9, 3, 0)
    assert count(db, "SELECT count(*) FROM tickets") == 3
    assert count(db, "SELECT reopened_count FROM tickets WHERE external_id = 'A'") == 1
    _, again = preview(db, tmp_path / "log.csv")
    assert again.profile == "helpdesk log"  # the profile remembers the choice
    assert again.mapping["options"]["event_log"] == "reduce" and again.errors == []


@real
def test_inspections_through_the_page_then_undo(qtbot, db: Database,  # type: ignore[no-untyped-def]
                                                context: PageContext) -> None:
    page = ImportsPage(context)
    qtbot.addWidget(page)
    dialog = open_dialog(qtbot, page, THAI)
    assert dialog.kind() == "inspections" and dialog.pages.currentIndex() == 1
    with qtbot.waitSignal(page.import_finished, timeout=60_000) as done:
        dialog.accept()
    outcome = done.args[0]
    assert (outcome.kind, outcome.rows, outcome.inserted, outcome.rejected) == (
        "inspections", 9, 7, 0)
    assert count(db, "SELECT count(*) FROM inspections") == 7
    assert count(db, "SELECT count(*) FROM tickets") == 0
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10_000)
    kind_column = [page.model.headerData(c, Qt.Orientation.Horizontal)
                   for c in range(page.model.columnCount())].index("Kind")
    assert page.model.index(0, kind_column).data() == "Inspections"
    with qtbot.waitSignal(page.batch_undone, timeout=30_000):
        page.undo_batch(outcome.batch, confirm=False)
    assert count(db, "SELECT count(*) FROM inspections") == 0


@real
def test_vendor_metrics_with_a_period_through_the_page(qtbot, db: Database,  # type: ignore[no-untyped-def]
                                                       context: PageContext) -> None:
    page = ImportsPage(context)
    qtbot.addWidget(page)
    dialog = open_dialog(qtbot, page, SUPPLY_CHAIN)
    assert dialog.kind() == "vendor-metrics" and not dialog.preview.has_period
    dialog.period.setText("2026Q1")
    with qtbot.waitSignal(page.import_finished, timeout=60_000) as done:
        dialog.accept()
    outcome = done.args[0]
    assert (outcome.kind, outcome.rows, outcome.inserted, outcome.rejected) == (
        "vendor-metrics", 100, 20, 0)
    assert count(db, "SELECT count(*) FROM vendor_metrics WHERE period_label = '2026Q1'") == 20
    with qtbot.waitSignal(page.batch_undone, timeout=30_000):
        page.undo_batch(outcome.batch, confirm=False)
    assert count(db, "SELECT count(*) FROM vendor_metrics") == 0


def test_event_log_kept_shows_the_duplicates(qtbot, context: PageContext,  # type: ignore[no-untyped-def]
                                             tmp_path: Path) -> None:
    page = ImportsPage(context)
    qtbot.addWidget(page)
    dialog = open_dialog(qtbot, page, write_event_log(tmp_path / "log.csv"))
    dialog.event_log.setChecked(False)
    assert dialog.mapping()["options"]["event_log"] == "keep"
    dialog.accept()
    qtbot.waitUntil(lambda: page.report_dialog is not None, timeout=60_000)
    report = page.report_dialog
    assert report is not None and report.model.rowCount() == 6  # the repeated ids
    report.reject()
    qtbot.waitUntil(lambda: not page.busy, timeout=10_000)
