"""Charts of the analysis tab (pyqtgraph): score trend with pass line, Pareto of failed
items, SERVQUAL radar. Each takes plain arrays/values and exposes its items for tests."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QWidget

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
        self.legend = self.addLegend(offset=(-10, 10), labelTextColor="#333")
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
    """Bars: how often each item failed; line: cumulative % on the right axis."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent=parent)
        self.setBackground("w")
        self.setTitle(title, color="#333", size="11pt")
        self.setMinimumHeight(260)
        self.bars = pg.BarGraphItem(x=[], height=[], width=0.7, brush="#5b8db8")
        self.addItem(self.bars)
        self.right = pg.ViewBox()
        self.showAxis("right")
        self.scene().addItem(self.right)
        self.getAxis("right").linkToView(self.right)
        self.right.setXLink(self)
        self.right.setYRange(0, 105)
        self.cum = pg.PlotDataItem(pen=pg.mkPen("#d62728", width=2), symbol="o", symbolSize=5,
                                   symbolBrush="#d62728")
        self.right.addItem(self.cum)
        self.getViewBox().sigResized.connect(self._sync)
        self.rows: list[ParetoRow] = []

    def _sync(self) -> None:
        self.right.setGeometry(self.getViewBox().sceneBoundingRect())

    def set_rows(self, rows: list[ParetoRow], limit: int = 10) -> None:
        self.rows = rows[:limit]
        x = np.arange(len(self.rows), dtype=float)
        self.bars.setOpts(x=x, height=[r.count for r in self.rows], width=0.7)
        self.cum.setData(x, [r.cum_pct for r in self.rows])
        labels = [(float(i), _short(r.text)) for i, r in enumerate(self.rows)]
        axis = self.getAxis("bottom")
        axis.setTicks([labels])
        axis.setStyle(tickFont=QFont("Noto Sans CJK SC", 7))
        self.setXRange(-0.6, max(0.6, len(self.rows) - 0.4))
        self.setYRange(0, max([r.count for r in self.rows] or [1]) * 1.1)
        self._sync()


def _short(text: str, limit: int = 10) -> str:
    """The first language of a bilingual label, shortened for an axis."""
    first = text.split(" / ")[0]
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
        self.shape = pg.PlotDataItem(pen=pg.mkPen("#1f77b4", width=2),
                                     fillLevel=None, brush=QColor(31, 119, 180, 60))
        self.addItem(self.shape)
        self.labels: list[pg.TextItem] = []
        self.values: list[float | None] = []

    @staticmethod
    def _point(n: int, count: int, radius: float) -> tuple[float, float]:
        angle = math.pi / 2 - 2 * math.pi * n / count
        return radius * math.cos(angle), radius * math.sin(angle)

    def set_values(self, names: list[str], values: list[float | None]) -> None:
        for item in list(self.getPlotItem().items):
            if item is not self.shape:
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
        self.shape.setFillLevel(None)
        self.shape.setBrush(QColor(31, 119, 180, 60))
        self.setXRange(-150, 150)
        self.setYRange(-140, 140)
