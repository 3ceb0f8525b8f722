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
SMALL_SHARE = 8  # selections under 1/8 of the store sort their own values
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
    if by is None:
        rows = np.flatnonzero(~np.isnan(values))
        codes_all = np.zeros(store.size, dtype=np.int32)
        order = rows[np.argsort(values[rows], kind="stable")]
    else:
        # from the value order: a stable sort of small codes (radix sort for int16)
        by_value = sorted_values(store, None, value)[0]
        codes_all, keys = group_codes(store, by)
        c = codes_all[by_value]
        small = c.astype(np.int16) if len(keys) < 32_000 else c
        order = by_value[np.argsort(small, kind="stable")].astype(np.int32)
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
    store, size = sel.store, sel.store.size
    if sel.count * SMALL_SHARE < size:
        # a small selection: sort just its values (no store-wide order needed); the
        # value order is shared by every grouping of this selection
        memo = sel.memo.get(("by_value", value))
        if memo is None:
            v_all = sel.take(store.frt_min if value == "frt" else store.res_h)
            rated = np.flatnonzero(~np.isnan(v_all))
            by_value = rated[np.argsort(v_all[rated])]
            memo = (by_value, v_all[by_value])
            sel.memo[("by_value", value)] = memo
        by_value, v = memo
        if by is None:
            return _durations(v, np.zeros(v.size, dtype=np.int32), n_groups, qs)
        c = sel.take(group_codes(store, by)[0])[by_value]
        small = c.astype(np.int16) if n_groups < 32_000 else c
        regroup = np.argsort(small, kind="stable")  # radix sort; keeps value order inside
        return _durations(v[regroup], c[regroup], n_groups, qs)
    order, values, codes, _rank = sorted_values(store, by, value)
    if sel.mask is None and sel.sl.start == 0 and sel.sl.stop >= size:
        # everything: no filtering, and the answer only depends on the store
        key = ("durations_all", by, value, n_groups, qs)
        hit = store.cached(key)
        if isinstance(hit, GroupDurations):
            return hit
        out = _durations(values, codes, n_groups, qs)
        store.put_cache(key, out)
        return out
    if sel.mask is None:
        keep = (order >= sel.sl.start) & (order < sel.sl.stop)
    else:
        keep = sel.full_mask()[order]
    return _durations(values[keep], codes[keep], n_groups, qs)


def _durations(
    v: F64, c: npt.NDArray[np.int32], n_groups: int, qs: tuple[float, ...]
) -> GroupDurations:
    n = np.bincount(c, minlength=n_groups).astype(np.int64)
    total: F64 = np.bincount(c, weights=v, minlength=n_groups).astype(np.float64)
    return GroupDurations(n, total, tuple(grouped_percentile(v, c, n_groups, q) for q in qs))


__all__ = ["GroupDurations", "GroupKeys", "group_codes", "group_durations"]
