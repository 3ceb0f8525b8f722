"""Inspections page: visits and their scores."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from models.queries.listings import InspectionSummary, list_inspections
from widgets.common.context import PageContext
from widgets.common.record_table import Column
from widgets.common.table_page import RecordTablePage


class InspectionsPage(RecordTablePage):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        columns: list[Column[InspectionSummary]] = [
            Column(self.tr("Visited"), lambda i: i.visited_at),
            Column(self.tr("Site"), lambda i: i.site),
            Column(self.tr("Checklist"), lambda i: i.template),
            Column(self.tr("Inspector"), lambda i: i.inspector),
            Column(self.tr("Kind"), lambda i: i.kind),
            Column(self.tr("Status"), lambda i: i.status),
            Column(self.tr("Score"), lambda i: i.score, align_right=True),
            Column(self.tr("Passed"), lambda i: i.passed),
        ]
        super().__init__(
            context, self.tr("Inspections"), columns, list_inspections, {"inspections"}, parent
        )
