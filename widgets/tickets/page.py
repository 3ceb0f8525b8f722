"""Tickets page: every ticket, newest first, in a table that stays smooth at a million rows."""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableView, QVBoxLayout, QWidget

from models.queries.tickets import ticket_ids, ticket_rows
from widgets.common.context import PageContext
from widgets.tickets.table_model import TicketTableModel


class TicketsPage(QWidget):
    """Loads the ordered id list when shown (not at start-up) and pages rows in on demand."""

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.title_label = QLabel(self.tr("Tickets"))
        self.title_label.setObjectName("pageTitle")
        self.count_label = QLabel()
        self.model = TicketTableModel(partial(ticket_rows, context.db), self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.verticalHeader().hide()
        self.table.setAccessibleName(self.tr("Tickets"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.count_label)
        layout.addWidget(self.table)
        context.bus.data_changed.connect(self._on_bus_data_changed)
        self.reload()

    def reload(self) -> None:
        self.model.set_ids(ticket_ids(self.context.db))
        self.count_label.setText(self.tr("%n ticket(s)", "", self.model.rowCount()))

    def _on_bus_data_changed(self, tables: set[str]) -> None:
        if "tickets" in tables:
            self.reload()
