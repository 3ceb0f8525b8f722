"""Scorecard charts: a radar of criterion scores and a trend of totals with grades."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QPolygonF
from PySide6.QtWidgets import QGraphicsPolygonItem, QWidget

PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd")


class RadarChart(pg.PlotWidget):
    """Criterion scores (0–100) as closed polygons, one per vendor (up to five)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, background="w")
        self.setAspectLocked(True)
        self.hideAxis("left")
        self.hideAxis("bottom")
        self.setMouseEnabled(False, False)
        self.setMenuEnabled(False)
        self.legend = self.addLegend(offset=(5, 5))
        self.series: list[pg.PlotDataItem] = []
        self.setMinimumSize(200, 170)

    def set_data(self, labels: Sequence[str],
                 series: Sequence[tuple[str, Sequence[float | None]]]) -> None:
        """``labels`` of the spokes and ``(name, scores)`` per series; missing → 0."""
        self.clear()
        self.legend.clear()
        self.series = []
        n = len(labels)
        if n < 3:
            return
        angles = [math.pi / 2 - 2 * math.pi * i / n for i in range(n)]
        grid = pg.mkPen(QColor("#c8c8c8"), width=1)
        for level in (20, 40, 60, 80, 100):
            xs = [level * math.cos(a) for a in [*angles, angles[0]]]
            ys = [level * math.sin(a) for a in [*angles, angles[0]]]
            self.plot(xs, ys, pen=grid)
        for a, text in zip(angles, labels, strict=True):
            self.plot([0, 100 * math.cos(a)], [0, 100 * math.sin(a)], pen=grid)
            item = pg.TextItem(text.split(" / ")[0] if " / " in text else text,
                               color="#333333", anchor=(0.5, 0.5))
            item.setPos(118 * math.cos(a), 112 * math.sin(a))
            self.addItem(item)
        for k, (name, values) in enumerate(series):
            v = [0.0 if x is None else float(x) for x in values]
            xs = np.array([r * math.cos(a) for r, a in zip(v, angles, strict=True)])
            ys = np.array([r * math.sin(a) for r, a in zip(v, angles, strict=True)])
            color = QColor(PALETTE[k % len(PALETTE)])
            fill = QColor(color)
            fill.setAlpha(40)
            area = QGraphicsPolygonItem(QPolygonF([QPointF(x, y) for x, y in zip(xs, ys,
                                                                                  strict=True)]))
            area.setBrush(pg.mkBrush(fill))
            area.setPen(pg.mkPen(None))
            self.addItem(area)
            curve = self.plot(np.append(xs, xs[0]), np.append(ys, ys[0]),
                              pen=pg.mkPen(color, width=2), symbol="o", symbolSize=5,
                              symbolBrush=color, name=name)
            self.series.append(curve)
        self.setXRange(-135, 135, padding=0)
        self.setYRange(-125, 125, padding=0)


class TrendChart(pg.PlotWidget):
    """A vendor's total (0–100) per period with the grade written at each point."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, background="w")
        self.setYRange(0, 100)
        self.setMouseEnabled(False, False)
        self.setMenuEnabled(False)
        self.showGrid(y=True, alpha=0.3)
        self.curve = self.plot([], [], pen=pg.mkPen("#1f77b4", width=2), symbol="o")
        self.setMinimumSize(200, 110)

    def set_data(self, periods: Sequence[str], totals: Sequence[float | None],
                 grades: Sequence[str | None]) -> None:
        for item in list(self.plotItem.items):
            if isinstance(item, pg.TextItem):
                self.removeItem(item)
        x = np.arange(len(periods), dtype=float)
        y = np.array([np.nan if t is None else t for t in totals], dtype=float)
        self.curve.setData(x, y, connect="finite")
        self.getAxis("bottom").setTicks([list(enumerate(periods))])
        for xi, yi, g in zip(x, y, grades, strict=True):
            if g and not np.isnan(yi):
                t = pg.TextItem(g, color="#333333", anchor=(0.5, 1.2))
                t.setPos(xi, yi)
                self.addItem(t)
        self.setXRange(-0.5, max(len(periods) - 0.5, 0.5))
        self.setYRange(0, 110, padding=0)
