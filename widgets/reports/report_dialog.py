"""The "Period report…" dialog: choose a month, quarter, ISO week or year, a format and a
file; the report is written off the GUI thread by the ``make_report`` callable the
application passes in (``app.report_pdf.make_period_report`` bound to the database).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from models.reports.period import Period, PeriodError, PeriodKind, parse_period
from widgets.common.context import TaskRunner

MakeReport = Callable[[str, str | None, Path], Path]
KINDS: tuple[PeriodKind, ...] = ("month", "quarter", "week", "year")
SUFFIXES = (".pdf", ".xlsx")


def default_period(kind: PeriodKind, today: dt.date) -> Period:
    """The last complete period of ``kind`` before ``today`` (what one reports on)."""
    if kind == "month":
        current = Period("month", today.year, today.month)
    elif kind == "quarter":
        current = Period("quarter", today.year, (today.month - 1) // 3 + 1)
    elif kind == "week":
        y, w, _ = today.isocalendar()
        current = Period("week", y, w)
    else:
        current = Period("year", today.year, 1)
    return current.previous()


class ReportDialog(QDialog):
    """Writes one period report. ``report_written(Path)`` is emitted on success (then the
    dialog closes); a failure is shown in the dialog, which stays open."""

    report_written = Signal(object)

    def __init__(
        self,
        runner: TaskRunner,
        make_report: MakeReport,
        tz: str | None = None,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner, self._make_report, self._tz = runner, make_report, tz
        self._today = today or dt.date.today()
        self._busy = False
        self.setWindowTitle(self.tr("Period report"))
        self.kind = QComboBox()
        for kind, text in zip(KINDS, (self.tr("Month"), self.tr("Quarter"),
                                      self.tr("ISO week"), self.tr("Year")), strict=True):
            self.kind.addItem(text, kind)
        self.kind.setAccessibleName(self.tr("Kind of period"))
        self.year = QSpinBox()
        self.year.setRange(1970, 9998)
        self.year.setAccessibleName(self.tr("Year"))
        self.number = QSpinBox()
        self.number.setAccessibleName(self.tr("Month, quarter or week"))
        self.span = QLabel()
        self.span.setObjectName("periodSpan")
        self.format = QComboBox()
        self.format.addItem(self.tr("PDF document (*.pdf)"), ".pdf")
        self.format.addItem(self.tr("Excel workbook (*.xlsx)"), ".xlsx")
        self.format.setAccessibleName(self.tr("File format"))
        self.path = QLineEdit()
        self.path.setAccessibleName(self.tr("Report file"))
        self.browse = QPushButton(self.tr("Browse…"))
        self.browse.setAccessibleName(self.tr("Choose the report file"))
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setVisible(False)
        self.message = QLabel()
        self.message.setObjectName("reportMessage")
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.write_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.write_button.setText(self.tr("Write report"))

        which = QHBoxLayout()
        which.addWidget(self.year)
        which.addWidget(self.number)
        which.addWidget(self.span, 1)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(self.browse)
        form = QFormLayout()
        form.addRow(self.tr("Period:"), self.kind)
        form.addRow(self.tr("Which:"), which)
        form.addRow(self.tr("Format:"), self.format)
        form.addRow(self.tr("File:"), file_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

        self.kind.currentIndexChanged.connect(self._on_kind_current_index_changed)
        self.year.valueChanged.connect(self._update_span)
        self.number.valueChanged.connect(self._update_span)
        self.format.currentIndexChanged.connect(self._on_format_current_index_changed)
        self.browse.clicked.connect(self._on_browse_clicked)
        self.buttons.accepted.connect(self.write_report)
        self.buttons.rejected.connect(self.reject)
        self._on_kind_current_index_changed()
        self.resize(520, self.sizeHint().height())

    # -- period ------------------------------------------------------------------------
    def period_text(self) -> str:
        """The chosen period as ``servicelens report --period`` takes it."""
        kind = self.kind.currentData()
        y, n = self.year.value(), self.number.value()
        return {"month": f"{y:04d}-{n:02d}", "quarter": f"{y:04d}Q{n}",
                "week": f"{y:04d}-W{n:02d}", "year": f"{y:04d}"}[kind]

    def set_period(self, text: str) -> None:
        """Select ``text`` (e.g. ``2026-10``); raises ``PeriodError`` for a bad one."""
        p = parse_period(text)
        self.kind.setCurrentIndex(KINDS.index(p.kind))
        self.year.setValue(p.year)
        self.number.setValue(p.number)

    def _on_kind_current_index_changed(self, _index: int = 0) -> None:
        kind: PeriodKind = self.kind.currentData()
        top = {"month": 12, "quarter": 4, "week": 53, "year": 1}[kind]
        self.number.setRange(1, top)
        self.number.setVisible(kind != "year")
        p = default_period(kind, self._today)
        self.year.setValue(p.year)
        self.number.setValue(p.number)
        self._update_span()

    def _update_span(self, _value: int = 0) -> None:
        try:
            p = parse_period(self.period_text())
        except PeriodError:
            self.span.setText(self.tr("no such week"))
            self.write_button.setEnabled(False)
            return
        self.span.setText(f"{p.first.isoformat()} – {p.last.isoformat()}")
        self.write_button.setEnabled(not self._busy)
        self._suggest_path()

    # -- file --------------------------------------------------------------------------
    def _suffix(self) -> str:
        return str(self.format.currentData())

    def _suggest_path(self) -> None:
        current = self.path.text().strip()
        if current and not Path(current).stem.startswith("service-report-"):
            return  # the user chose a name: keep it
        folder = Path(current).parent if current else Path(QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or Path.home())
        if not folder.is_dir():
            folder = Path.home()
        self.path.setText(str(folder / f"service-report-{self.period_text()}{self._suffix()}"))

    def _on_format_current_index_changed(self, _index: int) -> None:
        text = self.path.text().strip()
        if text:
            self.path.setText(str(Path(text).with_suffix(self._suffix())))

    def _on_browse_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the report"), self.path.text(), self.format.currentText()
        )
        if path:
            chosen = Path(path)
            if chosen.suffix.lower() not in SUFFIXES:
                chosen = chosen.with_suffix(self._suffix())
            self.format.setCurrentIndex(SUFFIXES.index(chosen.suffix.lower()))
            self.path.setText(str(chosen))

    # -- writing -----------------------------------------------------------------------
    def write_report(self) -> None:
        """Write the chosen report in the background (does nothing while one runs)."""
        if self._busy:
            return
        text = self.path.text().strip()
        if not text:
            self._show_error(self.tr("Choose a file for the report."))
            return
        path = Path(text)
        if path.suffix.lower() not in SUFFIXES:
            path = path.with_suffix(self._suffix())
            self.path.setText(str(path))
        period, tz, make = self.period_text(), self._tz, self._make_report
        self._set_busy(True)
        self.message.setStyleSheet("")
        self.message.setText(self.tr("Writing the report for %1…").replace("%1", period))
        self._runner.submit(
            lambda _progress: make(period, tz, path),
            on_result=self._on_task_result,
            on_error=self._on_task_error,
            key="period-report", owner=self,
        )

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.progress.setVisible(busy)
        for w in (self.kind, self.year, self.number, self.format, self.path, self.browse):
            w.setEnabled(not busy)
        self.write_button.setEnabled(not busy)

    def _show_error(self, text: str) -> None:
        self.message.setStyleSheet("color: #c0392b")
        self.message.setText(text)

    def _on_task_result(self, path: object) -> None:
        self._set_busy(False)
        self.message.setText(self.tr("Wrote %1").replace("%1", str(path)))
        self.report_written.emit(path)
        self.accept()

    def _on_task_error(self, error: BaseException) -> None:
        self._set_busy(False)
        self._show_error(self.tr("The report could not be written: %1").replace("%1", str(error)))

    def reject(self) -> None:
        if not self._busy:  # a running report finishes first (it takes seconds)
            super().reject()
