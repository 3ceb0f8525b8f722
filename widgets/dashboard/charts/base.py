"""What every dashboard chart shares: a titled frame around a pyqtgraph plot, hover
tooltips with exact values, click-to-drill, and export of the picture (PNG/SVG) and of the
data behind it (xlsx/csv, formula-neutralised by :func:`models.export.write_table`).

A chart subclass fills the plot from numpy arrays with ``setData``/``setOpts`` in
:meth:`ChartPanel.show_data`, and implements :meth:`ChartPanel.hit` (which element lies
under a point in view coordinates), :meth:`ChartPanel.tooltip`, :meth:`ChartPanel.selection`
(the tickets behind an element) and :meth:`ChartPanel.table` (the data for export).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pyqtgraph as pg
import pyqtgraph.exporters as pg_exporters
from PySide6.QtCore import QEvent, QPointF, Qt, Signal
from PySide6.QtGui import QAction, QColor, QCursor, QPalette
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from models.export import write_table
from widgets.tickets.selection import TicketSelection

BLUE = QColor("#3b7dd8")
LIGHT_BLUE = QColor("#9cbfe9")
RED = QColor("#d64541")
GREEN = QColor("#2e9d5b")
AMBER = QColor("#e0a526")
GREY = QColor("#8c8c8c")


class ChartPanel(QFrame):
    """A titled chart. ``selection_requested(TicketSelection)`` when an element is clicked."""

    selection_requested = Signal(object)

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chartPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = title
        self.title_label = QLabel(f"<b>{title}</b>")
        self.header = QHBoxLayout()
        self.header.addWidget(self.title_label)
        self.header.addStretch(1)
        self.menu_button = QToolButton()
        self.menu_button.setText("⋯")
        self.menu_button.setAccessibleName(self.tr("Export %1").replace("%1", title))
        self.menu_button.setToolTip(self.tr("Export the chart or its data"))
        self.menu_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu_button.setMenu(self._export_menu())
        self.plot = pg.PlotWidget()
        self.plot.setAccessibleName(title)
        self.plot.setMinimumHeight(230)
        self.setFixedHeight(290)
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.showGrid(x=False, y=True, alpha=0.15)
        self.plot.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.plot.customContextMenuRequested.connect(
            lambda _pos: self._export_menu().exec(QCursor.pos())
        )
        self.empty_label = pg.TextItem(self.tr("No data for this filter"), color=GREY,
                                       anchor=(0.5, 0.5))
        self.plot.addItem(self.empty_label, ignoreBounds=True)
        self.empty_label.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addLayout(self.header)
        layout.addWidget(self.plot, 1)
        self.plot.scene().sigMouseMoved.connect(self._on_scene_mouse_moved)
        self.plot.scene().sigMouseClicked.connect(self._on_scene_mouse_clicked)
        self.header.addWidget(self.menu_button)
        self._apply_palette()

    def _apply_palette(self) -> None:
        """Plot background and axes in the window's colours (light or dark), whatever
        pyqtgraph's global options were when the plot was created."""
        palette = self.palette()
        self.plot.setBackground(palette.color(QPalette.ColorRole.Base))
        text = palette.color(QPalette.ColorRole.Text)
        for name in ("left", "bottom", "right", "top"):
            axis = self.plot.getAxis(name)
            axis.setPen(pg.mkPen(text))
            axis.setTextPen(pg.mkPen(text))
        self.plot.getPlotItem().titleLabel.setAttr("color", text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_palette()
        super().changeEvent(event)

    @property
    def view_box(self) -> pg.ViewBox:
        return self.plot.getPlotItem().getViewBox()

    def add_header_widget(self, widget: QWidget) -> None:
        """Put an option control (e.g. a combo box) in the title row, before the menu."""
        self.header.insertWidget(self.header.count() - 1, widget)

    # -- to implement ------------------------------------------------------------------
    def hit(self, point: QPointF) -> int | None:
        """The element under ``point`` (view coordinates), or None."""
        return None

    def tooltip(self, index: int) -> str:
        return ""

    def selection(self, index: int) -> TicketSelection | None:
        """The tickets behind element ``index`` (None when it has none to show)."""
        return None

    def table(self) -> tuple[list[str], list[Sequence[Any]]]:
        """Headers and rows of the data behind the chart, as shown."""
        return [], []

    def element_position(self, index: int) -> QPointF:
        """Centre of element ``index`` in view coordinates (tests click there)."""
        return QPointF()

    # -- empty state ---------------------------------------------------------------------
    def show_empty(self, empty: bool) -> None:
        """Show "no data" in the middle of the plot instead of an empty frame."""
        self.empty_label.setVisible(empty)
        if empty:
            x_range, y_range = self.view_box.viewRange()
            self.empty_label.setPos((x_range[0] + x_range[1]) / 2, (y_range[0] + y_range[1]) / 2)

    # -- interaction ---------------------------------------------------------------------
    def click_element(self, index: int) -> None:
        """Act as if element ``index`` was clicked."""
        chosen = self.selection(index)
        if chosen is not None:
            self.selection_requested.emit(chosen)

    def _scene_to_view(self, scene_pos: QPointF) -> QPointF | None:
        vb = self.view_box
        if not vb.sceneBoundingRect().contains(scene_pos):
            return None
        return vb.mapSceneToView(scene_pos)

    def _on_scene_mouse_moved(self, scene_pos: QPointF) -> None:
        point = self._scene_to_view(scene_pos)
        index = self.hit(point) if point is not None else None
        if index is None:
            QToolTip.hideText()
            self.plot.setCursor(Qt.CursorShape.ArrowCursor)
            return
        self.plot.setCursor(Qt.CursorShape.PointingHandCursor)
        QToolTip.showText(QCursor.pos(), self.tooltip(index), self.plot)

    def _on_scene_mouse_clicked(self, event: Any) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        point = self._scene_to_view(event.scenePos())
        index = self.hit(point) if point is not None else None
        if index is not None:
            event.accept()
            self.click_element(index)

    # -- export --------------------------------------------------------------------------
    def _export_menu(self) -> QMenu:
        menu = QMenu(self)
        for text, slot in (
            (self.tr("Save image as PNG…"), lambda: self._choose_and_export("png")),
            (self.tr("Save image as SVG…"), lambda: self._choose_and_export("svg")),
            (self.tr("Export data to Excel…"), lambda: self._choose_and_export("xlsx")),
            (self.tr("Export data to CSV…"), lambda: self._choose_and_export("csv")),
        ):
            action = QAction(text, menu)
            action.triggered.connect(slot)
            menu.addAction(action)
        return menu

    def _choose_and_export(self, suffix: str) -> None:
        filters = {"png": self.tr("PNG image (*.png)"), "svg": self.tr("SVG image (*.svg)"),
                   "xlsx": self.tr("Excel workbook (*.xlsx)"), "csv": self.tr("CSV (*.csv)")}
        path, _ = QFileDialog.getSaveFileName(self, self.title, f"{self.title}.{suffix}",
                                              filters[suffix])
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() != f".{suffix}":
            target = target.with_name(target.name + f".{suffix}")
        try:
            if suffix in ("png", "svg"):
                self.export_image(target)
            else:
                self.export_data(target)
        except (OSError, ValueError) as exc:
            QMessageBox.warning(self, self.title, str(exc))

    def export_image(self, path: Path) -> Path:
        """The chart as a PNG or SVG picture (by the suffix of ``path``)."""
        item = self.plot.getPlotItem()
        if path.suffix.lower() == ".svg":
            try:
                pg_exporters.SVGExporter(item).export(str(path))
            except ValueError:  # pyqtgraph cannot translate some paths: draw it with Qt
                self._export_svg_with_qt(path)
        elif path.suffix.lower() == ".png":
            exporter = pg_exporters.ImageExporter(item)
            exporter.parameters()["width"] = max(800, int(item.width()) * 2)
            exporter.export(str(path))
        else:
            raise ValueError(self.tr("Use .png or .svg for a picture."))
        return path

    def _export_svg_with_qt(self, path: Path) -> None:
        from PySide6.QtGui import QPainter
        from PySide6.QtSvg import QSvgGenerator

        generator = QSvgGenerator()
        generator.setFileName(str(path))
        generator.setSize(self.plot.size())
        generator.setViewBox(self.plot.rect())
        generator.setTitle(self.title)
        painter = QPainter(generator)
        self.plot.render(painter)
        painter.end()

    def export_data(self, path: Path) -> Path:
        """The data behind the chart as xlsx or csv (by the suffix of ``path``)."""
        headers, rows = self.table()
        return write_table(path, headers, rows, sheet=self.title)


def bar_brushes(colours: Sequence[QColor]) -> list[Any]:
    return [pg.mkBrush(c) for c in colours]


__all__ = ["AMBER", "BLUE", "GREEN", "GREY", "LIGHT_BLUE", "RED", "ChartPanel", "bar_brushes"]
