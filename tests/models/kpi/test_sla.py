"""SLA policy choice (most specific, effective dates) and business-calendar measurement."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from models.db import Database
from models.kpi.api import (
    PolicySet,
    Selector,
    SlaPolicySpec,
    TicketFilter,
    compute_kpis,
    load_store,
    sla_states,
    ticket_ids,
)
from models.kpi.business_calendar import business_deadline, business_minutes
from models.kpi.calendars_cn import china_calendar
from models.kpi.policy_types import CalendarDaySpec, CalendarSpec
from models.kpi.sla import evaluate
from tests.models.kpi.helpers import T0, D, H, M, add_tickets

SH = dt.timezone(dt.timedelta(hours=8))
FROM = dt.date(2020, 1, 1)


def test_most_specific_policy_and_effective_dates(db: Database) -> None:
    policies = PolicySet(
        (
            SlaPolicySpec("P2", "P2", 60, 480, FROM, id=1),
            SlaPolicySpec("P2 phone", "P2", 5, None, FROM, channel="phone", id=2),
            SlaPolicySpec("P2 phone A", "P2", 2, None, FROM, channel="phone", category="A", id=3),
            SlaPolicySpec("P2 B", "P2", 30, None, FROM, category="B", id=4),
            # from 5 March 2026 the general P2 target becomes 120 min
            SlaPolicySpec("P2 new", "P2", 120, 480, dt.date(2026, 3, 5), id=5),
            # a P3 policy that ended before the tickets
            SlaPolicySpec("P3 old", "P3", 10, None, FROM, effective_to=dt.date(2026, 1, 1), id=6),
        ),
        timezone="UTC",
    )
    ids = add_tickets(db, [
        dict(priority="P2", created_at=T0, frt=4 * M, channel="phone", category="Z"),  # 5: met
        dict(priority="P2", created_at=T0, frt=3 * M, channel="phone", category="A"),  # 2: late
        dict(priority="P2", created_at=T0, frt=20 * M, channel="web", category="B"),  # 30: met
        dict(priority="P2", created_at=T0, frt=90 * M, channel="web"),  # 60: late
        dict(priority="P2", created_at=T0 + 3 * D, frt=90 * M, channel="web"),  # 120: met
        dict(priority="P2", created_at=T0 + 3 * D - M, frt=90 * M),  # 4 Mar 23:59: 60, late
        dict(priority="P3", created_at=T0, frt=90 * M),  # no policy in force: unmeasured
        dict(priority=None, created_at=T0, frt=1 * M),  # no priority: unmeasured
    ])
    store = load_store(db)
    ev = evaluate(store, policies)
    names = {int(store.id[i]): ev.policy[i] for i in range(store.size)}
    chosen = [
        None if names[i] < 0 else policies.policies[names[i]].name for i in ids
    ]
    assert chosen == ["P2 phone", "P2 phone A", "P2 B", "P2", "P2 new", "P2", None, None]
    k = compute_kpis(store, TicketFilter(), T0 + 10 * D, policies)
    assert (k.response_sla.met, k.response_sla.breached, k.response_sla.unmeasured) == (3, 3, 2)
    breached = ticket_ids(
        store, TicketFilter(), Selector("response_sla", "breached", priority="P2"),
        as_of=T0 + 10 * D, policies=policies,
    )
    assert sorted(breached.tolist()) == sorted([ids[1], ids[3], ids[5]])


def test_effective_date_in_the_policy_zone(db: Database) -> None:
    # a ticket created 3 Mar 2026 20:00 UTC is 4 Mar 04:00 in Shanghai
    policies = PolicySet(
        (
            SlaPolicySpec("old", "P2", 60, None, FROM, effective_to=dt.date(2026, 3, 4)),
            SlaPolicySpec("new", "P2", 120, None, dt.date(2026, 3, 4)),
        ),
        timezone="Asia/Shanghai",
    )
    add_tickets(db, [dict(priority="P2", created_at=T0 + D + 20 * H, frt=90 * M)])
    store = load_store(db)
    assert policies.policies[evaluate(store, policies).policy[0]].name == "new"
    utc = PolicySet(policies.policies, timezone="UTC")
    assert utc.policies[evaluate(store, utc).policy[0]].name == "old"


# -- business calendar --------------------------------------------------------------------

WEEK = CalendarSpec(
    "test", "Asia/Shanghai",
    tuple((wd, (("09:00", "12:00"), ("13:00", "18:00"))) for wd in range(1, 6)),
    (
        CalendarDaySpec(dt.date(2026, 3, 4), False, "holiday (a Wednesday)"),
        CalendarDaySpec(dt.date(2026, 3, 7), True, "make-up working Saturday"),
    ),
)


def sh(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, 3, day, hour, minute, tzinfo=SH)


def test_business_minutes_with_lunch_holiday_and_makeup_day() -> None:
    assert business_minutes(WEEK, sh(2, 8), sh(2, 10)) == 60  # Monday 09–10
    assert business_minutes(WEEK, sh(2, 11), sh(2, 14)) == 120  # lunch does not count
    # Tue 17:00 → Thu 10:00: Tue 60 + Wed holiday 0 + Thu 60
    assert business_minutes(WEEK, sh(3, 17), sh(5, 10)) == 120
    # Fri 17:00 → Sat 10:00: Fri 60, Saturday is a make-up working day (Monday's hours): 60
    assert business_minutes(WEEK, sh(6, 17), sh(7, 10)) == 120
    # Sat 17:30 → Mon 9:30: 30 + Sunday 0 + 30
    assert business_minutes(WEEK, sh(7, 17, 30), sh(9, 9, 30)) == 60
    assert business_minutes(WEEK, sh(5, 10), sh(3, 17)) == -120


def test_business_deadline() -> None:
    # Tue 17:00 + 120 business minutes → Thu 10:00 (Wednesday is a holiday)
    assert business_deadline(WEEK, sh(3, 17), 120) == sh(5, 10).astimezone(dt.UTC)
    # Fri 17:30 + 60 → Sat 09:30 (make-up working day)
    assert business_deadline(WEEK, sh(6, 17, 30), 60) == sh(7, 9, 30).astimezone(dt.UTC)
    # used up exactly at 12:00: still met until work resumes at 13:00
    assert business_deadline(WEEK, sh(2, 11), 60) == sh(2, 13).astimezone(dt.UTC)
    # created outside working hours: the clock starts at 09:00
    assert business_deadline(WEEK, sh(2, 7), 30) == sh(2, 9, 30).astimezone(dt.UTC)


def test_business_calendar_sla_states(db: Database) -> None:
    policies = PolicySet(
        (SlaPolicySpec("P2 biz", "P2", 120, 600, FROM, calendar_id=7),),
        (CalendarSpec(WEEK.name, WEEK.timezone, WEEK.working_hours, WEEK.days, id=7),),
        "UTC",
    )
    ids = add_tickets(db, [
        # Tue 17:00 local, answered Thu 09:59 local: 119 business minutes → met
        dict(priority="P2", created_at=sh(3, 17), frt=(sh(5, 9, 59) - sh(3, 17))),
        # Tue 17:00 local, answered Thu 10:01 local: 121 → breached
        dict(priority="P2", created_at=sh(3, 17), frt=(sh(5, 10, 1) - sh(3, 17))),
        # Tue 17:00 local, no answer; as_of Thu 09:30 local → 90 minutes: pending
        dict(priority="P2", created_at=sh(3, 17)),
    ])
    store = load_store(db)
    as_of = sh(5, 9, 30)
    k = compute_kpis(store, TicketFilter(), as_of, policies)
    assert (k.response_sla.met, k.response_sla.breached, k.response_sla.pending) == (1, 1, 1)
    detail = sla_states(store, [ids[2]], as_of, policies)[0]
    assert detail.policy_name == "P2 biz"
    assert detail.response.outcome == "pending"
    assert detail.response.elapsed_min == pytest.approx(90.0)
    assert detail.response.left_min == pytest.approx(30.0)
    assert detail.response.deadline == sh(5, 10).astimezone(dt.UTC)
    assert detail.response.business_calendar == WEEK.name
    met = sla_states(store, [ids[0]], as_of, policies)[0]
    assert met.response.outcome == "met" and met.response.left_min is None
    assert met.response.elapsed_min == pytest.approx(119.0)


def test_chinese_calendar_2026() -> None:
    cn = china_calendar()
    days = {d.day: d.is_workday for d in cn.days}
    assert days[dt.date(2026, 2, 14)] is True and days[dt.date(2026, 2, 16)] is False
    assert days[dt.date(2026, 10, 10)] is True and days[dt.date(2026, 10, 7)] is False
    # Thu 30 Apr 17:00 + 120 business minutes: 60 on Thursday, 1–5 May off, Wed 6 May 10:00
    assert business_deadline(cn, sh(30, 17).replace(month=4), 120) == dt.datetime(
        2026, 5, 6, 10, tzinfo=SH
    )
    # Fri 8 May 17:30 + 60 → Sat 9 May (调休上班) 09:30
    assert business_deadline(cn, dt.datetime(2026, 5, 8, 17, 30, tzinfo=SH), 60) == (
        dt.datetime(2026, 5, 9, 9, 30, tzinfo=SH)
    )


def test_vectorised_clock_matches_scalar() -> None:
    from models.kpi.business_calendar import clock_for

    rng = np.random.default_rng(1)
    lo = int(sh(1, 0).timestamp() * 1e6)
    t = np.sort(lo + rng.integers(0, 20 * 86_400_000_000, 200))
    clock = clock_for(WEEK, int(t[0]), int(t[-1]))
    el = clock.elapsed(t)
    assert np.all(np.diff(el) >= 0)
    target = np.full(t.size, 75.0)
    dl = clock.breach_at(t, target)
    # at the breach instant exactly 75 business minutes have passed, and not 1 µs later
    assert np.all(clock.elapsed(dl) - el == 75 * 60_000_000)
    assert np.all(clock.elapsed(dl + 1) - el > 75 * 60_000_000)
