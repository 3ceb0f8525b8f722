"""KPI trend per day/week/month with its target line and control limits.

Points beyond the control limits are drawn red (a real change, not noise); points that
continue a run of eight on one side of the centre line are amber. Clicking a point lists
the tickets behind the KPI in that bucket.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import QComboBox, QWidget

from models.kpi.api import OPTIONAL_KPIS, ControlChart
from widgets.dashboard import kpi_labels
from widgets.dashboard.charts.base import AMBER, BLUE, GREEN, GREY, RED, ChartPanel
from widgets.dashboard.compute import DashboardRequest
from widgets.tickets.selection import TicketSelection


def bucket_label(chart: ControlChart, i: int) -> str:
    start = chart.starts[i]
    if chart.grain == "month":
        return start.strftime("%Y-%m")
    return start.strftime("%m-%d") if chart.grain == "day" else start.strftime("W%V")


class TrendChart(ChartPanel):
    """``options_changed`` when the user picks another KPI or grain."""

    options_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Trend with control limits"), parent)
        self.kpi = QComboBox()
        self.kpi.setAccessibleName(self.tr("Trend KPI"))
        self.set_available(frozenset())
        self.grain = QComboBox()
        self.grain.setAccessibleName(self.tr("Trend grain"))
        for key, text in (("auto", self.tr("Auto")), ("day", self.tr("Day")),
                          ("week", self.tr("Week")), ("month", self.tr("Month"))):
            self.grain.addItem(text, key)
        self.add_header_widget(self.kpi)
        self.add_header_widget(self.grain)
        self.kpi.currentIndexChanged.connect(lambda _i: self.options_changed.emit())
        self.grain.currentIndexChanged.connect(lambda _i: self.options_changed.emit())
        dash = Qt.PenStyle.DashLine
        self.ucl = self.plot.plot(pen=pg.mkPen(GREY, width=1, style=dash), stepMode=None)
        self.lcl = self.plot.plot(pen=pg.mkPen(GREY, width=1, style=dash))
        self.centre = self.plot.plot(pen=pg.mkPen(GREY, width=1))
        self.target = self.plot.plot(pen=pg.mkPen(GREEN, width=2, style=Qt.PenStyle.DotLine))
        self.line = self.plot.plot(pen=pg.mkPen(BLUE, width=2))
        self.points = pg.ScatterPlotItem(size=8, pen=pg.mkPen(None))
        self.plot.addItem(self.points)
        self.legend_label = self.plot.getPlotItem().titleLabel
        self._chart: ControlChart | None = None
        self._request: DashboardRequest | None = None
        self._scope = ""

    def set_available(self, available: frozenset[str]) -> None:
        """Offer the optional KPIs (``OPTIONAL_KPIS``) only when the data carries them
        (``available``); ``options_changed`` if the chosen one is no longer offered."""
        keys = [k for k in kpi_labels.TREND_KEYS if k not in OPTIONAL_KPIS or k in available]
        if keys == [self.kpi.itemData(i) for i in range(self.kpi.count())]:
            return
        current = self.kpi.currentData()
        with QSignalBlocker(self.kpi):
            self.kpi.clear()
            for key in keys:
                self.kpi.addItem(kpi_labels.title(key), key)
            self.kpi.setCurrentIndex(max(0, self.kpi.findData(current)))
        if current is not None and current not in keys:
            self.options_changed.emit()

    def show_chart(self, chart: ControlChart, request: DashboardRequest, scope: str) -> None:
        self._chart, self._request, self._scope = chart, request, scope
        n = len(chart.values)
        x = np.arange(n, dtype=np.float64)
        values = np.asarray(chart.values, dtype=np.float64)
        ok = ~np.isnan(values)
        self.line.setData(x[ok], values[ok])
        for curve, limit in ((self.ucl, chart.ucl), (self.lcl, chart.lcl)):
            limit = np.asarray(limit, dtype=np.float64)
            finite = np.isfinite(limit)  # NaN breaks the SVG export: give finite points only
            curve.setData(x[finite], limit[finite])
        if chart.centre is not None and n:
            self.centre.setData(np.array([-0.5, n - 0.5]), np.array([chart.centre] * 2))
        else:
            self.centre.setData([], [])
        if chart.target is not None and n:
            self.target.setData(np.array([-0.5, n - 0.5]), np.array([chart.target] * 2))
        else:
            self.target.setData([], [])
        beyond = np.asarray(chart.beyond_limits, dtype=bool)
        run = np.asarray(chart.run_of_8, dtype=bool) & ~beyond
        brushes = np.where(beyond, pg.mkBrush(RED), np.where(run, pg.mkBrush(AMBER),
                                                               pg.mkBrush(BLUE)))
        sizes = np.where(beyond | run, 11, 7)
        self.points.setData(x=x[ok], y=values[ok], brush=list(brushes[ok]), size=sizes[ok])
        fits = max(2, int(self.plot.width() / 64))  # labels of ~60 px must not overlap
        step = max(1, -(-n // fits))
        ticks = [(float(i), bucket_label(chart, i)) for i in range(0, n, step)]
        self.plot.getAxis("bottom").setTicks([ticks])
        self.plot.getPlotItem().setLabel("left", kpi_labels.unit(chart.kpi_key))
        if n:
            self.plot.setXRange(-0.5, n - 0.5, padding=0.02)
        self.plot.enableAutoRange(axis="y")
        self.show_empty(not ok.any())

    @property
    def chart(self) -> ControlChart | None:
        return self._chart

    def hit(self, point: QPointF) -> int | None:
        chart = self._chart
        if chart is None or not len(chart.values):
            return None
        i = round(point.x())
        if not 0 <= i < len(chart.values) or np.isnan(chart.values[i]):
            return None
        y_span = np.diff(self.view_box.viewRange()[1])[0] or 1.0
        if abs(point.x() - i) > 0.4 or abs(point.y() - chart.values[i]) > 0.08 * y_span:
            return None
        return i

    def element_position(self, index: int) -> QPointF:
        assert self._chart is not None
        return QPointF(float(index), float(self._chart.values[index]))

    def tooltip(self, index: int) -> str:
        chart = self._chart
        assert chart is not None
        key = chart.kpi_key
        lines = [
            f"<b>{bucket_label(chart, index)}</b>",
            f"{kpi_labels.title(key)}: {kpi_labels.format_value(key, float(chart.values[index]))}",
            self.tr("n = %1").replace("%1", f"{int(chart.n[index]):,}"),
            self.tr("Limits: %1 – %2").replace(
                "%1", kpi_labels.format_value(key, float(chart.lcl[index]))).replace(
                "%2", kpi_labels.format_value(key, float(chart.ucl[index]))),
        ]
        if chart.beyond_limits[index]:
            lines.append(self.tr("Beyond the control limits"))
        elif chart.run_of_8[index]:
            lines.append(self.tr("Run of 8 on one side of the centre"))
        return "<br>".join(lines)

    def selection(self, index: int) -> TicketSelection | None:
        chart, req = self._chart, self._request
        if chart is None or req is None:
            return None
        selector, what = kpi_labels.drill(chart.kpi_key)
        filt = req.filt.with_period(
            max(chart.starts[index], req.filt.start) if req.filt.start else chart.starts[index],
            min(chart.ends[index], req.filt.end) if req.filt.end else chart.ends[index],
        )
        label = f"{kpi_labels.title(chart.kpi_key)} · {bucket_label(chart, index)} · {what}"
        return TicketSelection(label=label, filt=filt, selector=selector, as_of=req.as_of)

    def table(self) -> tuple[list[str], list[Sequence[Any]]]:
        chart = self._chart
        headers = [self.tr("Bucket start"), self.tr("Bucket end"), self.tr("Value"),
                   self.tr("n"), self.tr("Lower limit"), self.tr("Upper limit"),
                   self.tr("Beyond limits"), self.tr("Run of 8")]
        if chart is None:
            return headers, []
        rows = []
        for i in range(len(chart.values)):
            value = float(chart.values[i])
            rows.append([
                chart.starts[i], chart.ends[i], None if np.isnan(value) else value,
                int(chart.n[i]), _num(chart.lcl[i]), _num(chart.ucl[i]),
                bool(chart.beyond_limits[i]), bool(chart.run_of_8[i]),
            ])
        return headers, rows


def _num(value: Any) -> float | None:
    v = float(value)
    return None if np.isnan(v) else v


__all__ = ["TrendChart"]
