"""Dense group codes per breakdown and per-group percentiles from cached sort orders.

``group_codes`` gives every ticket a small code for vendor, site, channel, category,
agent or priority (0 = no value). ``group_durations`` computes medians/P90s of FRT or
resolution time per group for any selection without sorting at query time: per
(grouping, duration) the store caches the valid rows sorted by (group, value) once,
and a selection only filters that order.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
import numpy.typing as npt

from models.kpi.filtering import Selection
from models.kpi.group_codes import GroupKeys, group_codes
from models.kpi.stats import grouped_percentile
from models.kpi.store import TicketStore
from models.kpi.types import BreakdownBy

Duration = Literal["frt", "res"]
F64 = npt.NDArray[np.float64]

@dataclass(frozen=True, eq=False)
class GroupDurations:
    """Per group: count, sum and the requested percentiles of a duration (NaN if empty)."""

    n: npt.NDArray[np.int64]
    total: F64
    percentiles: tuple[F64, ...]


def sorted_values(
    store: TicketStore, by: BreakdownBy | None, value: Duration
) -> tuple[npt.NDArray[np.int32], F64, npt.NDArray[np.int32], npt.NDArray[np.int32]]:
    """Valid rows sorted by (group, value): rows, values, codes, and each row's rank in
    that order (−1 for rows without a value). Cached per store version."""
    key = ("sorted", by, value)
    hit = store.cached(key)
    if hit is not None:
        return hit  # type: ignore[return-value]
    values = store.frt_min if value == "frt" else store.res_h
    rows = np.flatnonzero(~np.isnan(values))
    if by is None:
        codes_all = np.zeros(store.size, dtype=np.int32)
        order = rows[np.argsort(values[rows], kind="stable")]
    else:
        codes_all = group_codes(store, by)[0]
        order = rows[np.lexsort((values[rows], codes_all[rows]))]
    rank = np.full(store.size, -1, dtype=np.int32)
    rank[order] = np.arange(order.size, dtype=np.int32)
    out = (order.astype(np.int32), values[order], codes_all[order], rank)
    store.put_cache(key, out)
    return out


def group_durations(
    sel: Selection,
    by: BreakdownBy | None,
    value: Duration,
    n_groups: int,
    qs: tuple[float, ...] = (50.0, 90.0),
) -> GroupDurations:
    """``value`` ("frt" minutes, "res" hours) statistics per group of the selection.

    With ``by`` None there is one group (index 0): the whole selection.
    """
    order, values, codes, rank = sorted_values(sel.store, by, value)
    size = sel.store.size
    if sel.mask is None and sel.sl.start == 0 and sel.sl.stop >= size:
        # everything: no filtering, and the answer only depends on the store
        key = ("durations_all", by, value, n_groups, qs)
        hit = sel.store.cached(key)
        if isinstance(hit, GroupDurations):
            return hit
        v, c = values, codes
        out = _durations(v, c, n_groups, qs)
        sel.store.put_cache(key, out)
        return out
    elif sel.count * 8 < size:
        # few rows: sort their ranks (k log k) instead of scanning the whole order
        pos = sel.take(rank)
        pos = np.sort(pos[pos >= 0])
        v, c = values[pos], codes[pos]
    else:
        if sel.mask is None:
            keep = (order >= sel.sl.start) & (order < sel.sl.stop)
        else:
            keep = sel.full_mask()[order]
        v, c = values[keep], codes[keep]
    return _durations(v, c, n_groups, qs)


def _durations(
    v: F64, c: npt.NDArray[np.int32], n_groups: int, qs: tuple[float, ...]
) -> GroupDurations:
    n = np.bincount(c, minlength=n_groups).astype(np.int64)
    total: F64 = np.bincount(c, weights=v, minlength=n_groups).astype(np.float64)
    return GroupDurations(n, total, tuple(grouped_percentile(v, c, n_groups, q) for q in qs))


__all__ = ["GroupDurations", "GroupKeys", "group_codes", "group_durations"]
