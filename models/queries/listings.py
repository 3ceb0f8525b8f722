"""Small listings: vendors and sites (filter choices, command-line lookups), import
batches (Imports page)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select

from models.db import Database
from models.orm import (
    ImportBatch,
    Site,
    Vendor,
    VendorQualification,
)


@dataclass(frozen=True)
class VendorSummary:
    id: int
    code: str
    name: str
    service_category: str
    status: str
    contract_end: dt.date | None
    next_expiry: dt.date | None  # earliest qualification expiry


@dataclass(frozen=True)
class BatchSummary:
    id: int
    kind: str
    file_name: str
    source: str
    started_at: dt.datetime
    rows: int
    inserted: int
    updated: int
    rejected: int
    status: str
    user: str | None


def list_vendors(db: Database) -> list[VendorSummary]:
    expiry = (
        select(VendorQualification.vendor_id, func.min(VendorQualification.expires_on).label("e"))
        .group_by(VendorQualification.vendor_id)
        .subquery()
    )
    query = (
        select(Vendor.id, Vendor.code, Vendor.name, Vendor.service_category, Vendor.status,
               Vendor.contract_end, expiry.c.e)
        .outerjoin(expiry, expiry.c.vendor_id == Vendor.id)
        .order_by(Vendor.service_category, Vendor.name)
    )
    with db.session() as s:
        return [
            VendorSummary(r[0], r[1], r[2], r[3], r[4].value, r[5], r[6]) for r in s.execute(query)
        ]


def list_sites(db: Database) -> list[tuple[int, str, str]]:
    """(id, code, name) of every site, by name."""
    with db.session() as s:
        query = select(Site.id, Site.code, Site.name).order_by(Site.name)
        return [(r[0], r[1], r[2]) for r in s.execute(query)]


def ids_by_code_or_name(db: Database, kind: str, values: list[str]) -> tuple[int, ...]:
    """Ids of the ``kind`` (``"vendor"`` or ``"site"``) rows named by ``values``, in order.

    Each value is matched against the code first, then the name (the lowest id wins a
    tie). Raises ``LookupError`` naming the first value that matches nothing.
    """
    by_kind: dict[str, type[Vendor] | type[Site]] = {"vendor": Vendor, "site": Site}
    model = by_kind[kind]
    ids: list[int] = []
    with db.session() as s:
        for value in values:
            found = (s.scalar(select(model.id).where(model.code == value).order_by(model.id))
                     or s.scalar(select(model.id).where(model.name == value)
                                 .order_by(model.id)))
            if found is None:
                raise LookupError(f"unknown {kind}: {value!r} (give its code or name)")
            ids.append(int(found))
    return tuple(ids)


def list_batches(db: Database, limit: int = 1000) -> list[BatchSummary]:
    query = (
        select(ImportBatch.id, ImportBatch.kind, ImportBatch.file_name, ImportBatch.source,
               ImportBatch.started_at, ImportBatch.rows, ImportBatch.inserted,
               ImportBatch.updated, ImportBatch.rejected, ImportBatch.status, ImportBatch.user)
        .order_by(ImportBatch.started_at.desc())
        .limit(limit)
    )
    with db.session() as s:
        return [
            BatchSummary(*r[:9], r[9].value, r[10])
            for r in s.execute(query)
        ]
