"""Settings tab: business calendars — working hours per weekday, holidays and make-up
working days (调休) — with a what-if preview of SLA met % before saving.

Working hours are typed as intervals, e.g. ``09:00-12:00, 13:00-18:00``; an empty line is
a day off. "New calendar" starts from the Chinese public holidays and make-up days shipped
with ServiceLens (``models.kpi.calendars_cn``), editable before saving.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.kpi.api import CalendarDaySpec, CalendarSpec, PolicySet, load_policy_set
from models.kpi.calendars_cn import china_calendar
from models.kpi.settings_store import save_calendar
from models.progress import Progress
from widgets.common.context import PageContext
from widgets.settings.what_if_view import WhatIfView

INTERVAL = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*[-–~]\s*(\d{1,2}):(\d{2})\s*$")


def parse_intervals(text: str) -> tuple[tuple[str, str], ...]:
    """``"09:00-12:00, 13:00-18:00"`` → ``(("09:00", "12:00"), ("13:00", "18:00"))``.

    Raises ``ValueError`` for anything else, or an interval that ends before it starts.
    """
    out = []
    for part in filter(None, (p.strip() for p in re.split(r"[,，;]", text))):
        m = INTERVAL.match(part)
        if not m:
            raise ValueError(part)
        h1, m1, h2, m2 = (int(g) for g in m.groups())
        if not (0 <= h1 <= 24 and 0 <= h2 <= 24 and m1 < 60 and m2 < 60) or (h1, m1) >= (h2, m2):
            raise ValueError(part)
        out.append((f"{h1:02d}:{m1:02d}", f"{h2:02d}:{m2:02d}"))
    return tuple(out)


class CalendarsTab(QWidget):
    """Edits one calendar at a time; ``saved`` after writing it."""

    saved = Signal()
    loaded = Signal()

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.policy_set: PolicySet | None = None
        self.calendar = QComboBox()
        self.calendar.setAccessibleName(self.tr("Calendar"))
        self.new_button = QPushButton(self.tr("New calendar"))
        self.new_button.setAccessibleName(self.tr("New calendar"))
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Name"))
        self.timezone = QLineEdit()
        self.timezone.setAccessibleName(self.tr("Time zone"))
        self.days_of_week = [self.tr("Monday"), self.tr("Tuesday"), self.tr("Wednesday"),
                             self.tr("Thursday"), self.tr("Friday"), self.tr("Saturday"),
                             self.tr("Sunday")]
        self.hours = [QLineEdit() for _ in range(7)]
        form = QFormLayout()
        chooser = QHBoxLayout()
        chooser.addWidget(self.calendar, 1)
        chooser.addWidget(self.new_button)
        form.addRow(self.tr("Calendar"), chooser)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Time zone"), self.timezone)
        for day, edit in zip(self.days_of_week, self.hours, strict=True):
            edit.setAccessibleName(day)
            edit.setPlaceholderText(self.tr("day off"))
            form.addRow(day, edit)
        self.days = QTableWidget(0, 3)
        self.days.setAccessibleName(self.tr("Holidays and make-up working days"))
        self.days.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Kind"), self.tr("Name")])
        self.days.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.days.verticalHeader().hide()
        self.days.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.days.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.add_day = QPushButton(self.tr("Add day"))
        self.remove_day = QPushButton(self.tr("Remove day"))
        self.preview_button = QPushButton(self.tr("Preview"))
        self.save_button = QPushButton(self.tr("Save"))
        for button in (self.add_day, self.remove_day, self.preview_button, self.save_button):
            button.setAccessibleName(button.text())
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_day)
        buttons.addWidget(self.remove_day)
        buttons.addStretch(1)
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.save_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(form)
        left_layout.addStretch(1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(QLabel(self.tr("Holidays and make-up working days")))
        right_layout.addWidget(self.days, 1)
        top = QSplitter(Qt.Orientation.Horizontal)
        top.addWidget(left)
        top.addWidget(right)
        self.what_if = WhatIfView(context)
        outer = QSplitter(Qt.Orientation.Vertical)
        holder = QWidget()
        holder_layout = QVBoxLayout(holder)
        holder_layout.setContentsMargins(0, 0, 0, 0)
        holder_layout.addWidget(top, 1)
        holder_layout.addLayout(buttons)
        outer.addWidget(holder)
        outer.addWidget(self.what_if)
        layout = QVBoxLayout(self)
        layout.addWidget(outer)
        self.calendar.currentIndexChanged.connect(self._on_calendar_current_index_changed)
        self.new_button.clicked.connect(self._on_new_clicked)
        self.add_day.clicked.connect(lambda: self.add_day_row(None))
        self.remove_day.clicked.connect(self._on_remove_day_clicked)
        self.preview_button.clicked.connect(lambda: self.what_if.preview(self.edited_set))
        self.save_button.clicked.connect(self.save)
        self.reload()

    def reload(self, select_id: int | None = None) -> None:
        db = self.context.db

        def work(_progress: Progress) -> PolicySet:
            return load_policy_set(db)

        self.context.runner.submit(work, on_result=lambda s: self.show_set(s, select_id),
                                   key=f"calendars-load-{id(self)}", owner=self)

    def show_set(self, policy_set: PolicySet, select_id: int | None = None) -> None:
        self.policy_set = policy_set
        self.calendar.blockSignals(True)
        self.calendar.clear()
        for cal in policy_set.calendars:
            self.calendar.addItem(cal.name, cal.id)
        self.calendar.blockSignals(False)
        index = self.calendar.findData(select_id) if select_id is not None else 0
        self.calendar.setCurrentIndex(max(0, index))
        self._on_calendar_current_index_changed(self.calendar.currentIndex())
        self.loaded.emit()

    def current_spec(self) -> CalendarSpec | None:
        if self.policy_set is None:
            return None
        return self.policy_set.calendar(self.calendar.currentData())

    def show_calendar(self, spec: CalendarSpec) -> None:
        self.name.setText(spec.name)
        self.timezone.setText(spec.timezone)
        for wd, edit in enumerate(self.hours, start=1):
            edit.setText(", ".join(f"{a}-{b}" for a, b in spec.hours_for(wd)))
        self.days.setRowCount(0)
        for day in sorted(spec.days, key=lambda d: d.day):
            self.add_day_row(day)

    def add_day_row(self, day: CalendarDaySpec | None) -> None:
        row = self.days.rowCount()
        self.days.insertRow(row)
        when = day.day if day else dt.date.today()
        self.days.setItem(row, 0, QTableWidgetItem(when.isoformat()))
        kind = QComboBox()
        kind.setAccessibleName(self.tr("Kind"))
        kind.addItem(self.tr("Holiday"), False)
        kind.addItem(self.tr("Make-up working day"), True)
        kind.setCurrentIndex(1 if day is not None and day.is_workday else 0)
        self.days.setCellWidget(row, 1, kind)
        self.days.setItem(row, 2, QTableWidgetItem(day.name or "" if day else ""))

    def _on_remove_day_clicked(self) -> None:
        for row in sorted({i.row() for i in self.days.selectedIndexes()}, reverse=True):
            self.days.removeRow(row)

    def _on_calendar_current_index_changed(self, _index: int) -> None:
        spec = self.current_spec()
        if spec is not None:
            self.show_calendar(spec)

    def _on_new_clicked(self) -> None:
        """A new calendar, pre-filled with the Chinese public holidays and make-up days
        shipped with ServiceLens (edit or clear them before saving)."""
        self.calendar.blockSignals(True)
        self.calendar.addItem(self.tr("New calendar"), None)
        self.calendar.setCurrentIndex(self.calendar.count() - 1)
        self.calendar.blockSignals(False)
        template = china_calendar()
        exists = {c.name for c in self.policy_set.calendars} if self.policy_set else set()
        name = template.name if template.name not in exists else self.tr("New calendar")
        self.show_calendar(replace(template, name=name, id=None))

    def edited_calendar(self) -> CalendarSpec:
        """The form as a calendar spec; raises ``ValueError`` naming the bad entry."""
        hours = []
        for wd, (day, edit) in enumerate(zip(self.days_of_week, self.hours, strict=True),
                                         start=1):
            try:
                intervals = parse_intervals(edit.text())
            except ValueError as exc:
                raise ValueError(self.tr("%1: cannot read “%2” (use 09:00-18:00)")
                                 .replace("%1", day).replace("%2", str(exc))) from exc
            if intervals:
                hours.append((wd, intervals))
        days = []
        for row in range(self.days.rowCount()):
            text = self.days.item(row, 0).text().strip()
            try:
                when = dt.date.fromisoformat(text)
            except ValueError as exc:
                raise ValueError(self.tr("Not a date (YYYY-MM-DD): %1").replace("%1", text)
                                 ) from exc
            name_item = self.days.item(row, 2)
            days.append(CalendarDaySpec(when, bool(self.days.cellWidget(row, 1).currentData()),
                                        (name_item.text().strip() or None) if name_item else None))
        from zoneinfo import ZoneInfo

        zone = self.timezone.text().strip()
        try:
            ZoneInfo(zone)
        except (ValueError, KeyError) as exc:
            raise ValueError(self.tr("Unknown time zone: %1").replace("%1", zone)) from exc
        return CalendarSpec(name=self.name.text().strip() or self.tr("Calendar"), timezone=zone,
                            working_hours=tuple(hours), days=tuple(days),
                            id=self.calendar.currentData())

    def edited_set(self) -> PolicySet:
        base = self.policy_set or PolicySet(policies=())
        edited = self.edited_calendar()
        others = tuple(c for c in base.calendars if c.id != edited.id or edited.id is None)
        return replace(base, calendars=(*others, edited))

    def save(self) -> None:
        try:
            spec = self.edited_calendar()
        except ValueError as exc:
            QMessageBox.warning(self, self.tr("Business calendars"), str(exc))
            return
        db, user = self.context.db, self.context.user

        def work(_progress: Progress) -> CalendarSpec:
            return save_calendar(db, spec, user)

        self.context.runner.submit(work, on_result=self._on_saved, on_error=self._on_error,
                                   key=f"calendars-save-{id(self)}", owner=self)

    def _on_saved(self, saved: CalendarSpec) -> None:
        self.reload(saved.id)
        self.context.bus.data_changed.emit({"business_calendars", "sla_policies"})
        self.context.bus.status_message.emit(self.tr("Calendar saved"))
        self.saved.emit()

    def _on_error(self, error: BaseException) -> None:
        QMessageBox.warning(self, self.tr("Business calendars"), str(error))


__all__ = ["CalendarsTab", "parse_intervals"]
