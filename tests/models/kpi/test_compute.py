"""Every DESIGN.md KPI on a small ticket set computed by hand (default SLA policies:
P1 15 min / 4 h, P2 60 min / 8 h, P3 2 h / 24 h, P4 8 h / 72 h; calendar time)."""

from __future__ import annotations

import pytest

from models.db import Database
from models.kpi.api import TicketFilter, compute_kpis, load_store, pareto
from models.kpi.sla import default_policy_set
from tests.models.kpi.helpers import T0, D, H, M, add_tickets

AS_OF = T0 + 3 * D  # Thursday 00:00 UTC
PERIOD = TicketFilter(start=T0, end=T0 + 7 * D)

# id  pri  created   FR      resolved  csat nps reopen complaint (customer, category)
# 1   P2   01:00     +30m    +6h       5    10  0      no        -, A
# 2   P2   02:00     +90m    +10h      4    8   1      yes       C1, A  (repeat: #7)
# 3   P2   03:00     -       -         -    -   -      yes       C2, B  (overdue)
# 4   P1   AS_OF-10m -       -         -    -   -      no
# 5   P3   05:00     +120m   +24h      2    3   0      yes       C1, B
# 6   P4   06:00     +10m    +1h       1    -   null   no
# 7   P3   T0-1d     +5m     +1h       -    -   0      yes       C1, A  (outside the period)
# 8   P3   T0+1d     +5m     +2h       -    9   0      yes       C2, B  (repeat: #3)
SCENARIO = [
    dict(priority="P2", created_at=T0 + 1 * H, frt=30 * M, res=6 * H, csat=5.0, nps=10,
         reopened_count=0, category="A", channel="phone"),
    dict(priority="P2", created_at=T0 + 2 * H, frt=90 * M, res=10 * H, csat=4.0, nps=8,
         reopened_count=1, is_complaint=True, customer="C1", category="A", channel="email"),
    dict(priority="P2", created_at=T0 + 3 * H, is_complaint=True, customer="C2",
         category="B"),
    dict(priority="P1", created_at=AS_OF - 10 * M),
    dict(priority="P3", created_at=T0 + 5 * H, frt=120 * M, res=24 * H, csat=2.0, nps=3,
         reopened_count=0, is_complaint=True, customer="C1", category="B"),
    dict(priority="P4", created_at=T0 + 6 * H, frt=10 * M, res=1 * H, csat=1.0),
    dict(priority="P3", created_at=T0 - 1 * D, frt=5 * M, res=1 * H, reopened_count=0,
         is_complaint=True, customer="C1", category="A"),
    dict(priority="P3", created_at=T0 + 1 * D, frt=5 * M, res=2 * H, nps=9, reopened_count=0,
         is_complaint=True, customer="C2", category="B"),
]


@pytest.fixture
def scenario(db: Database) -> Database:
    add_tickets(db, SCENARIO)
    return db


def test_every_json_key_by_hand(scenario: Database) -> None:
    k = compute_kpis(load_store(scenario), PERIOD, AS_OF, default_policy_set("UTC"))
    j = k.to_json()
    assert j["volume"] == 7  # all but #7
    # FRT minutes [5, 10, 30, 90, 120]: median 30; P90 at rank 3.6 → 90 + 0.6·30 = 108
    assert j["frt_median_min"] == pytest.approx(30.0)
    assert j["frt_p90_min"] == pytest.approx(108.0)
    # resolution hours [1, 2, 6, 10, 24]: median 6; P90 → 10 + 0.6·14 = 18.4
    assert j["resolution_median_h"] == pytest.approx(6.0)
    assert j["resolution_p90_h"] == pytest.approx(18.4)
    # response: met #1 #5 (120 ≤ 120) #6 #8; breached #2 (90 > 60) #3 (none, 69 h); pending #4
    assert j["response_sla_met_pct"] == pytest.approx(100 * 4 / 6)
    assert j["response_sla_pending"] == 1
    assert (k.response_sla.met, k.response_sla.breached, k.response_sla.pending) == (4, 2, 1)
    # resolution: met #1 #5 (24 h ≤ 24 h) #6 #8; breached #2 (10 h > 8 h) #3; pending #4
    assert j["resolution_sla_met_pct"] == pytest.approx(100 * 4 / 6)
    assert k.resolution_sla.pending == 1
    assert j["resolution_rate_pct"] == pytest.approx(100 * 5 / 7)
    # CSAT 5, 4, 2, 1 on 1–5 → 100, 75, 25, 0: mean 50; satisfied (4–5) 2 of 4
    assert j["csat_score"] == pytest.approx(50.0)
    assert j["csat_satisfied_pct"] == pytest.approx(50.0)
    # NPS answers 10, 8, 3, 9: promoters 2, detractors 1 → (2 − 1) / 4 = 25
    assert j["nps"] == pytest.approx(25.0)
    # complaints #2 #3 #5 #8 of 7; closed (resolved) #2 #5 #8
    assert j["complaint_rate_pct"] == pytest.approx(100 * 4 / 7)
    assert j["complaint_closure_pct"] == pytest.approx(75.0)
    assert j["overdue_complaints"] == 1  # #3: open, 69 h old
    assert j["repeat_complaints"] == 2  # #2 after #7 (before the period), #8 after #3
    # Pareto: B 3 (75 %), A 1 (100 %); 75 % < 80 % so both are the vital few
    assert j["pareto"] == [
        {"category": "B", "count": 3, "cum_pct": 75.0},
        {"category": "A", "count": 1, "cum_pct": 100.0},
    ]
    assert [r.vital for r in k.pareto] == [True, True]
    # reopen: resolved with a known count #1 #2 #5 #8, reopened #2 → 25 %
    assert k.reopen_rate.pct == pytest.approx(25.0)
    assert set(j) == {
        "volume", "frt_median_min", "frt_p90_min", "resolution_median_h", "resolution_p90_h",
        "response_sla_met_pct", "resolution_sla_met_pct", "response_sla_pending",
        "resolution_rate_pct", "csat_score", "csat_satisfied_pct", "nps",
        "complaint_rate_pct", "complaint_closure_pct", "overdue_complaints",
        "repeat_complaints", "pareto", "by_priority",
    }


def test_by_priority_by_hand(scenario: Database) -> None:
    k = compute_kpis(load_store(scenario), PERIOD, AS_OF, default_policy_set("UTC"))
    bp = k.to_json()["by_priority"]
    assert list(bp) == ["P1", "P2", "P3", "P4"]
    # P2: #1 #2 #3 — FRT [30, 90]: median 60, P90 84; resolution [6, 10]: 8, 9.6
    assert bp["P2"] == {
        "frt_median_min": pytest.approx(60.0),
        "frt_p90_min": pytest.approx(84.0),
        "resolution_median_h": pytest.approx(8.0),
        "resolution_p90_h": pytest.approx(9.6),
        "response_sla_met_pct": pytest.approx(100 / 3),
        "resolution_sla_met_pct": pytest.approx(100 / 3),
        "response_sla_pending": 0,
    }
    # P1: only #4, pending: no data but one pending
    assert bp["P1"]["frt_median_min"] is None and bp["P1"]["response_sla_met_pct"] is None
    assert bp["P1"]["response_sla_pending"] == 1
    # P3: #5 #8 — FRT [5, 120]: 62.5, P90 108.5; resolution [2, 24]: 13, 21.8
    assert bp["P3"]["frt_median_min"] == pytest.approx(62.5)
    assert bp["P3"]["frt_p90_min"] == pytest.approx(108.5)
    assert bp["P3"]["resolution_median_h"] == pytest.approx(13.0)
    assert bp["P3"]["resolution_p90_h"] == pytest.approx(21.8)
    assert bp["P3"]["response_sla_met_pct"] == pytest.approx(100.0)
    assert bp["P4"]["frt_median_min"] == pytest.approx(10.0)


def test_as_of_decides_pending(scenario: Database) -> None:
    store = load_store(scenario)
    policies = default_policy_set("UTC")
    # at 03:30 ticket #3 (P2, created 03:00, no response) is 30 min old: pending
    early = compute_kpis(store, TicketFilter(start=T0, end=T0 + 4 * H), T0 + 3.5 * H, policies)
    assert early.volume == 3
    assert (early.response_sla.met, early.response_sla.breached) == (1, 1)  # #1 met, #2 late
    assert early.response_sla.pending == 1
    assert early.overdue_complaints == 0  # #3 is not 24 h old yet
    # exactly 60 min after creation is still not "more than T": pending
    edge = compute_kpis(store, TicketFilter(start=T0, end=T0 + 4 * H), T0 + 4 * H, policies)
    assert edge.response_sla.pending == 1
    later = compute_kpis(
        store, TicketFilter(start=T0, end=T0 + 4 * H), T0 + 4 * H + 1 * M, policies
    )
    assert later.response_sla.breached == 2 and later.response_sla.pending == 0


def test_empty_selection_is_null_not_zero(scenario: Database) -> None:
    k = compute_kpis(
        load_store(scenario), TicketFilter(start=T0 + 30 * D, end=T0 + 31 * D), AS_OF,
        default_policy_set("UTC"),
    )
    j = k.to_json()
    assert j["volume"] == 0 and j["overdue_complaints"] == 0 and j["pareto"] == []
    for key in ("frt_median_min", "response_sla_met_pct", "resolution_rate_pct", "csat_score",
                "nps", "complaint_rate_pct", "complaint_closure_pct"):
        assert j[key] is None, key


def test_filters(scenario: Database) -> None:
    store = load_store(scenario)
    pol = default_policy_set("UTC")
    assert compute_kpis(store, TicketFilter(priorities=("P2",)), AS_OF, pol).volume == 3
    assert compute_kpis(store, TicketFilter(channels=("phone",)), AS_OF, pol).volume == 1
    assert compute_kpis(store, TicketFilter(categories=("B",)), AS_OF, pol).volume == 3
    assert compute_kpis(store, TicketFilter(categories=("nope",)), AS_OF, pol).volume == 0
    only = compute_kpis(store, TicketFilter(complaints_only=True), AS_OF, pol)
    assert only.volume == 5 and only.complaint_rate_pct == 100.0


def test_pareto_ties_by_name_and_vital_few(db: Database) -> None:
    # counts: Z 4, B 2, A 2, C 1, none 1 → Z, A, B (tie by name), C, (none) last among 1s
    rows = []
    for cat, n in (("Z", 4), ("B", 2), ("A", 2), ("C", 1), (None, 1)):
        rows += [dict(created_at=T0 + H, is_complaint=True, category=cat)] * n
    rows.append(dict(created_at=T0 + H, category="Q"))  # not a complaint
    add_tickets(db, rows)
    got = pareto(load_store(db), TicketFilter())
    assert [(r.category, r.count) for r in got] == [
        ("Z", 4), ("A", 2), ("B", 2), ("C", 1), (None, 1)
    ]
    # cum 40, 60, 80 (reaches 80 % exactly), 90, 100 → vital few = Z, A, B
    assert [r.cum_pct for r in got] == pytest.approx([40.0, 60.0, 80.0, 90.0, 100.0])
    assert [r.vital for r in got] == [True, True, True, False, False]


def test_repeat_window_is_30_days_and_strictly_earlier(db: Database) -> None:
    c = dict(is_complaint=True, customer="K", category="X")
    add_tickets(db, [
        dict(created_at=T0, **c),
        dict(created_at=T0 + 30 * D, **c),  # exactly 30 days later: repeat
        dict(created_at=T0 + 61 * D, **c),  # 31 days after the previous: not
        dict(created_at=T0 + 61 * D, **c),  # same instant: not "preceded" by its twin
        dict(created_at=T0 + 62 * D, customer="K", category="Y", is_complaint=True),
        dict(created_at=T0 + 62 * D, customer="L", category="X", is_complaint=True),
        dict(created_at=T0 + 63 * D, customer="K", category="X"),  # not a complaint
    ])
    store = load_store(db)
    assert store.repeat.tolist() == [False, True, False, False, False, False, False]


def test_csat_scales(db: Database) -> None:
    add_tickets(db, [
        dict(created_at=T0, csat=8.0, csat_min=0.0, csat_max=10.0),  # 80, satisfied (top 20 %)
        dict(created_at=T0, csat=7.0, csat_min=0.0, csat_max=10.0),  # 70, not
        dict(created_at=T0, csat=3.0, csat_min=1.0, csat_max=5.0),  # 50, not (top two = 4, 5)
    ])
    k = compute_kpis(load_store(db), TicketFilter(), T0 + D, default_policy_set("UTC"))
    assert k.csat_score == pytest.approx((80 + 70 + 50) / 3)
    assert k.csat_satisfied_pct == pytest.approx(100 / 3)
