"""Small statistics used by every KPI: Wilson intervals, percentiles, grouped medians."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import numpy.typing as npt

from models.kpi.types import THIN_N, DurationStats, Rate

Z95 = 1.959963984540054  # two-sided 95 % normal quantile

FloatArray = npt.NDArray[np.float64]


def wilson(numerator: int, denominator: int, z: float = Z95) -> Rate:
    """``numerator / denominator`` with its Wilson score interval, all on 0–100.

    ``pct`` and the bounds are ``None`` when ``denominator`` is 0; ``thin`` when fewer
    than 30. Example: 8/10 → 80 %, interval [49.0, 94.3].
    """
    k, n = int(numerator), int(denominator)
    if n <= 0:
        return Rate(k, n, None, None, None, True)
    p = k / n
    z2 = z * z
    centre = (p + z2 / (2 * n)) / (1 + z2 / n)
    half = z * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n)
    low, high = max(0.0, centre - half), min(1.0, centre + half)
    return Rate(k, n, 100.0 * p, 100.0 * low, 100.0 * high, n < THIN_N)


def duration_stats(values: FloatArray) -> DurationStats:
    """Median, P90 (linear interpolation) and mean of ``values`` (NaN already removed)."""
    n = int(values.size)
    if n == 0:
        return DurationStats(0, None, None, None)
    med, p90 = np.percentile(values, [50.0, 90.0])
    return DurationStats(n, float(med), float(p90), float(values.mean()))


def grouped_percentile(
    sorted_values: FloatArray, sorted_codes: npt.NDArray[np.integer[Any]], n_groups: int, q: float
) -> FloatArray:
    """``q``-th percentile (0–100, linear interpolation) per group code, NaN for empty groups.

    ``sorted_values`` must be sorted by (code, value): values ascending within each group,
    groups in code order; ``sorted_codes`` are their codes (0 … n_groups − 1).
    """
    counts = np.bincount(sorted_codes, minlength=n_groups)
    starts = np.concatenate(([0], np.cumsum(counts)[:-1]))
    out = np.full(n_groups, np.nan)
    has = counts > 0
    pos = starts[has] + (counts[has] - 1) * (q / 100.0)
    lo = np.floor(pos).astype(np.intp)
    hi = np.minimum(lo + 1, starts[has] + counts[has] - 1)
    frac = pos - lo
    out[has] = sorted_values[lo] + (sorted_values[hi] - sorted_values[lo]) * frac
    return out


def pct(numerator: float, denominator: float) -> float | None:
    """100 · numerator / denominator, ``None`` when the denominator is 0."""
    return None if denominator == 0 else 100.0 * float(numerator) / float(denominator)
