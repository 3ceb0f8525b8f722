"""The audit log of the shown template and evaluations: who, when, what, old, new."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QWidget

from models.scorecards.queries import AuditRow
from widgets.scorecards.scorecard_view import read_only_item


class AuditLogTable(QTableWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 7, parent)
        self.setHorizontalHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("Action"),
                                        self.tr("What"), self.tr("Field"), self.tr("Old"),
                                        self.tr("New")])
        self.setAccessibleName(self.tr("Audit log"))
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.horizontalHeader().setStretchLastSection(True)

    def set_entries(self, rows: Sequence[AuditRow], names: dict[tuple[str, int], str]) -> None:
        self.setRowCount(len(rows))
        for r, a in enumerate(rows):
            what = names.get((a.entity, a.entity_id or 0), f"{a.entity} {a.entity_id}")
            for col, text in enumerate((a.at.astimezone().strftime("%Y-%m-%d %H:%M:%S"),
                                        a.user or "", a.action, what, a.field or "",
                                        a.old or "", a.new or "")):
                self.setItem(r, col, read_only_item(text))
        self.resizeColumnsToContents()
        self.horizontalHeader().setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)

    def texts(self) -> list[list[str]]:
        return [[self.item(r, c).text() for c in range(self.columnCount())]
                for r in range(self.rowCount())]
