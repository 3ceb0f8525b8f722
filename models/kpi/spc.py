"""Statistical process control: XmR (individuals) and p-charts with two rule flags.

- XmR, for counts, durations and means: centre = mean of the points, moving range
  mRᵢ = |xᵢ − xᵢ₋₁| between consecutive points, limits = centre ± 2.66 · mean(mR).
- p-chart, for rates: centre p̄ = Σ numerators / Σ denominators, limits per point
  p̄ ± 3·sqrt(p̄(1−p̄)/nᵢ) clipped to [0, 1]; reported on the 0–100 scale.
- Flags: ``beyond`` — a point above the upper or below the lower limit (3σ);
  ``run_of_8`` — every point of a run of 8 or more consecutive points strictly on one
  side of the centre line (a point on the centre ends a run).

Points that are NaN (buckets without data) take no part: they are skipped by the
moving ranges and the runs, and are never flagged.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

F64 = npt.NDArray[np.float64]
XMR_FACTOR = 2.66
RUN_LENGTH = 8


@dataclass(frozen=True, eq=False)
class Limits:
    """Centre line and per-point control limits (NaN where undefined)."""

    centre: float | None
    ucl: F64
    lcl: F64


def xmr_limits(values: npt.ArrayLike) -> Limits:
    """Individuals chart limits; needs at least two points, else NaN limits."""
    x = np.asarray(values, dtype=np.float64)
    pts = x[~np.isnan(x)]
    if pts.size == 0:
        return Limits(None, np.full(x.shape, np.nan), np.full(x.shape, np.nan))
    centre = float(pts.mean())
    if pts.size < 2:
        return Limits(centre, np.full(x.shape, np.nan), np.full(x.shape, np.nan))
    mr = float(np.abs(np.diff(pts)).mean())
    return Limits(
        centre,
        np.full(x.shape, centre + XMR_FACTOR * mr),
        np.full(x.shape, centre - XMR_FACTOR * mr),
    )


def p_limits(numerators: npt.ArrayLike, denominators: npt.ArrayLike) -> Limits:
    """p-chart limits as fractions (0–1); NaN for points with no denominator."""
    k = np.asarray(numerators, dtype=np.float64)
    n = np.asarray(denominators, dtype=np.float64)
    total = n.sum()
    if total <= 0:
        return Limits(None, np.full(n.shape, np.nan), np.full(n.shape, np.nan))
    p = float(k.sum() / total)
    with np.errstate(divide="ignore", invalid="ignore"):
        sigma = np.sqrt(p * (1.0 - p) / n)
    sigma[n <= 0] = np.nan
    return Limits(p, np.clip(p + 3 * sigma, 0.0, 1.0), np.clip(p - 3 * sigma, 0.0, 1.0))


def beyond_limits(values: npt.ArrayLike, limits: Limits) -> npt.NDArray[np.bool_]:
    """Points strictly above the upper or below the lower limit."""
    x = np.asarray(values, dtype=np.float64)
    with np.errstate(invalid="ignore"):
        out = (x > limits.ucl) | (x < limits.lcl)
    return out & ~np.isnan(x)


def runs_of(
    values: npt.ArrayLike, centre: float | None, length: int = RUN_LENGTH
) -> npt.NDArray[np.bool_]:
    """Every point of a run of ``length`` or more consecutive (non-NaN) points on one
    side of ``centre``."""
    x = np.asarray(values, dtype=np.float64)
    out = np.zeros(x.shape, dtype=bool)
    if centre is None:
        return out
    positions = np.flatnonzero(~np.isnan(x))
    side = np.sign(x[positions] - centre)
    start = 0
    for i in range(1, side.size + 1):
        if i == side.size or side[i] != side[start] or side[i] == 0:
            if side.size and side[start] != 0 and i - start >= length:
                out[positions[start:i]] = True
            start = i
    return out
