"""Scorecard templates: read, validate and save with versioning and audit entries.

A template is identified across versions by ``code``; a version used by any evaluation
is never changed in place — saving it publishes ``revision + 1`` and old evaluations keep
theirs (as checklist templates do). Template-wide veto rules are stored in the JSON
``veto`` of the criterion at position 0 (the schema has no template-level column);
:attr:`TemplateSpec.veto_rules` hides that. Every change of a weight, threshold,
normalisation, missing rule, grade band or veto rule is written to the audit log.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from models.db import Database
from models.orm import (
    DEFAULT_GRADE_BANDS,
    Evaluation,
    ScorecardCriterion,
    ScorecardTemplate,
    utcnow,
)
from models.scorecards.audit import audit
from models.scorecards.normalise import NormalisationError, band_table
from models.scorecards.scoring import CriterionSpec

SOURCES = ("ticket_kpi", "inspection_avg", "vendor_metric", "manual")
VETO_KINDS = ("qualification_expired", "metric_above", "metric_below", "serious_breach")


class TemplateError(ValueError):
    """A template cannot be saved; ``problems`` lists every reason (English)."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


class ConflictError(RuntimeError):
    """Someone else saved the same record since it was loaded; reload and redo."""


@dataclass(frozen=True)
class CriterionDraft:
    """One criterion as edited (``id`` of the stored criterion, ``None`` for new)."""

    name: str
    weight: float
    source: str
    source_key: str | None = None
    normalisation: str = "linear"
    worst: float | None = None
    best: float | None = None
    bands: tuple[Mapping[str, float], ...] = ()
    missing_rule: str = "reweight"
    source_filter: Mapping[str, Any] | None = None
    id: int | None = None


@dataclass(frozen=True)
class TemplateSpec:
    """A whole template version as edited; ``version`` is the optimistic-lock value."""

    code: str
    name: str
    criteria: tuple[CriterionDraft, ...]
    grade_bands: tuple[Mapping[str, Any], ...] = tuple(DEFAULT_GRADE_BANDS)
    veto_rules: tuple[Mapping[str, Any], ...] = ()
    service_category: str | None = None
    incomplete_threshold_pct: float = 20.0
    id: int | None = None
    revision: int = 1
    version: int | None = None
    evaluations: int = 0

    @property
    def weight_sum(self) -> float:
        return sum(c.weight for c in self.criteria)


@dataclass(frozen=True)
class TemplateRow:
    """A template version for lists: evaluations counts the evaluations using it."""

    id: int
    code: str
    name: str
    revision: int
    criteria: int
    evaluations: int
    latest: bool = field(default=True)


def validate(spec: TemplateSpec) -> list[str]:
    """Every problem with ``spec`` in English; empty when it can be saved."""
    problems: list[str] = []
    if not spec.code.strip() or not spec.name.strip():
        problems.append("the template needs a code and a name")
    if not spec.criteria:
        problems.append("the template needs at least one criterion")
    total = spec.weight_sum
    if abs(total - 100.0) > 1e-6:
        problems.append(f"weights sum to {total:g}, not 100")
    for c in spec.criteria:
        label = c.name or "(unnamed)"
        if not c.name.strip():
            problems.append("every criterion needs a name")
        if not 0 <= c.weight <= 100:
            problems.append(f"{label}: weight {c.weight:g} is outside 0–100")
        if c.source not in SOURCES:
            problems.append(f"{label}: unknown source {c.source!r}")
        if c.source in ("ticket_kpi", "vendor_metric") and not c.source_key:
            problems.append(f"{label}: name the KPI or metric")
        if c.normalisation == "linear":
            if c.worst is None or c.best is None or c.worst == c.best:
                problems.append(f"{label}: linear needs different worst and best values")
        else:
            try:
                band_table(c.bands)
            except NormalisationError as exc:
                problems.append(f"{label}: {exc}")
    mins = [float(b["min"]) for b in spec.grade_bands]
    if not mins or min(mins) > 0:
        problems.append("grade bands must start at 0")
    if len(set(mins)) != len(mins):
        problems.append("two grade bands share a minimum")
    if any(not str(b.get("grade", "")).strip() for b in spec.grade_bands):
        problems.append("every grade band needs a grade")
    for rule in spec.veto_rules:
        if rule.get("kind") not in VETO_KINDS:
            problems.append(f"unknown veto rule {rule.get('kind')!r}")
    return problems


def criterion_spec(c: ScorecardCriterion) -> CriterionSpec:
    """The frozen scoring view of a stored criterion."""
    return CriterionSpec(
        id=c.id, position=c.position, name=c.name, weight=c.weight, source=str(c.source),
        source_key=c.source_key, normalisation=str(c.normalisation), worst=c.worst,
        best=c.best, bands=tuple(c.bands or ()), missing_rule=str(c.missing_rule),
        source_filter=c.source_filter,
    )


def template_veto_rules(t: ScorecardTemplate) -> list[dict[str, Any]]:
    rules: list[dict[str, Any]] = []
    for c in t.criteria:
        v = c.veto
        rules += [dict(r) for r in (v if isinstance(v, list) else [v] if v else [])]
    return rules


def _spec(s: Session, t: ScorecardTemplate) -> TemplateSpec:
    used = s.scalar(select(func.count(Evaluation.id)).where(Evaluation.template_id == t.id))
    return TemplateSpec(
        code=t.code, name=t.name, service_category=t.service_category,
        grade_bands=tuple(t.grade_bands), incomplete_threshold_pct=t.incomplete_threshold_pct,
        veto_rules=tuple(template_veto_rules(t)), id=t.id, revision=t.revision,
        version=t.version, evaluations=int(used or 0),
        criteria=tuple(
            CriterionDraft(
                id=c.id, name=c.name, weight=c.weight, source=str(c.source),
                source_key=c.source_key, normalisation=str(c.normalisation), worst=c.worst,
                best=c.best, bands=tuple(c.bands or ()), missing_rule=str(c.missing_rule),
                source_filter=c.source_filter,
            ) for c in t.criteria
        ),
    )


def load_template(db: Database, template_id: int) -> TemplateSpec:
    """One template version. Raises ``LookupError`` when it does not exist."""
    with db.session() as s:
        t = s.get(ScorecardTemplate, template_id)
        if t is None:
            raise LookupError(f"no scorecard template {template_id}")
        return _spec(s, t)


def find_template(db: Database, name_or_code: str) -> TemplateSpec:
    """The latest revision of the template whose code or name is ``name_or_code``
    (case-insensitive). Raises ``LookupError``."""
    with db.session() as s:
        key = name_or_code.strip().lower()
        rows = s.scalars(select(ScorecardTemplate).order_by(ScorecardTemplate.revision.desc()))
        for t in rows:
            if key in (t.code.lower(), t.name.lower()):
                return _spec(s, t)
    raise LookupError(f"no scorecard template named {name_or_code!r}")


def list_templates(db: Database) -> list[TemplateRow]:
    """Every template version, newest revision of each code first."""
    with db.session() as s:
        used = dict(s.execute(select(Evaluation.template_id, func.count(Evaluation.id))
                              .group_by(Evaluation.template_id)).all())
        n_crit = dict(s.execute(select(ScorecardCriterion.template_id,
                                       func.count(ScorecardCriterion.id))
                                .group_by(ScorecardCriterion.template_id)).all())
        rows = s.execute(select(ScorecardTemplate.id, ScorecardTemplate.code,
                                ScorecardTemplate.name, ScorecardTemplate.revision)
                         .order_by(ScorecardTemplate.code,
                                   ScorecardTemplate.revision.desc())).all()
        seen: set[str] = set()
        out = []
        for r in rows:
            out.append(TemplateRow(r.id, r.code, r.name, r.revision, n_crit.get(r.id, 0),
                                   used.get(r.id, 0), r.code not in seen))
            seen.add(r.code)
        return out


def _audit(s: Session, user: str, action: str, entity_id: int, fld: str,
           old: Any, new: Any) -> None:
    audit(s, user, action, entity_id, fld, old, new, entity="scorecard_template")


def _diff(s: Session, user: str, tid: int, old: TemplateSpec | None, new: TemplateSpec) -> None:
    if old is None:
        _audit(s, user, "create", tid, "template", None, f"{new.code} r{new.revision}")
        return
    for fld in ("name", "grade_bands", "veto_rules", "incomplete_threshold_pct"):
        o, n = getattr(old, fld), getattr(new, fld)
        _audit(s, user, "update", tid, fld, list(o) if isinstance(o, tuple) else o,
               list(n) if isinstance(n, tuple) else n)
    before = {c.name: c for c in old.criteria}
    after = {c.name: c for c in new.criteria}
    for name in before.keys() - after.keys():
        _audit(s, user, "update", tid, f"criterion {name}", before[name].weight, None)
    for name, c in after.items():
        o = before.get(name)
        if o is None:
            _audit(s, user, "update", tid, f"criterion {name}", None, c.weight)
            continue
        od, nd = asdict(replace(o, id=None)), asdict(replace(c, id=None))
        for key in ("weight", "worst", "best", "bands", "normalisation", "missing_rule",
                    "source", "source_key", "source_filter"):
            if key in ("bands",):
                od[key], nd[key] = list(od[key]), list(nd[key])
            _audit(s, user, "update", tid, f"{name}.{key}", od[key], nd[key])


def _fill(t: ScorecardTemplate, spec: TemplateSpec) -> None:
    t.name, t.service_category = spec.name, spec.service_category
    t.grade_bands = [dict(b) for b in spec.grade_bands]
    t.incomplete_threshold_pct = spec.incomplete_threshold_pct
    t.criteria.clear()
    for pos, c in enumerate(spec.criteria):
        t.criteria.append(ScorecardCriterion(
            position=pos, name=c.name, weight=c.weight, source=c.source,
            source_key=c.source_key, source_filter=dict(c.source_filter or {}) or None,
            normalisation=c.normalisation, worst=c.worst, best=c.best,
            bands=[dict(b) for b in c.bands] or None, missing_rule=c.missing_rule,
            veto=[dict(r) for r in spec.veto_rules] if pos == 0 and spec.veto_rules else None,
        ))


def save_template(db: Database, spec: TemplateSpec, user: str) -> TemplateSpec:
    """Save ``spec`` and return the stored version.

    New (``id`` None) → revision 1 of a new code. An unused version is updated in place
    (optimistic lock on ``version``); a version used by evaluations is kept and a new
    revision is published. Raises :class:`TemplateError` (validation, duplicate code)
    or :class:`ConflictError` (someone else saved it first).
    """
    problems = validate(spec)
    if problems:
        raise TemplateError(problems)
    try:
        with db.transaction() as s:
            old: TemplateSpec | None = None
            if spec.id is None:
                if s.scalar(select(ScorecardTemplate.id).where(
                        ScorecardTemplate.code == spec.code)) is not None:
                    raise TemplateError([f"a template with code {spec.code!r} exists"])
                t = ScorecardTemplate(code=spec.code, revision=1, published_at=utcnow())
                s.add(t)
            else:
                current = s.get(ScorecardTemplate, spec.id)
                if current is None:
                    raise LookupError(f"no scorecard template {spec.id}")
                if spec.version is not None and current.version != spec.version:
                    raise ConflictError("the template was changed by someone else; reload it")
                old = _spec(s, current)
                if old.evaluations:
                    top = s.scalar(select(func.max(ScorecardTemplate.revision))
                                   .where(ScorecardTemplate.code == current.code)) or 1
                    t = ScorecardTemplate(code=current.code, revision=top + 1,
                                          published_at=utcnow())
                    s.add(t)
                else:
                    t = current
            _fill(t, spec)
            s.flush()
            _diff(s, user, t.id, old, replace(spec, revision=t.revision))
            tid = t.id
    except StaleDataError as exc:
        raise ConflictError("the template was changed by someone else; reload it") from exc
    return load_template(db, tid)
