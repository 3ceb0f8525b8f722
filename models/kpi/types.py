"""Plain result and parameter types of the KPI engine (frozen dataclasses, numpy arrays).

Units are in the field names: ``_min`` minutes, ``_h`` hours, ``_pct`` 0–100, ``_us``
microseconds since the Unix epoch (UTC). Instants are aware UTC ``datetime`` objects.
``None`` means "no data" (never 0).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Literal

import numpy as np
import numpy.typing as npt

PRIORITIES: tuple[str, ...] = ("P1", "P2", "P3", "P4")
THIN_N = 30  # a rate on fewer tickets than this is "thin"
ANSWER_WITHIN_US = 30_000_000  # DESIGN.md "Phone lines": answered within 30 s
OPTIONAL_KPIS: tuple[str, ...] = ("answered_30s_pct", "onsite_sla_met_pct")
"""KPIs shown only when the data carries them (:func:`models.kpi.api.available_kpis`)."""

Grain = Literal["day", "week", "month"]
BreakdownBy = Literal["vendor", "site", "channel", "category", "agent", "priority"]
SlaOutcome = Literal["met", "breached", "pending", "none"]

IdArray = npt.NDArray[np.int64]


@dataclass(frozen=True)
class TicketFilter:
    """Which tickets a KPI looks at. Empty tuples mean "no restriction".

    ``start``/``end`` select by ``created_at`` (start inclusive, end exclusive), aware
    instants (any zone; compared in UTC) or ``None`` for open ends.
    """

    start: dt.datetime | None = None
    end: dt.datetime | None = None
    vendor_ids: tuple[int, ...] = ()
    site_ids: tuple[int, ...] = ()
    priorities: tuple[str, ...] = ()
    channels: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    complaints_only: bool = False
    agent: str | None = None

    def with_period(self, start: dt.datetime | None, end: dt.datetime | None) -> TicketFilter:
        """The same filter over another period (e.g. one trend point)."""
        return replace(self, start=start, end=end)


@dataclass(frozen=True)
class Rate:
    """A proportion with its sample size and 95 % Wilson score interval.

    ``pct``, ``wilson_low`` and ``wilson_high`` are on 0–100 and ``None`` when the
    denominator is 0. ``thin`` is true when ``denominator < 30``: show it as thin,
    not as a bare percentage.
    """

    numerator: int
    denominator: int
    pct: float | None
    wilson_low: float | None
    wilson_high: float | None
    thin: bool


@dataclass(frozen=True)
class DurationStats:
    """Median, 90th percentile and mean of a duration (unit given by the owner field).

    Percentiles interpolate linearly between closest ranks (numpy's default).
    """

    n: int
    median: float | None
    p90: float | None
    mean: float | None


@dataclass(frozen=True)
class SlaCounts:
    """Met / breached / pending tickets for one SLA target; ``rate`` = met / (met + breached).

    ``unmeasured`` counts tickets without a matching policy or target.
    """

    met: int
    breached: int
    pending: int
    unmeasured: int
    rate: Rate


@dataclass(frozen=True)
class ParetoRow:
    """One complaint category in the Pareto view (sorted by count desc, ties by name).

    ``category`` is ``None`` for complaints without a category (sorted last among ties).
    ``vital`` marks the shortest prefix whose cumulative share reaches 80 %.
    """

    category: str | None
    count: int
    pct: float
    cum_pct: float
    vital: bool


@dataclass(frozen=True)
class PriorityKpis:
    """The SLA and time KPIs of one priority (``by_priority`` in ``kpi --json``)."""

    priority: str
    volume: int
    frt_median_min: float | None
    frt_p90_min: float | None
    resolution_median_h: float | None
    resolution_p90_h: float | None
    response_sla_met_pct: float | None
    resolution_sla_met_pct: float | None
    response_sla_pending: int
    response_sla: SlaCounts
    resolution_sla: SlaCounts

    def to_json(self) -> dict[str, float | int | None]:
        return {
            "frt_median_min": self.frt_median_min,
            "frt_p90_min": self.frt_p90_min,
            "resolution_median_h": self.resolution_median_h,
            "resolution_p90_h": self.resolution_p90_h,
            "response_sla_met_pct": self.response_sla_met_pct,
            "resolution_sla_met_pct": self.resolution_sla_met_pct,
            "response_sla_pending": self.response_sla_pending,
        }


JSON_KEYS: tuple[str, ...] = (
    "volume",
    "frt_median_min",
    "frt_p90_min",
    "resolution_median_h",
    "resolution_p90_h",
    "response_sla_met_pct",
    "resolution_sla_met_pct",
    "response_sla_pending",
    "resolution_rate_pct",
    "csat_score",
    "csat_satisfied_pct",
    "nps",
    "complaint_rate_pct",
    "complaint_closure_pct",
    "overdue_complaints",
    "repeat_complaints",
    "pareto",
    "by_priority",
)


@dataclass(frozen=True)
class KpiResult:
    """Every ticket KPI of DESIGN.md for one filter at one ``as_of``.

    The first fields are exactly the ``servicelens kpi --json`` keys (``to_json()``);
    the objects after them carry sample sizes and Wilson intervals for cards.
    """

    volume: int
    frt_median_min: float | None
    frt_p90_min: float | None
    resolution_median_h: float | None
    resolution_p90_h: float | None
    response_sla_met_pct: float | None
    resolution_sla_met_pct: float | None
    response_sla_pending: int
    resolution_rate_pct: float | None
    csat_score: float | None
    csat_satisfied_pct: float | None
    nps: float | None
    complaint_rate_pct: float | None
    complaint_closure_pct: float | None
    overdue_complaints: int
    repeat_complaints: int
    pareto: tuple[ParetoRow, ...]
    by_priority: dict[str, PriorityKpis]
    # details
    as_of: dt.datetime
    frt: DurationStats  # minutes
    resolution_time: DurationStats  # hours
    response_sla: SlaCounts
    resolution_sla: SlaCounts
    resolution_rate: Rate
    reopen_rate: Rate
    csat_n: int
    csat_satisfied: Rate
    nps_n: int
    complaints: int
    complaint_rate: Rate
    complaint_closure: Rate
    # not in ``kpi --json`` (DESIGN.md fixes its keys): cards only, when the data has them
    answered_30s: Rate  # phone answers within 30 s / tickets with an answer time
    onsite_sla: SlaCounts  # on-site arrival within the policy's target (models.kpi.sla)

    @property
    def answered_30s_pct(self) -> float | None:
        return self.answered_30s.pct

    @property
    def onsite_sla_met_pct(self) -> float | None:
        return self.onsite_sla.rate.pct

    def to_json(self) -> dict[str, object]:
        """The ``servicelens kpi --json`` object (DESIGN.md "Command line"); null = no data."""
        return {
            "volume": self.volume,
            "frt_median_min": self.frt_median_min,
            "frt_p90_min": self.frt_p90_min,
            "resolution_median_h": self.resolution_median_h,
            "resolution_p90_h": self.resolution_p90_h,
            "response_sla_met_pct": self.response_sla_met_pct,
            "resolution_sla_met_pct": self.resolution_sla_met_pct,
            "response_sla_pending": self.response_sla_pending,
            "resolution_rate_pct": self.resolution_rate_pct,
            "csat_score": self.csat_score,
            "csat_satisfied_pct": self.csat_satisfied_pct,
            "nps": self.nps,
            "complaint_rate_pct": self.complaint_rate_pct,
            "complaint_closure_pct": self.complaint_closure_pct,
            "overdue_complaints": self.overdue_complaints,
            "repeat_complaints": self.repeat_complaints,
            "pareto": [
                {"category": r.category, "count": r.count, "cum_pct": r.cum_pct}
                for r in self.pareto
            ],
            "by_priority": {p: k.to_json() for p, k in self.by_priority.items()},
        }


@dataclass(frozen=True, eq=False)
class ControlChart:
    """A KPI over time with control limits and rule flags, one entry per bucket.

    ``kind`` is ``"xmr"`` (individuals chart: centre = mean, limits = mean ± 2.66 · mean
    moving range; for counts, durations and means) or ``"p"`` (p-chart for rates:
    centre p̄, limits p̄ ± 3·sqrt(p̄(1−p̄)/nᵢ) clipped to [0, 100] on the percent scale).
    ``starts``/``ends`` are bucket bounds in local time (as aware datetimes).
    ``values`` are NaN for buckets without data; ``n`` is the sample size per bucket.
    ``beyond_limits``: the point lies outside [lcl, ucl]; ``run_of_8``: the point belongs
    to a run of 8 or more consecutive points strictly on one side of the centre (empty
    buckets are skipped). Trend keys: see ``models.kpi.trend.TREND_KEYS``.
    """

    kpi_key: str
    grain: Grain
    kind: Literal["xmr", "p"]
    starts: tuple[dt.datetime, ...]
    ends: tuple[dt.datetime, ...]
    values: npt.NDArray[np.float64]
    n: npt.NDArray[np.int64]
    centre: float | None
    ucl: npt.NDArray[np.float64]
    lcl: npt.NDArray[np.float64]
    beyond_limits: npt.NDArray[np.bool_]
    run_of_8: npt.NDArray[np.bool_]
    target: float | None = None


@dataclass(frozen=True)
class BreakdownRow:
    """KPIs of one group of a breakdown (vendor, site, channel, category, agent, priority).

    ``key`` is the id (vendor/site) or the label (others); ``None`` groups tickets
    without a value. ``fcr`` (first-contact resolution, 首次解决率) = resolved tickets
    never reopened / resolved tickets whose reopen count is known.
    """

    by: BreakdownBy
    key: int | str | None
    label: str
    volume: int
    frt_median_min: float | None
    resolution_median_h: float | None
    response_sla: Rate
    resolution_sla: Rate
    resolution_rate: Rate
    fcr: Rate
    csat_score: float | None
    csat_n: int
    complaints: int
    nps: float | None = None  # −100 … 100
    nps_n: int = 0
    complaint_rate: Rate | None = None


@dataclass(frozen=True)
class Selector:
    """Which of the filtered tickets stand behind a card, bar, point or cell.

    ``measure``: ``"all"`` (every filtered ticket), ``"response_sla"`` /
    ``"resolution_sla"`` (with ``outcome`` met/breached/pending, or ``None`` for all
    measured), ``"resolved"``, ``"unresolved"``, ``"reopened"``, ``"complaints"``,
    ``"complaints_open"``, ``"overdue_complaints"``, ``"repeat_complaints"``, ``"frt"``
    (has a first response), ``"resolution_time"``, ``"csat"``, ``"csat_satisfied"``,
    ``"nps"``, ``"nps_promoters"``, ``"nps_detractors"``, ``"answered"`` (has an answer
    time), ``"answered_late"`` (answered after 30 s), ``"onsite_sla"`` (with ``outcome``).
    ``priority``/``category`` narrow further (a by-priority bar, a Pareto bar: category
    ``""`` means "no category"); ``weekday`` (1 = Monday … 7) and ``hour`` (0–23, local
    time of ``tz``) select a heatmap cell.
    """

    measure: str = "all"
    outcome: SlaOutcome | None = None
    priority: str | None = None
    category: str | None = None
    weekday: int | None = None
    hour: int | None = None
    tz: str | None = None


@dataclass(frozen=True)
class SlaState:
    """SLA state of one ticket for one target (detail panel).

    ``elapsed_min`` and ``left_min`` are in minutes of the policy's clock (business
    minutes with a calendar); ``left_min`` is negative once breached and ``None`` when
    met or unmeasured. ``deadline`` is the last instant at which it could still be met.
    """

    outcome: SlaOutcome
    target_min: float | None
    elapsed_min: float | None
    left_min: float | None
    deadline: dt.datetime | None
    business_calendar: str | None


@dataclass(frozen=True)
class TicketSla:
    """The SLA policy and states of one ticket at ``as_of``."""

    ticket_id: int
    policy_id: int | None
    policy_name: str | None
    response: SlaState
    resolution: SlaState


AlertKind = Literal[
    "kpi_target",
    "overdue_complaint",
    "repeat_complaint",
    "about_to_breach",
    "qualification_expiring",
    "qualification_expired",
]


@dataclass(frozen=True)
class Alert:
    """Something a supervisor should look at.

    ``key`` is stable across recomputations (kind + subject, e.g.
    ``"overdue_complaint:1234"``, ``"kpi_target:csat_score:P2"``) and is what
    acknowledgements refer to. ``severity`` is ``"critical"`` or ``"warning"``.
    ``params`` holds the values a translated title needs (kpi, value, target, ticket,
    vendor name, expiry date, minutes left …). ``ticket_ids``/``vendor_id`` say where a
    click leads. ``acknowledged_by``/``acknowledged_at`` are set for acknowledged alerts.
    """

    key: str
    kind: AlertKind
    severity: Literal["critical", "warning"]
    params: tuple[tuple[str, str | int | float | None], ...]
    created: dt.datetime
    ticket_ids: tuple[int, ...] = ()
    vendor_id: int | None = None
    acknowledged_by: str | None = None
    acknowledged_at: dt.datetime | None = None

    def param(self, name: str) -> str | int | float | None:
        return dict(self.params).get(name)


@dataclass(frozen=True)
class WhatIfRow:
    """Current vs. edited SLA met % for one group (``scope``: priority, vendor or site).

    ``delta_pct`` = edited − current in percentage points (``None`` if either is missing).
    """

    scope: Literal["all", "priority", "vendor", "site"]
    key: int | str | None
    label: str
    response_current: Rate
    response_edited: Rate
    response_delta_pct: float | None
    resolution_current: Rate
    resolution_edited: Rate
    resolution_delta_pct: float | None
