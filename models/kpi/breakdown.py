"""KPIs per vendor, site, channel, category, agent or priority (one pass per breakdown).

Group codes are dense per store (cached), so every per-group figure is a
``np.bincount``; medians use the store's precomputed value orders.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import numpy.typing as npt

from models.kpi import sla
from models.kpi.filtering import select, subset_rows, to_us
from models.kpi.group_codes import nps_classes
from models.kpi.groups import group_codes, group_durations
from models.kpi.policy_types import PolicySet
from models.kpi.stats import wilson
from models.kpi.store import NONE, TicketStore
from models.kpi.types import BreakdownBy, BreakdownRow, TicketFilter


def _label(store: TicketStore, by: BreakdownBy, key: int | str | None) -> str:
    if key is None:
        return ""
    if by == "vendor":
        return store.vendor_names.get(int(key), str(key))
    if by == "site":
        return store.site_names.get(int(key), str(key))
    return str(key)


# flag bits of the composite count
F_RESOLVED, F_REOPEN_KNOWN, F_NEVER_REOPENED, F_RATED, F_COMPLAINT = 1, 2, 4, 8, 16
_RESOLVED, _FCR_KNOWN, _FCR_OK, _RATED, _COMPLAINT = (
    F_RESOLVED, F_REOPEN_KNOWN, F_NEVER_REOPENED, F_RATED, F_COMPLAINT
)
_PATTERNS = np.arange(32)


def low_bits(store: TicketStore, policies: PolicySet, as_of_us: int) -> npt.NDArray[np.int32]:
    """Per ticket: response outcome << 7 | resolution outcome << 5 | five flags (resolved,
    reopen count known, never reopened, rated, complaint). Cached per (policies, as_of)."""
    key = ("outcomes", "low", policies, as_of_us)
    hit = store.cached(key)
    if hit is not None:
        return hit  # type: ignore[return-value]
    resp, reso = sla.store_outcomes(store, policies, as_of_us)
    resolved = store.resolved != NONE
    known = resolved & (store.reopened >= 0)
    out = resp.astype(np.int32) << 7
    out |= reso.astype(np.int32) << 5
    out |= resolved.view(np.uint8)
    out |= known.view(np.uint8).astype(np.int32) << 1
    out |= (known & (store.reopened == 0)).view(np.uint8).astype(np.int32) << 2
    out |= (~np.isnan(store.csat_score)).view(np.uint8).astype(np.int32) << 3
    out |= store.complaint.view(np.uint8).astype(np.int32) << 4
    store.put_cache(key, out)
    return out


def _with(table: npt.NDArray[np.int64], bit: int, also: int = 0) -> npt.NDArray[np.int64]:
    """Sum over the flag patterns that have ``bit`` (and ``also``) set: per group."""
    want = bit | also
    pats = (_PATTERNS & want) == want
    out: npt.NDArray[np.int64] = table[:, pats].sum(axis=1)
    return out


def breakdown(
    store: TicketStore,
    filt: TicketFilter,
    by: BreakdownBy,
    as_of: dt.datetime,
    policies: PolicySet,
) -> tuple[BreakdownRow, ...]:
    """One row per group with tickets in the selection, by volume desc then label.

    All counts come from one ``np.bincount`` over a composite code (group × response
    outcome × resolution outcome × five flags); medians from cached sort orders.
    """
    all_codes, keys = group_codes(store, by)
    s = select(store, filt)
    g = len(keys)
    codes = s.take(all_codes)
    composite = codes * np.int32(512)
    composite += s.take(low_bits(store, policies, to_us(as_of)))
    table = np.bincount(composite, minlength=g * 512).reshape(g, 4, 4, 32)
    volume = table.sum(axis=(1, 2, 3))
    by_resp = table.sum(axis=(2, 3))
    by_reso = table.sum(axis=(1, 3))
    by_flags = table.sum(axis=(1, 2))
    met, breached = sla.MET, sla.BREACHED
    csat_n = _with(by_flags, _RATED)
    n_resolved = _with(by_flags, _RESOLVED)
    fcr_ok, fcr_known = _with(by_flags, _FCR_OK), _with(by_flags, _FCR_KNOWN)
    complaints = _with(by_flags, _COMPLAINT)
    rated = subset_rows(s, "rated", lambda: ~np.isnan(store.csat_score))
    csat_sum = np.bincount(all_codes[rated], weights=store.csat_score[rated], minlength=g)
    frt = group_durations(s, by, "frt", g, (50.0,))
    res = group_durations(s, by, "res", g, (50.0,))
    nps_by = np.bincount(codes * 4 + s.take(nps_classes(store)), minlength=g * 4).reshape(g, 4)
    nps_n = nps_by[:, 1:].sum(axis=1)
    rows = []
    for i in np.flatnonzero(volume):
        frt_med, res_med = frt.percentiles[0][i], res.percentiles[0][i]
        rows.append(
            BreakdownRow(
                by=by,
                key=keys[i],
                label=_label(store, by, keys[i]),
                volume=int(volume[i]),
                frt_median_min=None if np.isnan(frt_med) else float(frt_med),
                resolution_median_h=None if np.isnan(res_med) else float(res_med),
                response_sla=wilson(
                    int(by_resp[i, met]), int(by_resp[i, met] + by_resp[i, breached])
                ),
                resolution_sla=wilson(
                    int(by_reso[i, met]), int(by_reso[i, met] + by_reso[i, breached])
                ),
                resolution_rate=wilson(int(n_resolved[i]), int(volume[i])),
                fcr=wilson(int(fcr_ok[i]), int(fcr_known[i])),
                csat_score=float(csat_sum[i] / csat_n[i]) if csat_n[i] else None,
                csat_n=int(csat_n[i]),
                complaints=int(complaints[i]),
                nps=(
                    100.0 * float(nps_by[i, 3] - nps_by[i, 1]) / nps_n[i] if nps_n[i] else None
                ),
                nps_n=int(nps_n[i]),
                complaint_rate=wilson(int(complaints[i]), int(volume[i])),
            )
        )
    rows.sort(key=lambda r: (-r.volume, r.key is None, r.label))
    return tuple(rows)
