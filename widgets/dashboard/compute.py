"""What one dashboard refresh computes, as plain functions run on a worker thread.

Everything goes through the KPI engine (:mod:`models.kpi.api`), so a card, a chart, an
export and ``servicelens kpi`` show the same number. The functions take the store lock
of :class:`~widgets.dashboard.store_holder.StoreHolder` while they read the store and
call ``progress.check()`` between steps, so a newer request cancels an older one early.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from models.db import Database
from models.kpi.api import (
    OPTIONAL_KPIS,
    Alert,
    BreakdownBy,
    BreakdownRow,
    ControlChart,
    Grain,
    KpiResult,
    KpiTargetSpec,
    ParetoRow,
    PolicySet,
    TicketFilter,
    arrivals_heatmap,
    available_kpis,
    breakdown,
    compute_kpis,
    list_alerts,
    pareto,
    previous_period,
    trend,
)
from models.kpi.filtering import select as select_rows
from models.progress import Progress

FRT_BINS = 24
SPARK_KEYS: tuple[str, ...] = (
    "volume", "response_sla_met_pct", "resolution_sla_met_pct", "frt_median_min",
    "resolution_median_h", "resolution_rate_pct", "csat_score", "nps", "complaint_rate_pct",
    "complaint_closure_pct",
)


@dataclass(frozen=True)
class DashboardRequest:
    """One recomputation: the filter, the moment, and the charts' own choices."""

    filt: TicketFilter
    as_of: dt.datetime
    grain: Grain = "day"
    trend_key: str = "response_sla_met_pct"
    breakdown_by: BreakdownBy = "vendor"
    tz: str | None = None


@dataclass(frozen=True, eq=False)
class Histogram:
    """Counts per bin; ``edges`` has one more entry than ``counts`` (minutes).

    ``bins[i]`` is the bin of ``ids[i]`` (the last bin also holds everything above it),
    so a bar can list exactly its tickets.
    """

    counts: npt.NDArray[np.int64]
    edges: npt.NDArray[np.float64]
    ids: npt.NDArray[np.int64]
    bins: npt.NDArray[np.int64]

    def ids_in(self, index: int) -> npt.NDArray[np.int64]:
        return self.ids[self.bins == index]


@dataclass(frozen=True, eq=False)
class DashboardData:
    """Everything the cards and charts show for one :class:`DashboardRequest`."""

    request: DashboardRequest
    kpis: KpiResult
    previous: KpiResult | None
    trend: ControlChart
    pareto: tuple[ParetoRow, ...]
    breakdown: tuple[BreakdownRow, ...]
    heatmap: npt.NDArray[np.int64]
    frt: Histogram
    sparklines: dict[str, npt.NDArray[np.float64]] = field(default_factory=dict)
    available: frozenset[str] = frozenset()  # optional KPIs the data carries (cards shown)


def target_for(
    targets: tuple[KpiTargetSpec, ...], kpi: str, priority: str | None = None
) -> KpiTargetSpec | None:
    """The target of ``kpi`` for ``priority`` (falling back to the all-priorities one)."""
    for wanted in ((priority, None) if priority is not None else (None,)):
        found = [t for t in targets if t.kpi == kpi and t.priority == wanted]
        if found:
            return max(found, key=lambda t: t.effective_from)
    return None


def frt_minutes(store: Any, filt: TicketFilter) -> tuple[npt.NDArray[np.int64],
                                                         npt.NDArray[np.float64]]:
    """Ids (by creation time) and first-response times (minutes) of the filtered tickets
    that have one — the same tickets as the engine's ``Selector("frt")``.

    Reads the engine's selection of the filter directly (``models.kpi.filtering``), which
    is a slice plus a mask over the creation-ordered columns: no id lookups.
    """
    selection = select_rows(store, filt)
    values = selection.take(store.frt_min)
    ids = selection.take(store.id)
    has = ~np.isnan(values)
    return ids[has], values[has]


def frt_histogram(
    ids: npt.NDArray[np.int64], values: npt.NDArray[np.float64], bins: int = FRT_BINS
) -> Histogram:
    """Equal-width bins from 0 to the 99th percentile (the last bin takes the tail)."""
    if values.size == 0:
        empty = np.zeros(0, dtype=np.int64)
        return Histogram(empty, np.zeros(1), empty, empty)
    top = float(np.percentile(values, 99.0))
    top = max(top, 1.0)
    step = _nice_step(top / bins)
    n_bins = max(1, int(np.ceil(top / step)))
    edges = np.arange(n_bins + 1, dtype=np.float64) * step
    which = np.clip((values // step).astype(np.int64), 0, n_bins - 1)
    counts = np.bincount(which, minlength=n_bins).astype(np.int64)
    return Histogram(counts, edges, ids, which)


def _nice_step(raw: float) -> float:
    """1, 2, 5 × 10ⁿ at or above ``raw``."""
    magnitude = 10 ** np.floor(np.log10(max(raw, 1e-9)))
    for factor in (1, 2, 5, 10):
        if factor * magnitude >= raw:
            return float(factor * magnitude)
    return float(10 * magnitude)


def compute_dashboard(
    store: Any, lock: Any, req: DashboardRequest, policies: PolicySet,
    targets: tuple[KpiTargetSpec, ...], progress: Progress,
) -> DashboardData:
    """All cards and charts for ``req`` (sparklines come separately, see below)."""
    with lock:
        kpis = compute_kpis(store, req.filt, req.as_of, policies)
        progress.check()
        previous = None
        if req.filt.start is not None and req.filt.end is not None:
            prev_filt = previous_period(req.filt)
            previous = compute_kpis(store, prev_filt, min(req.as_of, prev_filt.end or req.as_of),
                                    policies)
        progress.check()
        chart = compute_trend(store, req, policies, targets)
        rows = pareto(store, req.filt)
        bars = breakdown(store, req.filt, req.breakdown_by, req.as_of, policies)
        progress.check()
        cells = arrivals_heatmap(store, req.filt, req.tz)
        hist = frt_histogram(*frt_minutes(store, req.filt))
        available = available_kpis(store, policies)
    return DashboardData(req, kpis, previous, chart, rows, bars, cells, hist,
                         available=available)


def compute_trend(
    store: Any, req: DashboardRequest, policies: PolicySet, targets: tuple[KpiTargetSpec, ...]
) -> ControlChart:
    """The trend chart of ``req.trend_key`` with its target line (caller holds the lock)."""
    priority = req.filt.priorities[0] if len(req.filt.priorities) == 1 else None
    spec = target_for(targets, req.trend_key, priority)
    return trend(store, req.filt, req.trend_key, req.grain, req.as_of, policies, req.tz,
                 spec.target if spec else None)


def compute_sparklines(
    store: Any, lock: Any, req: DashboardRequest, policies: PolicySet,
    progress: Progress, available: frozenset[str] = frozenset(),
) -> dict[str, npt.NDArray[np.float64]]:
    """One small series per card over the filter's period (NaN where a bucket is empty);
    of the optional cards only those in ``available`` (the others are hidden)."""
    out: dict[str, npt.NDArray[np.float64]] = {}
    for key in SPARK_KEYS + tuple(k for k in OPTIONAL_KPIS if k in available):
        progress.check()
        with lock:
            chart = trend(store, req.filt, key, req.grain, req.as_of, policies, req.tz)
        out[key] = np.asarray(chart.values, dtype=np.float64)
    return out


def compute_alerts(
    db: Database, store: Any, lock: Any, as_of: dt.datetime, policies: PolicySet,
    targets: tuple[KpiTargetSpec, ...],
) -> list[Alert]:
    """The unacknowledged alerts over all tickets at ``as_of``."""
    with lock:
        return list_alerts(db, store, as_of, policies, targets)


def auto_grain(filt: TicketFilter) -> Grain:
    """Day for up to about two months, week up to a year, month beyond (or when open)."""
    if filt.start is None or filt.end is None:
        return "month"
    days = (filt.end - filt.start).days
    return "day" if days <= 62 else "week" if days <= 366 else "month"


__all__ = [
    "DashboardData",
    "DashboardRequest",
    "Histogram",
    "auto_grain",
    "compute_alerts",
    "compute_dashboard",
    "compute_sparklines",
    "compute_trend",
    "frt_histogram",
    "target_for",
]
