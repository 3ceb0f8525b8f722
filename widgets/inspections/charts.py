"""Charts of the analysis tab (pyqtgraph): score trend with pass line, Pareto of failed
items, SERVQUAL radar. Each takes plain arrays/values and exposes its items for tests."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QFont, QPolygonF
from PySide6.QtWidgets import QGraphicsPolygonItem, QWidget

from models.checklists.analysis import ParetoRow, TrendSeries

PALETTE = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
           "#7f7f7f", "#bcbd22", "#17becf")


class TrendChart(pg.PlotWidget):
    """One line per site (score 0–100 over visit time) and the dashed pass line."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent=parent, axisItems={"bottom": pg.DateAxisItem()})
        self.setBackground("w")
        self.setTitle(title, color="#333", size="11pt")
        self.showGrid(x=True, y=True, alpha=0.2)
        self.setMinimumHeight(260)
        self.setYRange(0, 100)
        self.legend = self.addLegend(offset=(10, -10), labelTextColor="#333")
        self.curves: list[pg.PlotDataItem] = []
        self.pass_line = pg.InfiniteLine(angle=0, pen=pg.mkPen("#c0392b", width=1.5,
                                                               style=Qt.PenStyle.DashLine))
        self.addItem(self.pass_line)

    def set_series(self, series: list[TrendSeries], max_lines: int = 8) -> None:
        for curve in self.curves:
            self.removeItem(curve)
        self.legend.clear()
        self.curves = []
        shown = sorted(series, key=lambda s: -len(s.scores))[:max_lines]
        for n, s in enumerate(sorted(shown, key=lambda s: s.site)):
            colour = PALETTE[n % len(PALETTE)]
            curve = self.plot(s.times, s.scores, pen=pg.mkPen(colour, width=2), symbol="o",
                              symbolSize=6, symbolBrush=colour, name=s.site)
            self.curves.append(curve)
        if series:
            self.pass_line.setValue(float(np.mean([s.pass_score for s in series])))
        self.setYRange(0, 100)


class ParetoChart(pg.PlotWidget):
    """Horizontal bars, most frequent failure on top, each labelled with its count and
    the cumulative share (%); the "vital few" reaching 80 % are drawn darker."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent=parent)
        self.setBackground("w")
        self.setTitle(title, color="#333", size="11pt")
        self.setMinimumHeight(260)
        self.setMouseEnabled(False, False)
        self.bars = pg.BarGraphItem(x0=[], y=[], height=0.7, width=[], brush="#5b8db8")
        self.addItem(self.bars)
        self.labels: list[pg.TextItem] = []
        self.rows: list[ParetoRow] = []
        self.getAxis("left").setStyle(tickFont=QFont("Noto Sans CJK SC", 8))

    def set_rows(self, rows: list[ParetoRow], limit: int = 10) -> None:
        for label in self.labels:
            self.removeItem(label)
        self.labels = []
        self.rows = rows[:limit]
        count = len(self.rows)
        y = np.arange(count, 0, -1, dtype=float)  # first row on top
        vital = next((n for n, r in enumerate(self.rows) if r.cum_pct >= 80), count - 1)
        brushes = [pg.mkBrush("#2f5f8a" if n <= vital else "#9dbcd8") for n in range(count)]
        self.bars.setOpts(x0=np.zeros(count), y=y, height=0.7,
                          width=[r.count for r in self.rows], brushes=brushes)
        top = max([r.count for r in self.rows] or [1])
        for n, r in enumerate(self.rows):
            label = pg.TextItem(f"{r.count} · {r.cum_pct:.0f} %", color="#333",
                                anchor=(0, 0.5))
            label.setPos(r.count + top * 0.02, y[n])
            self.addItem(label)
            self.labels.append(label)
        self.getAxis("left").setTicks([[(float(y[n]), _short(r.text, 14))
                                        for n, r in enumerate(self.rows)]])
        self.setXRange(0, top * 1.35)
        self.setYRange(0.4, count + 0.6)


def _short(text: str, limit: int = 10) -> str:
    """The first language of a bilingual label, shortened for an axis."""
    first = text.split("/")[0].strip()
    return first if len(first) <= limit else first[:limit - 1] + "…"


class RadarChart(pg.PlotWidget):
    """SERVQUAL dimensions (0–100) on a pentagon; ``None`` values are drawn at 0."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent=parent)
        self.setBackground("w")
        self.setTitle(title, color="#333", size="11pt")
        self.setMinimumHeight(260)
        self.setAspectLocked(True)
        self.hideAxis("left")
        self.hideAxis("bottom")
        self.setMouseEnabled(False, False)
        self.shape = pg.PlotDataItem(pen=pg.mkPen("#1f77b4", width=2))
        self.addItem(self.shape)
        self.area = QGraphicsPolygonItem()
        self.area.setBrush(QColor(31, 119, 180, 60))
        self.area.setPen(pg.mkPen(None))
        self.addItem(self.area)
        self.labels: list[pg.TextItem] = []
        self.values: list[float | None] = []

    @staticmethod
    def _point(n: int, count: int, radius: float) -> tuple[float, float]:
        angle = math.pi / 2 - 2 * math.pi * n / count
        return radius * math.cos(angle), radius * math.sin(angle)

    def set_values(self, names: list[str], values: list[float | None]) -> None:
        for item in list(self.getPlotItem().items):
            if item is not self.shape and item is not self.area:
                self.removeItem(item)
        self.labels = []
        self.values = list(values)
        count = len(names)
        for ring in (25, 50, 75, 100):
            xs, ys = zip(*(self._point(n, count, ring) for n in range(count + 1)), strict=True)
            self.addItem(pg.PlotDataItem(xs, ys, pen=pg.mkPen("#cccccc")))
        for n, name in enumerate(names):
            x, y = self._point(n, count, 100)
            self.addItem(pg.PlotDataItem([0, x], [0, y], pen=pg.mkPen("#dddddd")))
            value = values[n]
            label = pg.TextItem(f"{name}\n{'—' if value is None else f'{value:.0f}'}",
                                color="#333", anchor=(0.5, 0.5))
            lx, ly = self._point(n, count, 122)
            label.setPos(lx, ly)
            self.addItem(label)
            self.labels.append(label)
        pts = [self._point(n, count, values[n] or 0) for n in range(count)]
        pts.append(pts[0])
        xs, ys = zip(*pts, strict=True)
        self.shape.setData(xs, ys)
        self.area.setPolygon(QPolygonF([QPointF(x, y) for x, y in pts]))
        self.setXRange(-150, 150)
        self.setYRange(-140, 140)
