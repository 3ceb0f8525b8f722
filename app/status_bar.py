"""Status bar naming the database and its row counts, with a busy indicator."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar, QWidget

from app.tasks import QtTaskRunner
from models.db import Database
from models.queries.overview import table_counts


class DatabaseStatusBar(QStatusBar):
    def __init__(self, db: Database, runner: QtTaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.database_label = QLabel()
        self.counts_label = QLabel()
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(120)
        self.busy.setAccessibleName(self.tr("Working"))
        self.busy.hide()
        self.addWidget(self.database_label, 1)
        self.addPermanentWidget(self.counts_label)
        self.addPermanentWidget(self.busy)
        runner.busy_changed.connect(self.busy.setVisible)
        self.refresh()

    def refresh(self) -> None:
        counts = table_counts(self.db)
        self.database_label.setText(self.tr("Database: %1").replace("%1", self.db.display_name))
        self.counts_label.setText(
            self.tr("%1 tickets · %2 vendors · %3 sites · %4 inspections")
            .replace("%1", f"{counts.tickets:,}")
            .replace("%2", f"{counts.vendors:,}")
            .replace("%3", f"{counts.sites:,}")
            .replace("%4", f"{counts.inspections:,}")
        )
