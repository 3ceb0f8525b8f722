"""Imports page: every import batch with its counts, and the import flow itself.

``import_files(paths)`` (File → Import…, the toolbar, dropped files) imports the files
one after the other. For each: a preview (read, map, validate — in the service's
sandboxed child, through ``context.runner``) → the mapping dialog when the mapping
needs confirming (no profile matched, a required field or unknown values, an event log
to decide on, or headers that suggest inspections or vendor metrics; a changed mapping
is previewed again, an unchanged one is not) → for tickets, the validation report when
rows are invalid ("Import valid rows" / "Import nothing") → the import with a progress
strip (stage, rows/s, Cancel). Inspections and vendor metrics are imported as soon as
the dialog is confirmed (their importers skip and report unreadable rows). The GUI
thread never parses. Batches of every kind can be undone and their stored report shown.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.progress import Cancelled, Progress
from models.queries.listings import BatchSummary, list_batches
from widgets.common.context import PageContext
from widgets.common.record_table import Column
from widgets.common.table_page import RecordTablePage
from widgets.imports.mapping_dialog import MappingDialog, same_choices
from widgets.imports.messages import kind_text, refusal_text
from widgets.imports.progress_panel import ImportProgressPanel
from widgets.imports.report_dialog import ValidationReportDialog
from widgets.imports.service import ImportOutcome, ImportPreview, ImportRefusal, ImportService

CHANGED_TABLES = {"tickets", "import_batches", "sites", "vendors", "inspections",
                  "checklist_templates", "vendor_metrics"}
REQUIRED = ("external_id",)


class ImportsPage(RecordTablePage):
    """The batches table plus the import flow (see module doc)."""

    import_finished = Signal(object)  # ImportOutcome
    import_failed = Signal(str)  # a translated message
    batch_undone = Signal(int)

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        columns: list[Column[BatchSummary]] = [
            Column(self.tr("When"), lambda b: b.started_at),
            Column(self.tr("File"), lambda b: Path(b.file_name).name),
            Column(self.tr("Kind"), lambda b: kind_text(b.kind)),
            Column(self.tr("Source"), lambda b: b.source),
            Column(self.tr("Rows"), lambda b: b.rows, align_right=True),
            Column(self.tr("Inserted"), lambda b: b.inserted, align_right=True),
            Column(self.tr("Updated"), lambda b: b.updated, align_right=True),
            Column(self.tr("Rejected"), lambda b: b.rejected, align_right=True),
            Column(self.tr("Status"), lambda b: b.status),
            Column(self.tr("User"), lambda b: b.user),
        ]
        super().__init__(context, self.tr("Imports"), columns, list_batches, {"import_batches"},
                         parent)
        self.service: ImportService | None = context.services.get("imports")
        self.import_button = QPushButton(self.tr("Import…"))
        self.undo_button = QPushButton(self.tr("Undo import"))
        self.report_button = QPushButton(self.tr("Show report"))
        for b, name in ((self.import_button, self.tr("Import spreadsheets")),
                        (self.undo_button, self.tr("Undo the selected import")),
                        (self.report_button, self.tr("Show the report of the selected import"))):
            b.setAccessibleName(name)
        bar = QHBoxLayout()
        for b in (self.import_button, self.undo_button, self.report_button):
            bar.addWidget(b)
        bar.addStretch(1)
        self.progress_panel = ImportProgressPanel(self)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertLayout(1, bar)
        layout.insertWidget(2, self.progress_panel)
        layout.insertWidget(3, self.message)
        self.import_button.clicked.connect(self._on_import_button_clicked)
        self.undo_button.clicked.connect(lambda: self.undo_selected())
        self.report_button.clicked.connect(self.show_selected_report)
        self.progress_panel.cancel_requested.connect(self.cancel)
        self._queue: list[Path] = []
        self._handle: Any = None
        self._current: Path | None = None
        self.mapping_dialog: MappingDialog | None = None
        self.report_dialog: ValidationReportDialog | None = None

    # -- the flow --------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return self._current is not None

    def import_files(self, paths: list[Path]) -> None:
        """Start importing ``paths`` (File → Import…, the toolbar, dropped files)."""
        if self.service is None:
            self._fail(self.tr("Importing is not available in this window."))
            return
        self._queue.extend(Path(p) for p in paths)
        if not self.busy:
            self._next()

    def _next(self) -> None:
        self._current = None
        self.progress_panel.stop()
        if self._queue:
            self._current = self._queue.pop(0)
            self._preview(self._current, None)

    def _submit(self, fn: Any, on_result: Any) -> None:
        assert self._current is not None
        self.progress_panel.start(self._current.name)
        self._handle = self.context.runner.submit(
            fn, on_result=on_result, on_error=self._on_task_error,
            on_progress=self.progress_panel.set_progress, key="import", owner=self)

    def _preview(self, path: Path, mapping: dict[str, Any] | None) -> None:
        service = self.service
        assert service is not None

        def work(progress: Progress) -> ImportPreview:
            return service.preview(path, mapping=mapping, progress=progress)

        self._submit(work, self._on_preview_ready if mapping is None else self._on_checked)

    def _on_preview_ready(self, preview: ImportPreview) -> None:
        self.progress_panel.stop()
        if preview.duplicate_of is not None:
            self._say_duplicate(preview.path, preview.duplicate_of)
            self._next()
            return
        mapped = set(preview.mapping.get("mapping", {}).values())
        undecided_event_log = preview.event_log_rows > 0 and "event_log" not in \
            preview.mapping.get("options", {})
        needs_confirming = (preview.profile is None or bool(preview.unknown_values)
                            or not set(REQUIRED) <= mapped or undecided_event_log
                            or preview.detected_kind not in (None, "tickets"))
        if not needs_confirming:
            self._on_checked(preview)
            return
        assert self.service is not None
        codes = {name: self.service.codes(name) for name in preview.unknown_values}
        dialog = MappingDialog(preview, self.service.fields(preview.kind), codes, self,
                               period_label=self.service.period_label)
        self.mapping_dialog = dialog
        dialog.finished.connect(lambda result: self._on_mapping_dialog_finished(dialog, result))
        dialog.open()

    def _on_mapping_dialog_finished(self, dialog: MappingDialog, result: int) -> None:
        self.mapping_dialog = None
        dialog.deleteLater()
        if result != QDialog.DialogCode.Accepted or self._current is None:
            self._say(self.tr("Import of %1 cancelled.").replace("%1", dialog.preview.path.name))
            self._next()
            return
        if dialog.kind() != "tickets":  # no column mapping, no preview: import it
            self._run(dialog.preview, "skip-invalid", dialog.kind(), dialog.kind_options())
            return
        mapping = dialog.mapping()
        name = dialog.profile_to_save()
        if name and self.service is not None:
            self.service.save_profile(name, mapping, [c.header for c in dialog.preview.columns],
                                      source=name)
        if same_choices(mapping, dialog.preview.mapping):  # the preview stands: no new read
            checked = dataclasses.replace(dialog.preview, mapping=mapping)
            # the next dialog on the next event-loop turn: this one closes and paints first
            QTimer.singleShot(0, self, lambda: self._on_checked(checked))
        else:
            self._preview(self._current, mapping)

    def _on_checked(self, preview: ImportPreview) -> None:
        """The mapping is settled: ask about invalid rows, then import."""
        self.progress_panel.stop()
        if not preview.errors:
            self._run(preview, "all-or-nothing")
            return
        dialog = ValidationReportDialog(
            preview.path.name, preview.rows, preview.rejected, preview.errors, preview.warnings,
            headers=preview.headers, rejected_rows=preview.rejected_rows, parent=self)
        self.report_dialog = dialog
        dialog.finished.connect(lambda _r: self._on_report_dialog_finished(dialog, preview))
        dialog.open()

    def _on_report_dialog_finished(self, dialog: ValidationReportDialog,
                                   preview: ImportPreview) -> None:
        self.report_dialog = None
        dialog.deleteLater()
        if dialog.choice is None:
            self._say(self.tr("Nothing imported from %1.").replace("%1", preview.path.name))
            self._next()
            return
        self._run(preview, dialog.choice)

    def _run(self, preview: ImportPreview, mode: str, kind: str = "tickets",
             options: dict[str, Any] | None = None) -> None:
        """Import ``preview``'s file as ``kind``. Tickets go in with the confirmed mapping;
        inspections and vendor metrics have none (their importers validate while they
        load, so ``skip-invalid`` lists the rows they cannot read in the batch's report)."""
        service = self.service
        assert service is not None
        mapping = preview.mapping if kind == "tickets" else None

        def work(progress: Progress) -> ImportOutcome:
            return service.run(preview.path, mapping=mapping, mode=mode, progress=progress,
                               force=preview.duplicate_of is not None, kind=kind,
                               options=options)

        self._submit(work, self._on_imported)

    def _on_imported(self, outcome: ImportOutcome) -> None:
        if outcome.duplicate_of is not None and outcome.batch == outcome.duplicate_of:
            self._say_duplicate(outcome.path, outcome.duplicate_of)
        elif outcome.batch is not None:
            self._say(self.tr("%1: %2 rows, %3 inserted, %4 updated, %5 rejected.")
                      .replace("%1", outcome.path.name).replace("%2", f"{outcome.rows:,}")
                      .replace("%3", f"{outcome.inserted:,}")
                      .replace("%4", f"{outcome.updated:,}")
                      .replace("%5", f"{outcome.rejected:,}"))
            self.context.bus.data_changed.emit(set(CHANGED_TABLES))
        else:
            self._say(self.tr("Nothing imported from %1.").replace("%1", outcome.path.name))
        self.import_finished.emit(outcome)
        self._next()

    def _on_task_error(self, error: BaseException) -> None:
        name = self._current.name if self._current else ""
        if isinstance(error, Cancelled):
            self._say(self.tr("Import of %1 cancelled; nothing was changed.").replace("%1", name))
        elif isinstance(error, ImportRefusal):
            self._fail(f"{name}: {refusal_text(error.code, error.message)}")
        else:
            self._fail(self.tr("%1 could not be imported: %2").replace("%1", name).replace(
                "%2", str(error)))
        self._next()

    def cancel(self) -> None:
        """Stop the running step; the child process stops and nothing is committed."""
        self._queue.clear()
        if self._handle is not None and not self._handle.done:
            self._handle.cancel()
            self.progress_panel.cancel_button.setEnabled(False)
            self._say(self.tr("Import cancelled; nothing was changed."))
            self._next()

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.context.bus.status_message.emit(text)

    def _say_duplicate(self, path: Path, batch: int) -> None:
        self._say(self.tr("%1 was already imported as batch %2; nothing done.").replace(
            "%1", path.name).replace("%2", str(batch)))

    def _fail(self, text: str) -> None:
        self._say(text)
        self.import_failed.emit(text)

    def _on_import_button_clicked(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Import spreadsheets"), "",
            self.tr("Spreadsheets (*.xlsx *.xlsm *.xls *.ods *.csv *.tsv *.txt)"))
        if paths:
            self.import_files([Path(p) for p in paths])

    # -- batches --------------------------------------------------------------------
    def selected_batch(self) -> BatchSummary | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        record: BatchSummary = self.model.record(self.proxy.mapToSource(rows[0]).row())
        return record

    def undo_selected(self, *, confirm: bool = True) -> None:
        batch = self.selected_batch()
        if batch is not None:
            self.undo_batch(batch.id, confirm=confirm)

    def undo_batch(self, batch_id: int, *, confirm: bool = True) -> None:
        """Undo batch ``batch_id`` after the user confirms (``confirm=False``: at once)."""
        if self.service is None:
            return
        if confirm and QMessageBox.question(
                self, self.tr("Undo import"),
                self.tr("Undo import %1? Its new rows are removed and the rows it changed "
                        "get their previous values back.").replace("%1", str(batch_id)),
        ) != QMessageBox.StandardButton.Yes:
            return
        service = self.service

        def work(_progress: Progress) -> int:
            service.undo(batch_id)
            return batch_id

        self.context.runner.submit(work, on_result=self._on_undone,
                                   on_error=self._on_undo_error, key="undo-import", owner=self)

    def _on_undone(self, batch_id: int) -> None:
        self._say(self.tr("Import %1 undone.").replace("%1", str(batch_id)))
        self.context.bus.data_changed.emit(set(CHANGED_TABLES))
        self.batch_undone.emit(batch_id)

    def _on_undo_error(self, error: BaseException) -> None:
        if isinstance(error, ImportRefusal):
            self._fail(refusal_text(error.code, error.message))
        else:
            self._fail(str(error))

    def show_selected_report(self) -> None:
        batch = self.selected_batch()
        if batch is None or self.service is None:
            return
        errors, warnings = self.service.batch_errors(batch.id)
        dialog = ValidationReportDialog(Path(batch.file_name).name, batch.rows, batch.rejected,
                                        errors, warnings, read_only=True, parent=self)
        self.report_dialog = dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
