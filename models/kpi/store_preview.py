"""Progressive loading: the recent tickets first (a *preview*), every older one after.

Reading a million tickets from SQLite takes several seconds; the default dashboard
needs only its period, the previous period (for deltas) and the 30 days before that
(repeat complaints look back 30 days). :func:`load_recent` reads the tickets created
at or after ``since`` into a :class:`~models.kpi.store.TicketStore` whose
``complete_from`` says so; :func:`covers` tells whether a filter starting at a given
instant computes exactly the same numbers on it as on the full store (every per-ticket
figure depends only on the ticket itself, except repeat complaints, hence the 30 days);
:func:`complete` then reads the older tickets and returns the full store (a new object:
the preview is never changed, so computations running on it stay valid).

Both reads are bounded by the last id of the fingerprint taken before the first one,
so the two parts never overlap or miss a row; anything written meanwhile is picked up
by the full store's first :meth:`~models.kpi.store.TicketStore.refresh`, as for a store
read in one go. On SQLite the recent part is read as a range of ids (``id ≥`` the first
id created at or after ``since``, then filtered by time): a sequential read instead of
one index lookup per row, exact whatever the order of ids.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from models.kpi import localtime
from models.kpi import store_loading as loading
from models.kpi.store import REPEAT_WINDOW_US, TicketStore, _fingerprint, _names
from models.progress import NullProgress, Progress

if TYPE_CHECKING:
    from models.db import Database


def load_recent(db: Database, since: dt.datetime, progress: Progress | None = None) -> TicketStore:
    """The tickets created at or after ``since`` (aware) as a preview store."""
    progress = progress or NullProgress()
    fp = _fingerprint(db)
    since_us = localtime.to_us(since)
    cols = loading.load_columns(db, _where(db, since_us, fp.max_id, recent=True), progress)
    store = TicketStore(cols, fp, _names(db))
    store.complete_from = since_us
    return store


def complete(db: Database, preview: TicketStore, progress: Progress | None = None) -> TicketStore:
    """The full store: ``preview`` plus the older tickets (read now); a new object."""
    progress = progress or NullProgress()
    if preview.complete_from is None:
        return preview
    fp = preview.fingerprint_tuple()
    older = loading.load_columns(
        db, _where(db, preview.complete_from, fp[1], recent=False), progress
    )
    merged = loading.merge(older, preview.columns())  # older first: mostly in order already
    return TicketStore.from_columns(db, merged, fp)


def covers(store: TicketStore, start: dt.datetime | None) -> bool:
    """Whether every KPI of the tickets created from ``start`` on is exact on ``store``."""
    if store.complete_from is None:
        return True
    if start is None:
        return False
    return localtime.to_us(start) - REPEAT_WINDOW_US >= store.complete_from


def preview_since(start: dt.datetime) -> dt.datetime:
    """The earliest creation time a preview for filters from ``start`` on must hold."""
    return start - dt.timedelta(microseconds=REPEAT_WINDOW_US)


def _where(db: Database, since_us: int, bound: int, *, recent: bool) -> tuple[str, dict[str, Any]]:
    """SQL condition for the tickets created from ``since_us`` on (``recent``) or before,
    with an id of at most ``bound``."""
    if db.dialect != "sqlite":
        since = localtime.EPOCH + dt.timedelta(microseconds=since_us)
        op = ">=" if recent else "<"
        return f"created_at {op} :since AND id <= :bound", {"since": since, "bound": bound}
    params: dict[str, Any] = {"since": since_us, "bound": bound}
    if not recent:
        # "+created_at": no index lookup per row; the id bound makes it a range scan
        return "+created_at < :since AND id <= :bound", params
    from sqlalchemy import text

    with db.engine.connect() as conn:
        first = conn.execute(
            text("SELECT min(id) FROM tickets WHERE created_at >= :since"), {"since": since_us}
        ).scalar_one()
    params["first"] = bound + 1 if first is None else int(first)
    return "id >= :first AND id <= :bound AND +created_at >= :since", params
