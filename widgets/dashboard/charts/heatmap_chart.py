"""Arrivals by local weekday (rows, Monday on top) and hour (columns), with a colour bar.

Clicking a cell lists the tickets created in that hour of that weekday.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt
import pyqtgraph as pg
from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QWidget

from models.kpi.api import Selector
from widgets.dashboard.charts.base import ChartPanel
from widgets.dashboard.compute import DashboardRequest
from widgets.tickets.selection import TicketSelection


class ArrivalsHeatmapChart(ChartPanel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Arrivals by weekday and hour"), parent)
        self.days = [self.tr("Mon"), self.tr("Tue"), self.tr("Wed"), self.tr("Thu"),
                     self.tr("Fri"), self.tr("Sat"), self.tr("Sun")]
        self.image = pg.ImageItem(axisOrder="row-major")
        self.plot.addItem(self.image)
        self.plot.showGrid(x=False, y=False)
        self.plot.getPlotItem().invertY(True)
        self.plot.getAxis("left").setTicks([[(i + 0.5, d) for i, d in enumerate(self.days)]])
        self.plot.getAxis("bottom").setTicks([[(h + 0.5, str(h)) for h in range(0, 24, 3)]])
        self.plot.setXRange(0, 24, padding=0)
        self.plot.setYRange(0, 7, padding=0)
        self.colour_bar = pg.ColorBarItem(values=(0, 1), colorMap=pg.colormap.get("viridis"),
                                          interactive=False, width=12)
        self.colour_bar.setImageItem(self.image, insert_in=self.plot.getPlotItem())
        self._cells: npt.NDArray[np.int64] = np.zeros((7, 24), dtype=np.int64)
        self._request: DashboardRequest | None = None
        self._scope = ""

    def show_cells(self, cells: npt.NDArray[np.int64], request: DashboardRequest,
                   scope: str) -> None:
        self._cells, self._request, self._scope = cells, request, scope
        top = float(cells.max()) if cells.size else 0.0
        self.image.setImage(cells.astype(np.float64), levels=(0.0, max(top, 1.0)))
        self.image.setRect(0, 0, 24, 7)
        self.colour_bar.setLevels((0.0, max(top, 1.0)))
        self.show_empty(top == 0)

    def hit(self, point: QPointF) -> int | None:
        hour, day = int(np.floor(point.x())), int(np.floor(point.y()))
        if 0 <= hour < 24 and 0 <= day < 7:
            return day * 24 + hour
        return None

    def element_position(self, index: int) -> QPointF:
        day, hour = divmod(index, 24)
        return QPointF(hour + 0.5, day + 0.5)

    def tooltip(self, index: int) -> str:
        day, hour = divmod(index, 24)
        return (f"<b>{self.days[day]} {hour:02d}:00–{hour:02d}:59</b><br>"
                + self.tr("%1 tickets").replace("%1", f"{int(self._cells[day, hour]):,}"))

    def selection(self, index: int) -> TicketSelection | None:
        req = self._request
        if req is None:
            return None
        day, hour = divmod(index, 24)
        label = f"{self.days[day]} {hour:02d}:00–{hour:02d}:59 · {self._scope}"
        return TicketSelection(label=label, filt=req.filt, as_of=req.as_of,
                               selector=Selector("all", weekday=day + 1, hour=hour, tz=req.tz))

    def table(self) -> tuple[list[str], list[Sequence[Any]]]:
        headers = [self.tr("Weekday"), *[f"{h:02d}" for h in range(24)]]
        return headers, [[self.days[d], *map(int, self._cells[d])] for d in range(7)]


__all__ = ["ArrivalsHeatmapChart"]
