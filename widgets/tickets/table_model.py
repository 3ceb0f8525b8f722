"""The ticket table: an id array plus a page cache, smooth at a million rows.

The model holds only the ordered ticket ids; rows are fetched a page at a time
when the view asks for them, so scrolling to the end costs one small query.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from models.queries.tickets import TicketRow
from widgets.common.record_table import display_text
from widgets.tickets.detail_panel import status_text

PAGE_SIZE = 200
MAX_PAGES = 64
Index = QModelIndex | QPersistentModelIndex

COLUMNS: list[tuple[str, str]] = [
    ("external_id", QT_TRANSLATE_NOOP("TicketTableModel", "ID")),
    ("created_at", QT_TRANSLATE_NOOP("TicketTableModel", "Created")),
    ("priority", QT_TRANSLATE_NOOP("TicketTableModel", "Priority")),
    ("status", QT_TRANSLATE_NOOP("TicketTableModel", "Status")),
    ("channel", QT_TRANSLATE_NOOP("TicketTableModel", "Channel")),
    ("category", QT_TRANSLATE_NOOP("TicketTableModel", "Category")),
    ("title", QT_TRANSLATE_NOOP("TicketTableModel", "Title")),
    ("agent", QT_TRANSLATE_NOOP("TicketTableModel", "Agent")),
    ("site", QT_TRANSLATE_NOOP("TicketTableModel", "Site")),
    ("vendor", QT_TRANSLATE_NOOP("TicketTableModel", "Vendor")),
    ("first_response_at", QT_TRANSLATE_NOOP("TicketTableModel", "First response")),
    ("resolved_at", QT_TRANSLATE_NOOP("TicketTableModel", "Resolved")),
    ("csat", QT_TRANSLATE_NOOP("TicketTableModel", "CSAT")),
]


UNSORTABLE = {"title"}


class TicketTableModel(QAbstractTableModel):
    """Rows are ``ids[i]``; ``fetch(ids) -> list[TicketRow]`` loads a page on demand.

    Sorting is not done here: :meth:`sort` emits ``sort_requested(column key, descending)``
    and the page hands back the reordered id array through :meth:`set_ids`.
    """

    sort_requested = Signal(str, bool)

    def __init__(self, fetch: Callable[[Sequence[int]], list[TicketRow]], parent: Any = None):
        super().__init__(parent)
        self._fetch = fetch
        self._ids = np.empty(0, dtype=np.int64)
        self._pages: OrderedDict[int, list[TicketRow]] = OrderedDict()
        self._headers = [
            QCoreApplication.translate("TicketTableModel", label) for _, label in COLUMNS
        ]

    def set_ids(self, ids: np.ndarray) -> None:
        self.beginResetModel()
        self._ids = np.asarray(ids, dtype=np.int64)
        self._pages.clear()
        self.endResetModel()

    def clear_cache(self) -> None:
        """Forget fetched rows (after an import changed them) and repaint."""
        self._pages.clear()
        if self._ids.size:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(self.rowCount() - 1, self.columnCount() - 1))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = COLUMNS[column][0]
        if key not in UNSORTABLE:
            self.sort_requested.emit(key, order == Qt.SortOrder.DescendingOrder)

    def row_of(self, ticket_id: int) -> int:
        """Row of ``ticket_id`` (−1 when not shown)."""
        hits = np.flatnonzero(self._ids == ticket_id)
        return int(hits[0]) if hits.size else -1

    @property
    def ids(self) -> np.ndarray:
        return self._ids

    def ticket(self, row: int) -> TicketRow | None:
        """The row's ticket, fetching its page when needed (None past the end)."""
        if not 0 <= row < self._ids.size:
            return None
        page_no, offset = divmod(row, PAGE_SIZE)
        page = self._pages.get(page_no)
        if page is None:
            start = page_no * PAGE_SIZE
            page = self._fetch(self._ids[start : start + PAGE_SIZE].tolist())
            self._pages[page_no] = page
            if len(self._pages) > MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page_no)
        return page[offset] if offset < len(page) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else int(self._ids.size)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.UserRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        ticket = self.ticket(index.row())
        if ticket is None:
            return None
        value = getattr(ticket, COLUMNS[index.column()][0])
        if role == Qt.ItemDataRole.UserRole:
            return value
        if isinstance(value, float) and COLUMNS[index.column()][0] == "csat":
            return f"{value:g}"
        if COLUMNS[index.column()][0] == "status":
            return status_text(value)
        return display_text(value)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None
