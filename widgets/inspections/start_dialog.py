"""Starting an inspection: checklist, site, inspector (remembered), kind, visit time."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from models.checklists.queries import filter_choices
from models.checklists.templates import latest_versions
from models.db import Database
from models.orm.checklists import InspectionKind
from widgets.common.context import Preferences
from widgets.inspections.report_html import kind_label

INSPECTOR_KEY = "inspector_name"


class StartDialog(QDialog):
    """The choices for :func:`models.checklists.inspections.start_inspection`."""

    def __init__(self, db: Database, prefs: Preferences, default_name: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prefs = prefs
        self.setWindowTitle(self.tr("Start an inspection"))
        self.template = QComboBox()
        self.template.setAccessibleName(self.tr("Checklist"))
        self._kinds: dict[int, InspectionKind] = {}
        for version in latest_versions(db):
            self.template.addItem(f"{version.name} (v{version.revision})", version.id)
            self._kinds[version.id] = InspectionKind(version.kind)
        self.site = QComboBox()
        self.site.setAccessibleName(self.tr("Site"))
        for site_id, name in filter_choices(db).sites:
            self.site.addItem(name, site_id)
        self.inspector = QLineEdit(str(prefs.get(INSPECTOR_KEY, default_name) or ""))
        self.inspector.setAccessibleName(self.tr("Inspector"))
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Kind"))
        for kind in InspectionKind:
            self.kind.addItem(kind_label(kind), kind.value)
        self.visited = QDateTimeEdit(QDateTime.currentDateTime())
        self.visited.setCalendarPopup(True)
        self.visited.setAccessibleName(self.tr("Visit date and time"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Checklist"), self.template)
        form.addRow(self.tr("Site"), self.site)
        form.addRow(self.tr("Inspector"), self.inspector)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Visited"), self.visited)
        form.addRow(self.buttons)
        for widget in (self.template, self.site, self.inspector, self.kind, self.visited):
            widget.setMinimumHeight(44)
        self.template.currentIndexChanged.connect(self._on_template_current_index_changed)
        self.inspector.textChanged.connect(self._update)
        self._on_template_current_index_changed()

    def _on_template_current_index_changed(self, _index: int = 0) -> None:
        kind = self._kinds.get(self.template.currentData())
        if kind is not None:
            self.kind.setCurrentIndex(self.kind.findData(kind.value))
        self._update()

    def _update(self) -> None:
        ok = self.template.count() > 0 and bool(self.inspector.text().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def accept(self) -> None:
        self.prefs.set(INSPECTOR_KEY, self.inspector.text().strip())
        super().accept()

    def values(self) -> tuple[int, int | None, str, InspectionKind, dt.datetime]:
        """(template id, site id, inspector, kind, visited_at aware UTC)."""
        visited = self.visited.dateTime().toSecsSinceEpoch()
        return (int(self.template.currentData()), self.site.currentData(),
                self.inspector.text().strip(), InspectionKind(self.kind.currentData()),
                dt.datetime.fromtimestamp(visited, dt.UTC))
