"""Distribution of first-response times (histogram, minutes), with the median marked.

Each bar lists exactly its tickets when clicked; the last bar also holds the slowest 1 %.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QWidget

from widgets.dashboard.charts.base import BLUE, RED, ChartPanel
from widgets.dashboard.compute import Histogram
from widgets.tickets.selection import TicketSelection


class FrtHistogramChart(ChartPanel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("First-response time distribution"), parent)
        self.bars = pg.BarGraphItem(x0=[], x1=[], height=[], brush=BLUE,
                                    pen=pg.mkPen("#ffffff", width=0.5))
        self.plot.addItem(self.bars)
        self.median = pg.InfiniteLine(angle=90, pen=pg.mkPen(RED, width=2,
                                                             style=Qt.PenStyle.DashLine))
        self.plot.addItem(self.median, ignoreBounds=True)
        self.plot.getPlotItem().setLabel("bottom", self.tr("minutes"))
        self.plot.getPlotItem().setLabel("left", self.tr("tickets"))
        self._hist: Histogram | None = None
        self._scope = ""

    def show_histogram(self, hist: Histogram, median: float | None, scope: str) -> None:
        self._hist, self._scope = hist, scope
        edges = hist.edges
        self.bars.setOpts(x0=edges[:-1], x1=edges[1:], height=hist.counts.astype(float))
        self.median.setVisible(median is not None)
        if median is not None:
            self.median.setValue(median)
        if hist.counts.size:
            self.plot.setXRange(0, float(edges[-1]), padding=0.02)
            self.plot.setYRange(0, float(hist.counts.max()) * 1.08 or 1.0, padding=0)
        self.show_empty(hist.counts.size == 0)

    def hit(self, point: QPointF) -> int | None:
        hist = self._hist
        if hist is None or hist.counts.size == 0:
            return None
        i = int(np.searchsorted(hist.edges, point.x(), "right")) - 1
        if not 0 <= i < hist.counts.size or hist.counts[i] == 0:
            return None
        top = max(float(hist.counts[i]), float(hist.counts.max()) * 0.04)
        return i if 0 <= point.y() <= top else None

    def element_position(self, index: int) -> QPointF:
        assert self._hist is not None
        e = self._hist.edges
        return QPointF(float(e[index] + e[index + 1]) / 2, float(self._hist.counts[index]) / 2)

    def _range_text(self, index: int) -> str:
        assert self._hist is not None
        e, last = self._hist.edges, index == self._hist.counts.size - 1
        lo = f"{e[index]:g}"
        return (f"≥ {lo}" if last else f"{lo} – {e[index + 1]:g}") + " " + self.tr("min")

    def tooltip(self, index: int) -> str:
        assert self._hist is not None
        total = int(self._hist.counts.sum()) or 1
        count = int(self._hist.counts[index])
        return (f"<b>{self._range_text(index)}</b><br>"
                + self.tr("%1 tickets (%2 %)").replace("%1", f"{count:,}")
                .replace("%2", f"{100.0 * count / total:.1f}"))

    def selection(self, index: int) -> TicketSelection | None:
        if self._hist is None:
            return None
        label = f"{self.tr('First response')} {self._range_text(index)} · {self._scope}"
        return TicketSelection.of_ids(label, self._hist.ids_in(index))

    def table(self) -> tuple[list[str], list[Sequence[Any]]]:
        headers = [self.tr("From (min)"), self.tr("To (min)"), self.tr("Tickets")]
        hist = self._hist
        if hist is None:
            return headers, []
        rows: list[Sequence[Any]] = [
            [float(hist.edges[i]), None if i == hist.counts.size - 1 else float(hist.edges[i + 1]),
             int(hist.counts[i])] for i in range(hist.counts.size)]
        return headers, rows


__all__ = ["FrtHistogramChart"]
