"""Tickets page: the tickets of a filter (or all of them), newest first, in a table that
stays smooth at a million rows, with a detail panel for the selected ticket.

The table model holds only an id array; rows are fetched a page at a time
(:func:`models.queries.tickets.ticket_rows`). The ids come from the KPI engine's store
(``ticket_ids(store, filt, selector)`` — exactly the tickets behind a dashboard number)
or, before the store is loaded, from the database. Sorting reorders the id array on the
store's columns (:mod:`widgets.tickets.ordering`) in a worker, never in a proxy model.
:meth:`TicketsPage.apply_filter` is what ``bus.open_tickets`` leads to.
"""

from __future__ import annotations

import datetime as dt
from functools import partial
from typing import Any

import numpy as np
from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.kpi.api import TicketFilter, sla_states
from models.progress import Progress
from models.queries.tickets import SORTABLE as SQL_SORTABLE
from models.queries.tickets import ticket_ids as sql_ticket_ids
from models.queries.tickets import ticket_rows
from widgets.common.context import PageContext
from widgets.dashboard.store_holder import store_holder
from widgets.tickets.detail_panel import TicketDetailPanel
from widgets.tickets.ordering import order_ids
from widgets.tickets.selection import TicketSelection
from widgets.tickets.table_model import COLUMNS, TicketTableModel


class TicketsPage(QWidget):
    """``ids_shown`` after the table shows a new id array (tests and benchmarks wait on it)."""

    ids_shown = Signal()

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.holder = store_holder(context)
        self.selection: TicketSelection | None = None
        self._sort: tuple[str, bool] = ("created_at", True)
        self._base_ids = np.empty(0, dtype=np.int64)  # current set in creation order
        self._waiting_for_store = False
        self.title_label = QLabel(self.tr("Tickets"))
        self.title_label.setObjectName("pageTitle")
        self.count_label = QLabel()
        self.banner = QFrame()
        self.banner.setObjectName("filterBanner")
        self.banner.setStyleSheet("#filterBanner { background: #fff4d6; border: 1px solid "
                                  "#e0a526; border-radius: 4px; } #filterBanner QLabel "
                                  "{ color: #4a3b00; }")
        self.banner_label = QLabel()
        self.banner_label.setWordWrap(True)
        self.clear_button = QPushButton(self.tr("Clear filter"))
        self.clear_button.setAccessibleName(self.tr("Clear filter"))
        banner = QHBoxLayout(self.banner)
        banner.setContentsMargins(8, 4, 8, 4)
        banner.addWidget(self.banner_label, 1)
        banner.addWidget(self.clear_button)
        self.banner.hide()

        self.model = TicketTableModel(partial(ticket_rows, context.db), self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(1, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        vertical = self.table.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(24)
        vertical.hide()
        self.table.horizontalHeader().setDefaultSectionSize(110)
        self.table.setColumnWidth(1, 140)  # created: full date and time
        self.table.setColumnWidth(5, 150)
        self.table.setColumnWidth(6, 200)
        self.table.setAccessibleName(self.tr("Tickets"))
        self.detail = TicketDetailPanel()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 1)
        splitter.setSizes([900, 300])
        header = QHBoxLayout()
        header.addWidget(self.title_label)
        header.addStretch(1)
        header.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.banner)
        layout.addWidget(splitter, 1)

        self.clear_button.clicked.connect(lambda: self.apply_filter(None))
        self.model.sort_requested.connect(self._on_model_sort_requested)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        self.holder.refreshed.connect(self._on_holder_refreshed)
        self.holder.loaded.connect(self._on_holder_loaded)
        context.bus.data_changed.connect(self._on_bus_data_changed)
        self.reload()

    # -- public --------------------------------------------------------------------------
    def apply_filter(self, selection: object) -> None:
        """Show exactly the tickets of ``selection`` (a :class:`TicketSelection`, a
        ``TicketFilter``, or None for all tickets), with a banner naming it."""
        if isinstance(selection, TicketFilter):
            selection = TicketSelection(label=self.tr("Filtered tickets"), filt=selection)
        if selection is not None and not isinstance(selection, TicketSelection):
            raise TypeError(f"cannot show tickets for {selection!r}")
        self.selection = selection
        if selection is None:
            self.banner.hide()
        else:
            self.banner_label.setText(self.tr("Showing: %1").replace("%1", selection.label))
            self.banner.show()
        self.reload()

    def reload(self) -> None:
        """Recompute the id list for the current selection and order (off the GUI thread
        unless the store already answers it in a few milliseconds)."""
        selection = self.selection
        holder = self.holder
        if selection is None and holder.ready and self._sort == ("created_at", True):
            ids = holder.store.id  # one attribute read: consistent even during a refresh
            self._show_ids(ids, ids[::-1])  # newest first, no sort needed
            return
        needs_store = (selection is not None and selection.ids is None) or (
            self._sort[0] not in SQL_SORTABLE)
        if needs_store and not holder.ready:
            self.count_label.setText(self.tr("Loading tickets…"))
            self._waiting_for_store = True
            holder.ensure_loaded()  # reload() runs again when it has loaded
            return
        db, column, descending = self.context.db, *self._sort
        store = holder.store if holder.ready else None
        policies, lock = holder.policies, holder.lock
        names = self._names(column)

        def work(_progress: Progress) -> tuple[Any, Any]:
            with lock:
                if selection is not None:
                    base = selection.resolve(store, policies, dt.datetime.now(dt.UTC))
                else:
                    base = store.id if store is not None else None
                if base is None:  # no store yet: the database orders all tickets
                    ordered = sql_ticket_ids(db, column, descending)
                    return ordered, ordered
                return base, order_ids(base, column, descending, store=store, db=db,
                                       names=names)

        self.count_label.setText(self.tr("Loading tickets…"))
        self.context.runner.submit(work, on_result=lambda r: self._show_ids(*r),
                                   on_error=self._on_error, key=f"tickets-ids-{id(self)}",
                                   owner=self)

    def _names(self, column: str) -> dict[int, str] | None:
        choices = self.holder.choices
        if column == "vendor":
            return dict(choices.vendors)
        if column == "site":
            return dict(choices.sites)
        return None

    def _show_ids(self, base: Any, ids: Any) -> None:
        self._base_ids = np.asarray(base, dtype=np.int64)
        self.model.set_ids(np.ascontiguousarray(ids, dtype=np.int64))
        self.count_label.setText(
            self.tr("%1 ticket(s)").replace("%1", f"{self.model.rowCount():,}"))
        self.detail.show_ticket(None)
        self.ids_shown.emit()

    def _on_error(self, error: BaseException) -> None:
        self.count_label.setText(self.tr("Could not list the tickets: %1").replace(
            "%1", str(error)))

    # -- slots ---------------------------------------------------------------------------
    def _on_model_sort_requested(self, column: str, descending: bool) -> None:
        self._sort = (column, descending)
        self.reload()

    def _on_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        ticket = self.model.ticket(current.row()) if current.isValid() else None
        self.detail.show_ticket(ticket)
        holder = self.holder
        if ticket is None or not holder.ready:
            self.detail.show_sla(None)
            return
        store, lock, policies = holder.store, holder.lock, holder.policies
        ticket_id = ticket.id

        def work(_progress: Progress) -> Any:
            with lock:
                states = sla_states(store, [ticket_id], dt.datetime.now(dt.UTC), policies)
            return states[0] if states else None

        self.context.runner.submit(work, on_result=self._on_sla, on_error=self._on_error,
                                   key=f"tickets-sla-{id(self)}", owner=self)

    def _on_sla(self, sla: Any) -> None:
        shown = self.detail.ticket
        if shown is not None and (sla is None or sla.ticket_id == shown.id):
            self.detail.show_sla(sla)

    def _on_holder_loaded(self) -> None:
        if self._waiting_for_store:
            self._waiting_for_store = False
            self.reload()

    def _on_holder_refreshed(self, changed: bool) -> None:
        if changed:
            self.model.clear_cache()
            self.reload()

    def _on_bus_data_changed(self, tables: object) -> None:
        if not self.holder.ready and isinstance(tables, set) and "tickets" in tables:
            self.reload()

    def sort_column_index(self) -> int:
        return [c[0] for c in COLUMNS].index(self._sort[0])


__all__ = ["TicketsPage"]
