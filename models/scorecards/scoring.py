"""Scoring one vendor's evaluation, trimmed means of ratings, grades and ranking.

Decisions where DESIGN.md is silent (also in docs/scorecards.md):

* **Missing data** per criterion: ``reweight`` (default) leaves the criterion out of
  Σwᵢ; ``zero`` scores it 0; ``carry`` uses last period's raw value (normalised with
  today's rule) and falls back to ``reweight`` when there is none. Only criteria left
  without a score count towards "incomplete" (missing weight > threshold, default 20 %
  of Σ all weights); an incomplete evaluation gets no grade.
* **Total** = Σ wᵢ·sᵢ / Σ wᵢ over the criteria with a score (0–100, full precision);
  a criterion's *weighted points* are wᵢ·sᵢ / Σ wᵢ, so the points add up to the total.
* **Grade**: the first band (highest ``min`` first) with ``min ≤ round(total, 2)``;
  the same rounding is used by the xlsx LOOKUP so Excel and the engine agree at a
  boundary. A **veto** makes the grade the lowest band's (D) whatever the total, and
  also when the evaluation is incomplete.
* **Trimmed mean**: with five or more evaluators the single highest and single lowest
  rating are dropped (ties: the evaluator first by name is dropped).
* **Rank** within (service category, period): by total rounded to 2 decimals,
  descending, standard competition ranking (1, 1, 3); vetoed evaluations rank after
  every non-vetoed one; incomplete evaluations and those without a total get no rank.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from models.scorecards.normalise import normalise

TRIM_FROM = 5


@dataclass(frozen=True)
class CriterionSpec:
    """What scoring needs of a criterion (a frozen copy of ``ScorecardCriterion``)."""

    id: int
    position: int
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


@dataclass(frozen=True)
class CriterionValue:
    """Scored criterion: ``raw`` as found (or carried), ``score`` 0–100, ``points`` its share
    of the total. ``missing`` = no data this period; ``substituted`` names the rule that
    filled it (``"zero"``/``"carry"``) or is ``None``."""

    criterion_id: int
    raw: float | None
    score: float | None
    points: float | None
    missing: bool
    substituted: str | None = None
    evidence: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ScoreResult:
    """Total 0–100 (``None`` when no criterion has a score), grade (``None`` when
    incomplete and not vetoed), the veto reason, missing weight in % of Σ weights."""

    total: float | None
    grade: str | None
    incomplete: bool
    missing_weight_pct: float
    veto_reason: str | None
    criteria: tuple[CriterionValue, ...]


@dataclass(frozen=True)
class TrimmedMean:
    """Mean of the kept ratings; ``dropped_high``/``dropped_low`` name dropped evaluators."""

    mean: float | None
    used: tuple[str, ...]
    dropped_high: str | None = None
    dropped_low: str | None = None


def trimmed_mean(ratings: Mapping[str, float]) -> TrimmedMean:
    """Mean rating (0–100) of ``{evaluator: rating}``; drops the highest and the lowest
    when there are at least five evaluators. Empty → mean ``None``."""
    if not ratings:
        return TrimmedMean(None, ())
    names = sorted(ratings)
    if len(names) < TRIM_FROM:
        return TrimmedMean(sum(ratings[n] for n in names) / len(names), tuple(names))
    high = max(names, key=lambda n: (ratings[n], -names.index(n)))
    low = min((n for n in names if n != high), key=lambda n: (ratings[n], names.index(n)))
    kept = [n for n in names if n not in (high, low)]
    return TrimmedMean(sum(ratings[n] for n in kept) / len(kept), tuple(kept), high, low)


def grade_for(total: float, bands: Sequence[Mapping[str, Any]]) -> str:
    """Grade of a 0–100 total from bands ``[{"grade": "A", "min": 90}, ...]``.

    Raises ``ValueError`` when no band applies (bands must reach down to the total).
    """
    value = round(total, 2)
    for band in sorted(bands, key=lambda b: -float(b["min"])):
        if value >= float(band["min"]):
            return str(band["grade"])
    raise ValueError(f"no grade band covers {value}")


def lowest_grade(bands: Sequence[Mapping[str, Any]]) -> str:
    """The grade of the lowest band (the veto grade, D by default)."""
    return str(min(bands, key=lambda b: float(b["min"]))["grade"])


def score_evaluation(
    criteria: Sequence[CriterionSpec],
    raw: Mapping[int, float | None],
    grade_bands: Sequence[Mapping[str, Any]],
    *,
    carried: Mapping[int, float] | None = None,
    veto_reason: str | None = None,
    incomplete_threshold_pct: float = 20.0,
    evidence: Mapping[int, Mapping[str, Any]] | None = None,
) -> ScoreResult:
    """Score one vendor: ``raw`` maps criterion id → raw value (``None``/absent = missing),
    ``carried`` → last period's raw value for ``carry`` criteria. Weights need not sum
    to 100 (Σwᵢ normalises). Raises ``NormalisationError`` for a malformed criterion."""
    carried = carried or {}
    evidence = evidence or {}
    staged: list[tuple[CriterionSpec, float | None, float | None, str | None]] = []
    for c in criteria:
        value = raw.get(c.id)
        if value is not None and math.isnan(value):
            value = None
        if value is not None:
            staged.append((c, value, normalise(value, c.normalisation, c.worst, c.best,
                                               c.bands), None))
        elif c.missing_rule == "zero":
            staged.append((c, None, 0.0, "zero"))
        elif c.missing_rule == "carry" and carried.get(c.id) is not None:
            last = carried[c.id]
            staged.append((c, last, normalise(last, c.normalisation, c.worst, c.best,
                                              c.bands), "carry"))
        else:
            staged.append((c, None, None, None))
    all_weight = sum(c.weight for c in criteria)
    scored_weight = sum(c.weight for c, _, s, _ in staged if s is not None)
    missing_weight = all_weight - scored_weight
    missing_pct = missing_weight / all_weight * 100.0 if all_weight > 0 else 0.0
    total = (
        sum(c.weight * s for c, _, s, _ in staged if s is not None) / scored_weight
        if scored_weight > 0 else None
    )
    values = tuple(
        CriterionValue(
            criterion_id=c.id, raw=r, score=s,
            points=(c.weight * s / scored_weight) if s is not None and scored_weight else None,
            missing=raw.get(c.id) is None, substituted=sub, evidence=evidence.get(c.id, {}),
        )
        for c, r, s, sub in staged
    )
    incomplete = total is None or missing_pct > incomplete_threshold_pct + 1e-9
    if veto_reason:
        grade: str | None = lowest_grade(grade_bands)
    elif incomplete or total is None:
        grade = None
    else:
        grade = grade_for(total, grade_bands)
    return ScoreResult(total, grade, incomplete, missing_pct, veto_reason, values)


@dataclass(frozen=True)
class Rankable:
    """One evaluation to rank: ``key`` identifies it, ``group`` is (category, period)."""

    key: Hashable
    group: Hashable
    total: float | None
    vetoed: bool = False
    incomplete: bool = False


def rank(items: Sequence[Rankable]) -> dict[Hashable, int | None]:
    """Standard competition ranks (1, 1, 3) per group; see the module docstring."""
    out: dict[Hashable, int | None] = {}
    groups: dict[Hashable, list[Rankable]] = {}
    for item in items:
        groups.setdefault(item.group, []).append(item)
    for members in groups.values():
        ranked = [m for m in members if m.total is not None and not m.incomplete]
        ranked.sort(key=lambda m: (m.vetoed, -round(m.total or 0.0, 2)))
        previous: tuple[bool, float] | None = None
        current = 0
        for position, m in enumerate(ranked, start=1):
            sort_key = (m.vetoed, round(m.total or 0.0, 2))
            if sort_key != previous:
                current, previous = position, sort_key
            out[m.key] = current
        for m in members:
            out.setdefault(m.key, None)
    return out
