"""The Period report dialog end to end: choose, write in the background, file on disk."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import Qt

from app.report_pdf import make_period_report
from app.tasks import QtTaskRunner
from models.db import Database
from tests.models.reports.scenario import build
from widgets.reports.report_dialog import ReportDialog, default_period

TODAY = dt.date(2026, 11, 21)
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # offscreen platform


@pytest.fixture
def runner(qapp: Any) -> Iterator[QtTaskRunner]:
    r = QtTaskRunner(max_threads=1)
    yield r
    r.shutdown()


@pytest.fixture
def dialog(qtbot: Any, db: Database, runner: QtTaskRunner) -> ReportDialog:
    build(db)
    d = ReportDialog(runner, partial(make_period_report, db), tz="UTC", today=TODAY)
    qtbot.addWidget(d)
    d.show()
    return d


def test_default_periods() -> None:
    assert default_period("month", TODAY).label == "2026-10"
    assert default_period("month", dt.date(2026, 1, 5)).label == "2025-12"
    assert default_period("quarter", TODAY).label == "2026Q3"
    assert default_period("week", TODAY).label == "2026-W46"
    assert default_period("year", TODAY).label == "2025"


def test_choose_and_write_xlsx(qtbot: Any, dialog: ReportDialog, tmp_path: Path) -> None:
    assert dialog.period_text() == "2026-10"
    assert dialog.span.text() == "2026-10-01 – 2026-10-31"
    assert dialog.path.text().endswith("service-report-2026-10.pdf")
    dialog.format.setCurrentIndex(1)
    assert dialog.path.text().endswith("service-report-2026-10.xlsx")
    target = tmp_path / "october.xlsx"
    dialog.path.setText(str(target))
    with qtbot.waitSignal(dialog.report_written, timeout=60_000) as blocker:
        qtbot.mouseClick(dialog.write_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [target]
    wb = openpyxl.load_workbook(target)
    assert wb["Summary"]["A1"].value == "Service quality report — 2026-10"
    assert not dialog.isVisible()


def test_quarter_pdf(qtbot: Any, dialog: ReportDialog, tmp_path: Path) -> None:
    dialog.kind.setCurrentIndex(1)
    assert dialog.period_text() == "2026Q3"
    dialog.set_period("2026Q4")
    assert dialog.span.text() == "2026-10-01 – 2026-12-31"
    target = tmp_path / "q4"  # no suffix: the chosen format's is added
    dialog.path.setText(str(target))
    with qtbot.waitSignal(dialog.report_written, timeout=60_000):
        dialog.write_report()
    written = tmp_path / "q4.pdf"
    assert written.read_bytes().startswith(b"%PDF")


def test_week_53_and_errors(qtbot: Any, dialog: ReportDialog, tmp_path: Path) -> None:
    dialog.kind.setCurrentIndex(2)
    dialog.year.setValue(2025)
    dialog.number.setValue(53)
    assert not dialog.write_button.isEnabled()
    dialog.year.setValue(2026)
    assert dialog.write_button.isEnabled() and dialog.period_text() == "2026-W53"
    dialog.path.setText(str(tmp_path / "missing-folder" / "r.xlsx"))
    dialog.format.setCurrentIndex(1)
    dialog.write_report()
    qtbot.waitUntil(lambda: "could not be written" in dialog.message.text(), timeout=60_000)
    assert dialog.isVisible() and dialog.write_button.isEnabled()
    dialog.path.setText("")
    dialog.write_report()
    assert "Choose a file" in dialog.message.text()
