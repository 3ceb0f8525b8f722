"""The framework's :class:`ImportReport` for the inspection and vendor-metric imports.

Both kinds validate into ``(row, column, value, code, message)`` tuples; this module
turns them into :class:`RowError` objects, a :class:`ValidationReport` that keeps the
rejected rows' cells for export, and the :class:`ImportReport` that the command line
prints and the Imports page shows — the same shapes as a ticket import — and undoes a
batch with the same refusals as the ticket undo (:func:`undo_import`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from importers.batches import BatchUndoError
from importers.profiles import find_matching_profile, load_profile
from importers.report import ImportReport, RowError, ValidationReport, json_value
from importers.table import ImportRefused, RawTable
from models.db import Database
from models.orm import ImportBatch, ImportRowBackup
from models.orm.admin import BatchStatus

ErrorTuple = tuple[int, str, Any, str, str]


def file_sha256(path: Path) -> str:
    """SHA-256 of the file (64 zeros when it cannot be read, e.g. a table built in memory)."""
    h = hashlib.sha256()
    try:
        with open(path, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                h.update(block)
    except OSError:
        return "0" * 64
    return h.hexdigest()


def row_errors(errors: Sequence[ErrorTuple]) -> list[RowError]:
    """Sorted :class:`RowError` objects for error tuples."""
    return [RowError(r, c, json_value(v), code, message)
            for r, c, v, code, message in sorted(errors, key=lambda e: e[0])]


def batch_report(errors: Sequence[RowError], notes: Sequence[str], **extra: Any) -> dict[str, Any]:
    """The JSON stored in ``ImportBatch.report``."""
    return {"errors": [e.to_json() for e in errors], "warnings": list(notes), **extra}


def import_report(table: RawTable, kind: str, errors: Sequence[RowError], notes: Sequence[str],
                  *, batch: int | None, inserted: int, updated: int, source: str,
                  skip_invalid: bool, rows: int | None = None) -> ImportReport:
    """An :class:`ImportReport` with its :class:`ValidationReport` (rejected rows' cells)."""
    index = {r: i for i, r in enumerate(table.row_numbers)}
    rejected_rows = {e.row: [json_value(col[index[e.row]]) for col in table.columns]
                     for e in errors if e.row in index}
    validation = ValidationReport(str(table.path), table.sheet, table.n_rows,
                                  [str(h) for h in table.headers], list(errors), {},
                                  list(notes), rejected_rows, len({e.row for e in errors}))
    return ImportReport(
        file=str(table.path), kind=kind, batch=batch, rows=table.n_rows if rows is None else rows,
        inserted=inserted, updated=updated, rejected=validation.rejected, errors=list(errors),
        warnings=list(notes), source=source, sheet=table.sheet,
        mode="skip-invalid" if skip_invalid else "all-or-nothing", validation=validation)


def undo_import(db: Database, batch_id: int, kind: str, table_name: str,
                undo: Callable[[Session, ImportBatch], None]) -> None:
    """Undo batch ``batch_id`` of ``kind`` in one transaction with ``undo(session, batch)``.

    Refuses like the ticket undo (:class:`importers.batches.BatchUndoError`): ``not_found``,
    ``already_undone``, ``unsupported_kind``, and ``newer_batch`` when a later committed
    batch updated rows of ``table_name`` that this batch wrote (undo that one first, or
    the restored values would be wrong).
    """
    with db.transaction() as s:
        batch = s.get(ImportBatch, batch_id)
        if batch is None:
            raise BatchUndoError("not_found", f"no import batch {batch_id}")
        if batch.status is BatchStatus.UNDONE:
            raise BatchUndoError("already_undone", f"batch {batch_id} was undone already")
        if batch.kind != kind:
            raise BatchUndoError("unsupported_kind", f"batch {batch_id} is not a {kind} batch")
        later = s.execute(
            select(ImportRowBackup.batch_id, ImportRowBackup.previous)
            .join(ImportBatch, ImportBatch.id == ImportRowBackup.batch_id)
            .where(ImportBatch.id > batch_id, ImportBatch.status == BatchStatus.COMMITTED,
                   ImportRowBackup.table_name == table_name))
        for other, previous in later:
            if (previous or {}).get("import_batch_id") == batch_id:
                raise BatchUndoError("newer_batch", f"batch {other} changed {table_name} of "
                                     f"batch {batch_id}: undo batch {other} first", other)
        undo(s, batch)
        batch.status = BatchStatus.UNDONE


@dataclass(frozen=True)
class ProfileChoice:
    """The column choices for one file: ``columns`` maps a role to a header; ``options``
    are the profile's import options (``tz``, ``inspection_kind``, ``template``, ``period``)."""

    columns: dict[str, str] = field(default_factory=dict)
    name: str | None = None
    source: str | None = None
    options: dict[str, Any] = field(default_factory=dict)


def choose_profile(table: RawTable, db: Database, kind: str, *, name: str | None = None,
                   columns: dict[str, str] | None = None) -> ProfileChoice:
    """The user's columns when given, else the profile ``name``, else a saved or shipped
    profile whose headers fit the file (``resources/profiles/*.json``), else nothing
    (the synonyms decide). Raises :class:`ImportRefused` ``unknown_profile``."""
    if columns:
        return ProfileChoice(dict(columns), name)
    if name:
        profile = load_profile(db, name)
        if profile is None:
            raise ImportRefused("unknown_profile", table.path, f"no profile named {name!r}")
    else:
        profile = find_matching_profile(db, [str(h) for h in table.headers], kind)
    if profile is None:
        return ProfileChoice()
    return ProfileChoice({f: h for h, f in profile.mapping.items()}, profile.name,
                         profile.source or None, dict(profile.options))
