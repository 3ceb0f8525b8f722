"""The "what-if" preview shared by the SLA policy and calendar tabs: SLA met % over all
imported history under the saved settings and under the edited ones, side by side, per
priority, vendor and site, with the difference in percentage points.

:meth:`WhatIfView.preview` runs the engine's ``what_if`` on a worker with the shared
ticket store (loaded on first use) and shows the rows; nothing is saved.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.kpi.api import PolicySet, Rate, WhatIfRow, what_if
from models.progress import Progress
from widgets.common.context import PageContext
from widgets.dashboard.store_holder import store_holder


def _rate(rate: Rate) -> str:
    if rate.pct is None:
        return "—"
    return f"{rate.pct:.1f} %" + (" *" if rate.thin else "")


def _delta(delta: float | None) -> QTableWidgetItem:
    item = QTableWidgetItem("—" if delta is None else f"{delta:+.1f}")
    if delta is not None and abs(delta) >= 0.05:
        item.setForeground(QColor("#2e9d5b" if delta > 0 else "#d64541"))
    return item


class WhatIfView(QWidget):
    """``previewed`` after new rows are shown (tests wait on it)."""

    previewed = Signal()

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.holder = store_holder(context)
        self.note = QLabel(self.tr("Press “Preview” to see how the edits change SLA met % "
                                   "over the history already imported. Nothing is saved."))
        self.note.setWordWrap(True)
        self.table = QTableWidget(0, 8)
        self.table.setAccessibleName(self.tr("What-if preview"))
        self.table.setHorizontalHeaderLabels([
            self.tr("Scope"), self.tr("Group"), self.tr("Response now"),
            self.tr("Response edited"), self.tr("Δ pp"), self.tr("Resolution now"),
            self.tr("Resolution edited"), self.tr("Δ pp"),
        ])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        self.rows: tuple[WhatIfRow, ...] = ()
        self._pending: Callable[[], PolicySet] | None = None
        self.holder.loaded.connect(self._on_holder_loaded)

    def preview(self, edited: Callable[[], PolicySet]) -> None:
        """Compare the saved policies with ``edited()`` (called now, in the GUI thread)."""
        try:
            edited_set = edited()
        except ValueError as exc:
            self.note.setText(str(exc))
            return
        holder = self.holder
        if not holder.ready:
            self._pending = edited
            self.note.setText(self.tr("Loading tickets…"))
            holder.ensure_loaded()
            return
        store, lock, current = holder.store, holder.lock, holder.policies
        assert current is not None

        def work(_progress: Progress) -> tuple[WhatIfRow, ...]:
            with lock:
                return what_if(store, current, edited_set, dt.datetime.now(dt.UTC))

        self.note.setText(self.tr("Computing…"))
        self.context.runner.submit(work, on_result=self.show_rows, on_error=self._on_error,
                                   key=f"what-if-{id(self)}", owner=self)

    def _on_holder_loaded(self) -> None:
        if self._pending is not None:
            edited, self._pending = self._pending, None
            self.preview(edited)

    def _on_error(self, error: BaseException) -> None:
        self.note.setText(self.tr("Could not compute the preview: %1").replace("%1", str(error)))

    def show_rows(self, rows: tuple[WhatIfRow, ...]) -> None:
        self.rows = rows
        scopes = {"all": self.tr("All"), "priority": self.tr("Priority"),
                  "vendor": self.tr("Vendor"), "site": self.tr("Site")}
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            cells = [
                QTableWidgetItem(scopes.get(row.scope, row.scope)),
                QTableWidgetItem(self.tr("All tickets") if row.scope == "all"
                                 else row.label or self.tr("(none)")),
                QTableWidgetItem(_rate(row.response_current)),
                QTableWidgetItem(_rate(row.response_edited)),
                _delta(row.response_delta_pct),
                QTableWidgetItem(_rate(row.resolution_current)),
                QTableWidgetItem(_rate(row.resolution_edited)),
                _delta(row.resolution_delta_pct),
            ]
            for c, item in enumerate(cells):
                self.table.setItem(r, c, item)
        self.note.setText(self.tr("SLA met % over all history: saved settings vs. your edits "
                                  "(* = fewer than 30 tickets). Nothing is saved yet."))
        self.previewed.emit()


__all__ = ["WhatIfView"]
