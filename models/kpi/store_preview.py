"""Progressive loading: the recent tickets first (a *preview*), every older one after.

Reading a million tickets from SQLite takes several seconds; the default dashboard
needs only its period and the previous period (for deltas). :func:`load_recent` reads
the tickets created at or after ``since`` — plus the complaints of the 30 days before
that have a customer and a category, which is all that repeat complaints look back at —
into a :class:`~models.kpi.store.TicketStore` whose ``complete_from`` is ``since``.
:func:`covers` tells whether filters starting at a given instant compute exactly the
same numbers on it as on the full store (every other per-ticket figure depends only on
the ticket itself); :func:`complete` then reads the older tickets and returns the full
store (a new object: the preview never changes, so computations running on it stay
valid).

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
from models.kpi.filtering import from_us
from models.kpi.store import REPEAT_WINDOW_US, TicketStore, _fingerprint, _names
from models.progress import NullProgress, Progress

if TYPE_CHECKING:
    from models.db import Database


PREVIEW_MIN_TICKETS = 200_000  # below this (by last id) one read is fast enough


def worth_it(db: Database) -> bool:
    """Whether the database may hold enough tickets for a preview to pay off."""
    return loading.max_ticket_id(db) >= PREVIEW_MIN_TICKETS


def load_recent(db: Database, since: dt.datetime, progress: Progress | None = None) -> TicketStore:
    """The tickets created at or after ``since`` (aware), and the complaints that may
    make them repeats, as a preview store (module docstring)."""
    progress = progress or NullProgress()
    fp = _fingerprint(db)
    since_us = localtime.to_us(since)
    # one thread: the preview is small, and the window is being built meanwhile
    cols = loading.load_columns(db, _where(db, since_us, fp.max_id, recent=True), progress, 1)
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
    # older first (mostly in order already); the complaints read twice come from preview
    merged = loading.merge(older, preview.columns())
    return TicketStore.from_columns(db, merged, fp)


def covers(store: TicketStore, start: dt.datetime | None) -> bool:
    """Whether every KPI of the tickets created from ``start`` on is exact on ``store``."""
    if store.complete_from is None:
        return True
    if start is None:
        return False
    return localtime.to_us(start) >= store.complete_from


def _where(db: Database, since_us: int, bound: int, *, recent: bool) -> tuple[str, dict[str, Any]]:
    """SQL condition for the preview's tickets (``recent``) or the ones created before
    ``since_us``, with an id of at most ``bound``."""
    sqlite = db.dialect == "sqlite"
    if sqlite:
        params: dict[str, Any] = {"since": since_us, "since30": since_us - REPEAT_WINDOW_US}
    else:
        params = {"since": from_us(since_us), "since30": from_us(since_us - REPEAT_WINDOW_US)}
    params["bound"] = bound
    # "+created_at": no index lookup per row on SQLite; the id bounds make a range scan
    created = "+created_at" if sqlite else "created_at"
    if not recent:
        return f"{created} < :since AND id <= :bound", params
    complaint = "is_complaint = 1" if sqlite else "is_complaint"
    cond = (
        f"id <= :bound AND ({created} >= :since OR ({complaint} AND customer IS NOT NULL"
        f" AND category IS NOT NULL AND {created} >= :since30))"
    )
    if not sqlite:
        return cond, params
    from sqlalchemy import text

    with db.engine.connect() as conn:
        first = conn.execute(
            text("SELECT min(id) FROM tickets WHERE created_at >= :since30"), params
        ).scalar_one()
    params["first"] = bound + 1 if first is None else int(first)
    return f"id >= :first AND {cond}", params
