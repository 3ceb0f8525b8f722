"""The pages of the main window, in navigation order, with their icons and shortcuts."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from widgets.checklists.page import ChecklistsPage
from widgets.common.context import PageContext
from widgets.dashboard.page import DashboardPage
from widgets.imports.page import ImportsPage
from widgets.inspections.page import InspectionsPage
from widgets.scorecards.page import ScorecardsPage
from widgets.settings.page import SettingsPage
from widgets.tickets.page import TicketsPage
from widgets.vendors.page import VendorsPage


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str  # untranslated; translated in the "MainWindow" context
    icon: str  # resources/icons/<icon>.svg
    factory: type[QWidget]

    def build(self, context: PageContext) -> QWidget:
        return self.factory(context)  # type: ignore[call-arg]


PAGES: list[PageSpec] = [
    PageSpec("dashboard", QT_TRANSLATE_NOOP("MainWindow", "Dashboard"), "dashboard", DashboardPage),
    PageSpec("tickets", QT_TRANSLATE_NOOP("MainWindow", "Tickets"), "tickets", TicketsPage),
    PageSpec(
        "inspections", QT_TRANSLATE_NOOP("MainWindow", "Inspections"), "inspections",
        InspectionsPage,
    ),
    PageSpec(
        "checklists", QT_TRANSLATE_NOOP("MainWindow", "Checklists"), "checklists", ChecklistsPage
    ),
    PageSpec("vendors", QT_TRANSLATE_NOOP("MainWindow", "Vendors"), "vendors", VendorsPage),
    PageSpec(
        "scorecards", QT_TRANSLATE_NOOP("MainWindow", "Scorecards"), "scorecards", ScorecardsPage
    ),
    PageSpec("imports", QT_TRANSLATE_NOOP("MainWindow", "Imports"), "imports", ImportsPage),
    PageSpec("settings", QT_TRANSLATE_NOOP("MainWindow", "Settings"), "settings", SettingsPage),
]
PAGE_KEYS = [p.key for p in PAGES]
