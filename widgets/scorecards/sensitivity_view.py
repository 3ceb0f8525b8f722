"""How the ranking moves when one weight changes by ±5 and ±10 points."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from models.scorecards.queries import EvaluationDetail
from models.scorecards.sensitivity import (
    DELTAS,
    VendorScores,
    ranking,
    scenarios,
    smallest_tipping,
)
from widgets.scorecards.scorecard_view import read_only_item

CHANGED = QColor("#fff3cd")


class SensitivityWidget(QWidget):
    """Per service category: one row per criterion, one column per weight change, each
    cell the resulting order of the top three; a changed leader is highlighted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.details: list[EvaluationDetail] = []
        self.category = QComboBox()
        self.category.setAccessibleName(self.tr("Service category"))
        self.category.setMinimumContentsLength(24)
        self.category.currentIndexChanged.connect(self.refresh)
        self.baseline = QLabel()
        self.tipping = QLabel()
        self.tipping.setObjectName("tippingPoint")
        self.tipping.setWordWrap(True)
        self.table = QTableWidget()
        self.table.setAccessibleName(self.tr("Sensitivity"))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Service category")))
        top.addWidget(self.category)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.baseline)
        layout.addWidget(self.table)
        layout.addWidget(self.tipping)

    def set_details(self, details: Sequence[EvaluationDetail]) -> None:
        self.details = list(details)
        current = self.category.currentText()
        self.category.blockSignals(True)
        self.category.clear()
        self.category.addItem(self.tr("All vendors, one ranking"), None)
        for cat in sorted({d.evaluation.category for d in details}):
            self.category.addItem(cat, cat)
        if current:
            self.category.setCurrentIndex(max(0, self.category.findText(current)))
        self.category.blockSignals(False)
        self.refresh()

    def refresh(self, *_: object) -> None:
        chosen = self.category.currentData()
        group = [d for d in self.details if chosen is None or d.evaluation.category == chosen]
        self.table.clear()
        self.table.setRowCount(0)
        if not group:
            self.baseline.setText(self.tr("No evaluation to analyse."))
            self.tipping.clear()
            return
        crit = group[0].criteria
        weights = {c.criterion_id: c.weight for c in crit}
        names = {c.criterion_id: c.name for c in crit}
        vendors = [VendorScores(d.evaluation.vendor_code, d.evaluation.vendor_name,
                                {c.criterion_id: c.score for c in d.criteria
                                 if c.score is not None},
                                bool(d.evaluation.veto_reason), d.evaluation.incomplete)
                   for d in group]
        _, base = ranking(vendors, weights)
        order = sorted((k for k, r in base.items() if r), key=lambda k: base[k] or 0)
        self.baseline.setText(self.tr("Current order: %1").replace(
            "%1", " > ".join(str(k) for k in order) or "—"))
        self.table.setColumnCount(len(DELTAS))
        self.table.setRowCount(len(crit))
        self.table.setHorizontalHeaderLabels([f"{d:+g}" for d in DELTAS])
        self.table.setVerticalHeaderLabels([f"{names[c]} ({weights[c]:g})" for c in weights])
        cells = {(s.criterion_id, s.delta): s for s in scenarios(vendors, weights)}
        for r, cid in enumerate(weights):
            for col, delta in enumerate(DELTAS):
                s = cells[(cid, delta)]
                ranked = sorted((k for k, v in s.ranks.items() if v), key=lambda k: s.ranks[k])
                item = read_only_item(" > ".join(str(k) for k in ranked[:3]))
                if s.leader_changed:
                    item.setBackground(QBrush(CHANGED))
                    item.setToolTip(self.tr("First place changes"))
                self.table.setItem(r, col, item)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        tip = smallest_tipping(vendors, weights)
        if tip is None:
            self.tipping.setText(self.tr("No single weight change within 0–100 changes first "
                                         "place."))
        else:
            self.tipping.setText(
                self.tr("Smallest change that changes first place: %1 %2 points → %3 leads.")
                .replace("%1", names[tip.criterion_id]).replace("%2", f"{tip.delta:+.1f}")
                .replace("%3", str(tip.new_leader)))
