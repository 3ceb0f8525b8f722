"""The analysis tab: trend, radar, Pareto, site × section heatmap, inspector calibration.

Everything is computed in a worker (``context.runner``) from the plain query functions
of :mod:`models.checklists.analysis`; the widgets only draw the results.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.checklists import analysis
from models.checklists.queries import FilterChoices
from models.db import Database
from models.orm.checklists import Dimension
from models.progress import Progress
from widgets.common.context import PageContext
from widgets.inspections.charts import ParetoChart, RadarChart, TrendChart
from widgets.inspections.report_html import dimension_label


@dataclass(frozen=True)
class AnalysisResult:
    trend: list[analysis.TrendSeries]
    pareto: list[analysis.ParetoRow]
    dimensions: dict[Dimension, float | None]
    matrix: analysis.SectionMatrix | None
    calibration: list[analysis.CalibrationRow]


def compute(db: Database, site_id: int | None, template_code: str | None, window_days: float,
            threshold: float, progress: Progress) -> AnalysisResult:
    """All the analysis views for the chosen site/checklist (runs in a worker)."""
    progress.update(0, 5, "analysis")
    trend = analysis.score_trend(db, site_id=site_id, template_code=template_code)
    progress.check()
    pareto = analysis.failed_item_pareto(db, template_code=template_code, site_id=site_id)
    dims = analysis.dimension_scores(db, site_id=site_id, template_code=template_code)
    progress.check()
    matrix = analysis.section_matrix(db, template_code) if template_code else None
    calibration = analysis.inspector_calibration(db, window_days=window_days,
                                                 threshold=threshold)
    progress.update(5, 5, "analysis")
    return AnalysisResult(trend, pareto, dims, matrix, calibration)


def heat_colour(value: float) -> QColor:
    """Red (≤ 50) through amber to green (100) for a 0–100 score."""
    t = max(0.0, min(1.0, (value - 50) / 50))
    if t < 0.5:
        return QColor(230, int(90 + 2 * t * 140), 80)
    return QColor(int(230 - (t - 0.5) * 2 * 150), 200, 90)


class AnalysisView(QWidget):
    """Controls (checklist, site, calibration window) and the five views."""

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.template = QComboBox()
        self.template.setAccessibleName(self.tr("Checklist"))
        self.site = QComboBox()
        self.site.setAccessibleName(self.tr("Site"))
        self.window_days = QSpinBox()
        self.window_days.setRange(1, 365)
        self.window_days.setValue(30)
        self.window_days.setSuffix(self.tr(" days"))
        self.window_days.setAccessibleName(self.tr("Calibration window"))
        self.threshold = QDoubleSpinBox()
        self.threshold.setRange(0.5, 50)
        self.threshold.setValue(5)
        self.threshold.setSuffix(self.tr(" points"))
        self.threshold.setAccessibleName(self.tr("Lenient/strict threshold"))
        controls = QHBoxLayout()
        for label, widget in ((self.tr("Checklist"), self.template), (self.tr("Site"), self.site),
                              (self.tr("Calibration window"), self.window_days),
                              (self.tr("Flag beyond ±"), self.threshold)):
            controls.addWidget(QLabel(label))
            controls.addWidget(widget)
        controls.addStretch(1)
        self.trend = TrendChart(self.tr("Score trend per site (dashed: pass score)"))
        self.radar = RadarChart(self.tr("Service-quality dimensions (SERVQUAL)"))
        self.pareto = ParetoChart(self.tr("Pareto of failed items"))
        self.heatmap = QTableWidget()
        self.heatmap.setAccessibleName(self.tr("Site × section heatmap"))
        self.heatmap.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.heatmap.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.heatmap.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)
        self.calibration = QTableWidget(0, 4)
        self.calibration.setAccessibleName(self.tr("Inspector calibration"))
        self.calibration.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.calibration.setHorizontalHeaderLabels([
            self.tr("Inspector"), self.tr("Compared / all"), self.tr("Deviation (points)"),
            self.tr("Flag")])
        self.calibration.verticalHeader().hide()
        self.calibration.horizontalHeader().setStretchLastSection(True)
        grid = QGridLayout()
        grid.addWidget(self.trend, 0, 0, 1, 2)
        grid.addWidget(self.radar, 0, 2)
        grid.addWidget(self.pareto, 1, 0)
        grid.addWidget(self._box(self.tr("Site × section (mean score)"), self.heatmap), 1, 1)
        grid.addWidget(self._box(self.tr("Inspector calibration"), self.calibration), 1, 2)
        for column in range(3):
            grid.setColumnStretch(column, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addLayout(grid, 1)
        self.result: AnalysisResult | None = None
        self._chosen = False
        for combo in (self.template, self.site):
            combo.currentIndexChanged.connect(self.reload)
        self.window_days.valueChanged.connect(self.reload)
        self.threshold.valueChanged.connect(self.reload)

    @staticmethod
    def _box(title: str, widget: QWidget) -> QGroupBox:
        box = QGroupBox(title)
        QVBoxLayout(box).addWidget(widget)
        return box

    def set_choices(self, choices: FilterChoices) -> None:
        for combo, everything, entries in (
                (self.template, self.tr("All checklists"), [(n, c) for c, n in choices.templates]),
                (self.site, self.tr("All sites"), [(n, i) for i, n in choices.sites])):
            keep = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, None)
            for text, data in entries:
                combo.addItem(text, data)
            index = combo.findData(keep)
            if combo is self.template and not self._chosen and combo.count() > 1:
                index = 1  # the heatmap needs one checklist: start with the first
                self._chosen = True
            combo.setCurrentIndex(max(0, index))
            combo.blockSignals(False)

    def reload(self) -> None:
        db, site, code = self.context.db, self.site.currentData(), self.template.currentData()
        days, threshold = float(self.window_days.value()), float(self.threshold.value())
        self.context.runner.submit(
            lambda progress: compute(db, site, code, days, threshold, progress),
            on_result=self.show_result, on_error=self._on_error, key="inspections-analysis",
            owner=self)

    def _on_error(self, error: BaseException) -> None:
        self.context.bus.status_message.emit(self.tr("Analysis failed: %1").replace(
            "%1", str(error)))

    def show_result(self, result: AnalysisResult) -> None:
        self.result = result
        self.trend.set_series(result.trend)
        self.pareto.set_rows(result.pareto)
        dims = list(Dimension)
        self.radar.set_values([dimension_label(d) for d in dims],
                              [result.dimensions[d] for d in dims])
        self._show_matrix(result.matrix)
        self.calibration.setRowCount(len(result.calibration))
        flags = {"lenient": self.tr("lenient"), "strict": self.tr("strict"), "": ""}
        for r, row in enumerate(result.calibration):
            deviation = "—" if row.mean_deviation is None else f"{row.mean_deviation:+.1f}"
            cells = [row.inspector, f"{row.compared} / {row.inspections}", deviation,
                     flags[row.flag]]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if row.flag and c == 3:
                    item.setForeground(QColor("#c0392b"))
                self.calibration.setItem(r, c, item)
        self.calibration.resizeColumnsToContents()

    def _show_matrix(self, matrix: analysis.SectionMatrix | None) -> None:
        self.heatmap.clear()
        if matrix is None:
            self.heatmap.setRowCount(1)
            self.heatmap.setColumnCount(1)
            self.heatmap.setItem(0, 0, QTableWidgetItem(self.tr("Choose a checklist")))
            return
        # sections without any scored answer (e.g. only comments) are left out
        columns = [c for c in range(len(matrix.sections))
                   if not all(math.isnan(float(v)) for v in matrix.values[:, c])]
        self.heatmap.setRowCount(len(matrix.sites))
        self.heatmap.setColumnCount(len(columns))
        self.heatmap.setVerticalHeaderLabels(list(matrix.sites))
        self.heatmap.setHorizontalHeaderLabels(
            [matrix.sections[c].split("/")[0].strip() for c in columns])
        for r in range(len(matrix.sites)):
            for n, c in enumerate(columns):
                value = float(matrix.values[r, c])
                item = QTableWidgetItem("" if math.isnan(value) else f"{value:.0f}")
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if not math.isnan(value):
                    item.setBackground(heat_colour(value))
                item.setToolTip(matrix.sections[c])
                self.heatmap.setItem(r, n, item)

