"""Both languages: every visible string has a Chinese translation, and it is shown."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from app.i18n import effective_language, install_translations
from app.main_window import MainWindow
from app.settings import Settings
from app.tasks import QtTaskRunner
from models.db import Database

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tools"))
import i18n as i18n_tool  # noqa: E402


def test_every_source_string_is_translated(tmp_path: Path) -> None:
    """Extract the strings from the current sources into a copy of the .ts files:
    nothing may be new or unfinished."""
    for ts in i18n_tool.TRANSLATIONS.glob("*.ts"):
        shutil.copy(ts, tmp_path / ts.name)
    areas = i18n_tool.areas()
    i18n_tool.update(list(areas), folder=tmp_path)
    missing = {a: p for a in areas if (p := i18n_tool.pending(a, folder=tmp_path))}
    assert not missing, f"untranslated strings: {missing}"


def test_system_locale_chooses_the_language() -> None:
    assert effective_language("system", QLocale(QLocale.Language.Chinese)) == "zh_CN"
    assert effective_language("system", QLocale(QLocale.Language.German)) == "en"
    assert effective_language("en", QLocale(QLocale.Language.Chinese)) == "en"


@pytest.fixture
def chinese(qapp: QApplication):  # type: ignore[no-untyped-def]
    i18n_tool.compile_all()
    install_translations("zh_CN")
    yield
    install_translations("en")


def test_main_window_speaks_chinese(chinese: None, qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    runner = QtTaskRunner()
    window = MainWindow(db, Settings(), runner)
    qtbot.addWidget(window)
    labels = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    assert labels[0] == "仪表盘" and labels[-1] == "设置"
    assert window.menuBar().actions()[0].text() == "文件(&F)"
    assert window.windowTitle().startswith("服务质量监督台")
    runner.shutdown()
