"""Public API of the KPI engine — what the dashboard, the CLI, reports and scorecards call.

Qt-free. Every number follows ../shared/DESIGN.md ("Ticket KPIs", "Analysis views").
Instants are aware ``datetime`` objects (compared in UTC); ``tz`` arguments are IANA
zone names, ``None`` meaning this computer's zone.

Typical use (off the GUI thread for the load, any thread for the rest)::

    store = load_store(db, progress)                 # once, ~2 s per million tickets
    policies = load_policy_set(db)                   # SLA policies + calendars
    filt = TicketFilter(start=..., end=..., priorities=("P2",))
    k = compute_kpis(store, filt, as_of, policies)   # KpiResult; k.to_json() = kpi --json
    chart = trend(store, filt, "response_sla_met_pct", "week", as_of, policies, tz)
    rows = pareto(store, filt)                       # complaints by category
    bars = breakdown(store, filt, "vendor", as_of, policies)
    cells = arrivals_heatmap(store, filt, tz)        # int64 array (7 weekdays × 24 hours)
    ids = ticket_ids(store, filt, Selector("response_sla", "breached", priority="P2"),
                     as_of=as_of, policies=policies)
    states = sla_states(store, ids[:1], as_of, policies)   # detail panel
    store.refresh(db)                                # after an import / a change

Functions
---------
- ``load_store(db, progress=NullProgress()) -> TicketStore``
- ``load_store_preview(db, since, progress) -> TicketStore | None`` (recent tickets first,
  when there is no column cache) and ``complete_store(db, preview, progress)``;
  ``models.kpi.store_preview.covers(store, start)`` says which filters a preview serves
- ``TicketStore.refresh(db, progress=NullProgress()) -> bool`` (True if anything changed)
- ``compute_kpis(store, filt, as_of, policies) -> KpiResult``
- ``trend(store, filt, kpi_key, grain, as_of, policies, tz=None, target=None) -> ControlChart``
  (``kpi_key``: a ``kpi --json`` scalar key, e.g. ``"volume"``, ``"frt_median_min"``,
  ``"response_sla_met_pct"``, ``"csat_score"``, ``"complaint_rate_pct"``)
- ``pareto(store, filt) -> tuple[ParetoRow, ...]``
- ``breakdown(store, filt, by, as_of, policies) -> tuple[BreakdownRow, ...]``
  (``by``: vendor | site | channel | category | agent | priority; rows by volume desc)
- ``narrow(filt, by, key) -> TicketFilter`` — the filter behind one breakdown bar
- ``previous_period(filt) -> TicketFilter`` — the same length of time just before
- ``arrivals_heatmap(store, filt, tz=None) -> ndarray[int64] (7, 24)`` (row 0 = Monday)
- ``ticket_ids(store, filt, selector, *, as_of=None, policies=None) -> ndarray[int64]``
  (ids ordered by creation time)
- ``sla_states(store, ids, as_of, policies) -> list[TicketSla]``
- ``wilson(numerator, denominator) -> Rate``
- ``load_policy_set(db, timezone=None) -> PolicySet``; ``load_targets(db) -> tuple[KpiTargetSpec]``
- settings editors (``models.kpi.settings_store``): ``save_policies``, ``save_calendar``,
  ``save_targets``, ``ensure_default_calendar`` — each writes audit entries
- ``what_if(store, current, edited, as_of) -> tuple[WhatIfRow, ...]``
- ``list_alerts(db, store, as_of, policies, targets, filt=None, include_acknowledged=False)
  -> list[Alert]``; ``acknowledge(db, key, user, note=None)``
- other analysis views (``models.kpi.analysis``): ``compare(store, pilot, control, kpi,
  as_of, policies) -> TestResult`` (two-proportion z / Mann–Whitney U),
  ``impact_urgency(store, filt) -> tuple[QuadrantRow, ...]``, ``agents_needed(calls_per_hour,
  aht_s, target_s=30, target_share=0.8)`` (Erlang C)
- alerts' traffic light: ``models.kpi.alerts.target_status(value, target)`` → met/near/missed

Caching: the store caches SLA evaluations per policy set, outcome codes per ``as_of``,
selections per filter and sort orders; give all charts of one refresh the same ``as_of``.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from models.kpi.policy_types import (
    CalendarDaySpec,
    CalendarSpec,
    KpiTargetSpec,
    PolicySet,
    SlaPolicySpec,
)
from models.kpi.types import (
    JSON_KEYS,
    OPTIONAL_KPIS,
    PRIORITIES,
    THIN_N,
    Alert,
    BreakdownBy,
    BreakdownRow,
    ControlChart,
    DurationStats,
    Grain,
    IdArray,
    KpiResult,
    ParetoRow,
    PriorityKpis,
    Rate,
    Selector,
    SlaCounts,
    SlaState,
    TicketFilter,
    TicketSla,
    WhatIfRow,
)
from models.progress import NullProgress, Progress

if TYPE_CHECKING:
    from models.db import Database
    from models.kpi.store import TicketStore


def load_store(db: Database, progress: Progress | None = None) -> TicketStore:
    """Load every ticket once into columnar numpy arrays (see :mod:`models.kpi.store`).

    About 2 s and 150 MB per million tickets. Raises ``Cancelled`` via ``progress``.
    """
    from models.kpi.store import TicketStore

    return TicketStore.load(db, progress or NullProgress())


def load_store_preview(
    db: Database, since: dt.datetime, progress: Progress | None = None
) -> TicketStore | None:
    """The tickets created from ``since`` on, when the full load would be slow: the
    database has a cache folder (``db.cache_dir``, set by the application) but no column
    cache in it yet, and many tickets (``store_preview.PREVIEW_MIN_TICKETS``). ``None``
    otherwise: then call :func:`load_store` (without a cache folder, e.g. in scripts,
    the store is always read in one go). See
    :mod:`models.kpi.store_preview` (``covers`` says which filters it serves exactly)."""
    from models.kpi import store_cache, store_preview

    path = store_cache.cache_file(db)
    if path is None or path.exists() or not store_preview.worth_it(db):
        return None
    return store_preview.load_recent(db, since, progress or NullProgress())


def complete_store(
    db: Database, preview: TicketStore, progress: Progress | None = None
) -> TicketStore:
    """The full store from a preview (older tickets read now); writes the column cache."""
    from models.kpi import store_cache, store_preview

    store = store_preview.complete(db, preview, progress or NullProgress())
    store_cache.save(db, store)
    return store


def compute_kpis(
    store: TicketStore, filt: TicketFilter, as_of: dt.datetime, policies: PolicySet
) -> KpiResult:
    """All ticket KPIs of DESIGN.md for the tickets selected by ``filt`` at ``as_of``."""
    from models.kpi.compute import compute_kpis as impl

    return impl(store, filt, as_of, policies)


def available_kpis(store: TicketStore, policies: PolicySet) -> frozenset[str]:
    """The optional KPIs (``answered_30s_pct``, ``onsite_sla_met_pct``) the data carries."""
    from models.kpi.compute import available_kpis as impl

    return impl(store, policies)


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
    """``kpi_key`` per local day/week (ISO, Monday)/month with control limits.

    Buckets span the filter's period (or the data's range when open); a p-chart for
    ``*_pct`` rate keys, an XmR chart otherwise. Raises ``ValueError`` on an unknown key.
    """
    from models.kpi.trend import trend as impl

    return impl(store, filt, kpi_key, grain, as_of, policies, tz, target)


def pareto(store: TicketStore, filt: TicketFilter) -> tuple[ParetoRow, ...]:
    """Complaints among the filtered tickets by category (DESIGN.md "Analysis views")."""
    from models.kpi.compute import pareto as impl

    return impl(store, filt)


def breakdown(
    store: TicketStore,
    filt: TicketFilter,
    by: BreakdownBy,
    as_of: dt.datetime,
    policies: PolicySet,
) -> tuple[BreakdownRow, ...]:
    """KPIs per vendor/site/channel/category/agent/priority, by volume descending."""
    from models.kpi.breakdown import breakdown as impl

    return impl(store, filt, by, as_of, policies)


def narrow(filt: TicketFilter, by: BreakdownBy, key: int | str | None) -> TicketFilter:
    """The filter selecting the tickets of one breakdown row (``key`` as in the row)."""
    from models.kpi.filtering import narrow as impl

    return impl(filt, by, key)


def previous_period(filt: TicketFilter) -> TicketFilter:
    """The same filter over the period of equal length just before (for deltas).

    Raises ``ValueError`` when the period is open at either end.
    """
    from models.kpi.filtering import previous_period as impl

    return impl(filt)


def arrivals_heatmap(
    store: TicketStore, filt: TicketFilter, tz: str | None = None
) -> npt.NDArray[np.int64]:
    """Tickets created per local weekday (rows, 0 = Monday) and hour (columns): 7×24."""
    from models.kpi.compute import arrivals_heatmap as impl

    return impl(store, filt, tz)


def ticket_ids(
    store: TicketStore,
    filt: TicketFilter,
    selector: Selector,
    *,
    as_of: dt.datetime | None = None,
    policies: PolicySet | None = None,
) -> IdArray:
    """Exact ids of the tickets behind a card, bar, point or cell, by creation time.

    SLA selectors and overdue complaints need ``as_of`` (and ``policies`` for SLA).
    Raises ``ValueError`` for an unknown measure or a missing argument.
    """
    from models.kpi.selection import ticket_ids as impl

    return impl(store, filt, selector, as_of, policies)


def sla_states(
    store: TicketStore, ids: npt.ArrayLike, as_of: dt.datetime, policies: PolicySet
) -> list[TicketSla]:
    """Policy, elapsed/left time and deadline of each ticket (ids not in the store skipped)."""
    from models.kpi.selection import sla_states as impl

    return impl(store, ids, as_of, policies)


def wilson(numerator: int, denominator: int) -> Rate:
    """The proportion with its 95 % Wilson score interval, all on 0–100."""
    from models.kpi.stats import wilson as impl

    return impl(numerator, denominator)


def load_policy_set(db: Database, timezone: str | None = None) -> PolicySet:
    """SLA policies and business calendars from the database.

    When the database has no policy yet, the DESIGN.md defaults (calendar time) apply.
    """
    from models.kpi.settings_store import load_policy_set as impl

    return impl(db, timezone)


def load_targets(db: Database) -> tuple[KpiTargetSpec, ...]:
    """KPI targets from the database (DESIGN.md defaults when it has none)."""
    from models.kpi.settings_store import load_targets as impl

    return impl(db)


def what_if(
    store: TicketStore, current: PolicySet, edited: PolicySet, as_of: dt.datetime
) -> tuple[WhatIfRow, ...]:
    """SLA met % over all history under ``current`` and ``edited`` policies, side by side.

    Every ticket is measured by the edited set as if it had always been in force
    (effective dates of the edited policies still apply). Rows: overall, per priority,
    per vendor, per site.
    """
    from models.kpi.whatif import what_if as impl

    return impl(store, current, edited, as_of)


def list_alerts(
    db: Database,
    store: TicketStore,
    as_of: dt.datetime,
    policies: PolicySet,
    targets: tuple[KpiTargetSpec, ...],
    filt: TicketFilter | None = None,
    include_acknowledged: bool = False,
) -> list[Alert]:
    """Current alerts (DESIGN.md / issue 4 "Alerts"), unacknowledged ones unless asked."""
    from models.kpi.alerts import list_alerts as impl

    return impl(db, store, as_of, policies, targets, filt, include_acknowledged)


def acknowledge(db: Database, key: str, user: str, note: str | None = None) -> None:
    """Record that ``user`` acknowledged the alert ``key`` (idempotent)."""
    from models.kpi.alerts import acknowledge as impl

    impl(db, key, user, note)


__all__ = [
    "JSON_KEYS",
    "OPTIONAL_KPIS",
    "PRIORITIES",
    "THIN_N",
    "Alert",
    "BreakdownBy",
    "BreakdownRow",
    "CalendarDaySpec",
    "CalendarSpec",
    "ControlChart",
    "DurationStats",
    "Grain",
    "IdArray",
    "KpiResult",
    "KpiTargetSpec",
    "ParetoRow",
    "PolicySet",
    "PriorityKpis",
    "Rate",
    "Selector",
    "SlaCounts",
    "SlaPolicySpec",
    "SlaState",
    "TicketFilter",
    "TicketSla",
    "WhatIfRow",
    "acknowledge",
    "arrivals_heatmap",
    "available_kpis",
    "breakdown",
    "complete_store",
    "compute_kpis",
    "list_alerts",
    "load_policy_set",
    "load_store",
    "load_store_preview",
    "load_targets",
    "narrow",
    "pareto",
    "previous_period",
    "sla_states",
    "ticket_ids",
    "trend",
    "what_if",
    "wilson",
]
