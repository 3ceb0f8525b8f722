"""Fixtures for the application shell: a main window on a fresh database."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from app.gui import DesktopApp, create_qapplication
from app.i18n import install_translations
from app.main_window import MainWindow
from app.settings import Settings
from models.db import Database


@pytest.fixture
def desktop(qapp: QApplication, db: Database) -> Iterator[DesktopApp]:
    """The application controller on the test database, English, system theme."""
    create_qapplication([])
    install_translations("en")
    app = DesktopApp(qapp, db, Settings())
    yield app
    app.runner.shutdown()


@pytest.fixture
def window(qtbot, desktop: DesktopApp) -> MainWindow:  # type: ignore[no-untyped-def]
    win = desktop.build_window()
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    return win
