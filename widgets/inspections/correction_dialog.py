"""Asking who corrects a submitted inspection and why."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)


class CorrectionDialog(QDialog):
    """Name and reason; OK stays disabled until both are given."""

    def __init__(self, who: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Correct a submitted inspection"))
        self.who = QLineEdit(who)
        self.who.setAccessibleName(self.tr("Corrected by"))
        self.why = QPlainTextEdit()
        self.why.setAccessibleName(self.tr("Reason"))
        self.why.setPlaceholderText(self.tr("Why is a correction needed?"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Corrected by"), self.who)
        form.addRow(self.tr("Reason"), self.why)
        form.addRow(self.buttons)
        self.who.textChanged.connect(self._update)
        self.why.textChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        ok = bool(self.who.text().strip() and self.why.toPlainText().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def values(self) -> tuple[str, str]:
        return self.who.text().strip(), self.why.toPlainText().strip()


def ask_correction(parent: QWidget, who: str) -> tuple[str, str] | None:
    dialog = CorrectionDialog(who, parent)
    try:
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()
