"""A KPI per local day / ISO week / month with control limits (:mod:`models.kpi.spc`).

Rate keys (``*_pct`` except NPS) use a p-chart on each bucket's numerator and
denominator; everything else (counts, medians, P90s, means, NPS) an XmR chart on the
bucket values. Buckets without data are NaN and take no part in the limits.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import numpy as np
import numpy.typing as npt

from models.kpi import sla, spc
from models.kpi.compute import answered_within
from models.kpi.filtering import Selection, select, to_us
from models.kpi.groups import SMALL_SHARE, Duration, sorted_values
from models.kpi.localtime import bucket_bounds
from models.kpi.policy_types import PolicySet
from models.kpi.stats import grouped_percentile
from models.kpi.store import NONE, TicketStore
from models.kpi.types import ControlChart, Grain, TicketFilter

F64 = npt.NDArray[np.float64]
I64 = npt.NDArray[np.int64]
DAY_US = 86_400_000_000

RATE_KEYS = (
    "response_sla_met_pct",
    "resolution_sla_met_pct",
    "resolution_rate_pct",
    "reopen_rate_pct",
    "csat_satisfied_pct",
    "complaint_rate_pct",
    "complaint_closure_pct",
    "answered_30s_pct",
    "onsite_sla_met_pct",
)
VALUE_KEYS = (
    "volume",
    "frt_median_min",
    "frt_p90_min",
    "resolution_median_h",
    "resolution_p90_h",
    "response_sla_pending",
    "csat_score",
    "nps",
    "overdue_complaints",
    "repeat_complaints",
)
TREND_KEYS = VALUE_KEYS + RATE_KEYS


def trend(
    store: TicketStore,
    filt: TicketFilter,
    kpi_key: str,
    grain: Grain,
    as_of: dt.datetime,
    policies: PolicySet,
    tz: str | None = None,
    target: float | None = None,
) -> ControlChart:
    """``kpi_key`` per bucket over the filter's period (or the selection's time span)."""
    if kpi_key not in TREND_KEYS:
        raise ValueError(f"no trend for KPI {kpi_key!r}; known: {', '.join(TREND_KEYS)}")
    s = select(store, filt)
    created = s.take(store.created)
    lo = to_us(filt.start) if filt.start else (int(created[0]) if created.size else None)
    hi = to_us(filt.end) if filt.end else (int(created[-1]) + 1 if created.size else None)
    if lo is None or hi is None or hi <= lo:
        empty = np.empty(0)
        return ControlChart(
            kpi_key,
            grain,
            "p" if kpi_key in RATE_KEYS else "xmr",
            (),
            (),
            empty,
            np.empty(0, np.int64),
            None,
            empty,
            empty,
            np.empty(0, bool),
            np.empty(0, bool),
            target,
        )
    starts, edges = bucket_bounds(lo, hi, grain, tz)
    nb = len(starts) - 1
    # the selection is in creation order: each bucket is a contiguous run of it
    bounds = np.searchsorted(created, edges, "left").astype(np.int64)
    bucket = np.repeat(np.arange(nb, dtype=np.intp), np.diff(bounds))
    as_of_us = to_us(as_of)

    def count(m: npt.NDArray[np.bool_] | None = None) -> I64:
        if m is None:
            return np.diff(bounds)
        at = np.searchsorted(np.flatnonzero(m), bounds).astype(np.int64)
        out: I64 = np.diff(at)
        return out

    n = count()
    if kpi_key in RATE_KEYS:
        num, den = _rate_parts(kpi_key, store, s, count, as_of_us, policies)
        with np.errstate(divide="ignore", invalid="ignore"):
            values = np.where(den > 0, 100.0 * num / np.maximum(den, 1), np.nan)
        lim = spc.p_limits(num, den)
        limits = spc.Limits(
            None if lim.centre is None else 100.0 * lim.centre, 100.0 * lim.ucl, 100.0 * lim.lcl
        )
        sizes = den
    else:
        values, sizes = _values(kpi_key, store, s, bucket, nb, count, n, as_of_us, policies)
        limits = spc.xmr_limits(values)
    return ControlChart(
        kpi_key=kpi_key,
        grain=grain,
        kind="p" if kpi_key in RATE_KEYS else "xmr",
        starts=tuple(starts[:-1]),
        ends=tuple(starts[1:]),
        values=values,
        n=sizes,
        centre=limits.centre,
        ucl=limits.ucl,
        lcl=limits.lcl,
        beyond_limits=spc.beyond_limits(values, limits),
        run_of_8=spc.runs_of(values, limits.centre),
        target=target,
    )


Counter = Callable[..., I64]


def _rate_parts(
    key: str,
    store: TicketStore,
    s: Selection,
    count: Counter,
    as_of_us: int,
    policies: PolicySet,
) -> tuple[I64, I64]:
    if key == "answered_30s_pct":  # the card's counts (models.kpi.compute)
        has, within = answered_within(store, s.rows())
        return count(within), count(has)
    if key == "onsite_sla_met_pct":
        codes = sla.onsite_outcomes(store, policies, s.rows(), as_of_us)
        met = codes == sla.MET
        return count(met), count(met | (codes == sla.BREACHED))
    resolved = s.take(store.resolved) != NONE
    if key in ("response_sla_met_pct", "resolution_sla_met_pct"):
        resp, reso = sla.store_outcomes(store, policies, as_of_us)
        codes = s.take(resp if key == "response_sla_met_pct" else reso)
        met = codes == sla.MET
        return count(met), count(met | (codes == sla.BREACHED))
    if key == "resolution_rate_pct":
        return count(resolved), count()
    if key == "reopen_rate_pct":
        reopened = s.take(store.reopened)
        known = resolved & (reopened >= 0)
        return count(known & (reopened >= 1)), count(known)
    if key == "csat_satisfied_pct":
        rated = ~np.isnan(s.take(store.csat_score))
        return count(rated & s.take(store.csat_sat)), count(rated)
    complaint = s.take(store.complaint)
    if key == "complaint_rate_pct":
        return count(complaint), count()
    return count(complaint & resolved), count(complaint)  # complaint_closure_pct


def _values(
    key: str,
    store: TicketStore,
    s: Selection,
    bucket: npt.NDArray[np.intp],
    nb: int,
    count: Counter,
    n: I64,
    as_of_us: int,
    policies: PolicySet,
) -> tuple[F64, I64]:
    if key == "volume":
        return n.astype(np.float64), n
    if key in ("frt_median_min", "frt_p90_min", "resolution_median_h", "resolution_p90_h"):
        which: Duration = "frt" if key.startswith("frt") else "res"
        q = 50.0 if "median" in key else 90.0
        if s.count * SMALL_SHARE < store.size:  # small: sort the selection's own values
            v = s.take(store.frt_min if which == "frt" else store.res_h)
            ok = ~np.isnan(v)
            order = np.lexsort((v[ok], bucket[ok]))
            groups = bucket[ok][order]
            values = grouped_percentile(v[ok][order], groups, nb, q)
        else:  # large: the store's cached value ranks, one integer sort
            _, values_sorted, _, rank = sorted_values(store, None, which)
            pos = s.take(rank)  # rank of each selected ticket by value (−1: no value)
            valid = pos >= 0
            n_all = np.int64(max(values_sorted.size, 1))
            keys = np.sort(bucket[valid].astype(np.int64) * n_all + pos[valid])
            groups = keys // n_all
            values = grouped_percentile(values_sorted[keys % n_all], groups, nb, q)
        sizes = np.bincount(groups, minlength=nb)[:nb].astype(np.int64)
        return values, sizes
    if key == "response_sla_pending":
        codes8 = s.take(sla.store_outcomes(store, policies, as_of_us)[0])
        c = count(codes8 == sla.PENDING)
        return c.astype(np.float64), n
    if key in ("csat_score", "nps"):
        v = s.take(store.csat_score if key == "csat_score" else store.nps)
        ok = ~np.isnan(v)
        sizes = count(ok)
        if key == "csat_score":
            sums = np.bincount(bucket[ok], weights=v[ok], minlength=nb)[:nb]
        else:
            sums = np.bincount(
                bucket[ok],
                weights=np.where(v[ok] >= 9, 100.0, 0.0) - np.where(v[ok] <= 6, 100.0, 0.0),
                minlength=nb,
            )[:nb]
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(sizes > 0, sums / np.maximum(sizes, 1), np.nan), sizes
    complaint = s.take(store.complaint)
    if key == "repeat_complaints":
        return count(complaint & s.take(store.repeat)).astype(np.float64), n
    created, resolved = s.take(store.created), s.take(store.resolved)
    overdue = (
        complaint & ((resolved == NONE) | (resolved > as_of_us)) & (as_of_us - created > DAY_US)
    )
    return count(overdue).astype(np.float64), n
