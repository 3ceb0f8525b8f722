"""Running evaluations, entering ratings, the serious-breach flag and finalisation.

Every write checks that the evaluation is still a draft (:class:`EvaluationFinalError`
otherwise), is one transaction, and writes audit entries (who, when, old, new) for
ratings, grades, totals, the serious-breach flag and finalisation. Ranks are recomputed
for the whole (template, period) after each change, within each service category.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from models.db import Database
from models.orm import (
    CriterionScore,
    Evaluation,
    EvaluationStatus,
    EvaluatorRating,
    ScorecardTemplate,
    Vendor,
    utcnow,
)
from models.progress import NullProgress, Progress
from models.scorecards.audit import audit
from models.scorecards.periods import Period, parse_period
from models.scorecards.scoring import Rankable, rank, score_evaluation
from models.scorecards.sources import (
    TicketKpis,
    criterion_raw,
    last_metric,
    manual_value,
    veto_reasons,
)
from models.scorecards.templates import ConflictError, criterion_spec, template_veto_rules


class EvaluationFinalError(PermissionError):
    """The evaluation is final and read-only; ``evaluation_id`` says which."""

    def __init__(self, evaluation_id: int, label: str) -> None:
        super().__init__(f"evaluation {label} is final and read-only")
        self.evaluation_id = evaluation_id


@dataclass(frozen=True)
class RunSummary:
    """What :func:`run_evaluation` did: ids of the evaluations written, and those skipped
    because they are already final."""

    evaluation_ids: tuple[int, ...]
    skipped_final: tuple[int, ...]
    period: Period


def _label(e: Evaluation, vendor: Vendor | None) -> str:
    return f"{vendor.code if vendor else e.vendor_id} {e.period_label}"


def _draft(s: Session, evaluation_id: int) -> Evaluation:
    e = s.get(Evaluation, evaluation_id)
    if e is None:
        raise LookupError(f"no evaluation {evaluation_id}")
    if e.status == EvaluationStatus.FINAL:
        raise EvaluationFinalError(e.id, _label(e, s.get(Vendor, e.vendor_id)))
    return e


def _ratings(e: Evaluation, criterion_id: int) -> dict[str, float]:
    return {r.evaluator: r.rating for r in e.ratings if r.criterion_id == criterion_id}


def _score(s: Session, e: Evaluation, t: ScorecardTemplate, user: str,
           fresh: dict[int, tuple[float | None, dict[str, Any], bool]] | None,
           run_day: dt.date) -> None:
    """(Re)compute ``e`` from fresh raw values, or from the stored ones when ``fresh`` is
    None (manual criteria always from the ratings)."""
    specs = [criterion_spec(c) for c in t.criteria]
    stored = {cs.criterion_id: cs for cs in e.scores}
    raw: dict[int, float | None] = {}
    carried: dict[int, float] = {}
    evidence: dict[int, dict[str, Any]] = {}
    for c in specs:
        if c.source == "manual":
            mv = manual_value(_ratings(e, c.id))
            raw[c.id], evidence[c.id] = mv.value, dict(mv.evidence)
        elif fresh is not None:
            value, ev, is_carry = fresh[c.id]
            if is_carry:
                carried[c.id] = value  # type: ignore[assignment]
                raw[c.id] = None
            else:
                raw[c.id] = value
            evidence[c.id] = ev
        else:
            cs = stored.get(c.id)
            if cs is not None and cs.raw_value is not None:
                (carried if cs.missing else raw)[c.id] = cs.raw_value
            evidence[c.id] = dict(cs.evidence or {}) if cs else {}
    period = Period(e.period_label, e.period_start, e.period_end)
    # Qualifications are judged on the run day, but a late re-evaluation of an old period
    # looks no further than one period length past its end (its "evaluation window").
    window_end = e.period_end + (e.period_end - e.period_start)
    as_of = max(e.period_end - dt.timedelta(days=1), min(run_day, window_end))
    reasons = veto_reasons(s, e.vendor_id, template_veto_rules(t), period,
                           e.serious_breach, as_of)
    result = score_evaluation(specs, raw, t.grade_bands, carried=carried,
                              veto_reason="; ".join(reasons) or None,
                              incomplete_threshold_pct=t.incomplete_threshold_pct,
                              evidence=evidence)
    for v in result.criteria:
        cs = stored.get(v.criterion_id)
        if cs is None:
            cs = CriterionScore(criterion_id=v.criterion_id)
            e.scores.append(cs)
        cs.raw_value, cs.score, cs.weighted, cs.missing = v.raw, v.score, v.points, v.missing
        ev = dict(v.evidence)
        if v.substituted:
            ev["substituted"] = v.substituted
        cs.evidence = ev
    total = round(result.total, 6) if result.total is not None else None
    audit(s, user, "score", e.id, "total", e.total, total)
    audit(s, user, "score", e.id, "grade", e.grade, result.grade)
    audit(s, user, "score", e.id, "veto_reason", e.veto_reason, result.veto_reason)
    e.total, e.grade, e.veto_reason = total, result.grade, result.veto_reason
    e.incomplete = result.incomplete


def rerank(s: Session, template_id: int, period_label: str) -> None:
    """Recompute ranks of every evaluation of (template, period) by service category."""
    rows = s.execute(
        select(Evaluation, Vendor.service_category).join(Vendor, Vendor.id == Evaluation.vendor_id)
        .where(Evaluation.template_id == template_id, Evaluation.period_label == period_label)
    ).all()
    ranks = rank([Rankable(e.id, cat, e.total, bool(e.veto_reason), e.incomplete)
                  for e, cat in rows])
    for e, _ in rows:
        if e.status == EvaluationStatus.DRAFT and e.rank != ranks[e.id]:
            e.rank = ranks[e.id]


def run_evaluation(
    db: Database, template_id: int, period: Period | str, vendor_ids: Sequence[int],
    user: str, *, now: dt.datetime | None = None, tz: str | None = None,
    progress: Progress | None = None, store: Any = None, policies: Any = None,
) -> RunSummary:
    """Evaluate ``vendor_ids`` for ``period`` with one template version (one transaction).

    Existing drafts for the same (template, vendor, period) are recomputed with fresh
    source data, keeping their ratings; final ones are skipped. ``now`` (aware, default
    the current time) is the KPI ``as_of`` and the day qualification vetoes are checked.
    ``store``/``policies`` reuse a loaded KPI ticket store (else it is loaded once here).
    Raises ``LookupError`` for an unknown template or vendor, ``PeriodError`` for a bad
    label, ``Cancelled`` from ``progress``.
    """
    progress = progress or NullProgress()
    period = parse_period(period) if isinstance(period, str) else period
    now = now or utcnow()
    tickets = TicketKpis(db, tz, store, policies)
    written: list[int] = []
    skipped: list[int] = []
    try:
        with db.transaction() as s:
            t = s.get(ScorecardTemplate, template_id)
            if t is None:
                raise LookupError(f"no scorecard template {template_id}")
            specs = [criterion_spec(c) for c in t.criteria]
            for n, vid in enumerate(vendor_ids):
                progress.update(n, len(vendor_ids), "evaluate")
                progress.check()
                if s.get(Vendor, vid) is None:
                    raise LookupError(f"no vendor {vid}")
                e = s.scalars(select(Evaluation).where(
                    Evaluation.template_id == t.id, Evaluation.vendor_id == vid,
                    Evaluation.period_label == period.label)).first()
                if e is not None and e.status == EvaluationStatus.FINAL:
                    skipped.append(e.id)
                    continue
                if e is None:
                    e = Evaluation(template_id=t.id, vendor_id=vid, period_label=period.label,
                                   period_start=period.start, period_end=period.end)
                    s.add(e)
                    s.flush()
                    audit(s, user, "run", e.id, "evaluation", None,
                          f"template {t.code} r{t.revision}, {period.label}")
                fresh: dict[int, tuple[float | None, dict[str, Any], bool]] = {}
                for c in specs:
                    if c.source == "manual":
                        continue
                    rv = criterion_raw(s, tickets, c, vid, period, now, {}, tz)
                    value, ev, is_carry = rv.value, dict(rv.evidence), False
                    if value is None and c.missing_rule == "carry":
                        value, ev, is_carry = _carry(s, e, c.id, c.source, c.source_key,
                                                     vid, period)
                    fresh[c.id] = (value, ev, is_carry)
                _score(s, e, t, user, fresh, now.date())
                written.append(e.id)
            s.flush()
            rerank(s, t.id, period.label)
    except StaleDataError as exc:
        raise ConflictError("an evaluation was changed by someone else; run it again") from exc
    progress.update(len(vendor_ids), len(vendor_ids), "evaluate")
    return RunSummary(tuple(written), tuple(skipped), period)


def _carry(s: Session, e: Evaluation, criterion_id: int, source: str, key: str | None,
           vendor_id: int, period: Period) -> tuple[float | None, dict[str, Any], bool]:
    """Last period's raw value: the latest metric row, or the same-named criterion of this
    vendor's latest earlier evaluation."""
    if source == "vendor_metric" and key:
        rv = last_metric(s, vendor_id, key, period.start)
        return rv.value, {**rv.evidence, "carried": True}, rv.value is not None
    from models.orm import ScorecardCriterion

    name = s.get(ScorecardCriterion, criterion_id)
    row = s.execute(
        select(CriterionScore.raw_value, Evaluation.period_label)
        .join(Evaluation, Evaluation.id == CriterionScore.evaluation_id)
        .join(ScorecardCriterion, ScorecardCriterion.id == CriterionScore.criterion_id)
        .where(Evaluation.vendor_id == vendor_id, Evaluation.period_end <= period.start,
               ScorecardCriterion.name == (name.name if name else ""),
               CriterionScore.raw_value.is_not(None), CriterionScore.missing.is_(False))
        .order_by(Evaluation.period_end.desc()).limit(1)
    ).first()
    if row is None:
        return None, {}, False
    return float(row.raw_value), {"carried_from": row.period_label}, True


def _rescore(s: Session, e: Evaluation, user: str) -> None:
    t = s.get(ScorecardTemplate, e.template_id)
    assert t is not None
    _score(s, e, t, user, None, utcnow().date())
    s.flush()
    rerank(s, t.id, e.period_label)


def set_rating(db: Database, evaluation_id: int, criterion_id: int, evaluator: str,
               rating: float | None, comment: str | None, user: str) -> None:
    """Set (or with ``rating=None`` remove) one evaluator's 0–100 rating and comment.

    Raises :class:`EvaluationFinalError`, ``ValueError`` (rating outside 0–100, empty
    evaluator, not a manual criterion), :class:`ConflictError`.
    """
    if rating is not None and not 0 <= rating <= 100:
        raise ValueError(f"a rating is 0–100, not {rating:g}")
    if not evaluator.strip():
        raise ValueError("name the evaluator")
    try:
        with db.transaction() as s:
            e = _draft(s, evaluation_id)
            t = s.get(ScorecardTemplate, e.template_id)
            assert t is not None
            manual = {c.id: c.name for c in t.criteria if c.source == "manual"}
            if criterion_id not in manual:
                raise ValueError("only manual criteria take ratings")
            current = next((r for r in e.ratings if r.criterion_id == criterion_id
                            and r.evaluator == evaluator.strip()), None)
            fld = f"rating {evaluator.strip()} / {manual[criterion_id]}"
            audit(s, user, "rate", e.id, fld, current.rating if current else None, rating)
            if current is not None:
                audit(s, user, "rate", e.id, f"comment {evaluator.strip()}",
                      current.comment, comment if rating is not None else None)
            elif comment:
                audit(s, user, "rate", e.id, f"comment {evaluator.strip()}", None, comment)
            if rating is None:
                if current is not None:
                    e.ratings.remove(current)
            elif current is None:
                e.ratings.append(EvaluatorRating(criterion_id=criterion_id,
                                                 evaluator=evaluator.strip(), rating=rating,
                                                 comment=comment, rated_at=utcnow()))
            else:
                current.rating, current.comment, current.rated_at = rating, comment, utcnow()
            s.flush()
            e.updated_at = utcnow()  # bumps the version: concurrent raters conflict
            _rescore(s, e, user)
    except StaleDataError as exc:
        raise ConflictError("the evaluation was changed by someone else; reload it") from exc


def set_serious_breach(db: Database, evaluation_id: int, serious: bool, user: str) -> None:
    """Mark or clear the manual "serious breach" flag (a veto when the template has the
    rule). Raises :class:`EvaluationFinalError`."""
    with db.transaction() as s:
        e = _draft(s, evaluation_id)
        audit(s, user, "update", e.id, "serious_breach", e.serious_breach, serious)
        e.serious_breach = serious
        _rescore(s, e, user)


def finalise(db: Database, evaluation_ids: Sequence[int], user: str) -> None:
    """Mark evaluations final (read-only from then on) with who and when.

    Raises :class:`EvaluationFinalError` if one is final already (nothing is changed).
    """
    with db.transaction() as s:
        for eid in evaluation_ids:
            e = _draft(s, eid)
            e.status, e.finalised_at, e.finalised_by = EvaluationStatus.FINAL, utcnow(), user
            audit(s, user, "finalise", e.id, "status", "draft", "final")
