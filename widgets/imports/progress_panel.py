"""A progress strip for a running import: stage, bar, rows per second and Cancel."""

from __future__ import annotations

import time

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from widgets.imports.messages import stage_text


class ImportProgressPanel(QWidget):
    """Shows what the running import does; ``cancel_requested`` when Cancel is clicked."""

    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.file_label = QLabel()
        self.bar = QProgressBar()
        self.bar.setAccessibleName(self.tr("Import progress"))
        self.rate_label = QLabel()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel the import"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.file_label)
        layout.addWidget(self.bar, 1)
        layout.addWidget(self.rate_label)
        layout.addWidget(self.cancel_button)
        self.cancel_button.clicked.connect(self.cancel_requested)
        self._stage, self._stage_started = "", time.monotonic()
        self.hide()

    def start(self, file_name: str) -> None:
        self.file_label.setText(file_name)
        self.bar.setRange(0, 0)
        self.rate_label.clear()
        self._stage, self._stage_started = "", time.monotonic()
        self.cancel_button.setEnabled(True)
        self.show()

    def set_progress(self, done: int, total: int | None, stage: str) -> None:
        """Update the bar; rows per second are measured from the start of the stage."""
        now = time.monotonic()
        if stage != self._stage:
            self._stage, self._stage_started = stage, now
        if total:
            self.bar.setRange(0, 1000)
            self.bar.setValue(int(1000 * min(done, total) / total))
        else:
            self.bar.setRange(0, 0)
        elapsed = now - self._stage_started
        text = stage_text(stage)
        if total and done and elapsed > 0.2:
            text += " · " + self.tr("%1 rows/s").replace("%1", f"{done / elapsed:,.0f}")
        elif total:
            text += " · " + self.tr("%1 rows").replace("%1", f"{total:,}")
        self.rate_label.setText(text)

    def stop(self) -> None:
        self.hide()
