"""The ticket detail panel: every field of the selected ticket, its durations and its SLA
state (met / breached / pending with the time left) under the policy in force.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QVBoxLayout, QWidget

from models.kpi.api import SlaState, TicketSla
from models.queries.tickets import TicketRow
from widgets.common.record_table import display_text

OUTCOME_COLOURS = {"met": "#2e9d5b", "breached": "#d64541", "pending": "#e0a526"}


MIN = QT_TRANSLATE_NOOP("TicketDetailPanel", "%1 min")
HOURS_MIN = QT_TRANSLATE_NOOP("TicketDetailPanel", "%1 h %2 min")
DAYS = QT_TRANSLATE_NOOP("TicketDetailPanel", "%1 d")


def _unit(text: str) -> str:
    return QCoreApplication.translate("TicketDetailPanel", text)


def minutes_text(minutes: float | None) -> str:
    """``95`` → "1 h 35 min" (units translated); days beyond 48 h."""
    if minutes is None:
        return "—"
    sign = "−" if minutes < 0 else ""
    m = abs(minutes)
    if m < 60:
        return _unit(MIN).replace("%1", f"{sign}{m:.0f}")
    if m < 48 * 60:
        return _unit(HOURS_MIN).replace("%1", f"{sign}{int(m // 60)}").replace(
            "%2", str(int(m % 60)))
    return _unit(DAYS).replace("%1", f"{sign}{m / 1440:.1f}")


STATUS_TEXTS = {
    "open": QT_TRANSLATE_NOOP("TicketDetailPanel", "open"),
    "in_progress": QT_TRANSLATE_NOOP("TicketDetailPanel", "in progress"),
    "resolved": QT_TRANSLATE_NOOP("TicketDetailPanel", "resolved"),
    "closed": QT_TRANSLATE_NOOP("TicketDetailPanel", "closed"),
}


def status_text(status: str | None) -> str:
    """A ticket status as the user reads it (translated); unknown values unchanged."""
    if status is None:
        return ""
    return _unit(STATUS_TEXTS[status]) if status in STATUS_TEXTS else status


class TicketDetailPanel(QFrame):
    """Shows one :class:`TicketRow` and, once computed, its :class:`TicketSla`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumWidth(260)
        self.heading = QLabel(self.tr("No ticket selected"))
        self.heading.setWordWrap(True)
        self.form = QFormLayout()
        self.fields: dict[str, QLabel] = {}
        for key, label in (
            ("external_id", self.tr("ID")), ("source", self.tr("Source")),
            ("title", self.tr("Title")), ("priority", self.tr("Priority")),
            ("status", self.tr("Status")), ("channel", self.tr("Channel")),
            ("category", self.tr("Category")), ("is_complaint", self.tr("Complaint")),
            ("agent", self.tr("Agent")), ("site", self.tr("Site")),
            ("vendor", self.tr("Vendor")), ("created_at", self.tr("Created")),
            ("first_response_at", self.tr("First response")),
            ("answered_at", self.tr("Answered")), ("onsite_at", self.tr("On site")),
            ("resolved_at", self.tr("Resolved")), ("closed_at", self.tr("Closed")),
            ("customer", self.tr("Customer")), ("team", self.tr("Team")),
            ("csat", self.tr("CSAT")), ("nps", self.tr("NPS")),
            ("reopened_count", self.tr("Reopened")), ("description", self.tr("Description")),
            ("frt", self.tr("First-response time")), ("resolution", self.tr("Resolution time")),
            ("policy", self.tr("SLA policy")), ("response_sla", self.tr("Response SLA")),
            ("resolution_sla", self.tr("Resolution SLA")),
        ):
            value = QLabel()
            value.setWordWrap(True)
            value.setAccessibleName(label)
            self.fields[key] = value
            self.form.addRow(label, value)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(self.form)
        layout.addStretch(1)
        self.ticket: TicketRow | None = None

    def show_ticket(self, ticket: TicketRow | None) -> None:
        self.ticket = ticket
        if ticket is None:
            self.heading.setText(self.tr("No ticket selected"))
            for label in self.fields.values():
                label.clear()
            return
        self.heading.setText(f"<b>{ticket.external_id}</b>")
        for key, label in self.fields.items():
            if hasattr(ticket, key):
                label.setText(display_text(getattr(ticket, key)))
        self.fields["status"].setText(status_text(ticket.status))
        self.fields["frt"].setText(self._between(ticket.created_at, ticket.first_response_at))
        self.fields["resolution"].setText(self._between(ticket.created_at, ticket.resolved_at))
        for key in ("policy", "response_sla", "resolution_sla"):
            self.fields[key].setText(self.tr("computing…"))

    def _between(self, start: dt.datetime, end: dt.datetime | None) -> str:
        if end is None:
            return self.tr("not yet")
        return minutes_text((end - start).total_seconds() / 60.0)

    def show_sla(self, sla: TicketSla | None) -> None:
        if sla is None:
            for key in ("policy", "response_sla", "resolution_sla"):
                self.fields[key].setText("—")
            return
        self.fields["policy"].setText(sla.policy_name or self.tr("no matching policy"))
        self.fields["response_sla"].setText(self.state_text(sla.response))
        self.fields["resolution_sla"].setText(self.state_text(sla.resolution))

    def state_text(self, state: SlaState) -> str:
        """"met in 12 min of 60 min", "breached by 2 h", "pending: 35 min left" …"""
        target = minutes_text(state.target_min)
        if state.outcome == "met":
            text = self.tr("met (%1 of %2)").replace("%1", minutes_text(state.elapsed_min))
        elif state.outcome == "breached":
            over = -state.left_min if state.left_min is not None else None
            text = self.tr("breached by %1 (target %2)").replace("%1", minutes_text(over))
        elif state.outcome == "pending":
            text = self.tr("pending: %1 left of %2").replace("%1", minutes_text(state.left_min))
        else:
            return self.tr("not measured")
        text = text.replace("%2", target)
        if state.deadline is not None and state.outcome == "pending":
            text += "<br>" + self.tr("deadline %1").replace("%1", display_text(state.deadline))
        if state.business_calendar:
            text += "<br>" + self.tr("business hours: %1").replace("%1", state.business_calendar)
        colour = OUTCOME_COLOURS.get(state.outcome, "#888888")
        return f"<span style='color:{colour}'>{text}</span>"


__all__ = ["TicketDetailPanel", "minutes_text"]
