"""Imports page: every import batch with its counts."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from models.queries.listings import BatchSummary, list_batches
from widgets.common.context import PageContext
from widgets.common.record_table import Column
from widgets.common.table_page import RecordTablePage


class ImportsPage(RecordTablePage):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        columns: list[Column[BatchSummary]] = [
            Column(self.tr("When"), lambda b: b.started_at),
            Column(self.tr("File"), lambda b: b.file_name),
            Column(self.tr("Kind"), lambda b: b.kind),
            Column(self.tr("Source"), lambda b: b.source),
            Column(self.tr("Rows"), lambda b: b.rows, align_right=True),
            Column(self.tr("Inserted"), lambda b: b.inserted, align_right=True),
            Column(self.tr("Updated"), lambda b: b.updated, align_right=True),
            Column(self.tr("Rejected"), lambda b: b.rejected, align_right=True),
            Column(self.tr("Status"), lambda b: b.status),
            Column(self.tr("User"), lambda b: b.user),
        ]
        super().__init__(
            context, self.tr("Imports"), columns, list_batches, {"import_batches"}, parent
        )

    def import_files(self, paths: list[Path]) -> None:
        """Start importing ``paths`` (File → Import…, the toolbar, dropped files)."""
        QMessageBox.information(
            self, self.tr("Import"), self.tr("Importing files is not available yet.")
        )
