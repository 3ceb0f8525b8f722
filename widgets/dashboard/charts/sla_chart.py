"""SLA met % by priority: response and resolution side by side, target lines in green.

A bar on fewer than 30 measured tickets is drawn pale and labelled "thin"; clicking a bar
lists the breached tickets of that priority and target.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QLabel, QWidget

from models.kpi.api import PRIORITIES, KpiResult, Rate
from widgets.dashboard import kpi_labels
from widgets.dashboard.charts.base import AMBER, BLUE, ChartPanel
from widgets.dashboard.compute import DashboardRequest
from widgets.tickets.selection import TicketSelection

WIDTH = 0.36
MEASURES = ("response_sla", "resolution_sla")


class SlaByPriorityChart(ChartPanel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("SLA met % by priority"), parent)
        self.bars = pg.BarGraphItem(x=[], height=[], width=WIDTH)
        self.plot.addItem(self.bars)
        self.plot.getAxis("bottom").setTicks([[(float(i), p) for i, p in enumerate(PRIORITIES)]])
        self.plot.setYRange(0, 108, padding=0)  # headroom for the value labels
        self.plot.getAxis("left").setTicks([[(v, str(v)) for v in range(0, 101, 20)]])
        self.plot.setXRange(-0.6, len(PRIORITIES) - 0.4, padding=0)
        self.plot.getPlotItem().setLabel("left", "%")
        response, resolution = self.tr("Response"), self.tr("Resolution")
        legend = QLabel(f"<span style='color:{BLUE.name()}'>■</span> {response}"
                        f"&nbsp;&nbsp;<span style='color:{AMBER.name()}'>■</span> {resolution}")
        self.add_header_widget(legend)
        self.labels: list[pg.TextItem] = []
        self._rates: list[Rate] = []
        self._request: DashboardRequest | None = None
        self._scope = ""

    def show_kpis(self, kpis: KpiResult, request: DashboardRequest, scope: str) -> None:
        self._request, self._scope = request, scope
        self._rates = []
        for p in PRIORITIES:
            pk = kpis.by_priority.get(p)
            for m in MEASURES:
                counts = getattr(pk, m) if pk is not None else None
                self._rates.append(counts.rate if counts is not None else
                                   Rate(0, 0, None, None, None, True))
        x = self._x()
        heights = np.array([r.pct if r.pct is not None else 0.0 for r in self._rates])
        brushes = []
        for i, r in enumerate(self._rates):
            colour = pg.mkColor(BLUE if i % 2 == 0 else AMBER)
            if r.thin:
                colour.setAlpha(90)
            brushes.append(pg.mkBrush(colour))
        self.bars.setOpts(x=x, height=heights, width=WIDTH, brushes=brushes or None,
                          pens=None, pen=pg.mkPen(None))
        for label in self.labels:
            self.plot.removeItem(label)
        self.labels = []
        for xi, r in zip(x, self._rates, strict=True):
            if r.pct is None:
                continue
            text = f"{r.pct:.0f}" + (" " + self.tr("thin") if r.thin else "")
            label = pg.TextItem(text, anchor=(0.5, 1.0), color=pg.mkColor("#555"))
            label.setPos(float(xi), min(r.pct, 100.0))
            self.plot.addItem(label)
            self.labels.append(label)
        self.show_empty(all(r.denominator == 0 for r in self._rates))

    def _x(self) -> np.ndarray:
        return np.array([i + (-0.5 if k == 0 else 0.5) * (WIDTH + 0.02)
                         for i in range(len(PRIORITIES)) for k in range(2)])

    def hit(self, point: QPointF) -> int | None:
        if not self._rates:
            return None
        x = self._x()
        i = int(np.argmin(np.abs(x - point.x())))
        rate = self._rates[i]
        if abs(x[i] - point.x()) > WIDTH / 2 or rate.denominator == 0:
            return None
        if point.y() < 0 or point.y() > max(rate.pct or 0.0, 8.0):
            return None
        return i

    def element_position(self, index: int) -> QPointF:
        rate = self._rates[index]
        return QPointF(float(self._x()[index]), max(rate.pct or 0.0, 4.0) / 2)

    def _names(self, index: int) -> tuple[str, str]:
        priority = PRIORITIES[index // 2]
        key = "response_sla_met_pct" if index % 2 == 0 else "resolution_sla_met_pct"
        return priority, key

    def tooltip(self, index: int) -> str:
        priority, key = self._names(index)
        r = self._rates[index]
        lines = [f"<b>{priority} · {kpi_labels.title(key)}</b>",
                 kpi_labels.format_value(key, r.pct),
                 self.tr("%1 met of %2 measured").replace("%1", f"{r.numerator:,}")
                 .replace("%2", f"{r.denominator:,}")]
        if r.wilson_low is not None and r.wilson_high is not None:
            lines.append(self.tr("95 % interval: %1 – %2").replace(
                "%1", f"{r.wilson_low:.1f}").replace("%2", f"{r.wilson_high:.1f}"))
        if r.thin:
            lines.append(self.tr("Thin sample (fewer than 30 tickets)"))
        return "<br>".join(lines)

    def selection(self, index: int) -> TicketSelection | None:
        req = self._request
        if req is None:
            return None
        priority, key = self._names(index)
        selector, what = kpi_labels.drill(key)
        selector = replace(selector, priority=priority)
        label = f"{priority} · {kpi_labels.title(key)} · {what} · {self._scope}"
        return TicketSelection(label=label, filt=req.filt, selector=selector, as_of=req.as_of)

    def table(self) -> tuple[list[str], list[Sequence[Any]]]:
        headers = [self.tr("Priority"), self.tr("Target"), self.tr("Met"), self.tr("Measured"),
                   self.tr("Met %"), self.tr("Wilson low"), self.tr("Wilson high"),
                   self.tr("Thin")]
        rows = []
        for i, r in enumerate(self._rates):
            priority, key = self._names(i)
            rows.append([priority, kpi_labels.title(key), r.numerator, r.denominator, r.pct,
                         r.wilson_low, r.wilson_high, r.thin])
        return headers, rows


__all__ = ["SlaByPriorityChart"]
