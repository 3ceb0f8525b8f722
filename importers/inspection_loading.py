"""Writing parsed visits: sites, the import template, inspections and answers.

Runs inside the caller's transaction (one per import). Inspections are upserted by their
UUID (derived from source + external id): a new UUID is inserted, a known one is updated
after its previous values and answers are saved as an :class:`ImportRowBackup`, so
:func:`undo_inspection_batch` can restore them. Sites are matched by code, else by name
(case-insensitive), and created when unknown; sites and import templates created by a
batch are listed in its report and removed on undo when nothing else uses them.
Item answers are scored with the checklist engine (:func:`score_inspection`): a score
the file states itself wins (the agency's figure is the record), the computed one fills
in otherwise; the computed pass/fail applies when the file gives no verdict.
Bulk statements (executemany) keep a 25,000-visit file to a few seconds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, delete, func, insert, select, update
from sqlalchemy.orm import Session

from importers.inspection_items import ItemBinding, same_items
from importers.inspection_visits import VisitRecord
from models.checklists.scoring import score_inspection
from models.checklists.spec import TemplateSpec
from models.checklists.templates import add_template, load_spec_in
from models.orm import ImportBatch, ImportRowBackup, Site
from models.orm.checklists import (
    ChecklistTemplate,
    Inspection,
    InspectionAnswer,
    InspectionKind,
    InspectionStatus,
)

CHUNK = 500
RESTORED = ("template_id", "site_id", "inspector", "kind", "status", "visited_at",
            "submitted_at", "score", "passed", "critical_failures", "source", "external_ref",
            "result", "visit_type", "notes", "import_batch_id")


@dataclass
class LoadCounts:
    inserted: int = 0
    updated: int = 0
    created_sites: list[int] = field(default_factory=list)
    created_template: int | None = None


def table_of(model: type[Any]) -> Table:
    """The Core table of a mapped class, for driver-level executemany inserts (the ORM's
    bulk insert costs several times more per row)."""
    table = model.__table__
    assert isinstance(table, Table)
    return table


def _chunks(seq: Sequence[Any], size: int = CHUNK) -> Iterable[Sequence[Any]]:
    for k in range(0, len(seq), size):
        yield seq[k:k + size]


def resolve_template(s: Session, binding: ItemBinding | None) -> tuple[TemplateSpec | None, bool]:
    """The stored template of ``binding`` (storing a proposed import template, or reusing
    a stored revision of the same code with the same items); True when it was created."""
    if binding is None:
        return None, False
    if not binding.created:
        return binding.template, False
    code = binding.template.code
    latest = s.scalar(select(ChecklistTemplate.id).where(ChecklistTemplate.code == code)
                      .order_by(ChecklistTemplate.revision.desc()).limit(1))
    if latest is not None:
        stored = load_spec_in(s, latest)
        if same_items(stored, binding.template):
            return stored, False
    row = add_template(s, binding.template)
    return load_spec_in(s, row.id), True


def resolve_sites(s: Session, visits: Sequence[VisitRecord], source: str) -> tuple[
        dict[str, int], list[int]]:
    """Site id per site key (code, else ``name:<lower name>``), creating unknown sites."""
    by_code = {v.site_code: v for v in visits if v.site_code}
    by_name = {v.site_name.casefold(): v for v in visits if not v.site_code and v.site_name}
    ids: dict[str, int] = {}
    for part in _chunks(list(by_code)):
        ids.update(s.execute(select(Site.code, Site.id).where(Site.code.in_(part))).all())
    for part in _chunks(list(by_name)):
        for name, sid in s.execute(select(func.lower(Site.name), Site.id)
                                   .where(func.lower(Site.name).in_(part))):
            ids.setdefault(f"name:{name}", sid)
    new = [{"code": code, "name": (v.site_name or code)[:200], "city": v.city,
            "address": v.address, "kind": v.site_kind}
           for code, v in by_code.items() if code not in ids]
    new += [{"code": f"{source}:{name}"[:64], "name": v.site_name, "city": v.city,
             "address": v.address, "kind": v.site_kind}
            for name, v in by_name.items() if f"name:{name}" not in ids]
    created: list[int] = []
    if new:
        s.execute(insert(Site), new)
        codes = [r["code"] for r in new]
        for part in _chunks(codes):
            for code, sid in s.execute(select(Site.code, Site.id).where(Site.code.in_(part))):
                created.append(sid)
                ids[code] = sid
        for name, _v in by_name.items():
            key = f"name:{name}"
            if key not in ids:
                ids[key] = ids[f"{source}:{name}"[:64]]
    return ids, created


def _site_key(v: VisitRecord) -> str | None:
    if v.site_code:
        return v.site_code
    return f"name:{v.site_name.casefold()}" if v.site_name else None


def load_visits(s: Session, batch: ImportBatch, visits: Sequence[VisitRecord],
                binding: ItemBinding | None, *, source: str, kind: InspectionKind) -> LoadCounts:
    """Upsert ``visits`` under ``batch``; returns what was inserted, updated and created."""
    counts = LoadCounts()
    spec, created = resolve_template(s, binding)
    if created and spec is not None:
        counts.created_template = spec.id
    site_ids, counts.created_sites = resolve_sites(s, visits, source)
    item_ids: dict[int, int] = {}
    if binding is not None and spec is not None:
        items = spec.items()
        item_ids = {n: int(items[n].id or 0) for n in binding.columns.values()}
    rows: list[dict[str, Any]] = []
    for v in visits:
        score, passed, critical = v.score, v.passed, 0
        if spec is not None and v.answers:
            result = score_inspection(spec, {item_ids[n]: a for n, a in v.answers.items()})
            critical = len(result.critical_failures)
            if score is None:
                score = result.score
            if passed is None and not v.result and result.score is not None:
                passed = result.passed
        key = _site_key(v)
        rows.append({
            "uuid": v.uuid, "template_id": spec.id if spec else None,
            "site_id": site_ids.get(key) if key else None, "inspector": v.inspector,
            "kind": kind, "status": InspectionStatus.SUBMITTED, "visited_at": v.visited_at,
            "submitted_at": v.visited_at, "score": score, "passed": passed,
            "critical_failures": critical, "source": source, "external_ref": v.ref,
            "result": v.result, "visit_type": v.visit_type, "notes": v.notes,
            "import_batch_id": batch.id,
        })
    existing: dict[str, int] = {}
    for part in _chunks([r["uuid"] for r in rows]):
        existing.update(s.execute(select(Inspection.uuid, Inspection.id)
                                  .where(Inspection.uuid.in_(part))).all())
    fresh = [r for r in rows if r["uuid"] not in existing]
    stale = [r for r in rows if r["uuid"] in existing]
    if stale:
        _backup(s, batch, [existing[r["uuid"]] for r in stale])
        s.execute(update(Inspection), [{**r, "id": existing[r["uuid"]]} for r in stale])
    if fresh:
        s.execute(insert(table_of(Inspection)), fresh)
    counts.inserted, counts.updated = len(fresh), len(stale)
    if item_ids:
        _write_answers(s, visits, item_ids, existing)
    return counts


def _backup(s: Session, batch: ImportBatch, ids: Sequence[int]) -> None:
    cols = [getattr(Inspection, c) for c in RESTORED]
    backups: list[dict[str, Any]] = []
    for part in _chunks(ids):
        answers: dict[int, list[dict[str, Any]]] = {}
        query = select(InspectionAnswer).where(InspectionAnswer.inspection_id.in_(part))
        for a in s.scalars(query):
            answers.setdefault(a.inspection_id, []).append({
                "item_id": a.item_id, "choice": a.choice.value if a.choice else None,
                "scale": a.scale, "number": a.number, "text": a.text, "note": a.note,
                "answered_at": a.answered_at.isoformat()})
        for row in s.execute(select(Inspection.id, *cols).where(Inspection.id.in_(part))):
            previous = {c: _jsonable(getattr(row, c)) for c in RESTORED}
            previous["answers"] = answers.get(row.id, [])
            backups.append({"batch_id": batch.id, "table_name": "inspections",
                            "row_id": row.id, "previous": previous})
    s.execute(insert(ImportRowBackup), backups)


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.isoformat()
    return getattr(value, "value", value)


def _write_answers(s: Session, visits: Sequence[VisitRecord], item_ids: dict[int, int],
                   existing: dict[str, int]) -> None:
    with_answers = [v for v in visits if v.answers]
    ids = dict(existing)
    for part in _chunks([v.uuid for v in with_answers if v.uuid not in ids]):
        ids.update(s.execute(select(Inspection.uuid, Inspection.id)
                             .where(Inspection.uuid.in_(part))).all())
    for part in _chunks([existing[v.uuid] for v in visits if v.uuid in existing]):
        s.execute(delete(InspectionAnswer).where(InspectionAnswer.inspection_id.in_(part)))
    rows = [{"inspection_id": ids[v.uuid], "item_id": item_ids[j], "choice": a.choice,
             "scale": a.scale, "number": a.number, "text": a.text, "note": a.note,
             "answered_at": v.visited_at}
            for v in with_answers for j, a in v.answers.items()]
    if rows:
        s.execute(insert(table_of(InspectionAnswer)), rows)


def undo_inspection_batch(s: Session, batch: ImportBatch) -> None:
    """Remove what ``batch`` inserted and restore what it updated (values and answers);
    sites and the import template it created go too unless something else uses them."""
    backups = s.scalars(select(ImportRowBackup).where(
        ImportRowBackup.batch_id == batch.id, ImportRowBackup.table_name == "inspections")).all()
    restored = {b.row_id for b in backups}
    stmt = delete(Inspection).where(Inspection.import_batch_id == batch.id)
    s.execute(stmt.where(Inspection.id.not_in(restored)) if restored else stmt)
    for b in backups:
        prev = dict(b.previous)
        answers = prev.pop("answers", [])
        for c in ("visited_at", "submitted_at"):
            if prev.get(c):
                prev[c] = dt.datetime.fromisoformat(prev[c])
        prev["kind"] = InspectionKind(prev["kind"])
        prev["status"] = InspectionStatus(prev["status"])
        s.execute(update(Inspection).where(Inspection.id == b.row_id).values(**prev))
        s.execute(delete(InspectionAnswer).where(InspectionAnswer.inspection_id == b.row_id))
        for a in answers:
            s.add(InspectionAnswer(inspection_id=b.row_id, item_id=a["item_id"],
                                   choice=a["choice"], scale=a["scale"], number=a["number"],
                                   text=a["text"], note=a["note"],
                                   answered_at=dt.datetime.fromisoformat(a["answered_at"])))
    created = (batch.report or {}).get("created", {})
    for sid in created.get("sites", []):
        if not s.scalar(select(func.count()).where(Inspection.site_id == sid)):
            s.execute(delete(Site).where(Site.id == sid))
    tid = created.get("template")
    if tid and not s.scalar(select(func.count()).where(Inspection.template_id == tid)):
        s.execute(delete(ChecklistTemplate).where(ChecklistTemplate.id == tid))
