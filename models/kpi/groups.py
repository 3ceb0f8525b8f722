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
from models.kpi.stats import grouped_percentile
from models.kpi.store import TicketStore
from models.kpi.types import PRIORITIES, BreakdownBy

Duration = Literal["frt", "res"]
F64 = npt.NDArray[np.float64]

GroupKeys = list[int | str | None]


def group_codes(store: TicketStore, by: BreakdownBy) -> tuple[npt.NDArray[np.int32], GroupKeys]:
    """Store-sized dense group codes (0 = no value) and the key of each code (cached)."""
    cache_key = ("groups", by)
    hit = store.cached(cache_key)
    if hit is not None:
        return hit  # type: ignore[return-value]
    keys: GroupKeys
    if by in ("vendor", "site"):
        raw = store.vendor if by == "vendor" else store.site
        ids, inverse = np.unique(raw, return_inverse=True)
        codes = inverse.astype(np.int32)
        if ids.size and ids[0] == -1:
            keys = [None, *(int(i) for i in ids[1:])]
        else:
            codes += 1
            keys = [None, *(int(i) for i in ids)]
    elif by == "priority":
        codes = store.priority.astype(np.int32) + 1
        keys = [None, *PRIORITIES]
    elif by in ("channel", "category", "agent"):
        codes = getattr(store, by).astype(np.int32) + 1
        keys = [None, *getattr(store, f"{by}_labels")]
    else:
        raise ValueError(f"unknown breakdown {by!r}")
    store.put_cache(cache_key, (codes, keys))
    return codes, keys


@dataclass(frozen=True, eq=False)
class GroupDurations:
    """Per group: count, sum and the requested percentiles of a duration (NaN if empty)."""

    n: npt.NDArray[np.int64]
    total: F64
    percentiles: tuple[F64, ...]


def _sorted(
    store: TicketStore, by: BreakdownBy | None, value: Duration
) -> tuple[npt.NDArray[np.int32], F64, npt.NDArray[np.int32]]:
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
    out = (order.astype(np.int32), values[order], codes_all[order].astype(np.int32))
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
    order, values, codes = _sorted(sel.store, by, value)
    if sel.mask is None and sel.sl.start == 0 and sel.sl.stop >= sel.store.size:
        v, c = values, codes  # everything: no filtering at all
    else:
        if sel.mask is None:
            keep = (order >= sel.sl.start) & (order < sel.sl.stop)
        else:
            keep = sel.full_mask()[order]
        v, c = values[keep], codes[keep]
    n = np.bincount(c, minlength=n_groups).astype(np.int64)
    total: F64 = np.bincount(c, weights=v, minlength=n_groups).astype(np.float64)
    return GroupDurations(n, total, tuple(grouped_percentile(v, c, n_groups, q) for q in qs))
