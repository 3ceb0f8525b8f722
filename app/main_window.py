"""The main window: navigation between pages, menus, toolbar, status bar, file drops.

Pages are built the first time they are shown, so start-up costs one page. The
window owns no data: it is handed the open database, the settings and the task
runner by :mod:`app.gui`, which also rebuilds it when the language changes or
another database is opened.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSignalBlocker, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from app import __version__
from app.icons import icon
from app.pages import PAGE_KEYS, PAGES
from app.settings import Settings
from app.status_bar import DatabaseStatusBar
from app.tasks import QtTaskRunner
from models.db import Database
from resources import resource_path
from widgets.common.context import DataBus, PageContext

if TYPE_CHECKING:
    from widgets.reports.report_dialog import ReportDialog

ALL_TABLES = {
    "tickets",
    "vendors",
    "sites",
    "inspections",
    "checklist_templates",
    "scorecard_templates",
    "evaluations",
    "import_batches",
    "vendor_metrics",
}


class MainWindow(QMainWindow):
    """ServiceLens's main window; its signals are wired by :mod:`app.gui`."""

    open_database_requested = Signal(str)
    first_painted = Signal()
    page_built = Signal(str, QWidget)  # app.gui wires app-level signals of some pages

    def __init__(
        self, db: Database, settings: Settings, runner: QtTaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db, self.settings, self.runner = db, settings, runner
        self.bus = DataBus(self)
        self._painted = False
        self.pages: dict[str, QWidget] = {}
        self.setWindowTitle(self.tr("ServiceLens — %1").replace("%1", db.display_name))
        self.setWindowIcon(QIcon(str(resource_path("icons/app.svg"))))
        self.setAcceptDrops(True)
        self.setMinimumSize(QSize(1024, 640))

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setAccessibleName(self.tr("Navigation"))
        self.navigation.setIconSize(QSize(22, 22))
        self.navigation.setFixedWidth(190)
        self.stack = QStackedWidget()
        for spec in PAGES:
            item = QListWidgetItem(icon(spec.icon), self.tr(spec.title))
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            self.navigation.addItem(item)
            self.stack.addWidget(QWidget())  # replaced by the page when first shown
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 8, 0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.status = DatabaseStatusBar(db, runner, self)
        self.setStatusBar(self.status)
        self._build_actions()
        self.bus.data_changed.connect(lambda _tables: self.status.refresh())
        self.bus.open_page.connect(self.show_page)
        self.bus.open_tickets.connect(self._on_bus_open_tickets)
        self.bus.open_vendor.connect(self._on_bus_open_vendor)
        self.bus.status_message.connect(lambda text: self.status.showMessage(text, 8000))
        self.navigation.currentRowChanged.connect(self._on_navigation_current_row_changed)
        self.installEventFilter(self)

        if (geometry := settings.window_geometry) is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        if (state := settings.window_state) is not None:
            self.restoreState(state)
        last = settings.last_page
        self._initial_page = last if last in PAGE_KEYS else "dashboard"
        # The first page is built right after the window first paints (start-up shows a
        # window at once; charts and big tables follow a moment later).
        self.stack.setCurrentIndex(PAGE_KEYS.index(self._initial_page))
        with QSignalBlocker(self.navigation):
            self.navigation.setCurrentRow(PAGE_KEYS.index(self._initial_page))
        self.first_painted.connect(
            lambda: QTimer.singleShot(0, self._show_initial_page),
            Qt.ConnectionType.QueuedConnection,
        )

    # -- actions -----------------------------------------------------------------------
    def _action(self, text: str, slot: object, shortcut: object = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)  # type: ignore[arg-type]
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        self.import_action = self._action(
            self.tr("&Import…"), self.choose_import_files, QKeySequence("Ctrl+I")
        )
        self.import_action.setIcon(icon("imports"))
        self.open_db_action = self._action(
            self.tr("&Open database…"), self.choose_database, QKeySequence.StandardKey.Open
        )
        self.export_action = self._action(
            self.tr("&Export…"), self.export_current_page, QKeySequence.StandardKey.SaveAs
        )
        self.report_action = self._action(self.tr("Period &report…"), self.show_period_report)
        self.quit_action = self._action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.refresh_action = self._action(
            self.tr("&Refresh"),
            lambda: self.bus.data_changed.emit(set(ALL_TABLES)),
            QKeySequence.StandardKey.Refresh,
        )
        self.fullscreen_action = self._action(
            self.tr("&Full screen"), self._toggle_full_screen, QKeySequence.StandardKey.FullScreen
        )
        self.fullscreen_action.setCheckable(True)
        self.about_action = self._action(self.tr("&About ServiceLens"), self.show_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_qt_action = self._action(self.tr("About &Qt"), QMessageBox.aboutQt)

        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addActions(
            [self.import_action, self.open_db_action, self.export_action, self.report_action]
        )
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        self.page_actions: list[QAction] = []
        for number, spec in enumerate(PAGES, start=1):
            action = self._action(
                self.tr(spec.title),
                lambda _c=False, k=spec.key: self.show_page(k),
                QKeySequence(f"Ctrl+{number}"),
            )
            self.page_actions.append(action)
            view_menu.addAction(action)
        view_menu.addSeparator()
        view_menu.addActions([self.refresh_action, self.fullscreen_action])
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addActions([self.about_action, self.about_qt_action])

        toolbar = QToolBar(self.tr("Main toolbar"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.setMovable(False)
        toolbar.addAction(self.import_action)
        toolbar.addAction(self.export_action)
        toolbar.addAction(self.refresh_action)
        self.addToolBar(toolbar)

    # -- pages -------------------------------------------------------------------------
    def page(self, key: str) -> QWidget:
        """The page for ``key``, built on first use."""
        if key not in self.pages:
            from app.import_service import page_services

            index = PAGE_KEYS.index(key)
            spec = PAGES[index]
            context = PageContext(
                db=self.db,
                runner=self.runner,
                bus=self.bus,
                user=self.settings.user_name,
                prefs=self.settings.page(key),
                services=page_services(self.db, self.settings.user_name),
            )
            page = spec.build(context)
            placeholder = self.stack.widget(index)
            self.stack.insertWidget(index, page)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self.pages[key] = page
            self.page_built.emit(key, page)
        return self.pages[key]

    def show_page(self, key: str) -> None:
        index = PAGE_KEYS.index(key)
        self.page(key)
        self.stack.setCurrentIndex(index)
        if self.navigation.currentRow() != index:
            self.navigation.setCurrentRow(index)
        self.settings.last_page = key

    def _show_initial_page(self) -> None:
        if not self.pages:
            self.show_page(self.current_page_key())

    def current_page_key(self) -> str:
        return PAGE_KEYS[self.stack.currentIndex()]

    def _on_navigation_current_row_changed(self, row: int) -> None:
        if row >= 0:
            self.show_page(PAGE_KEYS[row])

    def _on_bus_open_tickets(self, ticket_filter: object) -> None:
        self.show_page("tickets")
        page = self.pages["tickets"]
        apply = getattr(page, "apply_filter", None)
        if apply is not None:
            apply(ticket_filter)

    def _on_bus_open_vendor(self, vendor_id: int) -> None:
        built_now = "vendors" not in self.pages
        self.show_page("vendors")
        if built_now:  # a page built just now missed the signal it listens to
            self.pages["vendors"].show_vendor(vendor_id)  # type: ignore[attr-defined]

    # -- file actions ------------------------------------------------------------------
    def choose_import_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Import spreadsheets"),
            "",
            self.tr("Spreadsheets (*.xlsx *.xlsm *.xls *.ods *.csv *.tsv *.txt)"),
        )
        if paths:
            self.import_files([Path(p) for p in paths])

    def import_files(self, paths: list[Path]) -> None:
        self.show_page("imports")
        self.pages["imports"].import_files(paths)  # type: ignore[attr-defined]

    def choose_database(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Open or create a database"),
            str(self.db.sqlite_path or ""),
            self.tr("ServiceLens databases (*.db *.sqlite)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            self.open_database_requested.emit(f"sqlite:///{path}")

    def export_current_page(self) -> None:
        page = self.pages.get(self.current_page_key())
        export = getattr(page, "export_table", None)
        if export is None:
            QMessageBox.information(
                self, self.tr("Export"), self.tr("This page has no table to export.")
            )
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export"), "", self.tr("Excel workbook (*.xlsx);;CSV (*.csv)")
        )
        if not path:
            return
        try:
            written = export(Path(path))
        except (OSError, ValueError) as exc:
            QMessageBox.warning(self, self.tr("Export"), str(exc))
            return
        self.status.showMessage(self.tr("Exported to %1").replace("%1", str(written)), 8000)

    def show_period_report(self) -> ReportDialog:
        """Open the Period report dialog (the report is written off the GUI thread)."""
        from app.report_pdf import make_period_report
        from widgets.reports.report_dialog import ReportDialog

        dialog = ReportDialog(self.runner, partial(make_period_report, self.db), parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.report_written.connect(
            lambda p: self.status.showMessage(self.tr("Wrote %1").replace("%1", str(p)), 8000)
        )
        dialog.open()
        return dialog

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About ServiceLens"),
            self.tr(
                "<h3>ServiceLens %1</h3><p>Service-quality supervision: KPIs, inspections "
                "and vendor scorecards from your spreadsheets.</p><p>Database: %2</p>"
            )
            .replace("%1", __version__)
            .replace("%2", self.db.display_name),
        )

    def _toggle_full_screen(self, checked: bool) -> None:
        self.showFullScreen() if checked else self.showNormal()

    # -- events ------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_files(paths)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self and event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            self.first_painted.emit()
        return super().eventFilter(watched, event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.window_geometry = self.saveGeometry()
        self.settings.window_state = self.saveState()
        self.settings.sync()
        super().closeEvent(event)
