"""What the inspector sees on submit: the score and verdict at once, or what is missing."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from models.checklists.scoring import ScoreResult
from widgets.inspections.report_html import blocker_label, summary_html

translate = QCoreApplication.translate


class ResultDialog(QDialog):
    """Score, pass/fail, section scores, failed items and critical failures."""

    def __init__(self, result: ScoreResult, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result = result
        self.setWindowTitle(self.tr("Inspection submitted"))
        self.browser = QTextBrowser()
        self.browser.setHtml(summary_html(result))
        self.browser.setAccessibleName(self.tr("Result"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setMinimumHeight(44)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(560, 520)


def show_blockers(parent: QWidget, result: ScoreResult) -> None:
    """Tell which items block submission and why (at most 12 listed)."""
    lines = [f"• {b.text} — {blocker_label(b.reason)}" for b in result.blockers[:12]]
    if len(result.blockers) > 12:
        lines.append("…")
    box = QMessageBox(QMessageBox.Icon.Warning, translate("ResultDialog", "Cannot submit yet"),
                      translate("ResultDialog", "%1 item(s) still need an answer or evidence:")
                      .replace("%1", str(len(result.blockers))), parent=parent)
    box.setInformativeText("\n".join(lines))
    box.open()
