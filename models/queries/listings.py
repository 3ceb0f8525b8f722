"""Small listings for the library pages: vendors, sites, templates, inspections, batches."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select

from models.db import Database
from models.orm import (
    ChecklistItem,
    ChecklistSection,
    ChecklistTemplate,
    Evaluation,
    ImportBatch,
    Inspection,
    ScorecardCriterion,
    ScorecardTemplate,
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
class ChecklistSummary:
    id: int
    code: str
    name: str
    revision: int
    kind: str
    items: int
    pass_score: float


@dataclass(frozen=True)
class InspectionSummary:
    id: int
    visited_at: dt.datetime
    site: str | None
    template: str | None
    inspector: str | None
    kind: str
    status: str
    score: float | None
    passed: bool | None


@dataclass(frozen=True)
class ScorecardSummary:
    id: int
    code: str
    name: str
    revision: int
    criteria: int
    evaluations: int


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


def list_checklists(db: Database) -> list[ChecklistSummary]:
    items = (
        select(ChecklistSection.template_id, func.count(ChecklistItem.id).label("n"))
        .join(ChecklistItem, ChecklistItem.section_id == ChecklistSection.id)
        .group_by(ChecklistSection.template_id)
        .subquery()
    )
    query = (
        select(ChecklistTemplate.id, ChecklistTemplate.code, ChecklistTemplate.name,
               ChecklistTemplate.revision, ChecklistTemplate.kind, func.coalesce(items.c.n, 0),
               ChecklistTemplate.pass_score)
        .outerjoin(items, items.c.template_id == ChecklistTemplate.id)
        .order_by(ChecklistTemplate.name, ChecklistTemplate.revision.desc())
    )
    with db.session() as s:
        return [
            ChecklistSummary(r[0], r[1], r[2], r[3], r[4].value, r[5], r[6])
            for r in s.execute(query)
        ]


def list_inspections(db: Database, limit: int = 5000) -> list[InspectionSummary]:
    query = (
        select(Inspection.id, Inspection.visited_at, Site.name, ChecklistTemplate.name,
               Inspection.inspector, Inspection.kind, Inspection.status, Inspection.score,
               Inspection.passed)
        .outerjoin(Site, Site.id == Inspection.site_id)
        .outerjoin(ChecklistTemplate, ChecklistTemplate.id == Inspection.template_id)
        .order_by(Inspection.visited_at.desc())
        .limit(limit)
    )
    with db.session() as s:
        return [
            InspectionSummary(r[0], r[1], r[2], r[3], r[4], r[5].value, r[6].value, r[7], r[8])
            for r in s.execute(query)
        ]


def list_scorecards(db: Database) -> list[ScorecardSummary]:
    criteria = (
        select(ScorecardCriterion.template_id, func.count().label("n"))
        .group_by(ScorecardCriterion.template_id)
        .subquery()
    )
    evaluations = (
        select(Evaluation.template_id, func.count().label("n"))
        .group_by(Evaluation.template_id)
        .subquery()
    )
    query = (
        select(ScorecardTemplate.id, ScorecardTemplate.code, ScorecardTemplate.name,
               ScorecardTemplate.revision, func.coalesce(criteria.c.n, 0),
               func.coalesce(evaluations.c.n, 0))
        .outerjoin(criteria, criteria.c.template_id == ScorecardTemplate.id)
        .outerjoin(evaluations, evaluations.c.template_id == ScorecardTemplate.id)
        .order_by(ScorecardTemplate.name, ScorecardTemplate.revision.desc())
    )
    with db.session() as s:
        return [ScorecardSummary(*r) for r in s.execute(query)]


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
            BatchSummary(*r[:9], r[9].value, r[10])  # type: ignore[arg-type]
            for r in s.execute(query)
        ]
