"""The pages of the main window, in navigation order, with their icons and shortcuts."""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from widgets.common.context import PageContext


@dataclass(frozen=True)
class PageSpec:
    """A page: its key, untranslated title ("MainWindow" context), icon and class.

    ``factory`` is ``"module:Class"``, imported when the page is first built, so that
    start-up does not pay for chart libraries and pages nobody opened.
    """

    key: str
    title: str
    icon: str  # resources/icons/<icon>.svg
    factory: str

    def build(self, context: PageContext) -> QWidget:
        module, _, name = self.factory.partition(":")
        page_class = getattr(importlib.import_module(module), name)
        page: QWidget = page_class(context)
        return page


def _spec(key: str, title: str, class_name: str) -> PageSpec:
    return PageSpec(key, title, key, f"widgets.{key}.page:{class_name}")


PAGES: list[PageSpec] = [
    _spec("dashboard", QT_TRANSLATE_NOOP("MainWindow", "Dashboard"), "DashboardPage"),
    _spec("tickets", QT_TRANSLATE_NOOP("MainWindow", "Tickets"), "TicketsPage"),
    _spec("inspections", QT_TRANSLATE_NOOP("MainWindow", "Inspections"), "InspectionsPage"),
    _spec("checklists", QT_TRANSLATE_NOOP("MainWindow", "Checklists"), "ChecklistsPage"),
    _spec("vendors", QT_TRANSLATE_NOOP("MainWindow", "Vendors"), "VendorsPage"),
    _spec("scorecards", QT_TRANSLATE_NOOP("MainWindow", "Scorecards"), "ScorecardsPage"),
    _spec("imports", QT_TRANSLATE_NOOP("MainWindow", "Imports"), "ImportsPage"),
    _spec("settings", QT_TRANSLATE_NOOP("MainWindow", "Settings"), "SettingsPage"),
]
PAGE_KEYS = [p.key for p in PAGES]
