"""The inspection list: filter bar and table model."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QHBoxLayout, QLabel, QWidget

from models.checklists.queries import FilterChoices, InspectionFilter, InspectionRow
from models.orm.checklists import InspectionKind, InspectionStatus
from widgets.inspections.report_html import kind_label, score_text

_INDEX = QModelIndex()


class InspectionTableModel(QAbstractTableModel):
    """Rows of :class:`InspectionRow`; ``UserRole`` gives sortable raw values."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[InspectionRow] = []
        self._headers = [self.tr("Visited"), self.tr("Site"), self.tr("Checklist"),
                         self.tr("Inspector"), self.tr("Kind"), self.tr("Status"),
                         self.tr("Score"), self.tr("Result"), self.tr("Critical")]

    def set_rows(self, rows: list[InspectionRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = _INDEX) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = _INDEX) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headers(self) -> list[str]:
        return list(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def values(self, r: InspectionRow) -> list[Any]:
        """Display values of one row (also what the list export writes)."""
        status = self.tr("Submitted") if r.status is InspectionStatus.SUBMITTED else self.tr(
            "Draft")
        if r.is_correction:
            status += self.tr(" (corrected)")
        result = "" if r.passed is None else (self.tr("Pass") if r.passed else self.tr("Fail"))
        template = f"{r.template} v{r.revision}" if r.template else "—"
        return [r.visited_at.astimezone().strftime("%Y-%m-%d %H:%M"), r.site or "—", template,
                r.inspector or "", kind_label(r.kind), status,
                None if r.score is None else round(r.score, 1), result, r.critical_failures]

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 6:
                return score_text(r.score)
            value = self.values(r)[column]
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.UserRole:
            return [r.visited_at.timestamp(), r.site or "", r.template or "", r.inspector or "",
                    r.kind.value, r.status.value, -1 if r.score is None else r.score,
                    -1 if r.passed is None else int(r.passed), r.critical_failures][column]
        bad = (column == 7 and r.passed is False) or (column == 8 and r.critical_failures > 0)
        if role == Qt.ItemDataRole.ForegroundRole and bad:
            return QColor("#c0392b")
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (6, 8):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class FilterBar(QWidget):
    """Site, checklist, inspector, kind, period and pass/fail; emits ``changed``."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.site, self.template, self.inspector = QComboBox(), QComboBox(), QComboBox()
        self.kind, self.result = QComboBox(), QComboBox()
        self.start, self.end = QDateEdit(), QDateEdit()
        self.use_period = QCheckBox(self.tr("Period"))
        names = [(self.site, self.tr("Site")), (self.template, self.tr("Checklist")),
                 (self.inspector, self.tr("Inspector")), (self.kind, self.tr("Kind")),
                 (self.result, self.tr("Result")), (self.start, self.tr("From")),
                 (self.end, self.tr("To"))]
        for widget, name in names:
            widget.setAccessibleName(name)
        self.kind.addItem(self.tr("All kinds"), None)
        for kind in InspectionKind:
            self.kind.addItem(kind_label(kind), kind.value)
        self.result.addItem(self.tr("Pass and fail"), None)
        self.result.addItem(self.tr("Passed"), True)
        self.result.addItem(self.tr("Failed"), False)
        today = QDate.currentDate()
        self.start.setDate(today.addMonths(-6))
        self.end.setDate(today)
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setEnabled(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.site, self.template, self.inspector, self.kind, self.result):
            layout.addWidget(widget)
        layout.addWidget(self.use_period)
        layout.addWidget(self.start)
        layout.addWidget(QLabel("–"))
        layout.addWidget(self.end)
        layout.addStretch(1)
        for combo in (self.site, self.template, self.inspector, self.kind, self.result):
            combo.currentIndexChanged.connect(self.changed)
        for edit in (self.start, self.end):
            edit.dateChanged.connect(self.changed)
        self.use_period.toggled.connect(self._on_use_period_toggled)

    def _on_use_period_toggled(self, on: bool) -> None:
        self.start.setEnabled(on)
        self.end.setEnabled(on)
        self.changed.emit()

    def set_choices(self, choices: FilterChoices) -> None:
        """Fill the boxes, keeping the current selections where they still exist."""
        def refill(combo: QComboBox, everything: str, entries: list[tuple[str, Any]]) -> None:
            keep = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, None)
            for text, data in entries:
                combo.addItem(text, data)
            combo.setCurrentIndex(max(0, combo.findData(keep)))
            combo.blockSignals(False)

        refill(self.site, self.tr("All sites"), [(n, i) for i, n in choices.sites])
        refill(self.template, self.tr("All checklists"), [(n, c) for c, n in choices.templates])
        refill(self.inspector, self.tr("All inspectors"), [(n, n) for n in choices.inspectors])

    def current(self) -> InspectionFilter:
        start = end = None
        if self.use_period.isChecked():
            start = _utc(self.start.date())
            end = _utc(self.end.date().addDays(1))
        kind = self.kind.currentData()
        return InspectionFilter(
            site_id=self.site.currentData(), template_code=self.template.currentData(),
            inspector=self.inspector.currentData(),
            kind=InspectionKind(kind) if kind else None, start=start, end=end,
            passed=self.result.currentData())


def _utc(day: QDate) -> dt.datetime:
    """Local midnight of ``day`` as an aware UTC time."""
    local = dt.datetime(day.year(), day.month(), day.day()).astimezone()
    return local.astimezone(dt.UTC)
