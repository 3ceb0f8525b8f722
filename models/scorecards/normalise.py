"""Raw criterion values → scores on 0–100 (DESIGN.md "Vendor scorecards").

* **linear**: ``worst`` maps to 0 and ``best`` to 100, straight line between, clamped.
  Lower-is-better criteria simply have ``worst > best`` (defect rate 5 → 0.5).
* **bands**: a table of thresholds ``[{"min": x, "score": s}, ...]``; the band with the
  greatest ``min`` not above the value applies; a value below every ``min`` scores 0.
  For lower-is-better bands give increasing ``min`` with decreasing scores.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any


class NormalisationError(ValueError):
    """A criterion's normalisation cannot be applied (``worst == best``, no bands, NaN)."""


def linear(value: float, worst: float, best: float) -> float:
    """Score 0–100 of ``value`` between ``worst`` (0) and ``best`` (100), clamped.

    Raises :class:`NormalisationError` when ``worst == best`` or any input is NaN.
    """
    if any(math.isnan(x) for x in (value, worst, best)):
        raise NormalisationError("linear normalisation of NaN")
    if worst == best:
        raise NormalisationError(f"worst and best are both {worst}: no range to scale")
    score = (value - worst) / (best - worst) * 100.0
    return min(100.0, max(0.0, score))


def band_table(bands: Sequence[Mapping[str, Any]] | None) -> tuple[tuple[float, float], ...]:
    """``bands`` as ``((min, score), ...)`` sorted by ``min``; validates 0 ≤ score ≤ 100.

    Raises :class:`NormalisationError` for an empty table, a duplicate ``min`` or a score
    outside 0–100.
    """
    if not bands:
        raise NormalisationError("a bands criterion needs at least one band")
    table = sorted((float(b["min"]), float(b["score"])) for b in bands)
    mins = [m for m, _ in table]
    if len(set(mins)) != len(mins):
        raise NormalisationError("two bands start at the same value")
    for _, score in table:
        if not 0.0 <= score <= 100.0:
            raise NormalisationError(f"band score {score} is outside 0–100")
    return tuple(table)


def banded(value: float, bands: Sequence[Mapping[str, Any]]) -> float:
    """Score of ``value`` from a band table (see the module docstring)."""
    if math.isnan(value):
        raise NormalisationError("bands normalisation of NaN")
    score = 0.0
    for minimum, band_score in band_table(bands):
        if value >= minimum:
            score = band_score
    return score


def normalise(
    value: float,
    method: str,
    worst: float | None = None,
    best: float | None = None,
    bands: Sequence[Mapping[str, Any]] | None = None,
) -> float:
    """Score 0–100 of ``value`` by ``method`` (``"linear"`` or ``"bands"``).

    Raises :class:`NormalisationError` for a missing worst/best, empty bands or an
    unknown method.
    """
    if method == "linear":
        if worst is None or best is None:
            raise NormalisationError("a linear criterion needs worst and best values")
        return linear(value, worst, best)
    if method == "bands":
        return banded(value, bands or ())
    raise NormalisationError(f"unknown normalisation {method!r}")
