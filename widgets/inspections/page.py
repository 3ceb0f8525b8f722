"""Inspections page: the list with filters and detail, the analysis views, and the
actions that start, resume, export and import inspections."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from models.checklists.inspections import start_inspection
from models.checklists.package import PackageError, export_package, import_package
from models.checklists.queries import filter_choices, list_drafts, list_inspections
from models.export import write_table
from widgets.common.context import PageContext
from widgets.inspections.analysis_view import AnalysisView
from widgets.inspections.detail import InspectionDetail
from widgets.inspections.exports import export_pdf, export_xlsx
from widgets.inspections.fill_window import FillWindow
from widgets.inspections.list_view import FilterBar, InspectionTableModel
from widgets.inspections.start_dialog import INSPECTOR_KEY, StartDialog


class InspectionsPage(QWidget):
    """``full_screen`` opens fill forms full screen (False in tests and screenshots)."""

    def __init__(self, context: PageContext, parent: QWidget | None = None,
                 full_screen: bool = True) -> None:
        super().__init__(parent)
        self.context, self.full_screen = context, full_screen
        self.fill_windows: list[FillWindow] = []
        self.resume_box: QMessageBox | None = None
        self._offered = False
        title = QLabel(self.tr("Inspections"))
        title.setObjectName("pageTitle")
        self.start_button = self._button(self.tr("Start inspection…"), self.start)
        self.resume_button = self._button(self.tr("Resume…"), self.offer_resume)
        self.export_package_button = self._button(self.tr("Export inspections…"),
                                                  self.choose_package_export)
        self.import_package_button = self._button(self.tr("Import inspections…"),
                                                  self.choose_package_import)
        self.export_list_button = self._button(self.tr("Export list…"), self.choose_list_export)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        for b in (self.start_button, self.resume_button, self.export_list_button,
                  self.export_package_button, self.import_package_button):
            top.addWidget(b)

        self.filters = FilterBar()
        self.model = InspectionTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(Qt.ItemDataRole.UserRole)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName(self.tr("Inspections"))
        self.count_label = QLabel()
        self.detail = InspectionDetail(context.db)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.filters)
        column.addWidget(self.table, 1)
        column.addWidget(self.count_label)
        splitter.addWidget(left)
        splitter.addWidget(self.detail)
        splitter.setSizes([700, 500])
        self.analysis = AnalysisView(context)
        self.tabs = QTabWidget()
        self.tabs.addTab(splitter, self.tr("List"))
        self.tabs.addTab(self.analysis, self.tr("Analysis"))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)

        self.filters.changed.connect(self.reload_list)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_changed)
        self.table.doubleClicked.connect(lambda _i: self.open_inspection(self.detail.uuid))
        self.detail.open_requested.connect(self.open_inspection)
        self.detail.export_pdf_requested.connect(lambda u: self._export_one(u, "pdf"))
        self.detail.export_xlsx_requested.connect(lambda u: self._export_one(u, "xlsx"))
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        context.bus.data_changed.connect(self._on_bus_data_changed)
        self.reload()

    def _button(self, text: str, slot: object) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text.rstrip("…"))
        button.clicked.connect(slot)
        return button

    # -- loading ------------------------------------------------------------------------
    def reload(self) -> None:
        choices = filter_choices(self.context.db)
        self.filters.set_choices(choices)
        self.analysis.set_choices(choices)
        self.reload_list()
        if self.tabs.currentWidget() is self.analysis:
            self.analysis.reload()

    def reload_list(self) -> None:
        keep = self.detail.uuid
        self.model.set_rows(list_inspections(self.context.db, self.filters.current()))
        self.table.resizeColumnsToContents()
        self.count_label.setText(self.tr("%1 inspections").replace("%1",
                                                                   str(self.model.rowCount())))
        self.select(keep)

    def select(self, inspection_uuid: str | None) -> None:
        row = next((n for n, r in enumerate(self.model.rows) if r.uuid == inspection_uuid), None)
        if row is None:
            self.detail.show_inspection(None)
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)

    def _on_table_current_changed(self, current: object, _previous: object) -> None:
        index = self.proxy.mapToSource(current)  # type: ignore[arg-type]
        self.detail.show_inspection(self.model.rows[index.row()].uuid if index.isValid()
                                    else None)

    def _on_tabs_current_changed(self, _index: int) -> None:
        if self.tabs.currentWidget() is self.analysis:
            self.analysis.reload()

    def _on_bus_data_changed(self, tables: set[str]) -> None:
        if tables & {"inspections", "checklist_templates", "sites"}:
            self.reload()

    # -- filling ------------------------------------------------------------------------
    def start(self) -> None:
        if self.offer_resume(ask_only=True):
            return
        dialog = StartDialog(self.context.db, self.context.prefs, self.context.user, self)
        self._start_dialog = dialog
        dialog.accepted.connect(lambda: self._start_from(dialog))
        dialog.open()

    def _start_from(self, dialog: StartDialog) -> None:
        template_id, site_id, inspector, kind, visited = dialog.values()
        uuid = start_inspection(self.context.db, template_id, site_id, inspector, kind, visited)
        self.context.bus.data_changed.emit({"inspections"})
        self.open_inspection(uuid)

    def open_inspection(self, inspection_uuid: str | None) -> FillWindow | None:
        """Open the fill form (read-only when submitted)."""
        if inspection_uuid is None:
            return None
        for window in self.fill_windows:
            if window.uuid == inspection_uuid and window.isVisible():
                window.raise_()
                return window
        try:
            window = FillWindow(self.context.db, self.context.bus, inspection_uuid,
                                self.context.user, self)
        except (ValueError, LookupError) as exc:
            QMessageBox.information(self, self.tr("Inspections"), str(exc))
            return None
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.destroyed.connect(lambda _o=None, w=window: self._forget(w))
        window.correction_started.connect(self.open_inspection)
        self.fill_windows.append(window)
        if self.full_screen:
            window.showFullScreen()
        else:
            window.resize(1280, 800)
            window.show()
        window.activateWindow()
        window.setFocus()
        return window

    def _forget(self, window: FillWindow) -> None:
        if window in self.fill_windows:
            self.fill_windows.remove(window)

    def offer_resume(self, ask_only: bool = False) -> bool:
        """Offer the most recent unfinished inspection of the remembered inspector (all
        drafts when no name is remembered and the Resume button was pressed)."""
        name = self.context.prefs.get(INSPECTOR_KEY, "") or None
        drafts = list_drafts(self.context.db, name)
        if not drafts or (ask_only and name is None):
            if not ask_only:
                QMessageBox.information(self, self.tr("Resume"),
                                        self.tr("There is no unfinished inspection."))
            return False
        draft = drafts[0]
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Resume inspection"),
                          self.tr("Continue the unfinished inspection “%1” at %2 "
                                  "(%3 answers saved)?")
                          .replace("%1", draft.template_name).replace("%2", draft.site_name or "—")
                          .replace("%3", str(draft.answered)),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Resume"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Not now"))
        box.finished.connect(lambda result: self.open_inspection(draft.uuid)
                             if result == QMessageBox.StandardButton.Yes else None)
        self.resume_box = box
        box.open()
        return True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._offered:
            self._offered = True
            if self.context.prefs.get(INSPECTOR_KEY, ""):
                QTimer.singleShot(0, lambda: self.offer_resume(ask_only=True))

    # -- exports and packages -----------------------------------------------------------
    def export_table(self, path: Path) -> Path:
        """The list as shown (filtered, sorted) to xlsx or csv."""
        rows = []
        for r in range(self.proxy.rowCount()):
            source = self.proxy.mapToSource(self.proxy.index(r, 0)).row()
            rows.append(self.model.values(self.model.rows[source]))
        return write_table(path, self.model.headers(), rows, sheet=self.tr("Inspections"))

    def _ask_path(self, title: str, name: str, pattern: str, save: bool = True) -> Path | None:
        if save:
            path, _ = QFileDialog.getSaveFileName(self, title, name, pattern)
        else:
            path, _ = QFileDialog.getOpenFileName(self, title, "", pattern)
        return Path(path) if path else None

    def choose_list_export(self) -> None:
        path = self._ask_path(self.tr("Export list"), "inspections.xlsx",
                              self.tr("Excel workbook (*.xlsx);;CSV (*.csv)"))
        if path:
            self._report(lambda: self.export_table(path), path)

    def _export_one(self, inspection_uuid: str | None, kind: str) -> None:
        if inspection_uuid is None:
            return
        pattern = self.tr("PDF (*.pdf)") if kind == "pdf" else self.tr("Excel workbook (*.xlsx)")
        path = self._ask_path(self.tr("Export inspection"), f"inspection.{kind}", pattern)
        if path:
            write = export_pdf if kind == "pdf" else export_xlsx
            self._report(lambda: write(self.context.db, inspection_uuid, path), path)

    def choose_package_export(self) -> None:
        uuids = [r.uuid for r in self.model.rows if r.template_id is not None]
        if not uuids:
            QMessageBox.information(self, self.tr("Export inspections"),
                                    self.tr("The list has no inspections to export."))
            return
        path = self._ask_path(self.tr("Export inspections"), "inspections.slpkg",
                              self.tr("ServiceLens inspection packages (*.slpkg *.zip)"))
        if path:
            self._report(lambda: export_package(self.context.db, path, uuids), path)

    def choose_package_import(self) -> None:
        path = self._ask_path(self.tr("Import inspections"), "",
                              self.tr("ServiceLens inspection packages (*.slpkg *.zip)"),
                              save=False)
        if path:
            self.import_package_file(path)

    def import_package_file(self, path: Path) -> None:
        try:
            summary = import_package(self.context.db, path)
        except (PackageError, OSError) as exc:
            QMessageBox.warning(self, self.tr("Import inspections"), str(exc))
            return
        self.context.bus.data_changed.emit({"inspections", "checklist_templates", "sites"})
        self.context.bus.status_message.emit(
            self.tr("%1 inspections imported, %2 already stored").replace(
                "%1", str(summary.added)).replace("%2", str(summary.skipped)))

    def _report(self, action: object, path: Path) -> None:
        try:
            action()  # type: ignore[operator]
        except (OSError, ValueError) as exc:
            QMessageBox.warning(self, self.tr("Export"), str(exc))
            return
        self.context.bus.status_message.emit(self.tr("Exported to %1").replace("%1", str(path)))
