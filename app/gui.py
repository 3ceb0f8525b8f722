"""Starting the desktop application: QApplication, translations, theme, the window.

:class:`DesktopApp` owns the open database and the main window; it rebuilds the
window when the language changes and swaps both when another database is opened.
With ``SERVICELENS_STARTUP_PROBE=1`` it prints ``painted <seconds>`` (time since the
process started) when the window first paints, and quits (used by bench/startup.py).
"""

from __future__ import annotations

import os
import sys
import time
from typing import Any

import psutil
from PySide6.QtCore import QDir, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from app import APP_NAME, ORG_NAME, __version__
from app.appearance import apply_theme, configure_charts
from app.i18n import effective_language, install_translations
from app.import_service import AppImportService
from app.main_window import ALL_TABLES, MainWindow
from app.paths import open_app_database
from app.settings import Settings
from app.tasks import QtTaskRunner
from app.watched_folder import WatchedFolder
from models.db import Database, DatabaseOpenError
from models.queries.overview import table_counts
from resources import ROOT as RESOURCES
from resources import resource_path

PROBE_ENV = "SERVICELENS_STARTUP_PROBE"
DEMO_TICKETS = 20_000


class DesktopApp(QObject):
    """The running application: one database, one main window, one task runner."""

    def __init__(self, qapp: QApplication, db: Database, settings: Settings) -> None:
        super().__init__()
        self.qapp, self.db, self.settings = qapp, db, settings
        self.runner = QtTaskRunner()
        self.window: MainWindow | None = None
        self.watcher: WatchedFolder | None = None
        self._start_watched_folder()
        self.qapp.aboutToQuit.connect(self._on_qapp_about_to_quit)

    def build_window(self) -> MainWindow:
        window = MainWindow(self.db, self.settings, self.runner)
        window.first_painted.connect(lambda: configure_charts(self.qapp))
        window.page_built.connect(self._wire_page)
        window.open_database_requested.connect(self.switch_database)
        self.window = window
        return window

    def _start_watched_folder(self) -> None:
        """Watch the folder chosen on the Settings page, importing into the open database."""
        if self.watcher is not None:
            self.watcher.watch(None)
            self.watcher.deleteLater()
        prefs = self.settings.page("settings")
        self.watcher = WatchedFolder(
            AppImportService(self.db, self.settings.user_name), self.runner
        )
        self.watcher.file_imported.connect(self._on_watcher_file_imported)
        if str(prefs.get("watched_folder_enabled", "false")) == "true":
            self.watcher.watch(
                prefs.get("watched_folder") or None,
                str(prefs.get("watched_folder_mode", "skip-invalid")),
            )

    def _on_watcher_file_imported(self, _path: str, _outcome: object) -> None:
        if self.window is not None:
            self.window.bus.data_changed.emit(set(ALL_TABLES))

    def _wire_page(self, key: str, page: Any) -> None:
        """Connect the Settings page's choices to the application (pages are built lazily)."""
        if key == "settings" and self.watcher is not None:
            tab = page.watched_folder
            watcher = self.watcher
            tab.settings_changed.connect(lambda folder, mode: watcher.watch(folder or None, mode))
            watcher.logged.connect(tab.show_log_line)
        if key == "settings":
            general = page.general
            general.show_values(self.settings.language, self.settings.theme)
            general.language_chosen.connect(self.change_language)
            general.theme_chosen.connect(self.change_theme)
            general.user_name_changed.connect(self._on_settings_user_name_changed)

    def _on_settings_user_name_changed(self, name: str) -> None:
        self.settings.user_name = name

    def change_language(self, setting: str) -> None:
        self.settings.language = setting
        install_translations(effective_language(setting))
        self._rebuild_window()

    def change_theme(self, theme: str) -> None:
        self.settings.theme = theme
        apply_theme(self.qapp, theme)
        configure_charts(self.qapp)

    def _rebuild_window(self) -> None:
        old = self.window
        if old is not None:
            old.close()
            old.deleteLater()
        self.build_window().show()

    def switch_database(self, url: str) -> None:
        try:
            db = open_app_database(url)
        except DatabaseOpenError as exc:
            QMessageBox.warning(self.window, self.tr("Open database"), str(exc))
            return
        self.runner.shutdown()
        old_db, self.db = self.db, db
        self.settings.remember_database(url)
        self._start_watched_folder()
        self._rebuild_window()
        old_db.dispose()
        self.offer_demo_data()

    def offer_demo_data(self) -> None:
        """On an empty database, offer once to fill it with the demo data set."""
        if self.settings.demo_offered or not table_counts(self.db).empty:
            return
        self.settings.demo_offered = True
        answer = QMessageBox.question(
            self.window,
            self.tr("Welcome to ServiceLens"),
            self.tr(
                "The database is empty. Load a demo data set (20,000 tickets, 8 vendors, "
                "20 sites, 60 inspections) to look around?"
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.load_demo_data()

    def load_demo_data(self) -> None:
        from models.demo import generate_demo

        dialog = QProgressDialog(
            self.tr("Creating demo data…"), self.tr("Cancel"), 0, 100, self.window
        )
        dialog.setWindowTitle(self.tr("Demo data"))
        dialog.setMinimumDuration(500)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        db = self.db

        def on_progress(done: int, total: int | None, _stage: str) -> None:
            if total:
                dialog.setValue(int(100 * done / total))

        def finished(_result: object) -> None:
            dialog.close()
            if self.window is not None:
                self.window.bus.data_changed.emit(set(ALL_TABLES))

        def failed(error: BaseException) -> None:
            dialog.close()
            QMessageBox.warning(self.window, self.tr("Demo data"), str(error))

        handle = self.runner.submit(
            lambda progress: generate_demo(db, tickets=DEMO_TICKETS, progress=progress),
            on_result=finished,
            on_error=failed,
            on_progress=on_progress,
            key="demo", owner=self,
        )
        dialog.canceled.connect(handle.cancel)

    def _on_qapp_about_to_quit(self) -> None:
        self.runner.shutdown()
        self.db.dispose()


def create_qapplication(argv: list[str]) -> QApplication:
    """The QApplication with names, icon and the resource search path set."""
    # Qt 6 scales for high-DPI screens by itself (fractional factors pass through).
    existing = QApplication.instance()
    qapp = existing if isinstance(existing, QApplication) else QApplication(argv)
    qapp.setOrganizationName(ORG_NAME)
    qapp.setApplicationName(APP_NAME)
    qapp.setApplicationVersion(__version__)
    qapp.setWindowIcon(QIcon(str(resource_path("icons/app.svg"))))
    QDir.addSearchPath("resources", str(RESOURCES))
    qapp.setStyleSheet(resource_path("styles/app.qss").read_text(encoding="utf-8"))
    return qapp


def run_gui(db_url: str, lang: str | None = None) -> int:
    """Open the main window on ``db_url``; returns the exit status."""
    probe = bool(os.environ.get(PROBE_ENV))
    qapp = create_qapplication(sys.argv[:1])
    settings = Settings()
    install_translations(effective_language(lang or settings.language))
    apply_theme(qapp, settings.theme)
    try:
        db = open_app_database(db_url)
    except DatabaseOpenError as exc:
        if not probe and QGuiApplication.platformName() != "offscreen":
            QMessageBox.critical(None, APP_NAME, str(exc))
        raise
    app = DesktopApp(qapp, db, settings)
    window = app.build_window()
    if probe:
        started = psutil.Process().create_time()
        window.first_painted.connect(
            lambda: (
                print(f"painted {time.time() - started:.3f}", flush=True),
                QTimer.singleShot(0, qapp.quit),
            )
        )
    window.show()
    if not probe:
        app.offer_demo_data()
    return qapp.exec()
