"""Checklists page: the checklist templates and their versions."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from models.queries.listings import ChecklistSummary, list_checklists
from widgets.common.context import PageContext
from widgets.common.record_table import Column
from widgets.common.table_page import RecordTablePage


class ChecklistsPage(RecordTablePage):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        columns: list[Column[ChecklistSummary]] = [
            Column(self.tr("Code"), lambda c: c.code),
            Column(self.tr("Name"), lambda c: c.name),
            Column(self.tr("Version"), lambda c: c.revision, align_right=True),
            Column(self.tr("Kind"), lambda c: c.kind),
            Column(self.tr("Items"), lambda c: c.items, align_right=True),
            Column(self.tr("Pass score"), lambda c: c.pass_score, align_right=True),
        ]
        super().__init__(
            context, self.tr("Checklists"), columns, list_checklists, {"checklist_templates"},
            parent,
        )
