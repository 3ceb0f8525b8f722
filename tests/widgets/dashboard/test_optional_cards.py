"""The phone-answer and on-site arrival cards appear only when the data carries them."""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import pytest

from models.db import Database
from models.kpi.api import ControlChart, compute_kpis, trend
from tests.models.kpi.helpers import add_tickets
from tests.widgets.dashboard.fixtures import TIMEOUT, engine_view, make_context, open_dashboard
from widgets.common.context import PageContext
from widgets.dashboard import kpi_labels
from widgets.dashboard.charts.trend_chart import TrendChart
from widgets.dashboard.page import DashboardPage
from widgets.dashboard.store_holder import store_holder

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_cards_shown_with_their_numbers(qtbot: Any, context: PageContext) -> None:
    page = open_dashboard(qtbot, context, "last_90")
    assert page.data is not None
    store, policies = engine_view(context.db)
    req = page.data.request
    k = compute_kpis(store, req.filt, req.as_of, page.holder.policies or policies)
    for key, value in (("answered_30s_pct", k.answered_30s_pct),
                       ("onsite_sla_met_pct", k.onsite_sla_met_pct)):
        card = page.cards[key]
        assert card.isVisibleTo(page), key
        assert card.value_number == value
    assert k.answered_30s.denominator > 0 and k.onsite_sla.rate.denominator > 0
    selection = page.card_selection("onsite_sla_met_pct")
    assert selection.selector.measure == "onsite_sla"


def test_cards_hidden_without_answer_or_arrival_times(qtbot: Any, qapp: Any, db: Database) -> None:
    now = dt.datetime.now(dt.UTC)
    add_tickets(db, [dict(created_at=now - dt.timedelta(days=d), priority="P1",
                          channel="phone") for d in range(1, 5)])
    context = make_context(db)
    try:
        page = open_dashboard(qtbot, context, "last_90")
        assert not page.cards["answered_30s_pct"].isVisibleTo(page)
        assert not page.cards["onsite_sla_met_pct"].isVisibleTo(page)
        assert page.cards["volume"].isVisibleTo(page)
        qtbot.waitUntil(lambda: page.cards["volume"].sparkline.values.size > 0,
                        timeout=TIMEOUT)
        for key in ("answered_30s_pct", "onsite_sla_met_pct"):  # not offered, not computed
            assert page.trend_chart.kpi.findData(key) == -1, key
            assert page.cards[key].sparkline.values.size == 0, key
    finally:
        store_holder(context).close()
        context.runner.shutdown()  # type: ignore[attr-defined]


def _engine_trend(page: DashboardPage, key: str) -> ControlChart:
    assert page.data is not None
    req = page.data.request
    store, policies = engine_view(page.context.db)
    return trend(store, req.filt, key, req.grain, req.as_of, policies, req.tz)


def test_optional_cards_have_sparklines_and_default_targets(qtbot: Any,
                                                            context: PageContext) -> None:
    page = open_dashboard(qtbot, context, "last_90")
    cards = page.cards
    qtbot.waitUntil(lambda: cards["answered_30s_pct"].sparkline.values.size > 0,
                    timeout=TIMEOUT)
    for key, target in (("answered_30s_pct", "80.0 %"), ("onsite_sla_met_pct", "90.0 %")):
        expected = _engine_trend(page, key).values
        assert np.isfinite(expected).any(), key  # (the demo has few visits: one week)
        np.testing.assert_array_equal(cards[key].sparkline.values, expected)
        assert cards[key].target.text() == f"target ≥ {target}", key
        assert cards[key].status is not None, key  # a traffic light against the target


def test_trend_chart_offers_and_draws_answers_within_30s(qtbot: Any,
                                                        context: PageContext) -> None:
    page = open_dashboard(qtbot, context, "last_90")
    chart = page.trend_chart
    index = chart.kpi.findData("answered_30s_pct")
    assert index >= 0 and chart.kpi.findData("onsite_sla_met_pct") >= 0
    with qtbot.waitSignal(chart.options_changed, timeout=TIMEOUT):
        chart.kpi.setCurrentIndex(index)
    qtbot.waitUntil(lambda: chart.chart is not None
                    and chart.chart.kpi_key == "answered_30s_pct", timeout=TIMEOUT)
    expected = _engine_trend(page, "answered_30s_pct").values
    _x, y = chart.line.getData()
    assert y is not None and len(y) >= 2
    np.testing.assert_allclose(y, expected[~np.isnan(expected)])
    _tx, ty = chart.target.getData()
    assert ty is not None and set(ty.tolist()) == {80.0}
    assert chart.chart is not None and chart.chart.kind == "p"


def test_trend_chart_drops_a_key_the_data_no_longer_carries(qtbot: Any, qapp: Any) -> None:
    chart = TrendChart()
    qtbot.addWidget(chart)
    assert chart.kpi.findData("answered_30s_pct") == -1
    chart.set_available(frozenset({"answered_30s_pct"}))
    assert chart.kpi.findData("onsite_sla_met_pct") == -1
    chart.kpi.setCurrentIndex(chart.kpi.findData("answered_30s_pct"))
    with qtbot.waitSignal(chart.options_changed, timeout=1000):
        chart.set_available(frozenset())
    assert chart.kpi.findData("answered_30s_pct") == -1
    assert chart.kpi.currentData() == kpi_labels.TREND_KEYS[0]
