"""Side-by-side comparison of two to five vendors (e.g. bidders) with differences marked."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from models.scorecards.queries import EvaluationDetail, EvaluationRow
from widgets.scorecards.charts import RadarChart
from widgets.scorecards.scorecard_view import read_only_item
from widgets.scorecards.texts import number, veto_text

BEST, WORST = QColor("#d7f0dd"), QColor("#f8d7da")
MAX_COMPARED = 5
SPREAD_POINTS = 10.0
"""A row whose best and worst scores differ by at least this many points is bold."""


class ComparisonWidget(QWidget):
    """Check 2–5 evaluations on the left; criteria × vendors on the right. In each row the
    best score is green and the worst red; rows spreading ≥ 10 points are bold."""

    def __init__(self, load_detail: object, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._load = load_detail
        self.choices = QListWidget()
        self.choices.setAccessibleName(self.tr("Vendors to compare"))
        self.choices.itemChanged.connect(self._on_choices_item_changed)
        self.hint = QLabel(self.tr("Tick two to five vendors."))
        self.hint.setWordWrap(True)
        self.table = QTableWidget()
        self.table.setAccessibleName(self.tr("Comparison"))
        self.radar = RadarChart()
        left = QVBoxLayout()
        left.addWidget(self.choices)
        right = QVBoxLayout()
        right.addWidget(self.hint)
        right.addWidget(self.table, 3)
        right.addWidget(self.radar, 2)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 2)
        layout.addLayout(right, 5)

    def set_rows(self, rows: Sequence[EvaluationRow]) -> None:
        self.choices.blockSignals(True)
        checked = set(self.checked_ids())
        self.choices.clear()
        for r in rows:
            item = QListWidgetItem(f"{r.vendor_code}  {r.vendor_name}")
            item.setData(Qt.ItemDataRole.UserRole, r.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if r.id in checked
                               else Qt.CheckState.Unchecked)
            self.choices.addItem(item)
        self.choices.blockSignals(False)
        self.refresh()

    def checked_ids(self) -> list[int]:
        return [self.choices.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.choices.count())
                if self.choices.item(i).checkState() == Qt.CheckState.Checked]

    def set_checked(self, ids: Sequence[int]) -> None:
        self.choices.blockSignals(True)
        for i in range(self.choices.count()):
            item = self.choices.item(i)
            on = item.data(Qt.ItemDataRole.UserRole) in ids
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.choices.blockSignals(False)
        self.refresh()

    def _on_choices_item_changed(self, _item: QListWidgetItem) -> None:
        self.refresh()

    def refresh(self) -> None:
        ids = self.checked_ids()
        if not 2 <= len(ids) <= MAX_COMPARED:
            self.hint.setText(self.tr("Tick two to five vendors (%1 ticked).")
                              .replace("%1", str(len(ids))))
            self.table.clear()
            self.table.setRowCount(0)
            self.table.setColumnCount(0)
            self.radar.set_data([], [])
            return
        self.hint.setText(self.tr("Green: best in the row; red: worst; bold: a spread of "
                                  "10 points or more."))
        details: list[EvaluationDetail] = [self._load(i) for i in ids]  # type: ignore[operator]
        crit = details[0].criteria
        self.table.clear()
        self.table.setColumnCount(len(details))
        self.table.setRowCount(len(crit) + 3)
        self.table.setHorizontalHeaderLabels(
            [f"{d.evaluation.vendor_code}\n{d.evaluation.vendor_name.split(' / ')[0]}"
             for d in details])
        self.table.setVerticalHeaderLabels([c.name for c in crit]
                                           + [self.tr("Total"), self.tr("Grade"),
                                              self.tr("Veto")])
        for r in range(len(crit)):
            scores = [d.criteria[r].score for d in details]
            self._row(r, scores, lambda s: number(s))
        totals = [d.evaluation.total for d in details]
        self._row(len(crit), totals, lambda s: number(s, 2))
        for col, d in enumerate(details):
            e = d.evaluation
            self.table.setItem(len(crit) + 1, col, read_only_item(e.grade or "—"))
            self.table.setItem(len(crit) + 2, col, read_only_item(veto_text(e.veto_reason)))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.radar.set_data([c.name for c in crit],
                            [(d.evaluation.vendor_code, [x.score for x in d.criteria])
                             for d in details])

    def _row(self, r: int, values: list[float | None], fmt: object) -> None:
        present = [v for v in values if v is not None]
        spread = max(present) - min(present) if len(present) >= 2 else 0.0
        for col, v in enumerate(values):
            item = read_only_item(fmt(v) if v is not None else "—", True)  # type: ignore[operator]
            if v is not None and spread > 0:
                if v == max(present):
                    item.setBackground(QBrush(BEST))
                elif v == min(present):
                    item.setBackground(QBrush(WORST))
            if spread >= SPREAD_POINTS:
                font = QFont(item.font())
                font.setBold(True)
                item.setFont(font)
            self.table.setItem(r, col, item)
