"""Pilot comparisons, impact × urgency and Erlang C staffing, against hand-computed values."""

from __future__ import annotations

import pytest

from models.db import Database
from models.kpi.analysis import (
    agents_needed,
    compare,
    erlang_c_wait_probability,
    impact_urgency,
    mann_whitney,
    service_level,
    two_proportion_z,
)
from models.kpi.api import TicketFilter, load_store
from models.kpi.sla import default_policy_set
from tests.models.kpi.helpers import T0, D, M, add_tickets


def test_two_proportion_z() -> None:
    # 45/100 vs 30/100: pooled 0.375, se = sqrt(0.375·0.625·0.02) = 0.068465, z = 2.1909
    r = two_proportion_z(45, 100, 30, 100)
    assert r.difference == pytest.approx(15.0)
    assert r.statistic == pytest.approx(2.1909, abs=1e-4)
    assert r.p_value == pytest.approx(0.02846, abs=1e-4)
    assert two_proportion_z(1, 0, 1, 2).p_value is None


def test_mann_whitney() -> None:
    # U = 0 of 9; mu 4.5, sigma sqrt(3·3·7/12) = 2.2913; z = (4.5 − 0.5)/2.2913 = 1.7457
    r = mann_whitney([1, 2, 3], [4, 5, 6])
    assert r.statistic == pytest.approx(-1.7457, abs=1e-4)
    assert r.p_value == pytest.approx(0.0809, abs=1e-4)
    assert r.difference == -3.0
    # ties share their average rank and shrink sigma
    tied = mann_whitney([1, 1, 2], [1, 2, 2])
    assert tied.p_value is not None and 0 < tied.p_value <= 1


def test_erlang_c() -> None:
    # the classic example: 10 Erlangs (100 calls / 30 min, 3 min each), 11 agents
    assert erlang_c_wait_probability(10.0, 11) == pytest.approx(0.6821, abs=1e-4)
    sl = service_level(10.0, 11, aht_s=180, target_s=20)
    assert sl == pytest.approx(1 - 0.6821 * 0.894839, abs=1e-3)
    # 200 calls/hour × 180 s = 10 Erlangs: 80 % within 20 s needs 14 agents (13 is short)
    n = agents_needed(200, 180, target_s=20, target_share=0.8)
    assert n == 14
    assert service_level(10.0, 13, 180, 20) < 0.8 <= service_level(10.0, 14, 180, 20)
    assert erlang_c_wait_probability(10.0, 10) == 1.0


def test_compare_and_quadrants(db: Database) -> None:
    rows = []
    for i in range(20):  # pilot: vendor-less web tickets, answered in 10 min; control 90 min
        rows.append(dict(priority="P2", created_at=T0 + i * M, frt=10 * M, channel="web",
                         category="A", is_complaint=i < 12))
        rows.append(dict(priority="P4", created_at=T0 + i * M, frt=90 * M, channel="phone",
                         category="B" if i < 15 else "C"))
    add_tickets(db, rows)
    store = load_store(db)
    pol = default_policy_set("UTC")
    pilot, control = TicketFilter(channels=("web",)), TicketFilter(channels=("phone",))
    frt = compare(store, pilot, control, "frt_median_min", T0 + D, pol)
    assert frt.difference == -80.0 and frt.p_value is not None and frt.p_value < 0.001
    rate = compare(store, pilot, control, "complaint_rate_pct", T0 + D, pol)
    assert rate.pilot == 60.0 and rate.control == 0.0
    with pytest.raises(ValueError):
        compare(store, pilot, control, "volume", T0 + D, pol)
    quads = {r.category: r.quadrant for r in impact_urgency(store, TicketFilter())}
    # shares A 50 %, B 37.5 %, C 12.5 % vs fair share 33.3 %; A is all P2 (urgent)
    assert quads == {"A": "key-urgent", "B": "key-not-urgent", "C": "neither"}
