"""How the ranking reacts to the weights (walkthrough 2: "if price weighs 10 points more").

A weight moves by δ points (clamped to 0–100) and the other weights are re-normalised
proportionally so the sum stays what it was (100 for a valid template). Totals are
recomputed from the stored 0–100 scores with the reweighting rule (criteria without a
score are left out of Σwᵢ), and the same ranking rule as :func:`scoring.rank` applies
(vetoed vendors after the others, incomplete ones unranked; one group only).
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass

from models.scorecards.scoring import Rankable, rank

DELTAS: tuple[float, ...] = (-10.0, -5.0, 5.0, 10.0)
SEARCH_STEP = 0.1  # points


@dataclass(frozen=True)
class VendorScores:
    """One vendor's criterion scores (criterion id → 0–100, absent = no score)."""

    key: Hashable
    label: str
    scores: Mapping[int, float]
    vetoed: bool = False
    incomplete: bool = False


@dataclass(frozen=True)
class Scenario:
    """Ranking with criterion ``criterion_id`` moved by ``delta`` points."""

    criterion_id: int
    delta: float
    weights: Mapping[int, float]
    totals: Mapping[Hashable, float | None]
    ranks: Mapping[Hashable, int | None]
    leader_changed: bool


@dataclass(frozen=True)
class Tipping:
    """The smallest change of one weight (points, signed) that changes first place."""

    criterion_id: int
    delta: float
    new_leader: Hashable


def shifted_weights(weights: Mapping[int, float], criterion_id: int,
                    delta: float) -> dict[int, float]:
    """``weights`` with one moved by ``delta`` (clamped 0–100), the others rescaled so the
    sum is unchanged. When the others are all 0 they share the remainder equally."""
    total = sum(weights.values())
    new = min(100.0, max(0.0, weights[criterion_id] + delta))
    new = min(new, total) if total > 0 else new
    others = {k: w for k, w in weights.items() if k != criterion_id}
    rest = sum(others.values())
    remaining = total - new
    if rest > 0:
        scaled = {k: w * remaining / rest for k, w in others.items()}
    else:
        scaled = {k: remaining / len(others) for k in others} if others else {}
    return {**scaled, criterion_id: new}


def totals(vendors: Sequence[VendorScores],
           weights: Mapping[int, float]) -> dict[Hashable, float | None]:
    """Σ wᵢ·sᵢ / Σ wᵢ over each vendor's scored criteria (``None`` if none has weight)."""
    out: dict[Hashable, float | None] = {}
    for v in vendors:
        w = sum(weights.get(c, 0.0) for c in v.scores)
        out[v.key] = (sum(weights.get(c, 0.0) * s for c, s in v.scores.items()) / w
                      if w > 0 else None)
    return out


def ranking(vendors: Sequence[VendorScores],
            weights: Mapping[int, float]) -> tuple[dict[Hashable, float | None],
                                                   dict[Hashable, int | None]]:
    """Totals and ranks of ``vendors`` (one group) under ``weights``."""
    t = totals(vendors, weights)
    ranks = rank([Rankable(v.key, 0, t[v.key], v.vetoed, v.incomplete) for v in vendors])
    return t, ranks


def leaders(ranks: Mapping[Hashable, int | None]) -> set[Hashable]:
    return {k for k, r in ranks.items() if r == 1}


def scenarios(vendors: Sequence[VendorScores], weights: Mapping[int, float],
              deltas: Sequence[float] = DELTAS) -> list[Scenario]:
    """Every criterion moved by every delta: the ranking each time."""
    _, base = ranking(vendors, weights)
    first = leaders(base)
    out: list[Scenario] = []
    for cid in weights:
        for delta in deltas:
            w = shifted_weights(weights, cid, delta)
            t, r = ranking(vendors, w)
            out.append(Scenario(cid, delta, w, t, r, leaders(r) != first))
    return out


def smallest_tipping(vendors: Sequence[VendorScores],
                     weights: Mapping[int, float]) -> Tipping | None:
    """The smallest |δ| (in steps of 0.1 point, either sign, any criterion) after which
    first place is no longer the same set of vendors; ``None`` if no weight change
    within 0–100 does it. Ties between criteria go to the earlier criterion, + before −."""
    _, base = ranking(vendors, weights)
    first = leaders(base)
    if not first:
        return None
    steps = round(100 / SEARCH_STEP)
    for n in range(1, steps + 1):
        magnitude = round(n * SEARCH_STEP, 6)
        for cid, w0 in weights.items():
            for delta in (magnitude, -magnitude):
                if not 0.0 <= w0 + delta <= 100.0:
                    continue
                _, r = ranking(vendors, shifted_weights(weights, cid, delta))
                now = leaders(r)
                if now != first:
                    new = sorted(now - first, key=str) or sorted(now, key=str)
                    return Tipping(cid, delta, new[0] if new else None)
    return None
