"""Ticket ids in display order and the rows behind them, for the large ticket table.

The table keeps only an id array (8 bytes a ticket) and fetches the rows it shows,
a page at a time, so a million tickets cost ~8 MB and the last row is one query away.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from sqlalchemy import select

from models.db import Database
from models.orm import Site, Ticket, Vendor

SORTABLE = {
    "created_at": Ticket.created_at,
    "external_id": Ticket.external_id,
    "priority": Ticket.priority,
    "status": Ticket.status,
    "channel": Ticket.channel,
    "category": Ticket.category,
    "agent": Ticket.agent,
}


@dataclass(frozen=True)
class TicketRow:
    """One ticket as the table shows it; times are aware UTC."""

    id: int
    source: str
    external_id: str
    title: str | None
    priority: str | None
    status: str | None
    channel: str | None
    category: str | None
    is_complaint: bool
    agent: str | None
    site: str | None
    vendor: str | None
    created_at: dt.datetime
    first_response_at: dt.datetime | None
    resolved_at: dt.datetime | None
    csat: float | None
    closed_at: dt.datetime | None
    customer: str | None
    team: str | None
    nps: int | None
    reopened_count: int | None
    description: str | None
    answered_at: dt.datetime | None = None  # phone lines: the call was answered
    onsite_at: dt.datetime | None = None  # field service: arrival on site


def ticket_ids(db: Database, order_by: str = "created_at", descending: bool = True) -> np.ndarray:
    """All ticket ids sorted by ``order_by`` (ties by id), as an int64 array."""
    column = SORTABLE[order_by]
    ordering = [column.desc(), Ticket.id.desc()] if descending else [column, Ticket.id]
    with db.engine.connect() as conn:
        result = conn.execute(select(Ticket.id).order_by(*ordering))
        return np.fromiter((row[0] for row in result), dtype=np.int64)


def ticket_rows(db: Database, ids: Sequence[int]) -> list[TicketRow]:
    """The rows for ``ids``, in the order of ``ids`` (missing ids are skipped)."""
    if len(ids) == 0:
        return []
    wanted = [int(i) for i in ids]
    query = (
        select(
            Ticket.id, Ticket.source, Ticket.external_id, Ticket.title, Ticket.priority,
            Ticket.status, Ticket.channel, Ticket.category, Ticket.is_complaint, Ticket.agent,
            Site.name, Vendor.name, Ticket.created_at, Ticket.first_response_at,
            Ticket.resolved_at, Ticket.csat, Ticket.closed_at, Ticket.customer, Ticket.team,
            Ticket.nps, Ticket.reopened_count, Ticket.description, Ticket.answered_at,
            Ticket.onsite_at,
        )
        .outerjoin(Site, Site.id == Ticket.site_id)
        .outerjoin(Vendor, Vendor.id == Ticket.vendor_id)
        .where(Ticket.id.in_(wanted))
    )
    with db.session() as s:
        by_id = {}
        for r in s.execute(query):
            values = list(r)
            values[4] = r[4].value if r[4] is not None else None
            values[5] = r[5].value if r[5] is not None else None
            by_id[r[0]] = TicketRow(*values)
    return [by_id[i] for i in wanted if i in by_id]
