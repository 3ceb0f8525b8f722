"""A vendor's page: service KPIs of its tickets, inspection scores of its sites, its
imported metrics and its past evaluations."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.scorecards.queries import list_evaluations
from models.scorecards.vendors import vendor_overview, vendor_ticket_kpis
from widgets.common.context import PageContext
from widgets.scorecards.shared_store import shared_store
from widgets.scorecards.texts import veto_text

KPI_ROWS = (
    ("volume",
     QT_TRANSLATE_NOOP("VendorOverviewWidget", "Tickets"), 0),
    ("response_sla_met_pct",
     QT_TRANSLATE_NOOP("VendorOverviewWidget", "Response SLA met %"), 1),
    ("resolution_sla_met_pct",
     QT_TRANSLATE_NOOP("VendorOverviewWidget", "Resolution SLA met %"), 1),
    ("frt_median_min",
     QT_TRANSLATE_NOOP("VendorOverviewWidget", "First response, median (min)"), 1),
    ("resolution_median_h",
     QT_TRANSLATE_NOOP("VendorOverviewWidget", "Resolution time, median (h)"), 1),
    ("resolution_rate_pct",
     QT_TRANSLATE_NOOP("VendorOverviewWidget", "Resolution rate %"), 1),
    ("csat_score",
     QT_TRANSLATE_NOOP("VendorOverviewWidget", "CSAT score"), 1),
    ("complaint_rate_pct",
     QT_TRANSLATE_NOOP("VendorOverviewWidget", "Complaint rate %"), 1),
)


METRICS = {
    "on_time_rate_pct": QT_TRANSLATE_NOOP("VendorOverviewWidget", "On-time %"),
    "contract_fulfilment_pct": QT_TRANSLATE_NOOP("VendorOverviewWidget", "Fulfilment %"),
    "breach_count": QT_TRANSLATE_NOOP("VendorOverviewWidget", "Breaches"),
    "defect_rate_pct": QT_TRANSLATE_NOOP("VendorOverviewWidget", "Defect rate %"),
    "price_index": QT_TRANSLATE_NOOP("VendorOverviewWidget", "Price index"),
}


def metric_label(name: str) -> str:
    """A translated column title for an imported metric (its name when unknown)."""
    if name in METRICS:
        return QCoreApplication.translate("VendorOverviewWidget", METRICS[name])
    return name


def _table(headers: list[str], name: str) -> QTableWidget:
    t = QTableWidget(0, len(headers))
    t.setHorizontalHeaderLabels(headers)
    t.setAccessibleName(name)
    t.verticalHeader().hide()
    t.verticalHeader().setDefaultSectionSize(24)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    t.horizontalHeader().setStretchLastSection(True)
    return t


def _fill(t: QTableWidget, rows: list[tuple[Any, ...]]) -> None:
    t.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            text = "" if v is None else f"{v:.1f}" if isinstance(v, float) else str(v)
            t.setItem(r, c, QTableWidgetItem(text))


class VendorOverviewWidget(QWidget):
    """``evaluation_activated(evaluation_id)`` when a past evaluation is double-clicked."""

    evaluation_activated = Signal(int)

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.vendor_id: int | None = None
        self.span = QComboBox()
        for days, text in ((90, self.tr("Last 90 days")), (365, self.tr("Last 12 months"))):
            self.span.addItem(text, days)
        self.span.setAccessibleName(self.tr("KPI period"))
        self.span.currentIndexChanged.connect(self._load_kpis)
        self.kpis = _table([self.tr("Service KPI"), self.tr("Value")], self.tr("Service KPIs"))
        self.kpi_note = QLabel()
        self.sites = _table([self.tr("Site"), self.tr("Name"), self.tr("Inspection average"),
                             self.tr("Inspections")], self.tr("Sites served"))
        self.metrics = _table([self.tr("Period")], self.tr("Imported metrics"))
        self.evaluations = _table([self.tr("Period"), self.tr("Template"), self.tr("Total"),
                                   self.tr("Grade"), self.tr("Rank"), self.tr("Veto"),
                                   self.tr("Status")], self.tr("Past evaluations"))
        self.evaluations.cellDoubleClicked.connect(self._on_evaluations_cell_double_clicked)
        self._evaluation_ids: list[int] = []
        kpi_box = QGroupBox(self.tr("Service KPIs from its tickets"))
        kl = QVBoxLayout(kpi_box)
        kl.addWidget(self.span)
        kl.addWidget(self.kpis)
        kl.addWidget(self.kpi_note)
        sites_box = QGroupBox(self.tr("Inspection scores of the sites it serves"))
        QVBoxLayout(sites_box).addWidget(self.sites)
        metrics_box = QGroupBox(self.tr("Imported metrics"))
        QVBoxLayout(metrics_box).addWidget(self.metrics)
        eval_box = QGroupBox(self.tr("Past evaluations"))
        QVBoxLayout(eval_box).addWidget(self.evaluations)
        top = QHBoxLayout()
        top.addWidget(kpi_box, 1)
        top.addWidget(sites_box, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 3)
        layout.addWidget(metrics_box, 2)
        layout.addWidget(eval_box, 2)

    def set_vendor(self, vendor_id: int | None) -> None:
        self.vendor_id = vendor_id
        if vendor_id is None:
            for t in (self.kpis, self.sites, self.metrics, self.evaluations):
                t.setRowCount(0)
            return
        ov = vendor_overview(self.context.db, vendor_id)
        _fill(self.sites, [(code, name, avg, n) for _, code, name, avg, n in ov.sites])
        self._fill_metrics(ov.metrics)
        evals = list_evaluations(self.context.db, vendor_id=vendor_id)
        self._evaluation_ids = [e.id for e in evals]
        _fill(self.evaluations, [
            (e.period_label, f"{e.template_code} r{e.revision}", e.total,
             e.grade or (self.tr("incomplete") if e.incomplete else ""), e.rank,
             veto_text(e.veto_reason), self.tr("Final") if e.final else self.tr("Draft"))
            for e in evals])
        self._load_kpis()

    def _fill_metrics(self, metrics: tuple[tuple[str, str, float, str | None], ...]) -> None:
        """Periods as rows (newest first), metrics as columns."""
        names = sorted({m for _, m, _, _ in metrics})
        periods = list(dict.fromkeys(p for p, _, _, _ in metrics))
        values = {(p, m): v for p, m, v, _ in metrics}
        self.metrics.setColumnCount(1 + len(names))
        self.metrics.setHorizontalHeaderLabels([self.tr("Period"),
                                                *[metric_label(n) for n in names]])
        _fill(self.metrics, [(p, *[values.get((p, n)) for n in names]) for p in periods])

    def _load_kpis(self, *_: object) -> None:
        vid = self.vendor_id
        if vid is None:
            return
        days = int(self.span.currentData())
        end = dt.datetime.now(dt.UTC)
        start = end - dt.timedelta(days=days)
        db = self.context.db
        self.kpi_note.setText(self.tr("Computing…"))
        store, policies, lock = shared_store(self.context)

        def work(_progress: object) -> dict[str, Any] | None:
            with lock:
                return vendor_ticket_kpis(db, vid, start, end, store, policies)

        self.context.runner.submit(work, on_result=self._on_kpis, on_error=self._on_kpi_error,
                                   key=f"vendors.kpis.{id(self)}", owner=self)

    def _on_kpis(self, result: dict[str, Any] | None) -> None:
        if result is None:
            self.kpi_note.setText(self.tr("The KPI engine is not available."))
            self.kpis.setRowCount(0)
            return
        self.kpi_note.setText("")
        _fill(self.kpis, [(self.tr(label), result.get(key)) for key, label, _ in KPI_ROWS])
        self.kpi_values = result

    def _on_kpi_error(self, error: BaseException) -> None:
        self.kpi_note.setText(self.tr("KPIs could not be computed: %1").replace("%1", str(error)))

    def _on_evaluations_cell_double_clicked(self, row: int, _col: int) -> None:
        self.evaluation_activated.emit(self._evaluation_ids[row])
