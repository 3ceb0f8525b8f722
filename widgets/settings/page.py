"""Settings page: language, appearance, the user's name, the database in use.

The page only shows and emits choices; ``app`` stores them and applies them.
Other areas add their own tabs (SLA policies, calendars, watched folder …).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from widgets.common.context import PageContext
from widgets.imports.watched_folder_tab import WatchedFolderTab
from widgets.settings.calendars import CalendarsTab
from widgets.settings.kpi_targets import KpiTargetsTab
from widgets.settings.sla_policies import SlaPoliciesTab


class GeneralSettingsTab(QWidget):
    language_chosen = Signal(str)
    theme_chosen = Signal(str)
    user_name_changed = Signal(str)

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Language"))
        for code, label in (
            ("system", self.tr("Follow the system")),
            ("zh_CN", "简体中文"),
            ("en", "English"),
        ):
            self.language.addItem(label, code)
        self.theme = QComboBox()
        self.theme.setAccessibleName(self.tr("Appearance"))
        for code, label in (
            ("system", self.tr("Follow the system")),
            ("light", self.tr("Light")),
            ("dark", self.tr("Dark")),
        ):
            self.theme.addItem(label, code)
        self.user_name = QLineEdit(context.user)
        self.user_name.setAccessibleName(self.tr("Your name"))
        self.database = QLabel(context.db.display_name)
        self.database.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Appearance"), self.theme)
        form.addRow(self.tr("Your name (for audit entries)"), self.user_name)
        form.addRow(self.tr("Database"), self.database)
        self.language.activated.connect(
            lambda _i: self.language_chosen.emit(self.language.currentData())
        )
        self.theme.activated.connect(lambda _i: self.theme_chosen.emit(self.theme.currentData()))
        self.user_name.editingFinished.connect(
            lambda: self.user_name_changed.emit(self.user_name.text())
        )

    def show_values(self, language: str, theme: str) -> None:
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        self.theme.setCurrentIndex(max(0, self.theme.findData(theme)))


class SettingsPage(QWidget):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.title_label = QLabel(self.tr("Settings"))
        self.title_label.setObjectName("pageTitle")
        self.general = GeneralSettingsTab(context)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.general, self.tr("General"))
        self.watched_folder = WatchedFolderTab(context)
        self.tabs.addTab(self.watched_folder, self.tr("Watched folder"))
        self.tabs.addTab(SlaPoliciesTab(context), self.tr("SLA policies"))
        self.tabs.addTab(CalendarsTab(context), self.tr("Business calendars"))
        self.tabs.addTab(KpiTargetsTab(context), self.tr("KPI targets"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.tabs)
