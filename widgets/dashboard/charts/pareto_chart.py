"""Pareto of complaint categories: share per category (bars, left axis in %), the
cumulative share (line) and the 80 % line; the "vital few" bars are highlighted.

Bars and line share one 0–100 % axis, so no second axis can drift; the tooltip carries
the exact counts. Clicking a bar lists that category's complaints.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QWidget

from models.kpi.api import ParetoRow, Selector
from widgets.dashboard.charts.base import GREY, LIGHT_BLUE, RED, ChartPanel
from widgets.dashboard.compute import DashboardRequest
from widgets.tickets.selection import TicketSelection

MAX_BARS = 15
WIDTH = 0.7


def short(text: str, limit: int = 10) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


class ParetoChart(ChartPanel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Pareto of complaint categories"), parent)
        self.bars = pg.BarGraphItem(x=[], height=[], width=WIDTH)
        self.plot.addItem(self.bars)
        self.cumulative = self.plot.plot(pen=pg.mkPen(RED, width=2), symbol="o", symbolSize=5,
                                         symbolBrush=RED, symbolPen=None)
        self.eighty = pg.InfiniteLine(pos=80, angle=0, pen=pg.mkPen(
            GREY, width=1, style=Qt.PenStyle.DashLine), label="80 %",
            labelOpts={"position": 0.97, "color": GREY, "anchors": [(1, 1), (1, 1)]})
        self.plot.addItem(self.eighty)
        self.plot.getAxis("bottom").setStyle(hideOverlappingLabels=False)  # keep the first
        self.plot.setYRange(0, 105, padding=0)
        self.plot.getAxis("left").setTicks([[(v, str(v)) for v in range(0, 101, 20)]])
        self.plot.getPlotItem().setLabel("left", self.tr("% of complaints"))
        self._rows: tuple[ParetoRow, ...] = ()
        self._request: DashboardRequest | None = None
        self._scope = ""

    def category_text(self, row: ParetoRow) -> str:
        return row.category if row.category else self.tr("(no category)")

    def show_rows(self, rows: tuple[ParetoRow, ...], request: DashboardRequest,
                  scope: str) -> None:
        self._rows, self._request, self._scope = rows[:MAX_BARS], request, scope
        shown = self._rows
        x = np.arange(len(shown), dtype=np.float64)
        pct = np.array([r.pct for r in shown], dtype=np.float64)
        cum = np.array([r.cum_pct for r in shown], dtype=np.float64)
        brushes = [pg.mkBrush(RED.darker(110) if r.vital else LIGHT_BLUE) for r in shown]
        self.bars.setOpts(x=x, height=pct, width=WIDTH, brushes=brushes or None,
                          pens=None, pen=pg.mkPen(None))
        self.cumulative.setData(x, cum)
        fits = max(2, int(self.plot.width() / 62))  # labels of ~60 px must not overlap
        step = max(1, -(-len(shown) // fits))
        self.plot.getAxis("bottom").setTicks([[
            (float(i), short(self.category_text(r).split(" / ")[0], 6))
            for i, r in enumerate(shown) if i % step == 0]])
        self.plot.setXRange(-0.6, max(len(shown), 1) - 0.4, padding=0)
        self.show_empty(not shown)

    def hit(self, point: QPointF) -> int | None:
        i = round(point.x())
        if not 0 <= i < len(self._rows) or abs(point.x() - i) > WIDTH / 2:
            return None
        top = max(self._rows[i].pct, self._rows[i].cum_pct)
        return i if 0 <= point.y() <= top + 3 else None

    def element_position(self, index: int) -> QPointF:
        return QPointF(float(index), self._rows[index].pct / 2)

    def tooltip(self, index: int) -> str:
        r = self._rows[index]
        text = (f"<b>{self.category_text(r)}</b><br>"
                + self.tr("%1 complaints (%2 %)").replace("%1", f"{r.count:,}")
                .replace("%2", f"{r.pct:.1f}") + "<br>"
                + self.tr("Cumulative: %1 %").replace("%1", f"{r.cum_pct:.1f}"))
        return text + ("<br>" + self.tr("Vital few") if r.vital else "")

    def selection(self, index: int) -> TicketSelection | None:
        req = self._request
        if req is None:
            return None
        r = self._rows[index]
        label = f"{self.tr('Complaints')} · {self.category_text(r)} · {self._scope}"
        return TicketSelection(label=label, filt=req.filt, as_of=req.as_of,
                               selector=Selector("complaints", category=r.category or ""))

    def table(self) -> tuple[list[str], list[Sequence[Any]]]:
        headers = [self.tr("Category"), self.tr("Complaints"), self.tr("Share %"),
                   self.tr("Cumulative %"), self.tr("Vital few")]
        return headers, [[self.category_text(r), r.count, r.pct, r.cum_pct, r.vital]
                         for r in self._rows]


__all__ = ["ParetoChart"]
