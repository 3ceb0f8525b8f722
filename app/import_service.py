"""The imports page's service: ``widgets.imports.service.ImportService`` on ``importers``.

Reading, validating and loading run in a sandboxed ``spawn`` child
(:func:`importers.job.run_isolated_job`), so the window's interpreter never parses a
file and a cancel stops the child before its transaction commits. The main window
passes an instance as ``PageContext.services["imports"]``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from models.db import Database
from models.progress import Progress
from widgets.imports.service import (
    ColumnPreview,
    FieldChoice,
    ImportOutcome,
    ImportPreview,
    ImportRefusal,
    ProblemRow,
)


def page_services(db: Database, user: str | None) -> dict[str, Any]:
    """The services the main window hands every page (``PageContext.services``)."""
    return {"imports": AppImportService(db, user)}


def _problems(errors: list[Any]) -> list[ProblemRow]:
    return [ProblemRow(e.row, e.column, "" if e.value is None else str(e.value), e.code,
                       e.message) for e in errors]


class AppImportService:
    """Imports into ``db`` for user ``user``; ``isolated=False`` runs in the calling
    thread (tests of the plain flow; the application always isolates)."""

    def __init__(self, db: Database, user: str | None = None, *, isolated: bool = True) -> None:
        self.db, self.user, self.isolated = db, user, isolated

    def _call(self, fn: Any, path: Path, progress: Progress, **kwargs: Any) -> Any:
        from importers.job import run_isolated_job
        from importers.table import ImportRefused

        try:
            if self.isolated:
                return run_isolated_job(fn, path, self.db.url, progress=progress, **kwargs)
            return fn(path, self.db.url, progress=progress, **kwargs)
        except ImportRefused as exc:
            raise ImportRefusal(exc.code, exc.path, str(exc)) from exc

    def fields(self, kind: str) -> list[FieldChoice]:
        from importers.fields import fields_for

        return [FieldChoice(f.name, f.label, f.kind, f.required)
                for f in fields_for(kind).values()]

    def codes(self, field_name: str) -> list[str]:
        from importers.values import PRIORITY_SYNONYMS, STATUS_SYNONYMS

        table = {"priority": PRIORITY_SYNONYMS, "status": STATUS_SYNONYMS}.get(field_name, {})
        return sorted(set(table.values()))

    def _mapping(self, data: dict[str, Any] | None, headers: list[str] | None) -> Any:
        from importers.mapping import mapping_from_dict

        if data is None:
            return None
        return mapping_from_dict(data, headers or list(data.get("mapping", {})))

    def preview(self, path: Path, *, mapping: dict[str, Any] | None,
                progress: Progress) -> ImportPreview:
        from importers.job import preview_file

        chosen = self._mapping(mapping, mapping.get("headers") if mapping else None)
        pv = self._call(preview_file, path, progress, mapping=chosen)
        report = pv.report
        validation = report.validation
        columns = [ColumnPreview(c.header, c.field, c.confidence, c.unit,
                                 pv.samples.get(c.header, c.samples))
                   for c in pv.mapping.columns]
        data = pv.mapping.to_dict()
        data["headers"] = [c.header for c in pv.mapping.columns]
        return ImportPreview(
            path=Path(path), kind=report.kind, sheet=report.sheet, rows=report.rows,
            columns=columns, mapping=data, errors=_problems(report.errors),
            rejected=report.rejected, unknown_values=report.unknown_values,
            warnings=report.warnings, profile=pv.profile, duplicate_of=report.duplicate_of,
            headers=validation.headers if validation else [],
            rejected_rows=validation.rejected_rows if validation else {},
            detected_kind=pv.detected_kind,
            event_log_rows=pv.event_log.rows if pv.event_log else 0,
            event_log_tickets=pv.event_log.tickets if pv.event_log else 0,
            has_period=pv.has_period)

    def run(self, path: Path, *, mapping: dict[str, Any] | None, mode: str,
            progress: Progress, force: bool = False, kind: str = "tickets",
            options: dict[str, Any] | None = None) -> ImportOutcome:
        from importers.job import import_file

        chosen = self._mapping(mapping, mapping.get("headers") if mapping else None) \
            if kind == "tickets" else None
        r = self._call(import_file, path, progress, kind=kind, mapping=chosen, mode=mode,
                       user=self.user, force=force, options=dict(options or {}))
        return ImportOutcome(Path(path), r.batch, r.rows, r.inserted, r.updated, r.rejected,
                             _problems(r.errors), r.warnings, r.duplicate_of, r.seconds, r.kind)

    def period_label(self, text: str) -> str | None:
        from importers.periods import parse_period

        period = parse_period(text.strip()) if text.strip() else None
        return period.label if period is not None else None

    def save_profile(self, name: str, mapping: dict[str, Any], headers: list[str],
                     source: str) -> None:
        from importers.mapping import mapping_from_dict
        from importers.profiles import save_profile

        save_profile(self.db, name, mapping_from_dict(mapping, headers), source=source,
                     headers=headers)

    def undo(self, batch_id: int) -> None:
        from importers.batches import BatchUndoError, undo_batch
        from importers.kinds import get_kind
        from models.orm import ImportBatch

        with self.db.session() as s:
            batch = s.get(ImportBatch, batch_id)
            kind = batch.kind if batch is not None else "tickets"
        try:
            if kind == "tickets":
                undo_batch(self.db, batch_id)
            else:
                get_kind(kind).undo(self.db, batch_id)
        except BatchUndoError as exc:
            raise ImportRefusal(exc.code, str(batch_id), str(exc)) from exc
        except (LookupError, ValueError) as exc:
            raise ImportRefusal("cannot_undo", str(batch_id), str(exc)) from exc

    def batch_errors(self, batch_id: int) -> tuple[list[ProblemRow], list[str]]:
        from importers.batches import batch_report

        report = batch_report(self.db, batch_id) or {}
        errors = [ProblemRow(int(e.get("row", 0)), str(e.get("column", "")),
                             "" if e.get("value") is None else str(e.get("value")),
                             str(e.get("reason", "")), str(e.get("message", e.get("reason", ""))))
                  for e in report.get("errors", [])]
        return errors, [str(w) for w in report.get("warnings", report.get("notes", []))]
