"""The report's charts drawn with QPainter on QImage (no widgets, so they can be drawn
in a worker thread and in the command line without a window system).

Sizes are logical pixels (1/96 inch); images are drawn at ``SCALE`` times that for print.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPainterPath, QPen

from models.kpi.api import ControlChart, ParetoRow

SCALE = 3
VITAL = QColor("#1f4e79")
TRIVIAL = QColor("#9db4cc")
LINE = QColor("#2f6fb0")
LIMIT = QColor("#7a7a7a")
TARGET = QColor("#2e9d5b")
FLAG = QColor("#d64541")
GRID = QColor("#e3e3e3")
TEXT = QColor("#222222")


def _canvas(width: int, height: int) -> tuple[QImage, QPainter]:
    image = QImage(width * SCALE, height * SCALE, QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(SCALE)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    return image, painter


def pareto_image(
    rows: Sequence[ParetoRow], font: QFont, no_category: str, width: int = 680
) -> QImage:
    """Horizontal Pareto bars (longest first), vital few dark, with count and cumulative
    share at each bar's end. ``font`` must cover the category names (Chinese)."""
    shown = list(rows[:15])
    row_h = 22
    height = max(1, len(shown)) * row_h + 12
    image, p = _canvas(width, height)
    f = QFont(font)
    f.setPointSizeF(8)
    p.setFont(f)
    fm = QFontMetricsF(f)
    label_w = min(width * 0.42, max((fm.horizontalAdvance(r.category or no_category)
                                     for r in shown), default=0) + 8)
    bar_x = label_w + 4
    bar_w = width - bar_x - 110
    top = max((r.count for r in shown), default=1) or 1
    for i, r in enumerate(shown):
        y = 6 + i * row_h
        label = fm.elidedText(r.category or no_category, Qt.TextElideMode.ElideRight, label_w - 4)
        p.setPen(TEXT)
        p.drawText(QRectF(0, y, label_w - 4, row_h), Qt.AlignmentFlag.AlignRight
                   | Qt.AlignmentFlag.AlignVCenter, label)
        w = bar_w * r.count / top
        p.fillRect(QRectF(bar_x, y + 3, max(w, 1.0), row_h - 6), VITAL if r.vital else TRIVIAL)
        p.drawText(QRectF(bar_x + w + 6, y, 110, row_h), Qt.AlignmentFlag.AlignVCenter,
                   f"{r.count}  ({r.cum_pct:.0f} %)")
    p.end()
    return image


def _nice_range(lo: float, hi: float) -> tuple[float, float, float]:
    """Axis bounds and step with round numbers (about five steps)."""
    if not math.isfinite(lo) or not math.isfinite(hi):
        lo, hi = 0.0, 1.0
    if hi - lo < 1e-9:
        lo, hi = lo - 1, hi + 1
    raw = (hi - lo) / 5
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    return math.floor(lo / step) * step, math.ceil(hi / step) * step, step


def control_chart_image(
    chart: ControlChart,
    title: str,
    font: QFont,
    percent: bool,
    width: int = 680,
    height: int = 230,
) -> QImage:
    """The KPI per bucket as a line with its centre (dashed), control limits (grey),
    target (green) and points outside the limits in red. Empty buckets leave gaps."""
    image, p = _canvas(width, height)
    f = QFont(font)
    f.setPointSizeF(8)
    p.setFont(f)
    fm = QFontMetricsF(f)
    values = np.asarray(chart.values, dtype=float)
    n = len(values)
    series = [values, np.asarray(chart.ucl, float), np.asarray(chart.lcl, float)]
    finite = np.concatenate([s[np.isfinite(s)] for s in series] + [np.array(
        [x for x in (chart.centre, chart.target) if x is not None], float)])
    lo, hi = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
    if percent:
        lo, hi = max(0.0, lo), min(100.0, hi)
    lo, hi, step = _nice_range(lo, hi)
    unit = " %" if percent else ""
    left = max(fm.horizontalAdvance(f"{v:g}{unit}") for v in (lo, hi)) + 10
    plot = QRectF(left, 24, width - left - 12, height - 24 - 22)
    bold = QFont(f)
    bold.setBold(True)
    p.setFont(bold)
    p.setPen(TEXT)
    p.drawText(QRectF(0, 0, width, 20), Qt.AlignmentFlag.AlignLeft
               | Qt.AlignmentFlag.AlignVCenter, title)
    p.setFont(f)

    def x_at(i: float) -> float:
        return plot.left() + (i + 0.5) * plot.width() / max(n, 1)

    def y_at(v: float) -> float:
        return plot.bottom() - (v - lo) / (hi - lo) * plot.height()

    v = lo
    while v <= hi + step / 2:
        y = y_at(v)
        p.setPen(QPen(GRID, 1))
        p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        p.setPen(TEXT)
        p.drawText(QRectF(0, y - 8, left - 6, 16), Qt.AlignmentFlag.AlignRight
                   | Qt.AlignmentFlag.AlignVCenter, f"{v:g}{unit}")
        v += step
    label_every = max(1, math.ceil(n / max(1, plot.width() // 48)))
    date_format = "%Y-%m" if chart.grain == "month" else "%m-%d"
    for i, start in enumerate(chart.starts):
        if i % label_every == 0:
            p.drawText(QRectF(x_at(i) - 24, plot.bottom() + 3, 48, 16),
                       Qt.AlignmentFlag.AlignHCenter, start.strftime(date_format))

    def polyline(ys: np.ndarray, pen: QPen, steps: bool = False) -> None:
        path, pen_down = QPainterPath(), False
        for i, yv in enumerate(ys):
            if not math.isfinite(float(yv)):
                pen_down = False
                continue
            y = y_at(min(max(float(yv), lo), hi))
            xs = (x_at(i - 0.5), x_at(i + 0.5)) if steps else (x_at(i),)
            for x in xs:
                if pen_down:
                    path.lineTo(x, y)
                else:
                    path.moveTo(x, y)
                    pen_down = True
        p.strokePath(path, pen)

    polyline(series[1], QPen(LIMIT, 1.6), steps=True)
    polyline(series[2], QPen(LIMIT, 1.6), steps=True)
    if chart.centre is not None:
        polyline(np.full(n, chart.centre), QPen(LIMIT, 1, Qt.PenStyle.DashLine))
    if chart.target is not None:
        polyline(np.full(n, chart.target), QPen(TARGET, 1.5, Qt.PenStyle.DashLine))
    polyline(values, QPen(LINE, 2))
    for i, yv in enumerate(values):
        if math.isfinite(float(yv)):
            flagged = bool(chart.beyond_limits[i])
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(FLAG if flagged else LINE)
            r = 4.0 if flagged else 2.5
            p.drawEllipse(QPointF(x_at(i), y_at(min(max(float(yv), lo), hi))), r, r)
    p.end()
    return image
