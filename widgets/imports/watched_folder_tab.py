"""Settings → Watched folder: a folder whose new spreadsheets are imported automatically.

The tab keeps its choices in ``context.prefs`` (keys ``watched_folder``,
``watched_folder_enabled``, ``watched_folder_mode``) and emits ``settings_changed``
(folder or "", mode) so ``app`` can (re)start its ``WatchedFolder``; ``show_log_line``
appends what the watcher did.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from widgets.common.context import PageContext


class WatchedFolderTab(QWidget):
    """Choose the watched folder, switch it on or off, and see the import log."""

    settings_changed = Signal(str, str)  # folder ("" = off), mode

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        prefs = context.prefs
        self.enabled = QCheckBox(self.tr("Import new spreadsheets from this folder"))
        self.enabled.setChecked(str(prefs.get("watched_folder_enabled", "false")) == "true")
        self.folder = QLineEdit(str(prefs.get("watched_folder", "") or ""))
        self.folder.setAccessibleName(self.tr("Watched folder"))
        self.browse = QPushButton(self.tr("Browse…"))
        self.mode = QComboBox()
        self.mode.setAccessibleName(self.tr("When some rows are invalid"))
        self.mode.addItem(self.tr("Import the valid rows"), "skip-invalid")
        self.mode.addItem(self.tr("Import nothing"), "all-or-nothing")
        self.mode.setCurrentIndex(max(0, self.mode.findData(
            prefs.get("watched_folder_mode", "skip-invalid"))))
        self.log = QPlainTextEdit()
        self.log.setReadOnly(True)
        self.log.setAccessibleName(self.tr("Watched folder log"))
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(self.browse)
        form = QFormLayout(self)
        form.addRow(self.enabled)
        form.addRow(self.tr("Folder:"), row)
        form.addRow(self.tr("When some rows are invalid:"), self.mode)
        form.addRow(self.tr("Log:"), self.log)
        self.browse.clicked.connect(self._on_browse_clicked)
        self.enabled.toggled.connect(self._on_changed)
        self.folder.editingFinished.connect(self._on_changed)
        self.mode.currentIndexChanged.connect(self._on_changed)

    def _on_browse_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Watched folder"),
                                                  self.folder.text())
        if folder:
            self.folder.setText(folder)
            self._on_changed()

    def _on_changed(self) -> None:
        prefs = self.context.prefs
        prefs.set("watched_folder", self.folder.text().strip())
        prefs.set("watched_folder_enabled", "true" if self.enabled.isChecked() else "false")
        prefs.set("watched_folder_mode", self.mode.currentData())
        self.settings_changed.emit(self.active_folder(), self.mode.currentData())

    def active_folder(self) -> str:
        """The folder to watch, or "" when switched off."""
        return self.folder.text().strip() if self.enabled.isChecked() else ""

    def show_log_line(self, line: str) -> None:
        self.log.appendPlainText(line)
