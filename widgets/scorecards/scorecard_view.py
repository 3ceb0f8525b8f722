"""One vendor's scorecard: criteria table with evidence, radar, trend, ratings entry."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.scorecards.evaluations import EvaluationFinalError, set_rating, set_serious_breach
from models.scorecards.queries import EvaluationDetail
from models.scorecards.templates import ConflictError
from widgets.common.context import PageContext
from widgets.scorecards.charts import RadarChart, TrendChart
from widgets.scorecards.texts import SOURCES, evidence_text, label, number, veto_text

MISSING = QColor("#f2f2f2")


def read_only_item(text: str, align_right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if align_right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class ScorecardView(QWidget):
    """Shows an :class:`EvaluationDetail`; ``changed`` after a rating or flag is saved,
    ``evidence_requested(criterion_id)`` when an evidence cell is activated."""

    changed = Signal()
    evidence_requested = Signal(int)

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.detail: EvaluationDetail | None = None
        self.header = QLabel()
        self.header.setObjectName("scorecardHeader")
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.table = QTableWidget(0, 7)
        self.table.setHorizontalHeaderLabels([
            self.tr("Criterion"), self.tr("Weight"), self.tr("Source"), self.tr("Raw value"),
            self.tr("Score 0–100"), self.tr("Points"), self.tr("Evidence")])
        self.table.setAccessibleName(self.tr("Criteria scores"))
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.cellActivated.connect(self._on_table_cell_activated)
        self.table.cellDoubleClicked.connect(self._on_table_cell_activated)
        self.radar = RadarChart()
        self.trend = TrendChart()

        self.ratings = QTableWidget(0, 5)
        self.ratings.setHorizontalHeaderLabels([self.tr("Criterion"), self.tr("Evaluator"),
                                                self.tr("Rating"), self.tr("Comment"),
                                                self.tr("Trimmed")])
        self.ratings.setAccessibleName(self.tr("Ratings"))
        self.ratings.verticalHeader().hide()
        self.ratings.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.ratings.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.ratings.setMinimumHeight(120)
        self.criterion = QComboBox()
        self.criterion.setAccessibleName(self.tr("Rated criterion"))
        self.evaluator = QLineEdit(context.user)
        self.evaluator.setAccessibleName(self.tr("Evaluator"))
        self.rating = QDoubleSpinBox()
        self.rating.setRange(0, 100)
        self.rating.setDecimals(1)
        self.rating.setValue(80)
        self.rating.setAccessibleName(self.tr("Rating 0–100"))
        self.comment = QLineEdit()
        self.comment.setPlaceholderText(self.tr("Comment"))
        self.comment.setAccessibleName(self.tr("Comment"))
        self.save_rating = QPushButton(self.tr("Save rating"))
        self.save_rating.clicked.connect(self._on_save_rating_clicked)
        self.serious = QCheckBox(self.tr("Serious breach (veto)"))
        self.serious.setAccessibleName(self.tr("Serious breach"))
        self.serious.clicked.connect(self._on_serious_clicked)
        self.error = QLabel()
        self.error.setObjectName("scorecardError")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        entry = QHBoxLayout()
        entry.addWidget(self.criterion, 2)
        entry.addWidget(self.evaluator, 1)
        entry.addWidget(self.rating)
        entry.addWidget(self.comment, 2)
        entry.addWidget(self.save_rating)
        ratings_box = QGroupBox(self.tr("Ratings by evaluators (0–100; with five or more the "
                                        "highest and lowest are dropped)"))
        rl = QVBoxLayout(ratings_box)
        rl.addWidget(self.ratings)
        rl.addLayout(entry)
        rl.addWidget(self.serious)
        rl.addWidget(self.error)

        charts = QSplitter(Qt.Orientation.Vertical)
        charts.addWidget(self.radar)
        charts.addWidget(self.trend)
        charts.setSizes([260, 160])
        middle = QSplitter(Qt.Orientation.Horizontal)
        middle.addWidget(self.table)
        middle.addWidget(charts)
        middle.setSizes([760, 420])
        upper = QWidget()
        ul = QVBoxLayout(upper)
        ul.setContentsMargins(0, 0, 0, 0)
        ul.addWidget(self.header)
        ul.addWidget(middle, 1)
        top = QSplitter(Qt.Orientation.Vertical)
        top.addWidget(upper)
        top.addWidget(ratings_box)
        top.setSizes([420, 300])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(top)
        self.edit_controls: list[QWidget] = [self.criterion, self.evaluator, self.rating,
                                             self.comment, self.save_rating, self.serious]

    @property
    def read_only(self) -> bool:
        return self.detail is None or self.detail.evaluation.final

    def set_detail(self, detail: EvaluationDetail | None,
                   trend: list[tuple[str, float | None, str | None]] | None = None) -> None:
        self.detail = detail
        self.error.clear()
        self.table.setRowCount(0)
        self.ratings.setRowCount(0)
        self.criterion.clear()
        for w in self.edit_controls:
            w.setEnabled(not self.read_only)
        if detail is None:
            self.header.setText(self.tr("No evaluation selected."))
            self.radar.set_data([], [])
            return
        e = detail.evaluation
        grade = e.grade or (self.tr("incomplete — no grade") if e.incomplete else "—")
        parts = [f"<b>{_esc(e.vendor_code)} {_esc(e.vendor_name)}</b> · {_esc(e.category)} · "
                 f"{_esc(e.period_label)}",
                 self.tr("Total %1 · grade %2 · rank %3").replace("%1", number(e.total, 2))
                 .replace("%2", _esc(grade)).replace("%3", str(e.rank or "—"))]
        if e.veto_reason:
            parts.append("<span style='color:#b00020'>" + self.tr("Veto: %1").replace(
                "%1", _esc(veto_text(e.veto_reason))) + "</span>")
        if e.final:
            parts.append(self.tr("Final — read-only (by %1, %2)").replace(
                "%1", _esc(detail.finalised_by or "")).replace(
                "%2", detail.finalised_at.astimezone().strftime("%Y-%m-%d %H:%M")
                if detail.finalised_at else ""))
        else:
            parts.append(self.tr("Draft"))
        self.header.setText("<br>".join(parts))
        for c in detail.criteria:
            r = self.table.rowCount()
            self.table.insertRow(r)
            cells = [read_only_item(c.name), read_only_item(number(c.weight), True),
                     read_only_item(label(SOURCES, c.source)),
                     read_only_item(number(c.raw, 2) if c.raw is not None else self.tr("missing"),
                                    True),
                     read_only_item(number(c.score), True),
                     read_only_item(number(c.points, 2), True),
                     read_only_item(evidence_text(c.evidence))]
            cells[0].setData(Qt.ItemDataRole.UserRole, c.criterion_id)
            if c.evidence.get("tickets") or c.evidence.get("inspections") or c.evidence.get(
                    "metrics"):
                cells[6].setForeground(QBrush(QColor("#1a5fb4")))
                cells[6].setToolTip(self.tr("Double-click to see the evidence"))
            for col, item in enumerate(cells):
                if c.score is None:
                    item.setBackground(QBrush(MISSING))
                self.table.setItem(r, col, item)
            if c.source == "manual":
                self.criterion.addItem(c.name, c.criterion_id)
        self.table.resizeColumnsToContents()
        self.table.resizeRowsToContents()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for rating in detail.ratings:
            r = self.ratings.rowCount()
            self.ratings.insertRow(r)
            dropped = {"high": self.tr("dropped (highest)"),
                       "low": self.tr("dropped (lowest)")}.get(rating.dropped or "", "")
            for col, text in enumerate((rating.criterion, rating.evaluator,
                                        number(rating.rating), rating.comment or "", dropped)):
                self.ratings.setItem(r, col, read_only_item(text, col == 2))
        self.ratings.resizeColumnsToContents()
        self.ratings.resizeRowsToContents()
        self.ratings.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.serious.setChecked(e.serious_breach)
        self.radar.set_data([c.name for c in detail.criteria],
                            [(e.vendor_code, [c.score for c in detail.criteria])])
        if trend is not None:
            self.trend.set_data([t[0] for t in trend], [t[1] for t in trend],
                                [t[2] for t in trend])

    def _on_table_cell_activated(self, row: int, _column: int) -> None:
        cid = self.table.item(row, 0).data(Qt.ItemDataRole.UserRole)
        self.evidence_requested.emit(int(cid))

    def _guard(self, action: object) -> bool:
        """Run a write; show refusals (final, conflict, bad value) in the error line."""
        try:
            action()  # type: ignore[operator]
        except EvaluationFinalError:
            self.error.setText(self.tr("This evaluation is final and read-only."))
            return False
        except ConflictError:
            self.error.setText(self.tr("Someone else changed this evaluation; it was reloaded."))
            self.changed.emit()
            return False
        except ValueError as exc:
            self.error.setText(str(exc))
            return False
        self.error.clear()
        self.context.bus.data_changed.emit({"evaluations"})
        self.changed.emit()
        return True

    def rate(self, criterion_id: int, evaluator: str, rating: float, comment: str) -> bool:
        """Save one rating (what the entry row does); False when refused."""
        if self.detail is None:
            return False
        eid = self.detail.evaluation.id
        return self._guard(lambda: set_rating(self.context.db, eid, criterion_id, evaluator,
                                              rating, comment or None, self.context.user))

    def _on_save_rating_clicked(self) -> None:
        cid = self.criterion.currentData()
        if cid is None:
            self.error.setText(self.tr("This template has no manual criterion."))
            return
        if self.rate(int(cid), self.evaluator.text(), self.rating.value(), self.comment.text()):
            self.comment.clear()

    def _on_serious_clicked(self, checked: bool) -> None:
        if self.detail is None:
            return
        eid = self.detail.evaluation.id
        self._guard(lambda: set_serious_breach(self.context.db, eid, checked,
                                               self.context.user))


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
