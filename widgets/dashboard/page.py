"""Dashboard page: KPI cards, six charts and the alerts panel, for one filter at a time.

Data flow: the shared :class:`~widgets.dashboard.store_holder.StoreHolder` loads the
ticket store once off the GUI thread and keeps it fresh (imports in this window, other
processes via its change watcher); on a big database without a column cache the first
view comes from its recent tickets (``holder.store_for``). Every filter change submits
one recomputation (:func:`~widgets.dashboard.compute.compute_dashboard`) to
``context.runner`` under a fixed key, so a newer request cancels an older one; the GUI
thread only pushes numpy arrays into the charts. Sparklines follow in a second task;
alerts (which do not depend on the filter) follow data changes and the clock. Recent
results are cached per request and data generation.
Clicking a card, a bar, a point or a cell emits ``bus.open_tickets`` with a
:class:`~widgets.tickets.selection.TicketSelection` of exactly the tickets behind it.
"""

from __future__ import annotations

import datetime as dt
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from models.kpi.api import OPTIONAL_KPIS, Alert
from models.progress import Progress
from widgets.common.context import PageContext
from widgets.dashboard import kpi_labels
from widgets.dashboard.alerts_panel import AlertsPanel
from widgets.dashboard.cards import CARDS, KpiCard, layout_cards
from widgets.dashboard.charts.breakdown_chart import BreakdownChart
from widgets.dashboard.charts.frt_chart import FrtHistogramChart
from widgets.dashboard.charts.heatmap_chart import ArrivalsHeatmapChart
from widgets.dashboard.charts.pareto_chart import ParetoChart
from widgets.dashboard.charts.sla_chart import SlaByPriorityChart
from widgets.dashboard.charts.trend_chart import TrendChart
from widgets.dashboard.compute import (
    DashboardData,
    DashboardRequest,
    auto_grain,
    compute_alerts,
    compute_dashboard,
    compute_sparklines,
    compute_trend,
    target_for,
)
from widgets.dashboard.filter_bar import FilterBar
from widgets.dashboard.filter_state import FilterState, as_of_for, local_zone
from widgets.dashboard.store_holder import store_holder
from widgets.tickets.selection import TicketSelection

CARD_COLUMNS = 6
RESULT_CACHE = 16  # recent results, keyed by request and data generation
ALERTS_INTERVAL_MS = 60_000
PREF_FILTER = "filter"


class DashboardPage(QWidget):
    """``updated`` after cards and charts show a new result (``last_compute_ms`` set)."""

    updated = Signal()
    sparklines_updated = Signal()
    alerts_updated = Signal()

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.holder = store_holder(context)
        self.data: DashboardData | None = None
        self.last_compute_ms: float | None = None
        self.computations = 0
        self._started = 0.0
        self._steps: list[Callable[[], None]] = []
        self._extras: Any = None
        self._store: Any = None  # the store (full or preview) of the shown result
        self._shown_cards: list[str] | None = None
        self._results: OrderedDict[Any, DashboardData] = OrderedDict()
        self._alerts_generation = -1
        self._alerts_timer = QTimer(self)
        self._alerts_timer.setInterval(ALERTS_INTERVAL_MS)
        self._alerts_timer.timeout.connect(self.refresh_alerts)
        self._alerts_timer.start()
        remembered = FilterState.from_json(context.prefs.get(PREF_FILTER, ""))
        if not self.holder.ready:  # the store loads while the page is being built
            tz = local_zone()
            today = dt.datetime.now(dt.UTC).astimezone(tz).date()
            self.holder.ensure_loaded(self.holder.preview_since(remembered.to_filter(today, tz)))
        self._build()
        self.filter_bar.set_state(remembered)
        self.filter_bar.changed.connect(self._on_filter_bar_changed)
        self.trend_chart.options_changed.connect(self._on_trend_options_changed)
        self.breakdown_chart.by_changed.connect(self.recompute)
        for chart in self.charts:
            chart.selection_requested.connect(context.bus.open_tickets.emit)
        for card in self.cards.values():
            card.clicked.connect(self._on_card_clicked)
        self.alerts.count_changed.connect(self._on_alerts_count_changed)
        self.holder.loaded.connect(self._on_holder_loaded)
        self.holder.preview_loaded.connect(self._on_holder_loaded)  # a first view
        self.holder.refreshed.connect(self._on_holder_refreshed)
        self.holder.failed.connect(self._on_holder_failed)
        self.holder.load_progress.connect(self._on_holder_load_progress)
        if self.holder.ready:
            self._on_holder_loaded()
        else:
            self.status.setText(self.tr("Loading tickets…"))  # (started above)
        self.holder.start_watching()
        self.destroyed.connect(self.holder.stop_watching)

    # -- layout --------------------------------------------------------------------------
    def _build(self) -> None:
        title = QLabel(self.tr("Dashboard"))
        title.setObjectName("pageTitle")
        self.status = QLabel()
        self.status.setAccessibleName(self.tr("Dashboard status"))
        self.badge = QToolButton()
        self.badge.setCheckable(True)
        self.badge.setChecked(True)
        self.badge.setAccessibleName(self.tr("Alerts"))
        self.badge.setToolTip(self.tr("Show or hide the alerts"))
        header = QHBoxLayout()
        header.addWidget(title)
        header.addStretch(1)
        header.addWidget(self.status)
        header.addWidget(self.badge)
        self.filter_bar = FilterBar()

        self.cards: dict[str, KpiCard] = {}
        self.card_grid = QGridLayout()
        self.card_grid.setSpacing(6)
        for spec in CARDS:
            self.cards[spec.key] = KpiCard(spec)
        self._layout_cards(frozenset())
        self.trend_chart = TrendChart()
        self.sla_chart = SlaByPriorityChart()
        self.frt_chart = FrtHistogramChart()
        self.pareto_chart = ParetoChart()
        self.breakdown_chart = BreakdownChart()
        self.heatmap_chart = ArrivalsHeatmapChart()
        self.charts = (self.trend_chart, self.sla_chart, self.frt_chart, self.pareto_chart,
                       self.breakdown_chart, self.heatmap_chart)
        charts = QGridLayout()
        charts.setSpacing(6)
        for i, chart in enumerate(self.charts):
            charts.addWidget(chart, i // 2, i % 2)
        content = QWidget()
        body = QVBoxLayout(content)
        body.setContentsMargins(0, 0, 4, 0)
        body.addLayout(self.card_grid)
        body.addLayout(charts)
        body.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)

        self.alerts = AlertsPanel(self.context)
        self.alerts.setMinimumWidth(220)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(scroll)
        self.splitter.addWidget(self.alerts)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setSizes([900, 260])
        self.badge.toggled.connect(self.alerts.setVisible)

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.splitter, 1)

    def _layout_cards(self, available: frozenset[str]) -> None:
        shown = [k for k in self.cards if k not in OPTIONAL_KPIS or k in available]
        if shown != self._shown_cards:
            self._shown_cards = shown
            layout_cards(self.card_grid, self.cards, shown, CARD_COLUMNS)

    # -- requests ------------------------------------------------------------------------
    def request(self) -> DashboardRequest:
        """What the controls ask for now (period in this computer's zone, as of now)."""
        tz = local_zone()
        # as of the current minute: equal requests within a minute hit the result cache
        now = dt.datetime.now(dt.UTC).replace(second=0, microsecond=0)
        filt = self.filter_bar.state.to_filter(now.astimezone(tz).date(), tz)
        grain = self.trend_chart.grain.currentData()
        return DashboardRequest(
            filt=filt,
            as_of=as_of_for(filt, now),
            grain=auto_grain(filt) if grain == "auto" else grain,
            trend_key=str(self.trend_chart.kpi.currentData()),
            breakdown_by=self.breakdown_chart.by.currentData(),
        )

    def scope_text(self) -> str:
        """The filter in words, for banners and drill-down labels."""
        bar = self.filter_bar
        state = bar.state
        parts = [bar.period.currentText()]
        if state.preset == "custom":
            parts = [f"{bar.date_from.date().toString('yyyy-MM-dd')} – "
                     f"{bar.date_to.date().toString('yyyy-MM-dd')}"]
        for combo in (bar.vendor, bar.site, bar.priority, bar.channel, bar.category):
            if combo.currentData() is not None:
                parts.append(combo.currentText())
        if state.complaints_only:
            parts.append(self.tr("complaints only"))
        return " · ".join(parts)

    def recompute(self) -> None:
        """Recompute every card and chart for the current filter (off the GUI thread)."""
        holder = self.holder
        req = self.request()
        store = self.holder.store_for(req.filt)
        if store is None:
            if holder.preview is not None:
                self.status.setText(self.tr("Loading history…"))
                holder.continue_loading()
            return
        lock, policies, targets = holder.lock, holder.policies, holder.targets
        assert policies is not None
        self._store = store
        self._started = time.perf_counter()
        self._steps = []  # a newer result replaces one still being shown
        if self._extras is not None:  # sparklines of the old filter: not needed now
            self._extras.cancel()
            self._extras = None
        key = (req, holder.generation, store is holder.preview)
        if (cached := self._results.get(key)) is not None:
            self._results.move_to_end(key)
            self._on_computed(cached)
            return
        self.status.setText(self.tr("Updating…"))
        self.context.runner.submit(
            lambda progress: compute_dashboard(store, lock, req, policies, targets, progress),
            on_result=lambda data: self._on_computed(data, key),
            on_error=self._on_compute_failed, key=f"dashboard-compute-{id(self)}", owner=self,
        )

    def _on_computed(self, data: DashboardData, key: Any = None) -> None:
        """Show ``data`` a piece per event-loop turn, so no single turn stalls the window."""
        if not shiboken6.isValid(self.status):  # the page was closed meanwhile
            return
        if key is not None:
            self._results[key] = data
            while len(self._results) > RESULT_CACHE:
                self._results.popitem(last=False)
        self.data = data
        scope = self.scope_text()
        kpis, req = data.kpis, data.request
        priority = req.filt.priorities[0] if len(req.filt.priorities) == 1 else None
        targets = self.holder.targets

        def cards(first: bool) -> None:  # half of the cards per turn (≈ 8 ms a card)
            if first:
                self._layout_cards(data.available)
            keys = list(self._shown_cards)  # hidden optional cards need no update
            half = keys[: len(keys) // 2] if first else keys[len(keys) // 2:]
            for key in half:
                self.cards[key].show_result(kpis, data.previous,
                                            target_for(targets, key, priority))

        def trend() -> None:  # the heaviest chart: a turn of its own
            self.trend_chart.set_available(data.available)
            self.trend_chart.show_chart(data.trend, req, scope)

        def charts_a() -> None:
            self.sla_chart.show_kpis(kpis, req, scope)
            self.frt_chart.show_histogram(data.frt, kpis.frt_median_min, scope)

        def charts_b() -> None:
            self.pareto_chart.show_rows(data.pareto, req, scope)
            self.breakdown_chart.show_rows(data.breakdown, req, scope)
            self.heatmap_chart.show_cells(data.heatmap, req, scope)

        # five event-loop turns, each followed by its own paint: short turns, few flushes
        self._steps = [lambda: cards(True), lambda: cards(False), trend, charts_a, charts_b,
                       self._finish_update]
        self._next_step()

    def _next_step(self) -> None:
        if self._steps:
            self._steps.pop(0)()
        if self._steps:
            QTimer.singleShot(0, self, self._next_step)  # dropped if the page is gone

    def _finish_update(self) -> None:
        data = self.data
        assert data is not None
        self.last_compute_ms = (time.perf_counter() - self._started) * 1000.0
        self.computations += 1
        self.status.setText(self.tr("%1 tickets · updated %2").replace(
            "%1", f"{data.kpis.volume:,}").replace("%2", dt.datetime.now().strftime("%H:%M:%S")))
        self.updated.emit()
        self.holder.continue_loading()  # the first view is up: now the older tickets
        self._compute_extras(data.request, data.available)
        if self._alerts_generation != self.holder.generation:
            self.refresh_alerts()

    def _compute_extras(self, req: DashboardRequest, shown: frozenset[str]) -> None:
        """The sparklines of the shown cards, after the cards and charts (cancelled by a
        newer filter); ``shown``: the optional cards shown."""
        holder = self.holder
        store, lock, policies = self._store, holder.lock, holder.policies
        assert policies is not None
        self._extras = self.context.runner.submit(
            lambda progress: compute_sparklines(store, lock, req, policies, progress, shown),
            on_result=self._on_sparklines, on_error=self._on_compute_failed,
            key=f"dashboard-extras-{id(self)}", owner=self)

    def _on_sparklines(self, lines: dict[str, Any]) -> None:
        if not shiboken6.isValid(self.status):  # the page was closed meanwhile
            return
        for key, card in self.cards.items():
            if key in lines:
                card.sparkline.set_values(lines[key])
        self.sparklines_updated.emit()

    def refresh_alerts(self) -> None:
        """Recompute the alerts (all tickets, as of now) off the GUI thread.

        They do not depend on the filter, so they follow data changes, acknowledgements
        and the clock (every minute), not filter changes.
        """
        holder = self.holder
        if not holder.ready:
            return
        store, lock, policies, targets = holder.store, holder.lock, holder.policies, holder.targets
        assert policies is not None
        db, generation = self.context.db, holder.generation
        self._alerts_generation = generation
        self.context.runner.submit(
            lambda _p: compute_alerts(db, store, lock, dt.datetime.now(dt.UTC), policies,
                                      targets),
            on_result=self._on_alerts, on_error=self._on_compute_failed,
            key=f"dashboard-alerts-{id(self)}", owner=self)

    def _on_alerts(self, alerts: list[Alert]) -> None:
        if not shiboken6.isValid(self.alerts):  # the page was closed meanwhile
            return
        self.alerts.set_alerts(alerts)
        self.alerts_updated.emit()

    def _on_compute_failed(self, error: BaseException) -> None:
        self.status.setText(self.tr("Could not compute: %1").replace("%1", str(error)))

    # -- slots ---------------------------------------------------------------------------
    def _on_holder_loaded(self) -> None:
        self.filter_bar.set_choices(self.holder.choices)
        self.recompute()

    def _on_holder_refreshed(self, changed: bool) -> None:
        self.filter_bar.set_choices(self.holder.choices)
        if changed or self.data is None:
            self.recompute()  # alerts follow once the new figures are shown
        else:
            self.refresh_alerts()  # e.g. an acknowledgement

    def _on_holder_load_progress(self, done: int, total: object) -> None:
        if self.data is None and isinstance(total, int) and total > 0:
            self.status.setText(self.tr("Loading tickets… %1 %").replace(
                "%1", str(min(100, 100 * done // total))))

    def _on_holder_failed(self, message: str) -> None:
        self.status.setText(self.tr("Could not load the tickets: %1").replace("%1", message))

    def _on_filter_bar_changed(self, state: FilterState) -> None:
        self.context.prefs.set(PREF_FILTER, state.to_json())
        self.recompute()

    def _on_trend_options_changed(self) -> None:
        holder = self.holder
        req = self.request()
        store = self.holder.store_for(req.filt)
        if store is None or self.data is None:
            return
        lock, policies, targets = holder.lock, holder.policies, holder.targets
        assert policies is not None

        def work(_progress: Progress) -> Any:
            with lock:
                return compute_trend(store, req, policies, targets)

        self.context.runner.submit(
            work, on_result=lambda chart: self.trend_chart.show_chart(chart, req,
                                                                      self.scope_text()),
            on_error=self._on_compute_failed, key=f"dashboard-trend-{id(self)}", owner=self)

    def _on_card_clicked(self, key: str) -> None:
        self.context.bus.open_tickets.emit(self.card_selection(key))

    def card_selection(self, key: str) -> TicketSelection:
        """The tickets behind card ``key`` under the current filter."""
        req = self.data.request if self.data is not None else self.request()
        selector, what = kpi_labels.drill(key)
        label = f"{kpi_labels.title(key)} · {what} · {self.scope_text()}"
        return TicketSelection(label=label, filt=req.filt, selector=selector, as_of=req.as_of)

    def _on_alerts_count_changed(self, count: int) -> None:
        self.badge.setText(self.tr("Alerts: %1").replace("%1", str(count)))
        colour = "#d64541" if count else "#2e9d5b"
        self.badge.setStyleSheet(f"QToolButton {{ color: white; background: {colour};"
                                 " border-radius: 9px; padding: 2px 10px; font-weight: bold; }")


__all__ = ["DashboardPage"]
