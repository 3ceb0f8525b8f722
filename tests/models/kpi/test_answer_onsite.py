"""Phone answers within 30 s and the on-site arrival SLA, computed by hand."""

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
    available_kpis,
    compute_kpis,
    load_store,
    ticket_ids,
    trend,
)
from models.kpi.stats import wilson
from tests.models.kpi.helpers import T0, D, H, M, add_tickets

S = dt.timedelta(seconds=1)
FROM = dt.date(2020, 1, 1)
POLICIES = PolicySet(
    (
        SlaPolicySpec("P1", "P1", 15, 240, FROM, onsite_min=120, id=1),
        SlaPolicySpec("P2", "P2", 60, 480, FROM, id=2),
    ),
    timezone="UTC",
)


def test_answered_within_30_seconds(any_db: Database) -> None:
    db = any_db  # the SQLite and the PostgreSQL loaders both read the answer times
    add_tickets(db, [
        dict(created_at=T0, channel="phone", answered_at=T0 + 12 * S),  # within
        dict(created_at=T0, channel="phone", answered_at=T0 + 30 * S),  # exactly 30 s: within
        dict(created_at=T0, channel="phone", answered_at=T0 + 31 * S),  # late
        dict(created_at=T0, channel="phone", answered_at=T0 + 5 * M),  # late
        dict(created_at=T0, channel="phone"),  # no answer time: not counted
        dict(created_at=T0, channel="web"),
        dict(created_at=T0 + 2 * D, channel="phone", answered_at=T0 + 2 * D + S),  # other period
    ])
    store = load_store(db)
    k = compute_kpis(store, TicketFilter(start=T0, end=T0 + D), T0 + D, POLICIES)
    assert k.answered_30s == wilson(2, 4)
    assert k.answered_30s_pct == 50.0
    assert k.answered_30s.denominator == 4
    everything = compute_kpis(store, TicketFilter(), T0 + 3 * D, POLICIES)
    assert (everything.answered_30s.numerator, everything.answered_30s.denominator) == (3, 5)
    assert "answered_30s" not in everything.to_json()  # kpi --json keys are fixed


def test_no_answer_times_means_no_value(db: Database) -> None:
    add_tickets(db, [dict(created_at=T0, channel="phone")])
    k = compute_kpis(load_store(db), TicketFilter(), T0 + D, POLICIES)
    assert k.answered_30s.pct is None and k.answered_30s.denominator == 0
    assert k.onsite_sla.rate.pct is None


def test_onsite_arrival_sla(any_db: Database) -> None:
    db = any_db
    as_of = T0 + 3 * H
    add_tickets(db, [
        dict(priority="P1", created_at=T0, channel="on-site", onsite_at=T0 + 90 * M),  # met
        dict(priority="P1", created_at=T0, channel="phone", onsite_at=T0 + 2 * H),  # met (=)
        dict(priority="P1", created_at=T0, channel="on-site", onsite_at=T0 + 150 * M),  # late
        dict(priority="P1", created_at=T0, channel="On-Site"),  # no arrival, 3 h > 2 h: late
        dict(priority="P1", created_at=T0 + 2 * H, channel="on-site"),  # 1 h so far: pending
        dict(priority="P1", created_at=T0, channel="phone"),  # no visit needed: not measured
        dict(priority="P2", created_at=T0, channel="on-site", onsite_at=T0 + 5 * H),  # no target
    ])
    store = load_store(db)
    k = compute_kpis(store, TicketFilter(start=T0, end=T0 + D), as_of, POLICIES)
    sla = k.onsite_sla
    assert (sla.met, sla.breached, sla.pending) == (2, 2, 1)
    assert sla.rate == wilson(2, 4)
    assert k.onsite_sla_met_pct == 50.0
    # the same tickets a day later: the pending one has breached by then
    later = compute_kpis(store, TicketFilter(start=T0, end=T0 + D), T0 + D, POLICIES)
    assert (later.onsite_sla.met, later.onsite_sla.breached, later.onsite_sla.pending) == (2, 3, 0)


def test_drill_down_and_availability(db: Database) -> None:
    ids = add_tickets(db, [
        dict(priority="P1", created_at=T0, channel="phone", answered_at=T0 + 40 * S),
        dict(priority="P1", created_at=T0, channel="phone", answered_at=T0 + 10 * S),
        dict(priority="P1", created_at=T0, channel="on-site", onsite_at=T0 + 3 * H),
        dict(priority="P1", created_at=T0, channel="on-site", onsite_at=T0 + H),
    ])
    store = load_store(db)
    filt = TicketFilter()
    late = ticket_ids(store, filt, Selector("answered_late"), as_of=T0 + D, policies=POLICIES)
    assert late.tolist() == [ids[0]]
    answered = ticket_ids(store, filt, Selector("answered"))
    assert answered.tolist() == ids[:2]
    breached = ticket_ids(store, filt, Selector("onsite_sla", "breached"), as_of=T0 + D,
                          policies=POLICIES)
    assert breached.tolist() == [ids[2]]
    assert available_kpis(store, POLICIES) == {"answered_30s_pct", "onsite_sla_met_pct"}
    no_onsite = PolicySet((SlaPolicySpec("P1", "P1", 15, 240, FROM, id=1),), timezone="UTC")
    assert available_kpis(store, no_onsite) == {"answered_30s_pct"}


def _trend_tickets(db: Database) -> None:
    """Day 1: 4 answer times (3 within 30 s), 3 visits (2 met); day 2: a phone P1 without
    answer time or visit; day 3: 2 answer times (1 within), 3 visits (1 met, 1 late,
    1 pending at T0 + 2 D + 23 h)."""
    d3 = T0 + 2 * D
    add_tickets(db, [
        dict(created_at=T0, channel="phone", answered_at=T0 + 10 * S),
        dict(created_at=T0 + H, channel="phone", answered_at=T0 + H + 30 * S),
        dict(created_at=T0 + 2 * H, channel="phone", answered_at=T0 + 2 * H + 20 * S),
        dict(created_at=T0 + 3 * H, channel="phone", answered_at=T0 + 3 * H + 45 * S),
        dict(created_at=T0 + 4 * H, channel="phone"),  # no answer time
        dict(priority="P1", created_at=T0, channel="on-site", onsite_at=T0 + 90 * M),
        dict(priority="P1", created_at=T0, channel="on-site", onsite_at=T0 + 2 * H),
        dict(priority="P1", created_at=T0, channel="on-site", onsite_at=T0 + 150 * M),
        dict(priority="P1", created_at=T0 + D, channel="phone"),
        dict(created_at=d3, channel="phone", answered_at=d3 + 5 * S),
        dict(created_at=d3, channel="phone", answered_at=d3 + 31 * S),
        dict(priority="P1", created_at=d3, channel="on-site", onsite_at=d3 + H),
        dict(priority="P1", created_at=d3, channel="on-site"),  # 23 h without arrival
        dict(priority="P1", created_at=d3 + 22 * H, channel="on-site"),  # pending
    ])


def test_trend_of_answers_and_arrivals_per_day(db: Database) -> None:
    _trend_tickets(db)
    store = load_store(db)
    filt = TicketFilter(start=T0, end=T0 + 3 * D)
    as_of = T0 + 2 * D + 23 * H
    answered = trend(store, filt, "answered_30s_pct", "day", as_of, POLICIES, "UTC")
    assert answered.kind == "p"
    assert answered.n.tolist() == [4, 0, 2]
    assert answered.values[0] == 75.0 and np.isnan(answered.values[1])
    assert answered.values[2] == 50.0
    onsite = trend(store, filt, "onsite_sla_met_pct", "day", as_of, POLICIES, "UTC")
    assert onsite.n.tolist() == [3, 0, 2]  # the pending visit is not counted
    assert onsite.values[0] == pytest.approx(200 / 3) and np.isnan(onsite.values[1])
    assert onsite.values[2] == 50.0
    assert onsite.centre == pytest.approx(60.0)  # p̄ = 3 met / 5 measured


def test_trend_over_one_bucket_equals_the_card(db: Database) -> None:
    _trend_tickets(db)
    store = load_store(db)
    filt = TicketFilter(start=T0, end=T0 + 3 * D)  # within March 2026: one month
    for as_of in (T0 + 2 * D + 23 * H, T0 + 5 * D):  # the pending visit breaches later
        k = compute_kpis(store, filt, as_of, POLICIES)
        for key, rate in (("answered_30s_pct", k.answered_30s),
                          ("onsite_sla_met_pct", k.onsite_sla.rate)):
            chart = trend(store, filt, key, "month", as_of, POLICIES, "UTC")
            assert len(chart.values) == 1, key
            assert chart.values[0] == pytest.approx(rate.pct), key
            assert int(chart.n[0]) == rate.denominator, key
    assert compute_kpis(store, filt, T0 + 5 * D, POLICIES).onsite_sla.rate.denominator == 6
