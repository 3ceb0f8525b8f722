"""The dashboard on a real demo database: cards equal the engine's KPIs for every filter,
clicks on cards and chart elements land on exactly the tickets behind them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from models.kpi.api import Selector, compute_kpis, narrow, ticket_ids
from tests.widgets.dashboard.fixtures import engine_view
from widgets.common.context import PageContext
from widgets.dashboard.cards import CARDS, traffic_light
from widgets.dashboard.filter_state import FilterState
from widgets.dashboard.page import DashboardPage
from widgets.tickets.page import TicketsPage
from widgets.tickets.selection import TicketSelection

TIMEOUT = 20_000
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise")


def make_pages(qtbot: Any, context: PageContext) -> tuple[DashboardPage, TicketsPage]:
    """Both pages wired as the main window wires them (open_tickets → apply_filter)."""
    context.prefs.set("filter", FilterState(preset="last_90").to_json())
    page = DashboardPage(context)
    qtbot.addWidget(page)
    page.resize(1400, 1000)
    tickets = TicketsPage(context)
    qtbot.addWidget(tickets)
    context.bus.open_tickets.connect(tickets.apply_filter)
    if page.data is None:
        with qtbot.waitSignal(page.updated, timeout=TIMEOUT):
            pass
    return page, tickets


def assert_cards_match_engine(page: DashboardPage) -> None:
    assert page.data is not None
    req = page.data.request
    store, policies = engine_view(page.context.db)
    expected = compute_kpis(store, req.filt, req.as_of, policies)
    for spec in CARDS:
        card = page.cards[spec.key]
        assert card.value_number == spec.value(expected), spec.key
        assert str(f"{spec.sample(expected):,}") in card.sample.text(), spec.key


def shown_ids(tickets: TicketsPage) -> set[int]:
    return {int(i) for i in tickets.model.ids}


def test_cards_follow_every_filter_change(qtbot: Any, context: PageContext) -> None:
    page, _ = make_pages(qtbot, context)
    assert_cards_match_engine(page)
    assert page.data is not None and page.data.kpis.volume > 0
    bar = page.filter_bar
    for change in (
        lambda: bar.priority.setCurrentIndex(bar.priority.findData("P2")),
        lambda: bar.complaints.setChecked(True),
        lambda: bar.period.setCurrentIndex(bar.period.findData("all")),
        lambda: bar.vendor.setCurrentIndex(1),
    ):
        with qtbot.waitSignal(page.updated, timeout=TIMEOUT):
            change()
        assert_cards_match_engine(page)
    saved = FilterState.from_json(context.prefs.get("filter"))
    assert saved.priority == "P2" and saved.complaints_only and saved.preset == "all"
    assert saved.vendor_id == bar.vendor.itemData(1)


def test_filter_is_remembered_by_a_new_page(qtbot: Any, context: PageContext) -> None:
    page, _ = make_pages(qtbot, context)
    with qtbot.waitSignal(page.updated, timeout=TIMEOUT):
        page.filter_bar.channel.setCurrentIndex(1)
    again = DashboardPage(context)
    qtbot.addWidget(again)
    assert again.filter_bar.state == page.filter_bar.state
    assert again.filter_bar.channel.currentIndex() == 1
    with qtbot.waitSignal(again.updated, timeout=TIMEOUT):
        pass


def test_card_click_lists_exactly_its_tickets(qtbot: Any, context: PageContext) -> None:
    page, tickets = make_pages(qtbot, context)
    assert page.data is not None
    req = page.data.request
    store, policies = engine_view(context.db)
    card = page.cards["response_sla_met_pct"]
    with qtbot.waitSignal(tickets.ids_shown, timeout=TIMEOUT):
        qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    expected = ticket_ids(store, req.filt, Selector("response_sla", "breached"), as_of=req.as_of,
                          policies=policies)
    assert shown_ids(tickets) == set(expected.tolist())
    assert tickets.banner.isVisible() or not tickets.isVisible()
    assert "Response SLA met" in tickets.banner_label.text()


def click_on_plot(chart: Any, index: int) -> None:
    """A real mouse click on the scene where element ``index`` is drawn."""
    point = chart.element_position(index)
    scene = chart.view_box.mapViewToScene(point)
    view_pos = chart.plot.mapFromScene(scene)
    QTest.mouseClick(chart.plot.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, QPoint(view_pos.x(), view_pos.y()))


def test_clicking_a_bar_opens_its_tickets(qtbot: Any, context: PageContext) -> None:
    page, tickets = make_pages(qtbot, context)
    page.show()
    qtbot.waitExposed(page)
    assert page.data is not None
    req = page.data.request
    store, policies = engine_view(context.db)
    chart = page.sla_chart
    index = next(i for i, r in enumerate(chart._rates) if i % 2 == 0 and r.denominator > 0)
    priority = ("P1", "P2", "P3", "P4")[index // 2]
    with qtbot.waitSignal(tickets.ids_shown, timeout=TIMEOUT):
        click_on_plot(chart, index)
    expected = ticket_ids(store, req.filt, Selector("response_sla", "breached", priority=priority),
                          as_of=req.as_of, policies=policies)
    assert shown_ids(tickets) == set(expected.tolist())
    assert priority in tickets.banner_label.text()


def test_every_chart_drills_down_to_exact_ids(qtbot: Any, context: PageContext) -> None:
    page, tickets = make_pages(qtbot, context)
    assert page.data is not None
    req = page.data.request
    store, policies = engine_view(context.db)

    def drill(chart: Any, index: int) -> set[int]:
        with qtbot.waitSignal(tickets.ids_shown, timeout=TIMEOUT):
            chart.click_element(index)
        return shown_ids(tickets)

    row = page.data.pareto[0]
    expected = ticket_ids(store, req.filt, Selector("complaints", category=row.category or ""))
    assert drill(page.pareto_chart, 0) == set(expected.tolist())

    for i, bar in enumerate(page.data.breakdown[:4]):
        if bar.key is None:  # tickets without a vendor
            every = ticket_ids(store, req.filt, Selector("all"))
            expected = every[store.vendor[store.index_of(every)] < 0]
        else:
            expected = ticket_ids(store, narrow(req.filt, bar.by, bar.key), Selector("all"))
        assert drill(page.breakdown_chart, i) == set(expected.tolist())
        assert len(expected) == bar.volume

    day, hour = np.unravel_index(int(np.argmax(page.data.heatmap)), (7, 24))
    expected = ticket_ids(store, req.filt, Selector("all", weekday=int(day) + 1, hour=int(hour)))
    assert drill(page.heatmap_chart, int(day) * 24 + int(hour)) == set(expected.tolist())
    assert len(expected) == page.data.heatmap[day, hour]

    hist = page.data.frt
    busiest = int(np.argmax(hist.counts))
    ids = drill(page.frt_chart, busiest)
    assert len(ids) == hist.counts[busiest]
    rows = store.index_of(np.array(sorted(ids)))
    frt = store.frt_min[rows]
    assert np.all(frt >= hist.edges[busiest])
    if busiest < hist.counts.size - 1:
        assert np.all(frt < hist.edges[busiest + 1])

    chart = page.data.trend
    point = int(np.flatnonzero(~np.isnan(chart.values))[-1])
    ids = drill(page.trend_chart, point)
    selection = page.trend_chart.selection(point)
    assert isinstance(selection, TicketSelection)
    expected = ticket_ids(store, selection.filt, selection.selector, as_of=req.as_of,
                          policies=policies)
    assert ids == set(expected.tolist())


def test_trend_marks_out_of_control_points_and_target(qtbot: Any, context: PageContext) -> None:
    page, _ = make_pages(qtbot, context)
    chart = page.trend_chart
    assert chart.chart is not None
    _x, y = chart.line.getData()
    values = chart.chart.values
    assert np.allclose(y, values[~np.isnan(values)])
    brushes = chart.points.data["brush"]
    beyond = np.asarray(chart.chart.beyond_limits)[~np.isnan(values)]
    for brush, flagged in zip(brushes, beyond, strict=True):
        assert (brush.color().name() == "#d64541") == bool(flagged)
    with qtbot.waitSignal(page.trend_chart.options_changed, timeout=TIMEOUT):
        chart.kpi.setCurrentIndex(chart.kpi.findData("volume"))
    qtbot.waitUntil(lambda: chart.chart is not None and chart.chart.kpi_key == "volume",
                    timeout=TIMEOUT)


def test_exports_of_pictures_and_data(qtbot: Any, context: PageContext, tmp_path: Path) -> None:
    page, _ = make_pages(qtbot, context)
    page.show()
    qtbot.waitExposed(page)
    for chart in page.charts:
        for suffix in ("png", "svg", "xlsx", "csv"):
            path = tmp_path / f"{type(chart).__name__}.{suffix}"
            if suffix in ("png", "svg"):
                chart.export_image(path)
            else:
                chart.export_data(path)
            assert path.stat().st_size > 0, path
    text = (tmp_path / "ParetoChart.csv").read_text(encoding="utf-8-sig")
    assert page.data is not None
    assert str(page.data.pareto[0].count) in text


@pytest.mark.parametrize(("value", "target", "higher", "light"), [
    (95.0, 90.0, True, "met"), (86.0, 90.0, True, "near"), (80.0, 90.0, True, "missed"),
    (50.0, 60.0, False, "met"), (62.0, 60.0, False, "near"), (70.0, 60.0, False, "missed"),
])
def test_traffic_light(value: float, target: float, higher: bool, light: str) -> None:
    from models.kpi.api import KpiTargetSpec

    assert traffic_light(value, KpiTargetSpec("x", target, higher)) == light
    assert traffic_light(None, KpiTargetSpec("x", target, higher)) is None


def test_hover_shows_exact_values(qtbot: Any, context: PageContext) -> None:
    from PySide6.QtWidgets import QToolTip

    page, _ = make_pages(qtbot, context)
    page.show()
    qtbot.waitExposed(page)
    chart = page.sla_chart
    index = next(i for i, r in enumerate(chart._rates) if r.denominator > 0)
    rate = chart._rates[index]
    scene = chart.view_box.mapViewToScene(chart.element_position(index))
    chart._on_scene_mouse_moved(scene)  # what the scene emits when the mouse moves there
    text = QToolTip.text()
    assert f"{rate.numerator:,}" in text and f"{rate.denominator:,}" in text
    QToolTip.hideText()


def test_rebuilt_window_keeps_the_loaded_store(qtbot: Any, context: PageContext) -> None:
    from widgets.common.context import DataBus
    from widgets.dashboard.store_holder import store_holder

    page, _ = make_pages(qtbot, context)
    first = store_holder(context)
    assert first.ready
    rebuilt = PageContext(db=context.db, runner=context.runner, bus=DataBus(),
                          user=context.user, prefs=context.prefs)
    second = store_holder(rebuilt)
    assert second is not first
    assert second.ready and second.store is first.store
    again = DashboardPage(rebuilt)
    qtbot.addWidget(again)
    with qtbot.waitSignal(again.updated, timeout=TIMEOUT):
        pass
    assert again.data is not None and page.data is not None
    assert again.data.kpis.volume == page.data.kpis.volume
    second.close()


@pytest.mark.postgres
def test_dashboard_on_postgresql(qtbot: Any, pg_db: Any) -> None:
    """The same cards on PostgreSQL (team mode), including a live change by another client."""
    from models.demo import generate_demo
    from tests.widgets.dashboard.fixtures import NOW, make_context
    from widgets.dashboard.store_holder import store_holder

    generate_demo(pg_db, tickets=300, seed=5, now=NOW)
    context = make_context(pg_db)
    try:
        holder = store_holder(context)
        with qtbot.waitSignal(holder.loaded, timeout=60_000):
            holder.ensure_loaded()
        page, _ = make_pages(qtbot, context)
        assert_cards_match_engine(page)
        assert page.data is not None
        before = page.data.kpis.volume
        with pg_db.engine.begin() as conn:
            conn.exec_driver_sql(
                "INSERT INTO tickets (source, external_id, priority, is_complaint, created_at)"
                " VALUES ('other', 'PG-1', 'P2', false, now())")
        qtbot.waitUntil(lambda: page.data is not None and page.data.kpis.volume == before + 1,
                        timeout=8000)
    finally:
        store_holder(context).close()
        context.runner.shutdown()  # type: ignore[attr-defined]
