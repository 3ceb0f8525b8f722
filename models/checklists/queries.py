"""Listing inspections for the Inspections page: filters, rows, filter choices.

Rows are plain frozen dataclasses; times are aware UTC. A submitted inspection that a
submitted correction replaced is ``superseded`` (kept for the record, hidden by default).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Exists, Select, exists, func, select
from sqlalchemy.orm import aliased

from models.db import Database
from models.orm import Site
from models.orm.checklists import (
    ChecklistTemplate,
    Inspection,
    InspectionAnswer,
    InspectionKind,
    InspectionStatus,
)


@dataclass(frozen=True)
class InspectionFilter:
    """``None`` means "any". The period is ``[start, end)`` on ``visited_at`` (aware)."""

    site_id: int | None = None
    template_code: str | None = None
    inspector: str | None = None
    kind: InspectionKind | None = None
    start: dt.datetime | None = None
    end: dt.datetime | None = None
    passed: bool | None = None
    include_drafts: bool = True
    include_superseded: bool = False


@dataclass(frozen=True)
class InspectionRow:
    id: int
    uuid: str
    visited_at: dt.datetime
    site_id: int | None
    site: str | None
    template_id: int | None
    template_code: str | None
    template: str | None
    revision: int | None
    inspector: str | None
    kind: InspectionKind
    status: InspectionStatus
    score: float | None
    passed: bool | None
    critical_failures: int
    is_correction: bool
    superseded: bool


@dataclass(frozen=True)
class FilterChoices:
    sites: tuple[tuple[int, str], ...]
    templates: tuple[tuple[str, str], ...]  # (code, name of the newest version)
    inspectors: tuple[str, ...]


def _query(f: InspectionFilter) -> Select:  # type: ignore[type-arg]
    sup = superseded_clause()
    q = (select(Inspection.id, Inspection.uuid, Inspection.visited_at, Inspection.site_id,
                Site.name, Inspection.template_id, ChecklistTemplate.code,
                ChecklistTemplate.name, ChecklistTemplate.revision, Inspection.inspector,
                Inspection.kind, Inspection.status, Inspection.score, Inspection.passed,
                Inspection.critical_failures, Inspection.revision_of_id, sup)
         .outerjoin(Site, Site.id == Inspection.site_id)
         .outerjoin(ChecklistTemplate, ChecklistTemplate.id == Inspection.template_id)
         .order_by(Inspection.visited_at.desc(), Inspection.id.desc()))
    if f.site_id is not None:
        q = q.where(Inspection.site_id == f.site_id)
    if f.template_code is not None:
        q = q.where(ChecklistTemplate.code == f.template_code)
    if f.inspector:
        q = q.where(Inspection.inspector == f.inspector)
    if f.kind is not None:
        q = q.where(Inspection.kind == f.kind)
    if f.start is not None:
        q = q.where(Inspection.visited_at >= f.start)
    if f.end is not None:
        q = q.where(Inspection.visited_at < f.end)
    if f.passed is not None:
        q = q.where(Inspection.passed.is_(f.passed))
    if not f.include_drafts:
        q = q.where(Inspection.status == InspectionStatus.SUBMITTED)
    if not f.include_superseded:
        q = q.where(~sup)
    return q


def list_inspections(db: Database, f: InspectionFilter | None = None) -> list[InspectionRow]:
    """Inspections matching ``f``, newest visit first."""
    with db.session() as s:
        return [InspectionRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10],
                              r[11], r[12], r[13], r[14], r[15] is not None, bool(r[16]))
                for r in s.execute(_query(f or InspectionFilter()))]


def filter_choices(db: Database) -> FilterChoices:
    """Sites, checklists and inspectors to offer in the filter boxes."""
    with db.session() as s:
        sites = tuple((r[0], r[1]) for r in s.execute(select(Site.id, Site.name)
                                                      .order_by(Site.name)))
        names: dict[str, str] = {}
        for code, name in s.execute(select(ChecklistTemplate.code, ChecklistTemplate.name)
                                    .order_by(ChecklistTemplate.revision)):
            names[code] = name
        inspectors = tuple(sorted(x for x in s.scalars(
            select(Inspection.inspector).distinct()) if x))
    return FilterChoices(sites, tuple(sorted(names.items(), key=lambda kv: kv[1])), inspectors)


@dataclass(frozen=True)
class DraftSummary:
    uuid: str
    template_name: str
    site_name: str | None
    inspector: str | None
    visited_at: dt.datetime
    answered: int
    updated_at: dt.datetime


def superseded_clause() -> Exists:
    """SQL condition: the inspection has a submitted correction (so analysis skips it)."""
    newer = aliased(Inspection)
    return exists().where(newer.revision_of_id == Inspection.id,
                          newer.status == InspectionStatus.SUBMITTED)


def list_drafts(db: Database, inspector: str | None = None) -> list[DraftSummary]:
    """Unfinished inspections (of ``inspector`` when given), most recently touched first."""
    answered = (select(InspectionAnswer.inspection_id, func.count().label("n"))
                .group_by(InspectionAnswer.inspection_id).subquery())
    query = (select(Inspection.uuid, ChecklistTemplate.name, Site.name, Inspection.inspector,
                    Inspection.visited_at, func.coalesce(answered.c.n, 0), Inspection.updated_at)
             .join(ChecklistTemplate, ChecklistTemplate.id == Inspection.template_id)
             .outerjoin(Site, Site.id == Inspection.site_id)
             .outerjoin(answered, answered.c.inspection_id == Inspection.id)
             .where(Inspection.status == InspectionStatus.DRAFT)
             .order_by(Inspection.updated_at.desc()))
    if inspector:
        query = query.where(Inspection.inspector == inspector)
    with db.session() as s:
        return [DraftSummary(*r) for r in s.execute(query)]
