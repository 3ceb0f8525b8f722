"""A KPI per vendor, site, channel, category, agent or priority (horizontal bars, the
busiest groups on top). Clicking a bar lists the tickets of that group.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Signal
from PySide6.QtWidgets import QComboBox, QWidget

from models.kpi.api import BreakdownRow, narrow
from widgets.dashboard import kpi_labels
from widgets.dashboard.charts.base import BLUE, ChartPanel
from widgets.dashboard.charts.pareto_chart import short
from widgets.dashboard.compute import DashboardRequest
from widgets.tickets.selection import TicketSelection

MAX_BARS = 12
HEIGHT = 0.7
METRICS: tuple[str, ...] = (
    "volume", "response_sla_met_pct", "resolution_sla_met_pct", "frt_median_min",
    "resolution_median_h", "csat_score",
)


def metric_value(row: BreakdownRow, key: str) -> float | None:
    """The value of ``key`` for one breakdown row."""
    if key == "volume":
        return float(row.volume)
    if key == "response_sla_met_pct":
        return row.response_sla.pct
    if key == "resolution_sla_met_pct":
        return row.resolution_sla.pct
    if key == "frt_median_min":
        return row.frt_median_min
    if key == "resolution_median_h":
        return row.resolution_median_h
    return row.csat_score


class BreakdownChart(ChartPanel):
    """``by_changed`` when another grouping is chosen (the page recomputes the rows)."""

    by_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Breakdown"), parent)
        self.by = QComboBox()
        self.by.setAccessibleName(self.tr("Break down by"))
        for key, text in (("vendor", self.tr("by vendor")), ("site", self.tr("by site")),
                          ("channel", self.tr("by channel")),
                          ("category", self.tr("by category")),
                          ("agent", self.tr("by agent")), ("priority", self.tr("by priority"))):
            self.by.addItem(text, key)
        self.metric_combo = QComboBox()
        self.metric_combo.setAccessibleName(self.tr("Breakdown KPI"))
        for key in METRICS:
            self.metric_combo.addItem(kpi_labels.title(key), key)
        self.add_header_widget(self.by)
        self.add_header_widget(self.metric_combo)
        self.by.currentIndexChanged.connect(lambda _i: self.by_changed.emit())
        self.bars = pg.BarGraphItem(x0=[], y=[], width=[], height=HEIGHT, brush=BLUE)
        self.plot.addItem(self.bars)
        self.plot.getPlotItem().invertY(True)
        self.plot.showGrid(x=True, y=False, alpha=0.15)
        # connected last: adding the first items above already emits currentIndexChanged
        self.metric_combo.currentIndexChanged.connect(lambda _i: self._draw())
        self._rows: tuple[BreakdownRow, ...] = ()
        self._request: DashboardRequest | None = None
        self._scope = ""

    @property
    def metric_key(self) -> str:
        return str(self.metric_combo.currentData())

    def row_label(self, row: BreakdownRow) -> str:
        return row.label if row.key is not None and row.label else self.tr("(none)")

    def show_rows(self, rows: tuple[BreakdownRow, ...], request: DashboardRequest,
                  scope: str) -> None:
        self._rows, self._request, self._scope = rows[:MAX_BARS], request, scope
        self._draw()

    def _values(self) -> np.ndarray:
        key = self.metric_key
        return np.array([np.nan if (v := metric_value(r, key)) is None else v
                         for r in self._rows], dtype=np.float64)

    def _draw(self) -> None:
        values = self._values()
        y = np.arange(len(self._rows), dtype=np.float64)
        self.bars.setOpts(x0=np.zeros(len(y)), y=y, width=np.nan_to_num(values), height=HEIGHT)
        self.plot.getAxis("left").setTicks(
            [[(float(i), short(self.row_label(r), 12)) for i, r in enumerate(self._rows)]])
        self.plot.getPlotItem().setLabel("bottom", kpi_labels.unit(self.metric_key))
        self.plot.setYRange(-0.6, max(len(self._rows), 1) - 0.4, padding=0)
        finite = values[~np.isnan(values)]
        top = float(finite.max()) if finite.size else 1.0
        self.plot.setXRange(0, 100.0 if self.metric_key.endswith("_pct") else top * 1.05 or 1.0,
                            padding=0)
        self.show_empty(not self._rows)

    def hit(self, point: QPointF) -> int | None:
        i = round(point.y())
        if not 0 <= i < len(self._rows) or abs(point.y() - i) > HEIGHT / 2:
            return None
        value = self._values()[i]
        x_span = np.diff(self.view_box.viewRange()[0])[0] or 1.0
        width = 0.0 if np.isnan(value) else value
        return i if -0.02 * x_span <= point.x() <= max(width, 0.04 * x_span) else None

    def element_position(self, index: int) -> QPointF:
        value = self._values()[index]
        return QPointF(float(np.nan_to_num(value)) / 2 or 0.01, float(index))

    def tooltip(self, index: int) -> str:
        r = self._rows[index]
        lines = [f"<b>{self.row_label(r)}</b>",
                 self.tr("Tickets: %1").replace("%1", f"{r.volume:,}")]
        for key in METRICS[1:]:
            lines.append(f"{kpi_labels.title(key)}: "
                         f"{kpi_labels.format_value(key, metric_value(r, key))}")
        if r.response_sla.thin:
            lines.append(self.tr("Thin sample (fewer than 30 tickets)"))
        return "<br>".join(lines)

    def selection(self, index: int) -> TicketSelection | None:
        req = self._request
        if req is None:
            return None
        r = self._rows[index]
        label = f"{self.by.currentText()}: {self.row_label(r)} · {self._scope}"
        if r.key is None:  # tickets without a vendor/site/…: no filter expresses them
            return TicketSelection(label=label, filt=req.filt, as_of=req.as_of, without=r.by)
        return TicketSelection(label=label, filt=narrow(req.filt, r.by, r.key), as_of=req.as_of)

    def table(self) -> tuple[list[str], list[Sequence[Any]]]:
        headers = [self.by.currentText(), self.tr("Tickets"),
                   *[kpi_labels.title(k) for k in METRICS[1:]], self.tr("Complaints")]
        return headers, [[self.row_label(r), r.volume,
                          *[metric_value(r, k) for k in METRICS[1:]], r.complaints]
                         for r in self._rows]


__all__ = ["BreakdownChart"]
