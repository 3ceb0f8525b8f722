"""A touch-sized stopwatch whose reading fills a number item (waiting and service times)."""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

TOUCH = 44  # px: the smallest comfortable touch target


def format_seconds(seconds: float) -> str:
    """``m:ss.s`` for a duration in seconds."""
    minutes, rest = divmod(max(0.0, seconds), 60)
    return f"{int(minutes)}:{rest:04.1f}"


class StopwatchWidget(QWidget):
    """Start/Stop/Reset. Stopping emits ``reading_taken`` with the elapsed seconds."""

    reading_taken = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._clock = QElapsedTimer()
        self._carried_ms = 0
        self._tick = QTimer(self)
        self._tick.setInterval(100)
        self._tick.timeout.connect(self._show)
        self.display = QLabel(format_seconds(0))
        self.display.setObjectName("stopwatchDisplay")
        self.display.setMinimumWidth(90)
        self.display.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.start_button = QPushButton(self.tr("Start"))
        self.start_button.setAccessibleName(self.tr("Start or stop the stopwatch"))
        self.reset_button = QPushButton(self.tr("Reset"))
        self.reset_button.setAccessibleName(self.tr("Reset the stopwatch"))
        for button in (self.start_button, self.reset_button):
            button.setMinimumSize(96, TOUCH)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys belong to the form
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.display)
        layout.addWidget(self.start_button)
        layout.addWidget(self.reset_button)
        self.start_button.clicked.connect(self.toggle)
        self.reset_button.clicked.connect(self.reset)

    @property
    def running(self) -> bool:
        return self._tick.isActive()

    def elapsed_s(self) -> float:
        """Seconds measured so far (including earlier runs since the last reset)."""
        running = self._clock.elapsed() if self.running else 0
        return (self._carried_ms + running) / 1000

    def toggle(self) -> None:
        if self.running:
            self.stop()
        else:
            self._clock.start()
            self._tick.start()
            self.start_button.setText(self.tr("Stop"))

    def stop(self) -> None:
        if not self.running:
            return
        self._carried_ms += self._clock.elapsed()
        self._tick.stop()
        self.start_button.setText(self.tr("Start"))
        self._show()
        self.reading_taken.emit(round(self.elapsed_s(), 1))

    def reset(self) -> None:
        self._tick.stop()
        self._carried_ms = 0
        self.start_button.setText(self.tr("Start"))
        self._show()

    def _show(self) -> None:
        self.display.setText(format_seconds(self.elapsed_s()))
