"""Interface language: Simplified Chinese or English, from the system locale or a setting.

Every compiled ``resources/translations/*_zh_CN.qm`` is installed, plus Qt's own
translations for standard dialogs and buttons.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from resources import ROOT as RESOURCES

TRANSLATIONS = RESOURCES / "translations"
_installed: list[QTranslator] = []


def effective_language(setting: str, system_locale: QLocale | None = None) -> str:
    """``zh_CN`` or ``en`` for a setting of ``system``, ``zh_CN`` or ``en``."""
    if setting in ("zh_CN", "en"):
        return setting
    locale = system_locale or QLocale.system()
    return "zh_CN" if locale.language() == QLocale.Language.Chinese else "en"


def install_translations(language: str) -> str:
    """Replace the installed translators with those for ``language``; returns it."""
    app = QCoreApplication.instance()
    assert app is not None, "create the QApplication first"
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language == "zh_CN":
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        candidates = [(qt_folder, "qtbase_zh_CN")]
        candidates += [(str(TRANSLATIONS), qm.stem) for qm in sorted(TRANSLATIONS.glob("*.qm"))]
        for folder, name in candidates:
            translator = QTranslator(app)
            if translator.load(name, folder):
                app.installTranslator(translator)
                _installed.append(translator)
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    return language
