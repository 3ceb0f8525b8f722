"""Import batches after the fact: recognise a file seen before, show a report, undo.

``undo_batch`` removes the tickets a batch inserted and restores the ones it updated
to the values saved in ``import_row_backups``, in one transaction, then marks the
batch ``undone``. It refuses (``BatchUndoError``) when a later, still committed batch
changed the same tickets — undo that one first — so an undo never overwrites newer
data. Undone batches do not count as "already imported".
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path
from typing import Any, cast

from sqlalchemy import CursorResult, Table, and_, bindparam, delete, func, select, update

from models.db import Database
from models.orm import (
    TICKET_DATA_COLUMNS,
    TICKET_TIME_COLUMNS,
    ImportBatch,
    ImportRowBackup,
    Ticket,
    from_epoch_us,
    utcnow,
)
from models.orm.admin import BatchStatus

RESTORED = (*TICKET_DATA_COLUMNS, "import_batch_id")


class BatchUndoError(Exception):
    """The batch cannot be undone; ``code``: ``not_found``, ``already_undone``,
    ``unsupported_kind``, ``newer_batch`` (``other`` names the blocking batch)."""

    def __init__(self, code: str, message: str, other: int | None = None) -> None:
        super().__init__(message)
        self.code, self.other = code, other


def file_sha256(path: Path) -> str:
    """Hex SHA-256 of a file's bytes (raises ``OSError`` when unreadable)."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def find_duplicate(db: Database, sha256: str, kind: str) -> int | None:
    """The committed batch of ``kind`` that imported a file with this SHA-256, if any."""
    with db.session() as s:
        return s.scalar(select(func.max(ImportBatch.id)).where(
            ImportBatch.file_sha256 == sha256, ImportBatch.kind == kind,
            ImportBatch.status == BatchStatus.COMMITTED))


def batch_report(db: Database, batch_id: int) -> dict[str, Any] | None:
    """The validation report stored with a batch (errors, warnings), or None."""
    with db.session() as s:
        batch = s.get(ImportBatch, batch_id)
        return dict(batch.report) if batch is not None and batch.report else None


def _restore_value(column: str, value: Any) -> Any:
    if value is None:
        return None
    if column in TICKET_TIME_COLUMNS:
        if isinstance(value, int | float):
            return from_epoch_us(int(value))
        parsed = dt.datetime.fromisoformat(str(value))
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)
    if column == "is_complaint":
        return bool(value)
    return value


def undo_batch(db: Database, batch_id: int) -> int:
    """Undo a tickets batch (module doc); returns the number of tickets touched.

    Other kinds are undone by their own module (:mod:`importers.kinds`).
    """
    with db.transaction() as s:
        batch = s.get(ImportBatch, batch_id)
        if batch is None:
            raise BatchUndoError("not_found", f"no import batch {batch_id}")
        if batch.status is BatchStatus.UNDONE:
            raise BatchUndoError("already_undone", f"batch {batch_id} was undone already")
        if batch.kind != "tickets":
            raise BatchUndoError("unsupported_kind", f"batch {batch_id} is not a tickets batch")
        later = s.execute(
            select(ImportRowBackup.batch_id, ImportRowBackup.previous)
            .join(ImportBatch, ImportBatch.id == ImportRowBackup.batch_id)
            .where(ImportBatch.id > batch_id, ImportBatch.status == BatchStatus.COMMITTED,
                   ImportRowBackup.table_name == "tickets"))
        for other, previous in later:
            data = previous if isinstance(previous, dict) else json.loads(previous)
            if data.get("import_batch_id") == batch_id:
                raise BatchUndoError("newer_batch", f"batch {other} changed tickets of batch "
                                     f"{batch_id}: undo batch {other} first", other)
        backups = s.execute(select(ImportRowBackup.row_id, ImportRowBackup.previous).where(
            ImportRowBackup.batch_id == batch_id, ImportRowBackup.table_name == "tickets")).all()
        restored = {row_id for row_id, _ in backups}
        # a DELETE executes to a CursorResult (Session.execute is typed as Result)
        removed = cast(CursorResult[Any], s.execute(delete(Ticket).where(and_(
            Ticket.import_batch_id == batch_id,
            Ticket.id.not_in(select(ImportRowBackup.row_id).where(
                ImportRowBackup.batch_id == batch_id,
                ImportRowBackup.table_name == "tickets")))))).rowcount
        table = cast(Table, Ticket.__table__)
        rows = []
        for row_id, previous in backups:
            data = previous if isinstance(previous, dict) else json.loads(previous)
            rows.append({"b_id": row_id,
                         **{f"v_{c}": _restore_value(c, data.get(c)) for c in RESTORED}})
        if rows:
            stmt = update(table).where(table.c.id == bindparam("b_id")).values(
                {c: bindparam(f"v_{c}", type_=table.c[c].type) for c in RESTORED})
            s.connection().execute(stmt, rows)
        if removed:
            from models.kpi.alerts import forget_deleted_ticket_acks  # the KPI engine: lazily

            forget_deleted_ticket_acks(s)
        batch.status = BatchStatus.UNDONE
        batch.finished_at = batch.finished_at or utcnow()
        return int(removed or 0) + len(restored)

