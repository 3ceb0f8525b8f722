"""A page that is one titled, sortable table of records, refreshed when its tables change."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.export import write_table
from widgets.common.context import PageContext
from widgets.common.record_table import Column, RecordTableModel


class RecordTablePage(QWidget):
    """Title, a search box and a table of ``load(db)`` records; reloads on ``data_changed``.

    ``tables`` names the database tables whose change makes this page reload.
    """

    def __init__(
        self,
        context: PageContext,
        title: str,
        columns: Sequence[Column[Any]],
        load: Callable[[Any], Sequence[Any]],
        tables: set[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self._load, self._tables = load, tables
        self.title_label = QLabel(title)
        self.title_label.setObjectName("pageTitle")
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search…"))
        self.search.setAccessibleName(self.tr("Search"))
        self.search.setClearButtonEnabled(True)
        self.model: RecordTableModel[Any] = RecordTableModel(columns, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setSortRole(Qt.ItemDataRole.UserRole)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName(title)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.search)
        layout.addWidget(self.table)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        context.bus.data_changed.connect(self._on_bus_data_changed)
        self.reload()

    def reload(self) -> None:
        self.model.set_records(self._load(self.context.db))
        self.table.resizeColumnsToContents()

    def _on_bus_data_changed(self, tables: set[str]) -> None:
        if tables & self._tables:
            self.reload()

    def export_table(self, path: Path) -> Path:
        """Write the rows as shown (filtered, sorted) to xlsx or csv."""
        rows = []
        for r in range(self.proxy.rowCount()):
            source_row = self.proxy.mapToSource(self.proxy.index(r, 0)).row()
            rows.append(self.model.row_values(source_row))
        return write_table(path, self.model.headers(), rows)
