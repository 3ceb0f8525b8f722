"""Storing, loading and versioning checklist templates.

A template is a family of versions sharing a ``code``; each version is one
``ChecklistTemplate`` row with its ``revision``. A version that any inspection (draft or
submitted) uses is never changed in place: :func:`save_template` then publishes a new
revision and the inspections keep theirs. A version without inspections is edited in
place. Every version records ``published_at`` (UTC).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session, selectinload

from models.checklists.spec import ItemSpec, SectionSpec, TemplateSpec, validate_spec
from models.db import Database
from models.orm import utcnow
from models.orm.checklists import (
    ChecklistItem,
    ChecklistSection,
    ChecklistTemplate,
    Inspection,
)


class TemplateNotFound(LookupError):
    """No template version with that id."""


class TemplateConflict(RuntimeError):
    """Someone else saved this version since it was loaded; nothing was written."""


@dataclass(frozen=True)
class TemplateVersion:
    """One version of a checklist, for lists. ``published_at`` is UTC."""

    id: int
    code: str
    revision: int
    name: str
    kind: str
    pass_score: float
    items: int
    inspections: int
    published_at: dt.datetime | None
    latest: bool


@dataclass(frozen=True)
class SaveResult:
    """What :func:`save_template` did: ``new_version`` is True when a revision was published."""

    template_id: int
    revision: int
    new_version: bool


def _build_rows(spec: TemplateSpec, row: ChecklistTemplate) -> None:
    row.sections = []
    for s_pos, section in enumerate(spec.sections):
        sec = ChecklistSection(position=s_pos, title=section.title)
        for i_pos, item in enumerate(section.items):
            sec.items.append(ChecklistItem(
                position=i_pos, code=item.code, text=item.text, guidance=item.guidance,
                answer_type=item.answer_type, weight=item.weight, critical=item.critical,
                dimension=item.dimension, allow_na=item.allow_na, threshold=item.threshold,
                lower_is_better=item.lower_is_better, unit=item.unit,
                evidence_on_fail=item.evidence_on_fail,
            ))
        row.sections.append(sec)


def add_template(s: Session, spec: TemplateSpec, *, revision: int | None = None,
                 published_at: dt.datetime | None = None) -> ChecklistTemplate:
    """Insert ``spec`` as a version of its code (next free revision unless given)."""
    validate_spec(spec)
    if revision is None:
        latest = s.scalar(select(func.max(ChecklistTemplate.revision))
                          .where(ChecklistTemplate.code == spec.code))
        revision = (latest or 0) + 1
    row = ChecklistTemplate(code=spec.code, revision=revision, name=spec.name, kind=spec.kind,
                            description=spec.description, pass_score=spec.pass_score,
                            published_at=published_at or utcnow())
    _build_rows(spec, row)
    s.add(row)
    s.flush()
    return row


def create_template(db: Database, spec: TemplateSpec) -> int:
    """Store a new checklist (or a new version of an existing code); returns its id."""
    with db.transaction() as s:
        return add_template(s, spec).id


def spec_of(row: ChecklistTemplate) -> TemplateSpec:
    """The :class:`TemplateSpec` of a loaded row, with database ids."""
    return TemplateSpec(
        code=row.code, name=row.name, kind=row.kind, pass_score=row.pass_score,
        description=row.description, id=row.id, revision=row.revision, lock=row.version,
        sections=tuple(
            SectionSpec(sec.title, tuple(
                ItemSpec(text=i.text, answer_type=i.answer_type, weight=i.weight,
                         critical=i.critical, dimension=i.dimension, allow_na=i.allow_na,
                         threshold=i.threshold, lower_is_better=i.lower_is_better, unit=i.unit,
                         evidence_on_fail=i.evidence_on_fail, guidance=i.guidance, code=i.code,
                         id=i.id)
                for i in sec.items), sec.id)
            for sec in row.sections
        ),
    )


def load_spec_in(s: Session, template_id: int) -> TemplateSpec:
    row = s.get(ChecklistTemplate, template_id, options=[
        selectinload(ChecklistTemplate.sections).selectinload(ChecklistSection.items)])
    if row is None:
        raise TemplateNotFound(f"no checklist template with id {template_id}")
    return spec_of(row)


def load_spec(db: Database, template_id: int) -> TemplateSpec:
    """The stored version ``template_id``; raises :class:`TemplateNotFound`."""
    with db.session() as s:
        return load_spec_in(s, template_id)


def is_in_use(s: Session, template_id: int) -> bool:
    return bool(s.scalar(select(exists().where(Inspection.template_id == template_id))))


def save_template(db: Database, template_id: int, spec: TemplateSpec) -> SaveResult:
    """Save edits of version ``template_id``.

    In place when no inspection uses that version (and the code is unchanged); otherwise
    a new revision of ``spec.code`` is published and the old version stays as it was.
    Raises :class:`TemplateConflict` when ``spec.lock`` (the version loaded) is no longer
    the stored one and the save would change it in place, :class:`TemplateNotFound` and
    ``SpecError``.
    """
    validate_spec(spec)
    with db.transaction() as s:
        row = s.get(ChecklistTemplate, template_id)
        if row is None:
            raise TemplateNotFound(f"no checklist template with id {template_id}")
        if is_in_use(s, template_id) or row.code != spec.code:
            new = add_template(s, spec)
            return SaveResult(new.id, new.revision, True)
        if spec.lock is not None and spec.lock != row.version:
            raise TemplateConflict("someone else changed this checklist since you opened it")
        row.name, row.kind, row.pass_score = spec.name, spec.kind, spec.pass_score
        row.description = spec.description
        row.published_at = utcnow()
        _build_rows(spec, row)
        s.flush()
        return SaveResult(row.id, row.revision, False)


def list_versions(db: Database, code: str | None = None) -> list[TemplateVersion]:
    """Every version (of ``code``, or of all checklists), by code then newest revision."""
    items = (select(ChecklistSection.template_id, func.count(ChecklistItem.id).label("n"))
             .join(ChecklistItem, ChecklistItem.section_id == ChecklistSection.id)
             .group_by(ChecklistSection.template_id).subquery())
    uses = (select(Inspection.template_id, func.count(Inspection.id).label("n"))
            .group_by(Inspection.template_id).subquery())
    latest = (select(ChecklistTemplate.code, func.max(ChecklistTemplate.revision).label("r"))
              .group_by(ChecklistTemplate.code).subquery())
    t = ChecklistTemplate
    query = (select(t.id, t.code, t.revision, t.name, t.kind, t.pass_score,
                    func.coalesce(items.c.n, 0), func.coalesce(uses.c.n, 0), t.published_at,
                    latest.c.r)
             .outerjoin(items, items.c.template_id == t.id)
             .outerjoin(uses, uses.c.template_id == t.id)
             .join(latest, latest.c.code == t.code)
             .order_by(t.code, t.revision.desc()))
    if code is not None:
        query = query.where(t.code == code)
    with db.session() as s:
        return [TemplateVersion(r[0], r[1], r[2], r[3], r[4].value, r[5], r[6], r[7], r[8],
                                r[2] == r[9]) for r in s.execute(query)]


def latest_versions(db: Database) -> list[TemplateVersion]:
    """The newest version of every checklist, by name."""
    return sorted((v for v in list_versions(db) if v.latest), key=lambda v: v.name)


def delete_template(db: Database, template_id: int) -> None:
    """Delete an unused version; raises ``ValueError`` when inspections use it."""
    with db.transaction() as s:
        if is_in_use(s, template_id):
            raise ValueError("this checklist version has inspections and cannot be deleted")
        row = s.get(ChecklistTemplate, template_id)
        if row is None:
            raise TemplateNotFound(f"no checklist template with id {template_id}")
        s.delete(row)
