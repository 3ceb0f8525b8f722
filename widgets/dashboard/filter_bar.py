"""The dashboard's filter bar: period preset or custom range, vendor, site, priority,
channel, category and "complaints only". Every change emits :attr:`FilterBar.changed`
with the new :class:`FilterState`; the page applies it to every card and chart at once.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QWidget,
)

from models.kpi.api import PRIORITIES
from widgets.dashboard.filter_state import FilterState
from widgets.dashboard.store_holder import FilterChoices


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class FilterBar(QWidget):
    """Shows a :class:`FilterState` and emits ``changed(FilterState)`` on every edit."""

    changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state = FilterState()
        self._updating = False
        self.period = self._combo(self.tr("Period"))
        self.period.setMinimumContentsLength(12)
        for key, label in (
            ("this_week", self.tr("This week")),
            ("last_7", self.tr("Last 7 days")),
            ("last_30", self.tr("Last 30 days")),
            ("last_90", self.tr("Last 90 days")),
            ("this_month", self.tr("This month")),
            ("last_month", self.tr("Last month")),
            ("this_quarter", self.tr("This quarter")),
            ("all", self.tr("All time")),
            ("custom", self.tr("Custom range")),
        ):
            self.period.addItem(label, key)
        today = dt.date.today()
        self.date_from = self._date_edit(self.tr("From"), today - dt.timedelta(days=29))
        self.date_to = self._date_edit(self.tr("To"), today)
        self.vendor = self._combo(self.tr("Vendor"))
        self.site = self._combo(self.tr("Site"))
        self.priority = self._combo(self.tr("Priority"))
        self.channel = self._combo(self.tr("Channel"))
        self.category = self._combo(self.tr("Category"))
        self.complaints = QCheckBox(self.tr("Complaints only"))
        self.complaints.setAccessibleName(self.tr("Complaints only"))
        self.set_choices(FilterChoices())

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Period")))
        layout.addWidget(self.period)
        layout.addWidget(self.date_from)
        layout.addWidget(self.date_to)
        for label, combo in (
            (self.tr("Vendor"), self.vendor), (self.tr("Site"), self.site),
            (self.tr("Priority"), self.priority), (self.tr("Channel"), self.channel),
            (self.tr("Category"), self.category),
        ):
            caption = QLabel(label)
            caption.setBuddy(combo)
            layout.addWidget(caption)
            layout.addWidget(combo, 1)
        layout.addWidget(self.complaints)
        layout.addStretch(0)

        self.period.currentIndexChanged.connect(self._on_any_changed)
        self.date_from.dateChanged.connect(self._on_any_changed)
        self.date_to.dateChanged.connect(self._on_any_changed)
        for combo in (self.vendor, self.site, self.priority, self.channel, self.category):
            combo.currentIndexChanged.connect(self._on_any_changed)
        self.complaints.toggled.connect(self._on_any_changed)
        self._show_dates()

    def _combo(self, name: str) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(6)
        combo.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        return combo

    def _date_edit(self, name: str, day: dt.date) -> QDateEdit:
        edit = QDateEdit(_qdate(day))
        edit.setAccessibleName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    @property
    def state(self) -> FilterState:
        return self._state

    def set_choices(self, choices: FilterChoices) -> None:
        """Fill the vendor/site/channel/category lists, keeping the current choices."""
        self._updating = True
        try:
            for combo, items in (
                (self.vendor, choices.vendors),
                (self.site, choices.sites),
                (self.priority, tuple((p, p) for p in PRIORITIES)),
                (self.channel, tuple((c, c) for c in choices.channels)),
                (self.category, tuple((c, c) for c in choices.categories)),
            ):
                combo.clear()
                combo.addItem(self.tr("All"), None)
                for key, label in items:
                    combo.addItem(str(label), key)
            self._show_state(self._state)
        finally:
            self._updating = False

    def set_state(self, state: FilterState) -> None:
        """Show ``state`` without emitting ``changed``."""
        self._updating = True
        try:
            self._state = state
            self._show_state(state)
        finally:
            self._updating = False

    def _show_state(self, state: FilterState) -> None:
        self.period.setCurrentIndex(max(0, self.period.findData(state.preset)))
        if state.custom_from is not None:
            self.date_from.setDate(_qdate(state.custom_from))
        if state.custom_to is not None:
            self.date_to.setDate(_qdate(state.custom_to))
        for combo, value in (
            (self.vendor, state.vendor_id), (self.site, state.site_id),
            (self.priority, state.priority), (self.channel, state.channel),
            (self.category, state.category),
        ):
            index = combo.findData(value) if value is not None else 0
            if index < 0:  # a remembered value that no longer exists: keep it selectable
                combo.addItem(str(value), value)
                index = combo.count() - 1
            combo.setCurrentIndex(index)
        self.complaints.setChecked(state.complaints_only)
        self._show_dates()

    def _show_dates(self) -> None:
        custom = self.period.currentData() == "custom"
        self.date_from.setVisible(custom)
        self.date_to.setVisible(custom)

    def _read_state(self) -> FilterState:
        custom = self.period.currentData() == "custom"
        return replace(
            self._state,
            preset=self.period.currentData() or "last_30",
            custom_from=_pydate(self.date_from.date()) if custom else self._state.custom_from,
            custom_to=_pydate(self.date_to.date()) if custom else self._state.custom_to,
            vendor_id=self.vendor.currentData(),
            site_id=self.site.currentData(),
            priority=self.priority.currentData(),
            channel=self.channel.currentData(),
            category=self.category.currentData(),
            complaints_only=self.complaints.isChecked(),
        )

    def _on_any_changed(self, *_args: object) -> None:
        self._show_dates()
        if self._updating:
            return
        state = self._read_state()
        if state != self._state:
            self._state = state
            self.changed.emit(state)


__all__ = ["FilterBar"]
