"""Read-only views of evaluations for pages, exports and the CLI (frozen dataclasses)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, or_, select

from models.db import Database
from models.orm import (
    AuditEntry,
    CriterionScore,
    Evaluation,
    EvaluationStatus,
    EvaluatorRating,
    ScorecardCriterion,
    ScorecardTemplate,
    Vendor,
)
from models.scorecards.scoring import trimmed_mean


@dataclass(frozen=True)
class EvaluationRow:
    """One evaluation for ranking tables (total 0–100, rank within category)."""

    id: int
    template_id: int
    template_code: str
    revision: int
    vendor_id: int
    vendor_code: str
    vendor_name: str
    category: str
    period_label: str
    total: float | None
    grade: str | None
    veto_reason: str | None
    incomplete: bool
    rank: int | None
    final: bool
    serious_breach: bool


@dataclass(frozen=True)
class CriterionRow:
    """A criterion on a scorecard: weight (points of 100), raw, score 0–100, points."""

    criterion_id: int
    name: str
    weight: float
    source: str
    source_key: str | None
    raw: float | None
    score: float | None
    points: float | None
    missing: bool
    evidence: dict[str, Any]


@dataclass(frozen=True)
class RatingRow:
    criterion_id: int
    criterion: str
    evaluator: str
    rating: float
    comment: str | None
    rated_at: dt.datetime
    dropped: str | None  # "high" / "low" when trimmed away


@dataclass(frozen=True)
class AuditRow:
    at: dt.datetime
    user: str | None
    action: str
    entity: str
    entity_id: int | None
    field: str | None
    old: str | None
    new: str | None


@dataclass(frozen=True)
class EvaluationDetail:
    """A scorecard: the evaluation, its criteria, ratings and grade bands."""

    evaluation: EvaluationRow
    criteria: tuple[CriterionRow, ...]
    ratings: tuple[RatingRow, ...]
    grade_bands: tuple[dict[str, Any], ...]
    period_start: dt.date
    period_end: dt.date
    finalised_by: str | None
    finalised_at: dt.datetime | None


def _rows(db: Database, *where: Any) -> list[EvaluationRow]:
    with db.session() as s:
        q = (select(Evaluation, Vendor, ScorecardTemplate)
             .join(Vendor, Vendor.id == Evaluation.vendor_id)
             .join(ScorecardTemplate, ScorecardTemplate.id == Evaluation.template_id)
             .where(*where)
             .order_by(Evaluation.period_start.desc(), Vendor.service_category,
                       Evaluation.rank.is_(None), Evaluation.rank, Vendor.code))
        return [
            EvaluationRow(
                e.id, t.id, t.code, t.revision, v.id, v.code, v.name, v.service_category,
                e.period_label, e.total, e.grade, e.veto_reason, e.incomplete, e.rank,
                e.status == EvaluationStatus.FINAL, e.serious_breach,
            )
            for e, v, t in s.execute(q).all()
        ]


def list_evaluations(db: Database, template_id: int | None = None,
                     period_label: str | None = None,
                     vendor_id: int | None = None) -> list[EvaluationRow]:
    """Evaluations, newest period first, by category and rank."""
    where = []
    if template_id is not None:
        where.append(Evaluation.template_id == template_id)
    if period_label is not None:
        where.append(Evaluation.period_label == period_label)
    if vendor_id is not None:
        where.append(Evaluation.vendor_id == vendor_id)
    return _rows(db, *where)


def list_periods(db: Database, template_id: int) -> list[str]:
    """Period labels evaluated with a template, newest first."""
    with db.session() as s:
        rows = s.execute(select(Evaluation.period_label, Evaluation.period_start)
                         .where(Evaluation.template_id == template_id).distinct()
                         .order_by(Evaluation.period_start.desc())).all()
        return list(dict.fromkeys(r.period_label for r in rows))


def evaluation_detail(db: Database, evaluation_id: int) -> EvaluationDetail:
    """The whole scorecard of one evaluation. Raises ``LookupError``."""
    rows = _rows(db, Evaluation.id == evaluation_id)
    if not rows:
        raise LookupError(f"no evaluation {evaluation_id}")
    with db.session() as s:
        e = s.get(Evaluation, evaluation_id)
        t = s.get(ScorecardTemplate, rows[0].template_id)
        assert e is not None and t is not None
        scores = {cs.criterion_id: cs for cs in s.scalars(
            select(CriterionScore).where(CriterionScore.evaluation_id == e.id))}
        crit = []
        for c in t.criteria:
            cs = scores.get(c.id)
            crit.append(CriterionRow(
                c.id, c.name, c.weight, str(c.source), c.source_key,
                cs.raw_value if cs else None, cs.score if cs else None,
                cs.weighted if cs else None, cs.missing if cs else True,
                dict(cs.evidence or {}) if cs else {},
            ))
        names = {c.id: c.name for c in t.criteria}
        ratings = s.scalars(select(EvaluatorRating).where(
            EvaluatorRating.evaluation_id == e.id).order_by(
            EvaluatorRating.criterion_id, EvaluatorRating.evaluator)).all()
        dropped: dict[tuple[int, str], str] = {}
        for cid in {r.criterion_id for r in ratings}:
            tm = trimmed_mean({r.evaluator: r.rating for r in ratings if r.criterion_id == cid})
            if tm.dropped_high:
                dropped[(cid, tm.dropped_high)] = "high"
            if tm.dropped_low:
                dropped[(cid, tm.dropped_low)] = "low"
        return EvaluationDetail(
            rows[0], tuple(crit),
            tuple(RatingRow(r.criterion_id, names.get(r.criterion_id, ""), r.evaluator,
                            r.rating, r.comment, r.rated_at,
                            dropped.get((r.criterion_id, r.evaluator))) for r in ratings),
            tuple(dict(b) for b in t.grade_bands), e.period_start, e.period_end,
            e.finalised_by, e.finalised_at,
        )


def audit_log(db: Database, evaluation_ids: list[int] | None = None,
              template_ids: list[int] | None = None, limit: int = 1000) -> list[AuditRow]:
    """Audit entries of evaluations and scorecard templates, newest first."""
    conds: list[ColumnElement[bool]] = []
    if evaluation_ids:
        conds.append((AuditEntry.entity == "evaluation")
                     & AuditEntry.entity_id.in_(evaluation_ids))
    if template_ids:
        conds.append((AuditEntry.entity == "scorecard_template")
                     & AuditEntry.entity_id.in_(template_ids))
    if not conds:
        conds.append(AuditEntry.entity.in_(("evaluation", "scorecard_template", "vendor")))
    with db.session() as s:
        rows = s.scalars(select(AuditEntry).where(or_(*conds))
                         .order_by(AuditEntry.at.desc(), AuditEntry.id.desc()).limit(limit))
        return [AuditRow(a.at, a.user, a.action, a.entity, a.entity_id, a.field,
                         a.old_value, a.new_value) for a in rows]


def vendor_trend(db: Database, vendor_id: int, template_code: str | None = None
                 ) -> list[tuple[str, dt.date, float | None, str | None]]:
    """(period label, period start, total, grade) of a vendor's evaluations, oldest first."""
    with db.session() as s:
        q = (select(Evaluation.period_label, Evaluation.period_start, Evaluation.total,
                    Evaluation.grade)
             .join(ScorecardTemplate, ScorecardTemplate.id == Evaluation.template_id)
             .where(Evaluation.vendor_id == vendor_id).order_by(Evaluation.period_start))
        if template_code:
            q = q.where(ScorecardTemplate.code == template_code)
        return [(r[0], r[1], r[2], r[3]) for r in s.execute(q).all()]


def criterion_names(db: Database, template_id: int) -> dict[int, str]:
    with db.session() as s:
        return dict(s.execute(select(ScorecardCriterion.id, ScorecardCriterion.name)
                              .where(ScorecardCriterion.template_id == template_id)).all())
