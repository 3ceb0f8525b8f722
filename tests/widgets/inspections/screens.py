"""Helpers for the README screenshots: switch the interface language, save a grab."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QWidget

from tests.conftest import REPO, SCREENSHOTS

TRANSLATIONS = REPO / "resources" / "translations"


@contextmanager
def language(lang: str) -> Iterator[None]:
    """Install the compiled zh_CN translations (run ``tools/i18n.py compile`` first)."""
    app = QCoreApplication.instance()
    installed: list[QTranslator] = []
    if lang == "zh":
        for area in ("checklists", "inspections"):
            translator = QTranslator()
            assert translator.load(str(TRANSLATIONS / f"{area}_zh_CN.qm")), (
                f"{area}_zh_CN.qm missing: run tools/i18n.py compile")
            app.installTranslator(translator)
            installed.append(translator)
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    try:
        yield
    finally:
        for translator in installed:
            app.removeTranslator(translator)
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


def save(widget: QWidget, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / name
    assert widget.grab().save(str(path))
    return path
