"""Scorecards page: templates, evaluation rounds, scorecards, ranking, comparison,
sensitivity, the audit log, finalisation and exports (walkthrough 2)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from models.export import write_table
from models.progress import Progress
from models.scorecards.evaluations import EvaluationFinalError, finalise, run_evaluation
from models.scorecards.queries import (
    EvaluationDetail,
    EvaluationRow,
    audit_log,
    evaluation_detail,
    list_evaluations,
    list_periods,
    vendor_trend,
)
from models.scorecards.templates import list_templates, load_template
from models.scorecards.vendors import list_vendor_rows
from widgets.common.context import PageContext
from widgets.scorecards.audit_view import AuditLogTable
from widgets.scorecards.comparison import ComparisonWidget
from widgets.scorecards.evidence import open_evidence
from widgets.scorecards.exports import ExportActions
from widgets.scorecards.run_dialog import RunEvaluationDialog
from widgets.scorecards.scorecard_view import ScorecardView, read_only_item
from widgets.scorecards.sensitivity_view import SensitivityWidget
from widgets.scorecards.shared_store import shared_store
from widgets.scorecards.template_editor import TemplateEditorDialog
from widgets.scorecards.texts import number, veto_text

TABLES = {"scorecard_templates", "evaluations", "vendors", "vendor_metrics"}
GRADE_COLOURS = {"A": "#d7f0dd", "B": "#e6f2ff", "C": "#fff3cd", "D": "#f8d7da"}


class ScorecardsPage(ExportActions, QWidget):
    """Everything procurement does with scorecards; writes emit ``data_changed``."""

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.rows: list[EvaluationRow] = []
        self.pending_question: QMessageBox | None = None
        title = QLabel(self.tr("Scorecards"))
        title.setObjectName("pageTitle")
        self.template = QComboBox()
        self.template.setAccessibleName(self.tr("Template"))
        self.template.setMinimumContentsLength(28)
        self.period = QComboBox()
        self.period.setAccessibleName(self.tr("Period"))
        self.period.setMinimumContentsLength(10)
        self.new_template = QPushButton(self.tr("New template…"))
        self.edit_template = QPushButton(self.tr("Edit template…"))
        self.run_button = QPushButton(self.tr("Run evaluation…"))
        self.final_button = QPushButton(self.tr("Mark final"))
        self.export_button = QToolButton()
        self.export_button.setText(self.tr("Export"))
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.export_button)
        menu.addAction(self.tr("Excel workbook (xlsx)…"), self._on_export_xlsx)
        menu.addAction(self.tr("PDF for sign-off…"), self._on_export_pdf)
        menu.addAction(self.tr("Evaluation pack (xlsx + PDF + manifest)…"), self._on_export_pack)
        self.export_button.setMenu(menu)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Template")))
        bar.addWidget(self.template, 2)
        bar.addWidget(self.new_template)
        bar.addWidget(self.edit_template)
        bar.addSpacing(12)
        bar.addWidget(QLabel(self.tr("Period")))
        bar.addWidget(self.period, 1)
        bar.addWidget(self.run_button)
        bar.addWidget(self.final_button)
        bar.addWidget(self.export_button)
        self.message = QLabel()
        self.message.setObjectName("scorecardsMessage")
        self.message.setWordWrap(True)

        self.ranking = QTableWidget(0, 8)
        self.ranking.setHorizontalHeaderLabels([
            self.tr("Rank"), self.tr("Code"), self.tr("Vendor"), self.tr("Category"),
            self.tr("Total"), self.tr("Grade"), self.tr("Veto / note"), self.tr("Status")])
        self.ranking.setAccessibleName(self.tr("Ranking"))
        self.ranking.verticalHeader().hide()
        self.ranking.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.ranking.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.ranking.cellDoubleClicked.connect(self._on_ranking_cell_double_clicked)
        self.scorecard_vendor = QComboBox()
        self.scorecard_vendor.setAccessibleName(self.tr("Vendor"))
        self.scorecard_vendor.currentIndexChanged.connect(self._show_scorecard)
        self.scorecard = ScorecardView(context)
        self.scorecard.changed.connect(self.reload_evaluations)
        self.scorecard.evidence_requested.connect(self._on_scorecard_evidence_requested)
        card = QWidget()
        cl = QVBoxLayout(card)
        pick = QHBoxLayout()
        pick.addWidget(QLabel(self.tr("Vendor")))
        pick.addWidget(self.scorecard_vendor, 1)
        self.open_vendor_button = QPushButton(self.tr("Open vendor"))
        self.open_vendor_button.clicked.connect(self._on_open_vendor_button_clicked)
        pick.addWidget(self.open_vendor_button)
        cl.addLayout(pick)
        cl.addWidget(self.scorecard)
        self.comparison = ComparisonWidget(lambda i: evaluation_detail(context.db, i))
        self.sensitivity = SensitivityWidget()
        self.audit = AuditLogTable()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.ranking, self.tr("Ranking"))
        self.tabs.addTab(card, self.tr("Scorecard"))
        self.tabs.addTab(self.comparison, self.tr("Comparison"))
        self.tabs.addTab(self.sensitivity, self.tr("Sensitivity"))
        self.tabs.addTab(self.audit, self.tr("Audit log"))
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)

        self.template.currentIndexChanged.connect(self._on_template_changed)
        self.period.currentIndexChanged.connect(self.reload_evaluations)
        self.new_template.clicked.connect(lambda: self.open_template_editor(new=True))
        self.edit_template.clicked.connect(lambda: self.open_template_editor(new=False))
        self.run_button.clicked.connect(self.open_run_dialog)
        self.final_button.clicked.connect(self.ask_mark_final)
        context.bus.data_changed.connect(self._on_bus_data_changed)
        self.reload()

    # -- loading ---------------------------------------------------------------------
    def template_id(self) -> int | None:
        data = self.template.currentData()
        return int(data) if data is not None else None

    def reload(self) -> None:
        current = self.template_id()
        self.template.blockSignals(True)
        self.template.clear()
        for t in list_templates(self.context.db):
            text = f"{t.name} ({t.code} r{t.revision})"
            if not t.latest:
                text += " — " + self.tr("older revision")
            self.template.addItem(text, t.id)
        if current is not None and self.template.findData(current) >= 0:
            self.template.setCurrentIndex(self.template.findData(current))
        self.template.blockSignals(False)
        self._on_template_changed()

    def _on_template_changed(self, *_: object) -> None:
        tid = self.template_id()
        current = self.period.currentText()
        self.period.blockSignals(True)
        self.period.clear()
        for label in list_periods(self.context.db, tid) if tid else []:
            self.period.addItem(label)
        if current and self.period.findText(current) >= 0:
            self.period.setCurrentIndex(self.period.findText(current))
        self.period.blockSignals(False)
        self.edit_template.setEnabled(tid is not None)
        self.run_button.setEnabled(tid is not None)
        self.reload_evaluations()

    def reload_evaluations(self, *_: object) -> None:
        tid, label = self.template_id(), self.period.currentText()
        self.rows = list_evaluations(self.context.db, tid, label) if tid and label else []
        self._fill_ranking()
        keep = self.scorecard_vendor.currentData()
        self.scorecard_vendor.blockSignals(True)
        self.scorecard_vendor.clear()
        for r in self.rows:
            self.scorecard_vendor.addItem(f"{r.vendor_code}  {r.vendor_name}", r.id)
        if keep is not None and self.scorecard_vendor.findData(keep) >= 0:
            self.scorecard_vendor.setCurrentIndex(self.scorecard_vendor.findData(keep))
        self.scorecard_vendor.blockSignals(False)
        self._show_scorecard()
        self.comparison.set_rows(self.rows)
        drafts = [r for r in self.rows if not r.final]
        self.final_button.setEnabled(bool(drafts))
        self._refresh_tab()

    def _fill_ranking(self) -> None:
        self.ranking.setRowCount(len(self.rows))
        for i, r in enumerate(self.rows):
            note = veto_text(r.veto_reason) or (self.tr("incomplete") if r.incomplete else "")
            status = self.tr("Final") if r.final else self.tr("Draft")
            cells = (str(r.rank or "—"), r.vendor_code, r.vendor_name, r.category,
                     number(r.total, 2), r.grade or "—", note, status)
            for col, text in enumerate(cells):
                item = read_only_item(text, col in (0, 4))
                if col == 5 and r.grade in GRADE_COLOURS:
                    item.setBackground(QBrush(QColor(GRADE_COLOURS[r.grade])))
                if col == 6 and r.veto_reason:
                    item.setForeground(QBrush(QColor("#b00020")))
                item.setData(Qt.ItemDataRole.UserRole, r.id)
                self.ranking.setItem(i, col, item)
        self.ranking.resizeColumnsToContents()
        self.ranking.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

    def _show_scorecard(self, *_: object) -> None:
        eid = self.scorecard_vendor.currentData()
        if eid is None:
            self.scorecard.set_detail(None)
            return
        detail = evaluation_detail(self.context.db, int(eid))
        trend = vendor_trend(self.context.db, detail.evaluation.vendor_id,
                             detail.evaluation.template_code)
        self.scorecard.set_detail(detail, [(p, t, g) for p, _, t, g in trend])

    def _on_tabs_current_changed(self, _index: int) -> None:
        self._refresh_tab()

    def _refresh_tab(self) -> None:
        widget = self.tabs.currentWidget()
        if widget is self.sensitivity:
            self.sensitivity.set_details(self.details())
        elif widget is self.audit:
            self.reload_audit()

    def details(self) -> list[EvaluationDetail]:
        return [evaluation_detail(self.context.db, r.id) for r in self.rows]

    def reload_audit(self) -> None:
        tid = self.template_id()
        ids = [r.id for r in self.rows]
        entries = audit_log(self.context.db, evaluation_ids=ids,
                            template_ids=[tid] if tid else None) if (ids or tid) else []
        names = {("evaluation", r.id): f"{r.vendor_code} {r.period_label}" for r in self.rows}
        if tid:
            names[("scorecard_template", tid)] = self.template.currentText()
        self.audit.set_entries(entries, names)

    def _on_bus_data_changed(self, tables: object) -> None:
        if isinstance(tables, set) and tables & TABLES:
            self.reload()

    def show_evaluation(self, evaluation_id: int) -> None:
        """Switch to the Scorecard tab showing one evaluation of the current period."""
        index = self.scorecard_vendor.findData(evaluation_id)
        if index >= 0:
            self.scorecard_vendor.setCurrentIndex(index)
            self.tabs.setCurrentIndex(1)

    def _on_ranking_cell_double_clicked(self, row: int, _col: int) -> None:
        self.show_evaluation(int(self.ranking.item(row, 0).data(Qt.ItemDataRole.UserRole)))

    def _on_open_vendor_button_clicked(self) -> None:
        """Show the vendor on the Vendors page (built on demand by the main window)."""
        detail = self.scorecard.detail
        if detail is not None:
            self.context.bus.open_page.emit("vendors")
            self.context.bus.open_vendor.emit(detail.evaluation.vendor_id)

    def _on_scorecard_evidence_requested(self, criterion_id: int) -> None:
        detail = self.scorecard.detail
        if detail is not None:
            open_evidence(self, self.context, detail, criterion_id)

    # -- actions ---------------------------------------------------------------------
    def open_template_editor(self, new: bool) -> TemplateEditorDialog:
        tid = self.template_id()
        spec = None if new or tid is None else load_template(self.context.db, tid)
        dialog = TemplateEditorDialog(self.context, spec, self)
        dialog.accepted.connect(lambda: self._select_template(dialog.saved.id
                                                              if dialog.saved else None))
        dialog.open()
        self.template_dialog = dialog
        return dialog

    def _select_template(self, template_id: int | None) -> None:
        self.reload()
        if template_id is not None and self.template.findData(template_id) >= 0:
            self.template.setCurrentIndex(self.template.findData(template_id))

    def open_run_dialog(self) -> RunEvaluationDialog | None:
        tid = self.template_id()
        if tid is None:
            return None
        spec = load_template(self.context.db, tid)
        dialog = RunEvaluationDialog(list_vendor_rows(self.context.db), spec.service_category,
                                     self)
        dialog.accepted.connect(lambda: self.run(dialog.period().label, dialog.vendor_ids()))
        dialog.open()
        self.run_dialog = dialog
        return dialog

    def run(self, period: str, vendor_ids: list[int]) -> None:
        """Evaluate in the background; the page reloads and shows the period when done."""
        tid = self.template_id()
        if tid is None:
            return
        db, user = self.context.db, self.context.user
        self.message.setText(self.tr("Evaluating %1 vendors…").replace("%1", str(len(vendor_ids))))
        self.run_button.setEnabled(False)

        def done(summary: object) -> None:
            self.run_button.setEnabled(True)
            skipped = len(getattr(summary, "skipped_final", ()))
            text = self.tr("Evaluated %1 vendors for %2.").replace(
                "%1", str(len(getattr(summary, "evaluation_ids", ())))).replace("%2", period)
            if skipped:
                text += " " + self.tr("%1 final evaluations were left unchanged.").replace(
                    "%1", str(skipped))
            self.message.setText(text)
            self.context.bus.data_changed.emit({"evaluations"})
            if self.period.findText(period) >= 0:
                self.period.setCurrentIndex(self.period.findText(period))

        def failed(error: BaseException) -> None:
            self.run_button.setEnabled(True)
            self.message.setText(self.tr("The evaluation failed: %1").replace("%1", str(error)))

        store, policies, lock = shared_store(self.context)

        def work(progress: Progress) -> object:
            with lock:
                return run_evaluation(db, tid, period, vendor_ids, user, progress=progress,
                                      store=store, policies=policies)

        self.context.runner.submit(work, on_result=done, on_error=failed, key="scorecards.run",
                                   owner=self)

    def ask_mark_final(self) -> QMessageBox:
        """Ask before finalising every draft of the shown period (non-blocking box)."""
        drafts = [r.id for r in self.rows if not r.final]
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Mark final"),
                          self.tr("Mark %1 evaluations of %2 final? They become read-only.")
                          .replace("%1", str(len(drafts))).replace("%2", self.period.currentText()),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.accepted.connect(lambda: self.mark_final(drafts))
        box.finished.connect(lambda _r: setattr(self, "pending_question", None))
        box.open()
        self.pending_question = box
        return box

    def mark_final(self, evaluation_ids: list[int]) -> None:
        try:
            finalise(self.context.db, evaluation_ids, self.context.user)
        except EvaluationFinalError as exc:
            self.message.setText(str(exc))
            return
        self.message.setText(self.tr("%1 evaluations are final.").replace(
            "%1", str(len(evaluation_ids))))
        self.context.bus.data_changed.emit({"evaluations"})

    def export_table(self, path: Path) -> Path:
        """The ranking as shown (for the main window's Export)."""
        headers = [self.ranking.horizontalHeaderItem(c).text()
                   for c in range(self.ranking.columnCount())]
        rows = [[self.ranking.item(r, c).text() for c in range(self.ranking.columnCount())]
                for r in range(self.ranking.rowCount())]
        return write_table(path, headers, rows)
