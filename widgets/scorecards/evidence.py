"""Where a click on a criterion's evidence leads: the Tickets page for ticket evidence,
otherwise a dialog listing the inspections, metric rows or ratings behind the score."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QVBoxLayout, QWidget

from models.scorecards.queries import EvaluationDetail
from widgets.common.context import PageContext

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")


class EvidenceDialog(QDialog):
    def __init__(self, title: str, lines: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.list = QListWidget()
        self.list.addItems(lines)
        self.list.setAccessibleName(self.tr("Evidence"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(title))
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.resize(480, 360)


def open_evidence(parent: QWidget, context: PageContext, detail: EvaluationDetail,
                  criterion_id: int) -> EvidenceDialog | None:
    """Emit ``open_tickets`` for ticket evidence, else open (and return) a dialog."""
    crit = next((c for c in detail.criteria if c.criterion_id == criterion_id), None)
    if crit is None:
        return None
    ev = crit.evidence
    title = f"{detail.evaluation.vendor_code} · {crit.name} · {detail.evaluation.period_label}"
    tickets = ev.get("tickets") or []
    if tickets:
        from widgets.tickets.selection import TicketSelection

        context.bus.open_tickets.emit(TicketSelection.of_ids(title, tickets))
        return None
    lines: list[str] = []
    for key, text in (("inspections", translate("EvidenceDialog", "Inspection #%1")),
                      ("metrics", translate("EvidenceDialog", "Vendor metric row #%1"))):
        lines += [text.replace("%1", str(i)) for i in ev.get(key) or []]
    for r in detail.ratings:
        if r.criterion_id == criterion_id:
            line = f"{r.evaluator}: {r.rating:g}"
            if r.comment:
                line += f" — {r.comment}"
            if r.dropped:
                line += " " + translate("EvidenceDialog", "(dropped)")
            lines.append(line)
    if ev.get("carried_from"):
        carried = translate("EvidenceDialog", "Carried from %1")
        lines.append(carried.replace("%1", str(ev["carried_from"])))
    if ev.get("error"):
        lines.append(str(ev["error"]))
    if not lines:
        lines.append(translate("EvidenceDialog",
                               "No evidence: this criterion has no data for the period."))
    dialog = EvidenceDialog(title, lines, parent)
    dialog.open()
    return dialog
