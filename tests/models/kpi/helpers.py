"""Building small, hand-checkable ticket sets in a real database."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from models.db import Database
from models.orm import Priority, Site, Ticket, Vendor

UTC = dt.UTC
T0 = dt.datetime(2026, 3, 2, tzinfo=UTC)  # a Monday, 00:00 UTC
H = dt.timedelta(hours=1)
M = dt.timedelta(minutes=1)
D = dt.timedelta(days=1)


def add_tickets(db: Database, rows: Sequence[dict[str, Any]]) -> list[int]:
    """Insert tickets; each dict gives Ticket fields, ``frt``/``res`` as timedeltas after
    ``created_at`` for the first response and the resolution. Returns the ids in order."""
    ids: list[int] = []
    with db.transaction() as s:
        n0 = s.query(Ticket).count()
        for i, spec in enumerate(rows):
            spec = dict(spec)
            created = spec.pop("created_at")
            frt = spec.pop("frt", None)
            res = spec.pop("res", None)
            pri = spec.pop("priority", "P3")
            csat = spec.pop("csat", None)
            t = Ticket(
                source=spec.pop("source", "test"),
                external_id=spec.pop("external_id", f"T{n0 + i + 1}"),
                created_at=created,
                first_response_at=None if frt is None else created + frt,
                resolved_at=None if res is None else created + res,
                priority=None if pri is None else Priority(pri),
                csat=csat,
                csat_scale_min=spec.pop("csat_min", 1.0 if csat is not None else None),
                csat_scale_max=spec.pop("csat_max", 5.0 if csat is not None else None),
                **spec,
            )
            s.add(t)
            s.flush()
            ids.append(t.id)
    return ids


def add_vendor_and_site(db: Database) -> tuple[int, int, int]:
    """Vendors V1 "Alpha" and V2 "Beta", site S1 "Store 1": their ids."""
    with db.transaction() as s:
        v1 = Vendor(code="V1", name="Alpha", service_category="it")
        v2 = Vendor(code="V2", name="Beta", service_category="it")
        s1 = Site(code="S1", name="Store 1")
        s.add_all([v1, v2, s1])
        s.flush()
        return v1.id, v2.id, s1.id
