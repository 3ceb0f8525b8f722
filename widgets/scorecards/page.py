"""Scorecards page: evaluation templates and how often they were used."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from models.queries.listings import ScorecardSummary, list_scorecards
from widgets.common.context import PageContext
from widgets.common.record_table import Column
from widgets.common.table_page import RecordTablePage


class ScorecardsPage(RecordTablePage):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        columns: list[Column[ScorecardSummary]] = [
            Column(self.tr("Code"), lambda t: t.code),
            Column(self.tr("Name"), lambda t: t.name),
            Column(self.tr("Version"), lambda t: t.revision, align_right=True),
            Column(self.tr("Criteria"), lambda t: t.criteria, align_right=True),
            Column(self.tr("Evaluations"), lambda t: t.evaluations, align_right=True),
        ]
        super().__init__(
            context, self.tr("Scorecards"), columns, list_scorecards,
            {"scorecard_templates", "evaluations"}, parent,
        )
