"""Columnar generation of demo tickets with numpy: realistic, deterministic, fast.

Everything is an array of length *n*; times are int64 **microseconds since the Unix
epoch (UTC)**, with :data:`NO_TIME` for "none". The model:

* arrivals over :data:`SPAN_DAYS` days ending at ``now``, weighted per hour of the
  local (UTC+8) clock: busy weekday office hours, a lunch dip, quiet nights and
  weekends, Chinese public holidays like Sundays, and slow growth over the year;
* priority, channel and a Zipf-distributed category; complaints (≈ 15 %) more likely
  in some categories; customers drawn from a long-tailed pool, plus planted repeats;
* phone tickets have an answer time (median 14 s); on-site tickets and a third of the
  P1 tickets an on-site arrival time (P1 mostly within its 2 h target);
* first response and resolution times from lognormals scaled to each priority's SLA
  so that most — not all — targets are met (P2 responses breach most often), slower
  at night, on weekends, for slow agents and slow vendors;
* tickets whose times fall after ``now`` are still open; a few older ones are stuck;
  complaints open for more than 24 h (overdue) and some close to it are always present.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from models.demo.org import DemoOrg
from models.demo.reference import (
    CATEGORIES,
    CHANNEL_WEIGHTS,
    CHANNELS,
    FACILITIES,
    IT_SUPPORT,
    LOCAL_UTC_OFFSET_H,
    PRIORITY_WEIGHTS,
    SITES,
    SURNAMES,
    TEAM_COMPLAINTS,
    TEAM_DESK,
    TEAM_FIELD,
    TEAM_TECH,
    TEAMS,
    VENDORS,
    ZIPF_EXPONENT,
)

I64 = npt.NDArray[np.int64]
F64 = npt.NDArray[np.float64]
BOOL = npt.NDArray[np.bool_]

SPAN_DAYS = 365
"""Days of history ending at ``now``."""
NO_TIME = np.iinfo(np.int64).min
US_PER_MIN = 60_000_000
US_PER_HOUR = 60 * US_PER_MIN
US_PER_DAY = 24 * US_PER_HOUR
COMPLAINT_SHARE = 0.15

# Per priority P1..P4: lognormal median (minutes) and sigma, relative to the SLA targets
# 15/60/120/480 min (response) and 240/480/1440/4320 min (resolution).
FRT_MEDIAN_MIN = np.array([4.5, 26.0, 30.0, 85.0])
FRT_SIGMA = np.array([0.6, 0.75, 0.72, 0.8])
RES_MEDIAN_MIN = np.array([85.0, 190.0, 400.0, 1100.0])
RES_SIGMA = np.array([0.55, 0.65, 0.75, 0.8])
ONSITE_MEDIAN_MIN = np.array([55.0, 120.0, 240.0, 600.0])  # travel after the first response

HOUR_WEIGHTS = np.array(
    [0.10, 0.06, 0.04, 0.03, 0.03, 0.05, 0.12, 0.30, 0.70, 1.00, 1.00, 0.95,
     0.65, 0.80, 0.95, 1.00, 0.95, 0.85, 0.60, 0.40, 0.30, 0.22, 0.17, 0.13]
)
"""Relative arrivals per local hour of day, 0–23."""
WEEKDAY_WEIGHTS = np.array([1.00, 1.05, 1.00, 0.98, 0.92, 0.38, 0.28])
"""Relative arrivals per local weekday, Monday–Sunday."""


@dataclass(frozen=True)
class TicketColumns:
    """Generated tickets, sorted by creation time; index arrays point into ``reference``
    tables (``CATEGORIES``, ``CHANNELS``, ``TEAMS`` …), ``vendor`` into ``VENDORS`` (−1 none)."""

    created: I64
    first_response: I64
    answered: I64
    onsite: I64  # on-site arrival (field visits)
    resolved: I64
    closed: I64
    priority: I64
    channel: I64
    category: I64
    title: I64  # index into the category's titles
    complaint: BOOL
    customer: I64  # index into the customer pool
    customer_names: list[str]
    site: I64
    vendor: I64
    team: I64
    agent: I64  # index into all agents, teams in order
    reopened: I64
    csat: I64  # 1–5, 0 = not answered
    nps: I64  # 0–10, −1 = not answered

    def __len__(self) -> int:
        return len(self.created)


def generate_tickets(
    n: int, seed: int, now_us: int, org: DemoOrg, holidays: set[int] | None = None
) -> TicketColumns:
    """Generate ``n`` tickets ending at ``now_us`` (µs since epoch); same inputs, same output.

    ``holidays`` holds local day numbers (days since 1970-01-01 in local time) that get
    Sunday-like volume.
    """
    rng = np.random.default_rng(seed)
    created = _arrivals(rng, n, now_us, holidays or set())
    windows = _fill_open_complaint_windows(rng, created, now_us)
    priority = rng.choice(4, size=n, p=PRIORITY_WEIGHTS)
    channel = rng.choice(len(CHANNELS), size=n, p=np.array(CHANNEL_WEIGHTS) / sum(CHANNEL_WEIGHTS))
    cat_w = 1.0 / np.arange(1, len(CATEGORIES) + 1) ** ZIPF_EXPONENT
    cat_w /= cat_w.sum()
    category = rng.choice(len(CATEGORIES), size=n, p=cat_w)
    factor = np.array([c.complaint_factor for c in CATEGORIES])
    p_complaint = COMPLAINT_SHARE * factor / float(cat_w @ factor)
    complaint = rng.random(n) < p_complaint[category]
    customer, names, home_site = _customers(rng, n)
    _plant_repeat_complaints(rng, created, complaint, customer, category)
    overdue, due_soon = _plant_open_complaints(rng, windows, complaint)

    site = np.where(rng.random(n) < 0.85, home_site[customer], _site_draw(rng, n))
    vendor = _vendor_lookup(org)[site, category]
    team, agent, agent_speed = _staff(rng, priority, channel, category, complaint)

    vendor_speed = np.append(np.array([v.quality for v in VENDORS]), 1.0)[vendor]
    local_h = ((created // US_PER_HOUR) + LOCAL_UTC_OFFSET_H) % 24
    local_day = (created + LOCAL_UTC_OFFSET_H * US_PER_HOUR) // US_PER_DAY
    off_hours = (local_h < 8) | (local_h >= 20) | ((local_day + 3) % 7 >= 5)
    slow = np.where(off_hours, 1.5, 1.0)

    frt_min = _lognormal(rng, FRT_MEDIAN_MIN[priority] * slow * agent_speed
                         * np.sqrt(vendor_speed), FRT_SIGMA[priority])
    first_response = created + (frt_min * US_PER_MIN).astype(np.int64) + 1
    # field visits: a technician arrives after the first response (P1 target: 2 h)
    travel_min = _lognormal(rng, ONSITE_MEDIAN_MIN[priority] * slow, 0.45)
    # on-site tickets, and a third of the urgent ones (the field team goes out)
    visit = (channel == CHANNELS.index("on-site")) | ((priority == 0) & (rng.random(n) < 0.3))
    onsite = np.where(visit, first_response + (travel_min * US_PER_MIN).astype(np.int64),
                      NO_TIME)
    res_min = _lognormal(rng, RES_MEDIAN_MIN[priority] * vendor_speed * slow
                         * np.where(complaint, 1.3, 1.0), RES_SIGMA[priority])
    resolved = np.maximum(created + (res_min * US_PER_MIN).astype(np.int64),
                          first_response + US_PER_MIN)
    resolved = np.where(visit, np.maximum(resolved, onsite + 15 * US_PER_MIN), resolved)
    stuck = (rng.random(n) < 0.012) & ~complaint  # complaints are always followed up
    resolved[stuck | overdue | due_soon] = NO_TIME
    close_lag = (_lognormal(rng, np.full(n, 1800.0), 0.8) * US_PER_MIN).astype(np.int64)
    closed = np.where(resolved == NO_TIME, NO_TIME, resolved + close_lag)
    answer_lag = (_lognormal(rng, np.full(n, 14.0), 0.8) * 1e6).astype(np.int64)
    answered = np.where(channel == CHANNELS.index("phone"), created + answer_lag, NO_TIME)
    for times in (first_response, resolved, closed, answered, onsite):
        times[times > now_us] = NO_TIME  # still to come: not known yet at ``now``

    reopened = rng.choice(3, size=n, p=[0.965, 0.03, 0.005])
    csat, nps = _feedback(rng, priority, created, resolved, complaint)
    return TicketColumns(
        created=created, first_response=first_response, answered=answered,
        resolved=resolved, closed=closed, onsite=onsite, priority=priority, channel=channel,
        category=category, title=rng.integers(0, 3, size=n), complaint=complaint,
        customer=customer, customer_names=names, site=site, vendor=vendor, team=team,
        agent=agent, reopened=reopened, csat=csat, nps=nps,
    )


def _lognormal(rng: np.random.Generator, median: F64, sigma: F64 | float) -> F64:
    return np.asarray(rng.lognormal(np.log(median), sigma), dtype=np.float64)


def _arrivals(rng: np.random.Generator, n: int, now_us: int, holidays: set[int]) -> I64:
    """Creation times: one weight per hour slot of the span, uniform inside the slot."""
    hours = SPAN_DAYS * 24
    start = now_us - hours * US_PER_HOUR
    slot_start = start + np.arange(hours, dtype=np.int64) * US_PER_HOUR
    local = slot_start + LOCAL_UTC_OFFSET_H * US_PER_HOUR
    local_day = local // US_PER_DAY
    weekday = (local_day + 3) % 7  # 1970-01-01 was a Thursday (3 with Monday = 0)
    w = HOUR_WEIGHTS[(local // US_PER_HOUR) % 24] * WEEKDAY_WEIGHTS[weekday]
    if holidays:
        is_holiday = np.isin(local_day, np.fromiter(holidays, dtype=np.int64))
        w = np.where(is_holiday, HOUR_WEIGHTS[(local // US_PER_HOUR) % 24] * 0.3, w)
    w = w * np.linspace(0.85, 1.15, hours)  # the service grows over the year
    slot = rng.choice(hours, size=n, p=w / w.sum())
    created = slot_start[slot] + rng.integers(0, US_PER_HOUR, size=n)
    created.sort()
    return created


def _customers(rng: np.random.Generator, n: int) -> tuple[I64, list[str], I64]:
    """Customer per ticket from a long-tailed pool; pool names; each customer's home site."""
    pool = max(100, n // 6)
    w = 1.0 / (np.arange(pool) + 20.0) ** 0.8
    customer = rng.choice(pool, size=n, p=w / w.sum())
    i = np.arange(pool)
    tails = ((i * 7919 + 1234) % 10000).tolist()
    names = [
        f"{SURNAMES[k % len(SURNAMES)]}{'女士' if (k // len(SURNAMES)) % 2 else '先生'}"
        f"（尾号{t:04d}）"
        for k, t in zip(i.tolist(), tails, strict=True)
    ]
    home = _site_draw(rng, pool)
    return customer, names, home


def _site_draw(rng: np.random.Generator, n: int) -> I64:
    """Sites of uneven size (flagship stores see more tickets), fixed by construction."""
    w = np.array([3.0 if s.code.endswith("01") else 1.5 for s in SITES])
    return rng.choice(len(SITES), size=n, p=w / w.sum())


def _plant_repeat_complaints(
    rng: np.random.Generator, created: I64, complaint: BOOL, customer: I64, category: I64
) -> None:
    """Make ~2 % of complaints a repeat: same customer and category as a complaint of the
    previous 30 days."""
    idx = np.flatnonzero(complaint)
    if len(idx) < 2:
        return
    later = rng.choice(np.arange(1, len(idx)), size=max(1, len(idx) // 50), replace=False)
    earlier = np.maximum(later - rng.integers(1, 6, size=len(later)), 0)
    ok = created[idx[later]] - created[idx[earlier]] < 30 * US_PER_DAY
    customer[idx[later[ok]]] = customer[idx[earlier[ok]]]
    category[idx[later[ok]]] = category[idx[earlier[ok]]]


OPEN_COMPLAINT_WINDOWS = ((24 * 6, 25, 3), (23, 18, 2))
"""(from hours ago, to hours ago, how many) unresolved complaints to plant: overdue ones
(open more than 24 h) and ones about to become overdue."""


def _fill_open_complaint_windows(
    rng: np.random.Generator, created: I64, now_us: int
) -> list[I64]:
    """Indexes of the tickets inside each :data:`OPEN_COMPLAINT_WINDOWS` window.

    A tiny demo may have too few tickets there; then the newest tickets older than 30 days
    are moved in (and ``created`` re-sorted in place), so the alerts always have something
    to show.
    """
    for lo_h, hi_h, count in OPEN_COMPLAINT_WINDOWS:
        lo, hi = now_us - lo_h * US_PER_HOUR, now_us - hi_h * US_PER_HOUR
        missing = count - int(np.count_nonzero((created >= lo) & (created < hi)))
        if missing > 0:
            movable = np.flatnonzero(created < now_us - 30 * US_PER_DAY)[-missing:]
            created[movable] = rng.integers(lo, hi, size=len(movable))
            created.sort()
    windows = []
    for lo_h, hi_h, _count in OPEN_COMPLAINT_WINDOWS:
        lo, hi = now_us - lo_h * US_PER_HOUR, now_us - hi_h * US_PER_HOUR
        windows.append(np.flatnonzero((created >= lo) & (created < hi)))
    return windows


def _plant_open_complaints(
    rng: np.random.Generator, windows: list[I64], complaint: BOOL
) -> tuple[BOOL, BOOL]:
    """Make some tickets of each window unresolved complaints; returns the two masks."""
    masks = []
    for inside, (_lo, _hi, count) in zip(windows, OPEN_COMPLAINT_WINDOWS, strict=True):
        pick = rng.choice(inside, size=min(count, len(inside)), replace=False)
        mask = np.zeros(len(complaint), dtype=np.bool_)
        mask[pick] = True
        complaint[pick] = True
        masks.append(mask)
    return masks[0], masks[1]


def _vendor_lookup(org: DemoOrg) -> I64:
    """``table[site, category]``: the vendor index serving that site for that category, or −1."""
    table = np.full((len(org.site_vendors), len(CATEGORIES)), -1, dtype=np.int64)
    for s, vendors in enumerate(org.site_vendors):
        for c, cat in enumerate(CATEGORIES):
            match = [v for v in vendors if VENDORS[v].service == cat.service]
            if match:
                table[s, c] = match[0]
    return table


def _staff(
    rng: np.random.Generator, priority: I64, channel: I64, category: I64, complaint: BOOL
) -> tuple[I64, I64, F64]:
    """Team, agent and the agent's speed factor (>1 = slower) for each ticket."""
    n = len(priority)
    tech_categories = [i for i, c in enumerate(CATEGORIES) if c.service in (IT_SUPPORT, FACILITIES)]
    technical = np.isin(category, tech_categories) & (rng.random(n) < 0.4)
    team = np.full(n, TEAM_DESK)
    team[technical] = TEAM_TECH
    team[(channel == CHANNELS.index("on-site")) | (priority == 0)] = TEAM_FIELD
    team[complaint] = TEAM_COMPLAINTS
    sizes = np.array([len(t.agents) for t in TEAMS])
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    agent = starts[team] + rng.integers(0, 1 << 30, size=n) % sizes[team]
    speeds = rng.uniform(0.75, 1.35, size=int(sizes.sum()))
    return team, agent, speeds[agent]


def _feedback(
    rng: np.random.Generator, priority: I64, created: I64, resolved: I64, complaint: BOOL
) -> tuple[I64, I64]:
    """CSAT 1–5 for ~40 % of resolved tickets (worse when late or a complaint), NPS 0–10
    for ~20 %; 0 / −1 where not answered."""
    n = len(created)
    done = resolved != NO_TIME
    target_us = np.array([240, 480, 1440, 4320]) * US_PER_MIN
    late = done & (resolved - created > target_us[priority])
    unhappy = late | (complaint & (rng.random(n) < 0.35))
    cum_ok = np.cumsum([0.01, 0.02, 0.05, 0.25, 0.67])
    cum_bad = np.cumsum([0.06, 0.10, 0.24, 0.32, 0.28])
    u = rng.random(n)
    rating = 1 + np.where(unhappy, np.searchsorted(cum_bad, u * cum_bad[-1]),
                          np.searchsorted(cum_ok, u * cum_ok[-1]))
    csat = np.where(done & (rng.random(n) < 0.40), rating, 0)
    nps_ok = rng.choice(11, size=n, p=_nps_weights(0.58, 0.30))
    nps_bad = rng.choice(11, size=n, p=_nps_weights(0.20, 0.30))
    nps = np.where(unhappy, nps_bad, nps_ok)
    nps = np.where(done & (rng.random(n) < 0.20), nps, -1)
    return csat.astype(np.int64), nps.astype(np.int64)


def _nps_weights(promoters: float, passives: float) -> F64:
    """Probabilities of answers 0–10 with the given shares of 9–10 and 7–8."""
    detractors = 1.0 - promoters - passives
    w = np.concatenate([np.full(7, detractors / 7), np.full(2, passives / 2),
                        np.full(2, promoters / 2)])
    return np.asarray(w / w.sum(), dtype=np.float64)
