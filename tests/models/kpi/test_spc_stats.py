"""Wilson intervals, XmR and p-chart limits, both rules, and trends built on them."""

from __future__ import annotations

import numpy as np
import pytest

from models.db import Database
from models.kpi.api import TicketFilter, load_store, trend, wilson
from models.kpi.sla import default_policy_set
from models.kpi.spc import beyond_limits, p_limits, runs_of, xmr_limits
from tests.models.kpi.helpers import T0, D, H, M, add_tickets


def test_wilson_known_value() -> None:
    r = wilson(8, 10)
    assert r.pct == 80.0
    assert r.wilson_low == pytest.approx(49.02, abs=0.01)
    assert r.wilson_high == pytest.approx(94.33, abs=0.01)
    assert r.thin is True
    assert wilson(0, 0).pct is None and wilson(0, 0).wilson_low is None
    full = wilson(30, 30)
    assert full.thin is False and full.wilson_high == pytest.approx(100.0)
    assert full.wilson_low == pytest.approx(88.65, abs=0.01)


def test_xmr_limits_and_beyond() -> None:
    x = [10.0, 12.0, 11.0, 13.0, 40.0]
    lim = xmr_limits(x)
    # mean 17.2; moving ranges 2, 1, 2, 27 → mean 8; limits 17.2 ± 2.66·8
    assert lim.centre == pytest.approx(17.2)
    assert lim.ucl[0] == pytest.approx(17.2 + 21.28)
    assert lim.lcl[0] == pytest.approx(17.2 - 21.28)
    assert beyond_limits(x, lim).tolist() == [False, False, False, False, True]


def test_xmr_skips_empty_buckets() -> None:
    lim = xmr_limits([1.0, np.nan, 3.0])
    assert lim.centre == 2.0 and lim.ucl[1] == pytest.approx(2 + 2.66 * 2)


def test_p_chart_limits_clipped() -> None:
    lim = p_limits([5, 10, 0], [100, 100, 0])
    # p̄ = 15 / 200 = 0.075; σ = sqrt(0.075·0.925/100) = 0.02634
    sigma = (0.075 * 0.925 / 100) ** 0.5
    assert lim.centre == pytest.approx(0.075)
    assert lim.ucl[0] == pytest.approx(0.075 + 3 * sigma)
    assert lim.lcl[0] == 0.0  # 0.075 − 0.079 clipped to 0
    assert np.isnan(lim.ucl[2])


def test_run_of_eight() -> None:
    x = [1.0, 6, 6, 6, 6, 6, 6, 6, 6, 1, 6, 6, 5, 5, 5, 5, 5, 5]
    flags = runs_of(x, 4.0)
    # points 1–8 (eight above) form a run; the last run 10–17 has 8 above too
    assert flags.tolist() == [False] + [True] * 8 + [False] + [True] * 8
    # seven in a row is no run; a point on the centre breaks one
    assert not runs_of([5.0] * 7, 4.0).any()
    assert not runs_of([5.0] * 4 + [4.0] + [5.0] * 4, 4.0).any()
    # empty buckets do not break a run
    assert runs_of([5.0] * 4 + [np.nan] + [5.0] * 4, 4.0).sum() == 8


def test_trend_volume_and_p_chart(db: Database) -> None:
    rows = []
    for day in range(10):
        n = 12 if day == 9 else 2  # a jump on the last day
        rows += [dict(priority="P2", created_at=T0 + day * D + H, frt=10 * M)] * n
    rows.append(dict(priority="P2", created_at=T0 + 9 * D + 2 * H, frt=2 * H))  # late
    add_tickets(db, rows)
    store = load_store(db)
    filt = TicketFilter(start=T0, end=T0 + 10 * D)
    pol = default_policy_set("UTC")
    vol = trend(store, filt, "volume", "day", T0 + 20 * D, pol, "UTC")
    assert vol.kind == "xmr" and len(vol.starts) == 10
    assert vol.values.tolist() == [2.0] * 9 + [13.0]
    # mean 3.1; moving ranges 0 ×8, 11 → mean 11/9; UCL 3.1 + 2.66·1.2222 = 6.351
    assert vol.centre == pytest.approx(3.1)
    assert vol.ucl[0] == pytest.approx(3.1 + 2.66 * 11 / 9)
    assert vol.beyond_limits.tolist() == [False] * 9 + [True]
    assert vol.run_of_8.tolist() == [True] * 9 + [False]  # nine days below the centre
    sla = trend(store, filt, "response_sla_met_pct", "day", T0 + 20 * D, pol, "UTC")
    assert sla.kind == "p"
    assert sla.values[-1] == pytest.approx(100 * 12 / 13)
    assert sla.n.tolist() == [2] * 9 + [13]
    assert sla.centre == pytest.approx(100 * 30 / 31)
    weekly = trend(store, filt, "frt_median_min", "week", T0 + 20 * D, pol, "UTC")
    # T0 is a Monday: weeks 2–8 March and 9–15 March
    assert len(weekly.starts) == 2 and weekly.values.tolist() == [10.0, 10.0]
    with pytest.raises(ValueError):
        trend(store, filt, "nonsense", "day", T0, pol)


def test_trend_percentiles_match_numpy(db: Database) -> None:
    rng = np.random.default_rng(5)
    rows = [
        dict(priority="P3", created_at=T0 + int(rng.integers(0, 5 * 24 * 60)) * M,
             frt=int(rng.integers(1, 900)) * M, res=int(rng.integers(1, 90)) * H)
        for _ in range(300)
    ]
    add_tickets(db, rows)
    store = load_store(db)
    pol = default_policy_set("UTC")
    for filt, key, q, values in (
        (TicketFilter(start=T0, end=T0 + 5 * D), "frt_median_min", 50, store.frt_min),
        (TicketFilter(start=T0, end=T0 + 5 * D), "resolution_p90_h", 90, store.res_h),
        # a small selection (under 1/8 of the store) takes the other path
        (TicketFilter(start=T0 + D, end=T0 + D + 12 * H), "frt_p90_min", 90, store.frt_min),
    ):
        chart = trend(store, filt, key, "day", T0 + 9 * D, pol, "UTC")
        for i, start in enumerate(chart.starts):
            lo = max(start, filt.start).timestamp() * 1e6  # type: ignore[type-var]
            hi = min(chart.ends[i], filt.end).timestamp() * 1e6  # type: ignore[type-var]
            day = values[(store.created >= lo) & (store.created < hi)]
            assert chart.values[i] == pytest.approx(float(np.percentile(day, q)))
            assert chart.n[i] == day.size
