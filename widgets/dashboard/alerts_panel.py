"""The alerts panel: KPIs outside target, overdue and repeat complaints, tickets about to
breach, vendor qualifications expiring or expired. Each alert opens its tickets or its
vendor and can be acknowledged (who = the user of the window, when = now), after which it
leaves the list. :attr:`AlertsPanel.count_changed` drives the badge in the page header.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.kpi.api import Alert, acknowledge
from models.progress import Progress
from widgets.common.context import PageContext
from widgets.common.record_table import Index
from widgets.dashboard import kpi_labels
from widgets.tickets.selection import TicketSelection

SEVERITY_COLOURS = {"critical": "#d64541", "warning": "#e0a526"}


def _fmt(value: object) -> str:
    if isinstance(value, float):
        return f"{value:,.1f}"
    return "" if value is None else str(value)


class AlertListModel(QAbstractListModel):
    """The alerts as rows; each line is written only when the view shows it (a million
    tickets can raise thousands of alerts)."""

    def __init__(self, describe: Callable[[Alert], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._describe = describe
        self.alerts: list[Alert] = []

    def set_alerts(self, alerts: list[Alert]) -> None:
        self.beginResetModel()
        self.alerts = alerts
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.alerts)

    def data(self, index: Index,
             role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.alerts):
            return None
        alert = self.alerts[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return "● " + self._describe(alert)
        if role == Qt.ItemDataRole.ToolTipRole:  # the whole line, should the view cut it
            return self._describe(alert)
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor(SEVERITY_COLOURS.get(alert.severity, "#888888"))
        if role == Qt.ItemDataRole.UserRole:
            return alert.key
        return None


class AlertsPanel(QWidget):
    """Lists :class:`Alert` objects; ``count_changed(int)`` after every change."""

    count_changed = Signal(int)
    acknowledged = Signal(str)

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.heading = QLabel()
        self.model = AlertListModel(self.describe, self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setAccessibleName(self.tr("Alerts"))
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        # wrapped lines have their own heights: lay them out a batch per event-loop turn
        self.list.setLayoutMode(QListView.LayoutMode.Batched)
        self.list.setBatchSize(200)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)  # re-wrap when the width changes
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.setAccessibleName(self.tr("Open the alert's tickets or vendor"))
        self.ack_button = QPushButton(self.tr("Acknowledge"))
        self.ack_button.setAccessibleName(self.tr("Acknowledge the alert"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.ack_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.open_button.clicked.connect(self.open_current)
        self.ack_button.clicked.connect(self.acknowledge_current)
        self.list.activated.connect(lambda _index: self.open_current())
        self.list.selectionModel().currentChanged.connect(lambda _new, _old: self._enable())
        self.set_alerts([])

    def describe(self, alert: Alert) -> str:
        """One translated line for ``alert`` from its kind and parameters."""
        p = alert.param
        kind = alert.kind
        if kind == "kpi_target":
            key = str(p("kpi") or "")
            priority = p("priority")
            name = kpi_labels.title(key) + (f" ({priority})" if priority else "")
            return self.tr("%1 is %2, target %3").replace("%1", name).replace(
                "%2", kpi_labels.format_value(key, _num(p("value")))).replace(
                "%3", kpi_labels.format_value(key, _num(p("target"))))
        if kind == "overdue_complaint":
            return self.tr("Complaint #%1 open for %2 h").replace(
                "%1", _fmt(p("ticket"))).replace("%2", f"{_num(p('hours_open')) or 0:,.0f}")
        if kind == "repeat_complaint":
            return self.tr("Repeat complaint #%1").replace("%1", _fmt(p("ticket")))
        if kind == "about_to_breach":
            sla = self.tr("response") if p("sla") == "response" else self.tr("resolution")
            return self.tr("Ticket #%1: %2 min left on the %3 SLA").replace(
                "%1", _fmt(p("ticket"))).replace(
                "%2", f"{_num(p('minutes_left')) or 0:,.0f}").replace("%3", sla)
        if kind == "qualification_expiring":
            return self.tr("%1: %2 expires on %3").replace("%1", _fmt(p("vendor"))).replace(
                "%2", _fmt(p("document"))).replace("%3", _fmt(p("expires_on")))
        if kind == "qualification_expired":
            return self.tr("%1: %2 expired on %3").replace("%1", _fmt(p("vendor"))).replace(
                "%2", _fmt(p("document"))).replace("%3", _fmt(p("expires_on")))
        return alert.key

    @property
    def alerts(self) -> list[Alert]:
        """The alerts listed (the model's)."""
        return self.model.alerts

    def set_alerts(self, alerts: list[Alert]) -> None:
        self.model.set_alerts(list(alerts))
        self.heading.setText("<b>" + self.tr("Alerts (%1)").replace("%1", str(len(alerts)))
                             + "</b>")
        self._enable()
        self.count_changed.emit(len(self.alerts))

    def select_row(self, row: int) -> None:
        """Make alert ``row`` the current one (as a click would)."""
        self.list.setCurrentIndex(self.model.index(row))

    def _enable(self) -> None:
        has = 0 <= self.list.currentIndex().row() < len(self.alerts)
        self.open_button.setEnabled(has)
        self.ack_button.setEnabled(has)

    def current_alert(self) -> Alert | None:
        row = self.list.currentIndex().row()
        return self.alerts[row] if 0 <= row < len(self.alerts) else None

    def open_current(self) -> None:
        alert = self.current_alert()
        if alert is None:
            return
        if alert.ticket_ids:
            self.context.bus.open_tickets.emit(
                TicketSelection.of_ids(self.describe(alert), alert.ticket_ids))
        elif alert.vendor_id is not None:
            self.context.bus.open_vendor.emit(alert.vendor_id)

    def acknowledge_current(self) -> None:
        """Record the acknowledgement off the GUI thread, then drop the alert from the list."""
        alert = self.current_alert()
        if alert is None:
            return
        db, user, key = self.context.db, self.context.user, alert.key

        def work(_progress: Progress) -> str:
            acknowledge(db, key, user)
            return key

        self.ack_button.setEnabled(False)
        self.context.runner.submit(work, on_result=self._on_acknowledged,
                                   on_error=lambda e: self.context.bus.status_message.emit(str(e)),
                                   key=f"ack-{key}", owner=self)

    def _on_acknowledged(self, key: str) -> None:
        self.set_alerts([a for a in self.alerts if a.key != key])
        self.acknowledged.emit(key)
        self.context.bus.data_changed.emit({"alert_acks"})


def _num(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) else None


__all__ = ["AlertsPanel"]
