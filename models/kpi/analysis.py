"""The other analysis views of DESIGN.md: pilot comparisons, impact × urgency, staffing.

- :func:`two_proportion_z` — two-proportion z-test (pooled), for rates.
- :func:`mann_whitney` — Mann–Whitney U with the normal approximation (tie correction and
  continuity correction), for durations. Two-sided p-values.
- :func:`compare` — a KPI for a pilot filter vs. a control (or baseline) filter, with the
  difference and the matching test.
- :func:`impact_urgency` — categories in four quadrants: *key* when the category's share
  of the filtered tickets is at least ``key_share`` (default: its fair share, 1/number of
  categories), *urgent* when at least ``urgent_share`` (default 50 %) of its tickets are
  P1/P2 or complaints.
- :func:`erlang_c_wait_probability` / :func:`agents_needed` — Erlang C staffing for a
  service level such as "80 % answered within 30 s".
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Literal

import numpy as np
import numpy.typing as npt

from models.kpi.filtering import select
from models.kpi.policy_types import PolicySet
from models.kpi.store import TicketStore
from models.kpi.types import TicketFilter

F64 = npt.NDArray[np.float64]


def _p_two_sided(z: float) -> float:
    return math.erfc(abs(z) / math.sqrt(2.0))


@dataclass(frozen=True)
class TestResult:
    """A difference (pilot − control, in the KPI's unit) with its test statistic."""

    test: Literal["two-proportion z", "Mann-Whitney U"]
    pilot: float | None
    control: float | None
    difference: float | None
    statistic: float | None  # z (both tests report the normal deviate)
    p_value: float | None
    n_pilot: int
    n_control: int


def two_proportion_z(k1: int, n1: int, k2: int, n2: int) -> TestResult:
    """Rates k1/n1 vs k2/n2 (percent), pooled two-proportion z-test, two-sided."""
    if n1 == 0 or n2 == 0:
        p1 = 100.0 * k1 / n1 if n1 else None
        p2 = 100.0 * k2 / n2 if n2 else None
        return TestResult("two-proportion z", p1, p2, None, None, None, n1, n2)
    p1, p2 = k1 / n1, k2 / n2
    pooled = (k1 + k2) / (n1 + n2)
    se = math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
    z = 0.0 if se == 0 else (p1 - p2) / se
    p = 1.0 if se == 0 else _p_two_sided(z)
    return TestResult("two-proportion z", 100 * p1, 100 * p2, 100 * (p1 - p2), z, p, n1, n2)


def mann_whitney(a: npt.ArrayLike, b: npt.ArrayLike) -> TestResult:
    """Medians of ``a`` vs ``b`` and the Mann–Whitney U test (normal approximation with
    tie and continuity corrections), two-sided. ``statistic`` is the z value."""
    x = np.asarray(a, dtype=np.float64)
    y = np.asarray(b, dtype=np.float64)
    x, y = x[~np.isnan(x)], y[~np.isnan(y)]
    n1, n2 = int(x.size), int(y.size)
    m1 = float(np.median(x)) if n1 else None
    m2 = float(np.median(y)) if n2 else None
    if n1 == 0 or n2 == 0:
        return TestResult("Mann-Whitney U", m1, m2, None, None, None, n1, n2)
    both = np.concatenate((x, y))
    order = np.argsort(both, kind="stable")
    ranks = np.empty(both.size)
    ranks[order] = np.arange(1, both.size + 1)
    _, inverse, counts = np.unique(both, return_inverse=True, return_counts=True)
    sums = np.bincount(inverse, weights=ranks)
    ranks = (sums / counts)[inverse]  # average ranks for ties
    u1 = float(ranks[:n1].sum() - n1 * (n1 + 1) / 2)
    mu = n1 * n2 / 2
    n = n1 + n2
    tie = float((counts**3 - counts).sum())
    sigma = math.sqrt(n1 * n2 / 12 * ((n + 1) - tie / (n * (n - 1)))) if n > 1 else 0.0
    if sigma == 0:
        return TestResult(
            "Mann-Whitney U",
            m1,
            m2,
            m1 - m2 if m1 is not None and m2 is not None else None,
            0.0,
            1.0,
            n1,
            n2,
        )
    z = (abs(u1 - mu) - 0.5) / sigma
    z = max(z, 0.0) * (1 if u1 >= mu else -1)
    diff = None if m1 is None or m2 is None else m1 - m2
    return TestResult("Mann-Whitney U", m1, m2, diff, z, _p_two_sided(z), n1, n2)


RATE_MEASURES = {
    "response_sla_met_pct": "response_sla",
    "resolution_sla_met_pct": "resolution_sla",
    "resolution_rate_pct": "resolution_rate",
    "complaint_rate_pct": "complaint_rate",
    "complaint_closure_pct": "complaint_closure",
    "csat_satisfied_pct": "csat_satisfied",
}
DURATIONS = {"frt_median_min": "frt_min", "resolution_median_h": "res_h"}


def compare(
    store: TicketStore,
    pilot: TicketFilter,
    control: TicketFilter,
    kpi: str,
    as_of: dt.datetime,
    policies: PolicySet,
) -> TestResult:
    """``kpi`` for the pilot vs. the control filter (or the pilot's own baseline period).

    Rates (``RATE_MEASURES``) use the two-proportion z-test on their numerators and
    denominators; durations (``DURATIONS``) the Mann–Whitney U test on the tickets'
    values. Raises ``ValueError`` for other keys.
    """
    from models.kpi.compute import compute_kpis

    if kpi in DURATIONS:
        column: F64 = getattr(store, DURATIONS[kpi])
        return mann_whitney(select(store, pilot).take(column), select(store, control).take(column))
    if kpi not in RATE_MEASURES:
        raise ValueError(f"no comparison for KPI {kpi!r}")
    rates = []
    for filt in (pilot, control):
        result = compute_kpis(store, filt, as_of, policies)
        field = getattr(result, RATE_MEASURES[kpi])
        rates.append(field.rate if hasattr(field, "rate") else field)
    return two_proportion_z(
        rates[0].numerator, rates[0].denominator, rates[1].numerator, rates[1].denominator
    )


@dataclass(frozen=True)
class QuadrantRow:
    """One category in the impact × urgency matrix (shares on 0–100)."""

    category: str | None
    count: int
    share_pct: float
    urgent_pct: float
    quadrant: Literal["key-urgent", "key-not-urgent", "urgent-not-key", "neither"]


def impact_urgency(
    store: TicketStore,
    filt: TicketFilter,
    key_share: float | None = None,
    urgent_share: float = 50.0,
) -> tuple[QuadrantRow, ...]:
    """Categories of the filtered tickets in four quadrants (see the module docstring),
    by count descending then name; ``key_share``/``urgent_share`` in percent."""
    s = select(store, filt)
    cat = s.take(store.category).astype(np.int64) + 1
    urgent = (s.take(store.priority) <= 1) & (s.take(store.priority) >= 0)
    urgent |= s.take(store.complaint)
    g = len(store.category_labels) + 1
    counts = np.bincount(cat, minlength=g)
    urgent_counts = np.bincount(cat[urgent], minlength=g)
    total = int(counts.sum())
    present = np.flatnonzero(counts)
    if total == 0:
        return ()
    threshold = key_share if key_share is not None else 100.0 / present.size
    rows = []
    for i in present:
        share = 100.0 * counts[i] / total
        upct = 100.0 * urgent_counts[i] / counts[i]
        key, urg = share >= threshold, upct >= urgent_share
        quadrant = (
            ("key-urgent" if urg else "key-not-urgent")
            if key
            else ("urgent-not-key" if urg else "neither")
        )
        label = None if i == 0 else store.category_labels[i - 1]
        rows.append(QuadrantRow(label, int(counts[i]), share, upct, quadrant))  # type: ignore[arg-type]
    rows.sort(key=lambda r: (-r.count, r.category is None, r.category or ""))
    return tuple(rows)


def erlang_c_wait_probability(traffic_erlangs: float, agents: int) -> float:
    """Probability that a call waits (Erlang C) with ``agents`` for ``traffic`` Erlangs;
    1.0 when the agents cannot keep up (agents ≤ traffic)."""
    a, n = float(traffic_erlangs), int(agents)
    if n <= a:
        return 1.0
    term, total = 1.0, 1.0  # a^k / k!, summed for k < n
    for k in range(1, n):
        term *= a / k
        total += term
    top = term * a / n * n / (n - a)  # a^n / n! · n / (n − a)
    return top / (total + top)


def service_level(traffic_erlangs: float, agents: int, aht_s: float, target_s: float) -> float:
    """Share (0–1) of calls answered within ``target_s`` seconds (Erlang C)."""
    pw = erlang_c_wait_probability(traffic_erlangs, agents)
    if pw >= 1.0:
        return 0.0
    return 1.0 - pw * math.exp(-(agents - traffic_erlangs) * target_s / aht_s)


def agents_needed(
    calls_per_hour: float, aht_s: float, target_s: float = 30.0, target_share: float = 0.8
) -> int:
    """Fewest agents reaching ``target_share`` of calls answered within ``target_s`` s.

    ``aht_s`` is the mean handling time in seconds. Raises ``ValueError`` for
    non-positive inputs.
    """
    if calls_per_hour <= 0 or aht_s <= 0 or not 0 < target_share < 1:
        raise ValueError("arrivals and handling time must be positive, the share in (0, 1)")
    traffic = calls_per_hour * aht_s / 3600.0
    n = max(1, math.floor(traffic) + 1)
    while service_level(traffic, n, aht_s, target_s) < target_share:
        n += 1
    return n
