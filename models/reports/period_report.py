"""The period report (monthly, quarterly, weekly or yearly) assembled from the KPI engine.

Qt-free: the xlsx writer (:mod:`models.reports.report_xlsx`) and the PDF renderer
(``app.report_pdf``) only lay out what :func:`build_period_report` returns. Every figure
comes from ``models.kpi.api`` with one :class:`TicketFilter` (period + vendor/site), so
the report's KPIs equal ``servicelens kpi`` for the same period, zone and ``as_of``.

Decisions (DESIGN.md leaves them open):

- ``as_of`` defaults to the period end, or now while the period is still running.
- The previous period is the previous *calendar* period (see :mod:`models.reports.period`),
  computed as it stood at its own end (``as_of`` capped at that end), so its figures are
  those of last month's report.
- Targets are those in force on the period's first day (a target raised mid-month
  applies from the next report on); status is met / near (missed by at most 5 % of the
  target) / missed, as on the dashboard and in alerts.
- Overdue complaints are those of the period still unresolved and older than 24 h at
  ``as_of`` — the tickets behind the "overdue complaints" KPI.
- The trend is daily for a week, a month or a quarter and monthly for a year, so every
  bucket lies wholly inside the period (ISO weeks would cut the edges of months and
  quarters). While the period runs, it stops at the start of the bucket holding
  ``as_of``: a half-filled day or month, or empty future ones, would fall below the
  control limits and be flagged as a change.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from models.kpi.alerts import kpi_value, target_status
from models.kpi.api import (
    THIN_N,
    BreakdownRow,
    ControlChart,
    Grain,
    KpiResult,
    KpiTargetSpec,
    ParetoRow,
    PriorityKpis,
    Selector,
    TicketFilter,
    breakdown,
    compute_kpis,
    load_policy_set,
    load_store,
    load_targets,
    ticket_ids,
    trend,
)
from models.kpi.localtime import midnight, zone
from models.kpi.settings_store import target_for
from models.queries.tickets import ticket_rows
from models.reports.period import Period, parse_period

if TYPE_CHECKING:
    from models.db import Database
    from models.kpi.store import TicketStore
    from models.progress import Progress

Unit = Literal["count", "min", "h", "pct", "score", "nps"]
Status = Literal["met", "near", "missed"]

# (kpi --json key or reopen_rate_pct, unit) in report order
KPI_ROWS: tuple[tuple[str, Unit], ...] = (
    ("volume", "count"),
    ("frt_median_min", "min"),
    ("frt_p90_min", "min"),
    ("resolution_median_h", "h"),
    ("resolution_p90_h", "h"),
    ("response_sla_met_pct", "pct"),
    ("response_sla_pending", "count"),
    ("resolution_sla_met_pct", "pct"),
    ("resolution_rate_pct", "pct"),
    ("reopen_rate_pct", "pct"),
    ("csat_score", "score"),
    ("csat_satisfied_pct", "pct"),
    ("nps", "nps"),
    ("complaint_rate_pct", "pct"),
    ("complaint_closure_pct", "pct"),
    ("overdue_complaints", "count"),
    ("repeat_complaints", "count"),
)


@dataclass(frozen=True)
class KpiLine:
    """One KPI of the summary. ``value``/``previous`` are in ``unit`` (``pct`` on 0–100);
    ``delta`` = value − previous (percentage points for rates), ``None`` if either is
    missing. ``n`` is the sample size behind the value; ``thin`` when ``n`` < 30 for a
    rate, a duration or a score. ``status`` is ``None`` without a value or a target."""

    key: str
    unit: Unit
    value: float | None
    target: float | None
    higher_is_better: bool | None
    status: Status | None
    previous: float | None
    delta: float | None
    n: int
    thin: bool


@dataclass(frozen=True)
class OverdueComplaint:
    """A complaint of the period unresolved at ``as_of`` and older than 24 h."""

    ticket_id: int
    source: str
    external_id: str
    created_at: dt.datetime  # aware UTC
    age_h: float  # hours from creation to as_of
    priority: str | None
    category: str | None
    vendor: str | None
    site: str | None
    title: str | None


@dataclass(frozen=True, eq=False)
class PeriodReport:
    """Everything the report shows for one period (see module docstring).

    ``start``/``end`` are aware UTC (local midnights in ``tz``); ``result`` and
    ``previous_result`` are the engine's full KPI results behind ``kpis``.
    """

    period: Period
    tz: str | None
    start: dt.datetime
    end: dt.datetime
    as_of: dt.datetime
    previous_period: Period
    previous_as_of: dt.datetime
    vendors_filter: tuple[str, ...]
    sites_filter: tuple[str, ...]
    kpis: tuple[KpiLine, ...]
    result: KpiResult
    previous_result: KpiResult
    by_priority: tuple[PriorityKpis, ...]
    pareto: tuple[ParetoRow, ...]
    by_vendor: tuple[BreakdownRow, ...]
    by_site: tuple[BreakdownRow, ...]
    overdue: tuple[OverdueComplaint, ...]
    grain: Grain
    volume_trend: ControlChart
    response_trend: ControlChart
    generated_at: dt.datetime

    def kpi(self, key: str) -> KpiLine:
        """The summary line of ``key``; raises ``KeyError`` for an unknown key."""
        for line in self.kpis:
            if line.key == key:
                return line
        raise KeyError(key)


def sample_size(result: KpiResult, key: str) -> tuple[int, bool]:
    """The number of tickets (or answers) behind ``key`` and whether that is thin."""
    rates = {
        "response_sla_met_pct": result.response_sla.rate,
        "resolution_sla_met_pct": result.resolution_sla.rate,
        "resolution_rate_pct": result.resolution_rate,
        "reopen_rate_pct": result.reopen_rate,
        "csat_satisfied_pct": result.csat_satisfied,
        "complaint_rate_pct": result.complaint_rate,
        "complaint_closure_pct": result.complaint_closure,
    }
    if key in rates:
        return rates[key].denominator, rates[key].thin
    counts = {
        "frt_median_min": result.frt.n,
        "frt_p90_min": result.frt.n,
        "resolution_median_h": result.resolution_time.n,
        "resolution_p90_h": result.resolution_time.n,
        "csat_score": result.csat_n,
        "nps": result.nps_n,
    }
    if key in counts:
        return counts[key], counts[key] < THIN_N
    if key in ("overdue_complaints", "repeat_complaints"):
        return result.complaints, False
    return result.volume, False


def kpi_lines(
    result: KpiResult,
    previous: KpiResult,
    targets: tuple[KpiTargetSpec, ...],
    on: dt.date,
) -> tuple[KpiLine, ...]:
    """The summary lines of :data:`KPI_ROWS` with targets in force on ``on``."""
    out = []
    for key, unit in KPI_ROWS:
        value = kpi_value(result, key)
        before = kpi_value(previous, key)
        spec = target_for(targets, key, on)
        status = target_status(value, spec) if spec is not None else None
        n, thin = sample_size(result, key)
        out.append(
            KpiLine(
                key=key,
                unit=unit,
                value=value,
                target=None if spec is None else spec.target,
                higher_is_better=None if spec is None else spec.higher_is_better,
                status=status,  # type: ignore[arg-type]
                previous=before,
                delta=None if value is None or before is None else value - before,
                n=n,
                thin=thin,
            )
        )
    return tuple(out)


def overdue_complaints(
    db: Database, store: TicketStore, filt: TicketFilter, as_of: dt.datetime
) -> tuple[OverdueComplaint, ...]:
    """The tickets behind the "overdue complaints" KPI, oldest first."""
    ids = ticket_ids(store, filt, Selector("overdue_complaints"), as_of=as_of)
    rows = ticket_rows(db, [int(i) for i in ids])
    return tuple(
        OverdueComplaint(
            ticket_id=r.id,
            source=r.source,
            external_id=r.external_id,
            created_at=r.created_at,
            age_h=(as_of - r.created_at).total_seconds() / 3600,
            priority=r.priority,
            category=r.category,
            vendor=r.vendor,
            site=r.site,
            title=r.title,
        )
        for r in rows
    )


def trend_end(
    start: dt.datetime, end: dt.datetime, as_of: dt.datetime, grain: Grain, tz: str | None
) -> dt.datetime:
    """Where the trend stops: ``end`` for a closed period, else the start of the local
    day/month holding ``as_of`` (``as_of`` itself when that is not after ``start``)."""
    if as_of >= end:
        return end
    z = zone(tz)
    day = (as_of.astimezone(z) if z else as_of.astimezone()).date()
    if grain == "month":
        day = day.replace(day=1)
    elif grain == "week":
        day -= dt.timedelta(days=day.weekday())
    cut = midnight(day, tz).astimezone(dt.UTC)
    return cut if cut > start else max(as_of, start)


def build_period_report(
    db: Database,
    period: str | Period,
    tz: str | None = None,
    as_of: dt.datetime | None = None,
    vendor_ids: tuple[int, ...] = (),
    site_ids: tuple[int, ...] = (),
    *,
    store: TicketStore | None = None,
    progress: Progress | None = None,
) -> PeriodReport:
    """The report of ``period`` (``"2026-10"``, ``"2026Q3"``, ``"2026-W42"``, ``"2026"``).

    ``tz`` is the IANA zone of the period's days (``None`` = this computer's zone);
    ``as_of`` an aware instant (default: see module docstring). ``vendor_ids``/
    ``site_ids`` restrict every figure. ``store`` reuses a loaded ticket store (else it is
    loaded, ~2 s per million tickets). Raises ``PeriodError`` (a ``ValueError``) for a bad
    period or zone, ``ValueError`` for a naive ``as_of``, ``Cancelled`` via ``progress``.
    """
    p = period if isinstance(period, Period) else parse_period(period)
    start, end = p.bounds(tz)
    now = dt.datetime.now(dt.UTC)
    if as_of is None:
        as_of = min(now, end)
    elif as_of.tzinfo is None:
        raise ValueError(f"naive as_of {as_of!r}: give an aware instant")
    as_of = as_of.astimezone(dt.UTC)
    prev = p.previous()
    prev_start, prev_end = prev.bounds(tz)
    prev_as_of = min(as_of, prev_end)

    if store is None:
        store = load_store(db, progress)
    policies = load_policy_set(db, tz)
    targets = load_targets(db)
    filt = TicketFilter(start=start, end=end, vendor_ids=vendor_ids, site_ids=site_ids)
    result = compute_kpis(store, filt, as_of, policies)
    previous = compute_kpis(store, filt.with_period(prev_start, prev_end), prev_as_of, policies)
    grain: Grain = "month" if p.kind == "year" else "day"
    response_target = target_for(targets, "response_sla_met_pct", p.first)
    trend_filt = filt.with_period(start, trend_end(start, end, as_of, grain, tz))
    return PeriodReport(
        period=p,
        tz=tz,
        start=start,
        end=end,
        as_of=as_of,
        previous_period=prev,
        previous_as_of=prev_as_of,
        vendors_filter=tuple(store.vendor_names.get(v, str(v)) for v in vendor_ids),
        sites_filter=tuple(store.site_names.get(s, str(s)) for s in site_ids),
        kpis=kpi_lines(result, previous, targets, p.first),
        result=result,
        previous_result=previous,
        by_priority=tuple(result.by_priority.values()),
        pareto=result.pareto,
        by_vendor=breakdown(store, filt, "vendor", as_of, policies),
        by_site=breakdown(store, filt, "site", as_of, policies),
        overdue=overdue_complaints(db, store, filt, as_of),
        grain=grain,
        volume_trend=trend(store, trend_filt, "volume", grain, as_of, policies, tz),
        response_trend=trend(
            store,
            trend_filt,
            "response_sla_met_pct",
            grain,
            as_of,
            policies,
            tz,
            None if response_target is None else response_target.target,
        ),
        generated_at=now,
    )
