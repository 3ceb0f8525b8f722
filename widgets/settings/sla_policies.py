"""Settings tab: SLA policies per priority (optionally narrowed to a channel or category),
targets in minutes, calendar time or a business calendar, effective dates — with a
what-if preview of SLA met % before saving (DESIGN.md "Ticket KPIs").
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.kpi.api import PRIORITIES, PolicySet, SlaPolicySpec, load_policy_set
from models.kpi.settings_store import save_policies
from models.progress import Progress
from widgets.common.context import PageContext
from widgets.settings.what_if_view import WhatIfView

NAME, PRIORITY, CHANNEL, CATEGORY, RESPONSE, RESOLUTION, ONSITE, CALENDAR, FROM, TO = range(10)


def _minutes(text: str) -> float | None:
    text = text.strip()
    return float(text) if text else None


def _date(text: str) -> dt.date | None:
    text = text.strip()
    return dt.date.fromisoformat(text) if text else None


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    return value.isoformat() if isinstance(value, dt.date) else str(value)


class SlaPoliciesTab(QWidget):
    """``saved`` after the policies were written (the bus also says "sla_policies")."""

    saved = Signal()
    loaded = Signal()

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.policy_set: PolicySet | None = None
        self.table = QTableWidget(0, 10)
        self.table.setAccessibleName(self.tr("SLA policies"))
        self.table.setHorizontalHeaderLabels([
            self.tr("Name"), self.tr("Priority"), self.tr("Channel"), self.tr("Category"),
            self.tr("First response (min)"), self.tr("Resolution (min)"),
            self.tr("On-site (min)"), self.tr("Clock"), self.tr("Effective from"),
            self.tr("Effective to"),
        ])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        self.add_button = QPushButton(self.tr("Add policy"))
        self.remove_button = QPushButton(self.tr("Remove policy"))
        self.revert_button = QPushButton(self.tr("Revert"))
        self.preview_button = QPushButton(self.tr("Preview"))
        self.save_button = QPushButton(self.tr("Save"))
        for button in (self.add_button, self.remove_button, self.revert_button,
                       self.preview_button, self.save_button):
            button.setAccessibleName(button.text())
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.revert_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.save_button)
        self.what_if = WhatIfView(context)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        hint = QLabel(self.tr("Targets in minutes; empty = no target. The most specific "
                              "matching policy wins; a ticket is measured by the policy in "
                              "force when it was created."))
        hint.setWordWrap(True)
        top_layout.addWidget(hint)
        top_layout.addWidget(self.table, 1)
        top_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(self.what_if)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.add_button.clicked.connect(lambda: self.add_row(None))
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.revert_button.clicked.connect(self.reload)
        self.preview_button.clicked.connect(lambda: self.what_if.preview(self.edited_set))
        self.save_button.clicked.connect(self.save)
        self.reload()

    # -- loading and showing -------------------------------------------------------------
    def reload(self) -> None:
        db = self.context.db
        self.context.runner.submit(lambda _p: load_policy_set(db), on_result=self.show_set,
                                   key=f"sla-policies-load-{id(self)}", owner=self)

    def show_set(self, policy_set: PolicySet) -> None:
        self.policy_set = policy_set
        self.table.setRowCount(0)
        for spec in policy_set.policies:
            self.add_row(spec)
        self.loaded.emit()

    def add_row(self, spec: SlaPolicySpec | None) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        priority = QComboBox()
        priority.setAccessibleName(self.tr("Priority"))
        priority.addItems(list(PRIORITIES))
        calendar = QComboBox()
        calendar.setAccessibleName(self.tr("Clock"))
        calendar.addItem(self.tr("Calendar time"), None)
        for cal in self.policy_set.calendars if self.policy_set else ():
            calendar.addItem(cal.name, cal.id)
        today = dt.date.today()
        values = {
            NAME: spec.name if spec else self.tr("New policy"),
            CHANNEL: spec.channel if spec else None, CATEGORY: spec.category if spec else None,
            RESPONSE: spec.first_response_min if spec else 60.0,
            RESOLUTION: spec.resolution_min if spec else 480.0,
            ONSITE: spec.onsite_min if spec else None,
            FROM: spec.effective_from if spec else today,
            TO: spec.effective_to if spec else None,
        }
        for column, value in values.items():
            self.table.setItem(row, column, QTableWidgetItem(_text(value)))
        self.table.item(row, NAME).setData(Qt.ItemDataRole.UserRole, spec)
        if spec is not None:
            priority.setCurrentText(spec.priority)
            calendar.setCurrentIndex(max(0, calendar.findData(spec.calendar_id)))
        self.table.setCellWidget(row, PRIORITY, priority)
        self.table.setCellWidget(row, CALENDAR, calendar)

    def _on_remove_clicked(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            self.table.removeRow(row)

    # -- reading -------------------------------------------------------------------------
    def edited_policies(self) -> tuple[SlaPolicySpec, ...]:
        """The table as policy specs; raises ``ValueError`` naming the bad cell."""
        specs = []
        for row in range(self.table.rowCount()):
            def cell(column: int, r: int = row) -> str:
                item = self.table.item(r, column)
                return item.text() if item is not None else ""

            original = self.table.item(row, NAME).data(Qt.ItemDataRole.UserRole)
            try:
                start = _date(cell(FROM)) or dt.date.today()
                spec = SlaPolicySpec(
                    name=cell(NAME).strip() or f"P{row + 1}",
                    priority=self.table.cellWidget(row, PRIORITY).currentText(),
                    first_response_min=_minutes(cell(RESPONSE)),
                    resolution_min=_minutes(cell(RESOLUTION)),
                    effective_from=start,
                    channel=cell(CHANNEL).strip() or None,
                    category=cell(CATEGORY).strip() or None,
                    onsite_min=_minutes(cell(ONSITE)),
                    calendar_id=self.table.cellWidget(row, CALENDAR).currentData(),
                    effective_to=_date(cell(TO)),
                    id=original.id if original else None,
                    version=original.version if original else None,
                )
            except ValueError as exc:
                raise ValueError(self.tr("Row %1: %2").replace("%1", str(row + 1))
                                 .replace("%2", str(exc))) from exc
            for value in (spec.first_response_min, spec.resolution_min, spec.onsite_min):
                if value is not None and value <= 0:
                    raise ValueError(self.tr("Row %1: targets must be positive minutes")
                                     .replace("%1", str(row + 1)))
            specs.append(spec)
        return tuple(specs)

    def edited_set(self) -> PolicySet:
        base = self.policy_set or PolicySet(policies=())
        return PolicySet(self.edited_policies(), base.calendars, base.timezone)

    # -- saving --------------------------------------------------------------------------
    def save(self) -> None:
        try:
            specs = self.edited_policies()
        except ValueError as exc:
            QMessageBox.warning(self, self.tr("SLA policies"), str(exc))
            return
        db, user = self.context.db, self.context.user
        kept = {s.id for s in specs if s.id is not None}
        before = self.policy_set.policies if self.policy_set else ()
        deleted = [p.id for p in before if p.id is not None and p.id not in kept]

        def work(_progress: Progress) -> PolicySet:
            save_policies(db, specs, user, deleted)
            return load_policy_set(db)

        self.context.runner.submit(work, on_result=self._on_saved, on_error=self._on_error,
                                   key=f"sla-policies-save-{id(self)}", owner=self)

    def _on_saved(self, policy_set: PolicySet) -> None:
        self.show_set(policy_set)
        self.context.bus.data_changed.emit({"sla_policies"})
        self.context.bus.status_message.emit(self.tr("SLA policies saved"))
        self.saved.emit()

    def _on_error(self, error: BaseException) -> None:
        QMessageBox.warning(self, self.tr("SLA policies"), str(error))


__all__ = ["SlaPoliciesTab"]
