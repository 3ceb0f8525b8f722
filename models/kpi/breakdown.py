"""KPIs per vendor, site, channel, category, agent or priority (one pass per breakdown).

Group codes are dense per store (cached), so every per-group figure is a
``np.bincount``; medians use the store's precomputed value orders.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import numpy.typing as npt

from models.kpi import sla
from models.kpi.filtering import select, to_us
from models.kpi.policy_types import PolicySet
from models.kpi.stats import percentiles_by_group, wilson
from models.kpi.store import NONE, TicketStore
from models.kpi.types import PRIORITIES, BreakdownBy, BreakdownRow, TicketFilter

GroupKeys = list[int | str | None]


def group_codes(store: TicketStore, by: BreakdownBy) -> tuple[npt.NDArray[np.intp], GroupKeys]:
    """Store-sized dense group codes (0 = no value) and the key of each code (cached)."""
    cache_key = ("groups", by)
    hit = store.cached(cache_key)
    if hit is not None:
        return hit  # type: ignore[return-value]
    keys: GroupKeys
    if by in ("vendor", "site"):
        raw = store.vendor if by == "vendor" else store.site
        ids, inverse = np.unique(raw, return_inverse=True)
        codes = inverse.astype(np.intp)
        if ids.size and ids[0] == -1:
            keys = [None] + [int(i) for i in ids[1:]]
        else:
            codes += 1
            keys = [None] + [int(i) for i in ids]
    elif by == "priority":
        codes = store.priority.astype(np.intp) + 1
        keys = [None, *PRIORITIES]
    elif by in ("channel", "category", "agent"):
        codes = getattr(store, by).astype(np.intp) + 1
        keys = [None, *getattr(store, f"{by}_labels")]
    else:
        raise ValueError(f"unknown breakdown {by!r}")
    store.put_cache(cache_key, (codes, keys))
    return codes, keys


def _label(store: TicketStore, by: BreakdownBy, key: int | str | None) -> str:
    if key is None:
        return ""
    if by == "vendor":
        return store.vendor_names.get(int(key), str(key))
    if by == "site":
        return store.site_names.get(int(key), str(key))
    return str(key)


def breakdown(
    store: TicketStore,
    filt: TicketFilter,
    by: BreakdownBy,
    as_of: dt.datetime,
    policies: PolicySet,
) -> tuple[BreakdownRow, ...]:
    """One row per group with tickets in the selection, by volume desc then label."""
    all_codes, keys = group_codes(store, by)
    s = select(store, filt)
    g = len(keys)
    codes = s.take(all_codes)

    def count(m: npt.NDArray[np.bool_] | None = None) -> npt.NDArray[np.int64]:
        return np.bincount(codes if m is None else codes[m], minlength=g).astype(np.int64)

    as_of_us = to_us(as_of)
    ev = sla.evaluate(store, policies)
    resolved = s.take(store.resolved)
    resp = sla.outcomes(s.take(store.first_response), s.take(ev.response_deadline), as_of_us)
    reso = sla.outcomes(resolved, s.take(ev.resolution_deadline), as_of_us)
    is_resolved = resolved != NONE
    reopened = s.take(store.reopened)
    csat = s.take(store.csat_score)
    rated = ~np.isnan(csat)
    volume = count()
    resp_met, resp_n = count(resp == sla.MET), count((resp == sla.MET) | (resp == sla.BREACHED))
    reso_met, reso_n = count(reso == sla.MET), count((reso == sla.MET) | (reso == sla.BREACHED))
    n_resolved = count(is_resolved)
    fcr_known = is_resolved & (reopened >= 0)
    fcr_ok, fcr_n = count(fcr_known & (reopened == 0)), count(fcr_known)
    csat_n = count(rated)
    csat_sum = np.bincount(codes[rated], weights=csat[rated], minlength=g)
    complaints = count(s.take(store.complaint))
    full = s.full_mask()
    (frt_med,) = percentiles_by_group(store.frt_min, store.frt_order, full, all_codes, g)
    (res_med,) = percentiles_by_group(store.res_h, store.res_order, full, all_codes, g)
    rows = [
        BreakdownRow(
            by=by,
            key=keys[i],
            label=_label(store, by, keys[i]),
            volume=int(volume[i]),
            frt_median_min=None if np.isnan(frt_med[i]) else float(frt_med[i]),
            resolution_median_h=None if np.isnan(res_med[i]) else float(res_med[i]),
            response_sla=wilson(int(resp_met[i]), int(resp_n[i])),
            resolution_sla=wilson(int(reso_met[i]), int(reso_n[i])),
            resolution_rate=wilson(int(n_resolved[i]), int(volume[i])),
            fcr=wilson(int(fcr_ok[i]), int(fcr_n[i])),
            csat_score=float(csat_sum[i] / csat_n[i]) if csat_n[i] else None,
            csat_n=int(csat_n[i]),
            complaints=int(complaints[i]),
        )
        for i in np.flatnonzero(volume)
    ]
    rows.sort(key=lambda r: (-r.volume, r.key is None, r.label))
    return tuple(rows)
