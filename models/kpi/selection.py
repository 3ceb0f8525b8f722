"""Drill-down: the exact tickets behind a card, bar, point or cell; SLA detail per ticket."""

from __future__ import annotations

import datetime as dt

import numpy as np
import numpy.typing as npt

from models.kpi import sla
from models.kpi.compute import answered_within
from models.kpi.filtering import from_us, select, to_us
from models.kpi.localtime import weekday_hour
from models.kpi.policy_types import PolicySet
from models.kpi.store import NONE, TicketStore
from models.kpi.types import (
    PRIORITIES,
    IdArray,
    Selector,
    SlaState,
    TicketFilter,
    TicketSla,
)

DAY_US = 86_400_000_000
US_PER_MIN = 60_000_000
MEASURES = (
    "all",
    "response_sla",
    "resolution_sla",
    "resolved",
    "unresolved",
    "reopened",
    "complaints",
    "complaints_open",
    "overdue_complaints",
    "repeat_complaints",
    "frt",
    "resolution_time",
    "csat",
    "csat_satisfied",
    "nps",
    "nps_promoters",
    "nps_detractors",
    "answered",
    "answered_late",
    "onsite_sla",
)
_OUTCOME_CODES = {
    "met": sla.MET,
    "breached": sla.BREACHED,
    "pending": sla.PENDING,
    "none": sla.UNMEASURED,
}


def ticket_ids(
    store: TicketStore,
    filt: TicketFilter,
    selector: Selector,
    as_of: dt.datetime | None,
    policies: PolicySet | None,
) -> IdArray:
    """Ids (creation order) of the filtered tickets that ``selector`` picks out."""
    if selector.measure not in MEASURES:
        raise ValueError(f"unknown measure {selector.measure!r}")
    s = select(store, filt)
    m = np.ones(s.count, dtype=bool)
    measure = selector.measure
    resolved = s.take(store.resolved)
    sla_measures = ("response_sla", "resolution_sla", "onsite_sla")
    if measure in (*sla_measures, "overdue_complaints") and as_of is None:
        raise ValueError(f"{measure} needs as_of")
    if measure in sla_measures and policies is None:
        raise ValueError(f"{measure} needs policies")
    if measure == "onsite_sla":
        assert as_of is not None and policies is not None  # both checked just above
        codes = sla.onsite_outcomes(store, policies, s.rows(), to_us(as_of))
        if selector.outcome is None:
            m &= codes != sla.UNMEASURED
        else:
            m &= codes == _OUTCOME_CODES[selector.outcome]
    elif measure in ("answered", "answered_late"):
        has, within = answered_within(store, s.rows())  # the card's rule
        m &= has if measure == "answered" else has & ~within
    elif measure in ("response_sla", "resolution_sla"):
        assert as_of is not None and policies is not None  # both checked just above
        as_of_us = to_us(as_of)
        resp, reso = sla.store_outcomes(store, policies, as_of_us)
        codes = s.take(resp if measure == "response_sla" else reso)
        if selector.outcome is None:
            m &= codes != sla.UNMEASURED
        else:
            m &= codes == _OUTCOME_CODES[selector.outcome]
    elif measure in ("resolved", "resolution_time"):
        m &= resolved != NONE
    elif measure == "unresolved":
        m &= resolved == NONE
    elif measure == "reopened":
        m &= (resolved != NONE) & (s.take(store.reopened) >= 1)
    elif measure.startswith("complaints") or measure.endswith("_complaints"):
        m &= s.take(store.complaint)
        if measure == "complaints_open":
            m &= resolved == NONE
        elif measure == "repeat_complaints":
            m &= s.take(store.repeat)
        elif measure == "overdue_complaints":
            assert as_of is not None  # checked above
            as_of_us = to_us(as_of)
            m &= (resolved == NONE) | (resolved > as_of_us)
            m &= as_of_us - s.take(store.created) > DAY_US
    elif measure == "frt":
        m &= s.take(store.first_response) != NONE
    elif measure in ("csat", "csat_satisfied"):
        m &= ~np.isnan(s.take(store.csat_score))
        if measure == "csat_satisfied":
            m &= s.take(store.csat_sat)
    elif measure.startswith("nps"):
        nps = s.take(store.nps)
        m &= ~np.isnan(nps)
        if measure == "nps_promoters":
            m &= nps >= 9
        elif measure == "nps_detractors":
            m &= nps <= 6
    if selector.priority is not None:
        code = PRIORITIES.index(selector.priority) if selector.priority in PRIORITIES else -2
        m &= s.take(store.priority) == code
    if selector.category is not None:
        cat = store.label_code("category", selector.category or None)
        m &= s.take(store.category) == (-2 if cat is None else cat)
    if selector.weekday is not None or selector.hour is not None:
        weekday, hour = weekday_hour(s.take(store.created), selector.tz)
        if selector.weekday is not None:
            m &= weekday == selector.weekday - 1
        if selector.hour is not None:
            m &= hour == selector.hour
    ids: IdArray = s.take(store.id)[m]
    return ids


def _state(
    created: int,
    event: int,
    deadline: int,
    target: float | None,
    as_of_us: int,
    clock: object | None,
    calendar: str | None,
) -> SlaState:
    if target is None or deadline == NONE:
        return SlaState("none", None, None, None, None, calendar)
    code = int(sla.outcomes(np.array([event]), np.array([deadline]), as_of_us)[0])
    outcome = sla.OUTCOME_NAMES[code]
    until = event if event != NONE else as_of_us
    if clock is None:
        elapsed = (until - created) / US_PER_MIN
    else:
        elapsed = float(clock.minutes_between(np.array([created]), np.array([until]))[0])  # type: ignore[attr-defined]
    left = None if outcome == "met" else target - elapsed
    return SlaState(outcome, target, elapsed, left, from_us(deadline), calendar)  # type: ignore[arg-type]


def sla_states(
    store: TicketStore, ids: npt.ArrayLike, as_of: dt.datetime, policies: PolicySet
) -> list[TicketSla]:
    """SLA policy and response/resolution states of each ticket at ``as_of``.

    Elapsed/left minutes are business minutes when the policy names a calendar.
    Ids not in the store are skipped.
    """
    rows = store.index_of(np.atleast_1d(np.asarray(ids, dtype=np.int64)))
    ev = sla.evaluate(store, policies)
    as_of_us = to_us(as_of)
    out: list[TicketSla] = []
    for r in rows[rows >= 0]:
        idx = int(ev.policy[r])
        created = int(store.created[r])
        if idx < 0:
            none = SlaState("none", None, None, None, None, None)
            out.append(TicketSla(int(store.id[r]), None, None, none, none))
            continue
        p = policies.policies[idx]
        cal = policies.calendar(p.calendar_id)
        clock = sla.clock_of(store, policies, idx)
        name = cal.name if cal else None
        response = _state(
            created,
            int(store.first_response[r]),
            int(ev.response_deadline[r]),
            p.first_response_min,
            as_of_us,
            clock,
            name,
        )
        resolution = _state(
            created,
            int(store.resolved[r]),
            int(ev.resolution_deadline[r]),
            p.resolution_min,
            as_of_us,
            clock,
            name,
        )
        out.append(TicketSla(int(store.id[r]), p.id, p.name, response, resolution))
    return out
