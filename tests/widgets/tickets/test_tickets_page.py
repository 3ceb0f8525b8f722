"""The Tickets page on a real demo database: the id-array model passes Qt's model tests,
a selection shows exactly its tickets with a banner, sorting happens on columnar data,
the detail panel shows SLA state, and the last row is one small query away."""

from __future__ import annotations

import datetime as dt
import time
from functools import partial
from typing import Any

import numpy as np
import pytest
from PySide6.QtCore import Qt

from models.kpi.api import Selector, TicketFilter, sla_states, ticket_ids
from models.queries.tickets import ticket_rows
from tests.widgets.dashboard.fixtures import engine_view
from widgets.common.context import PageContext
from widgets.dashboard.store_holder import store_holder
from widgets.tickets.detail_panel import minutes_text
from widgets.tickets.page import TicketsPage
from widgets.tickets.selection import TicketSelection
from widgets.tickets.table_model import COLUMNS, TicketTableModel

TIMEOUT = 20_000
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def open_page(qtbot: Any, context: PageContext, with_store: bool = True) -> TicketsPage:
    holder = store_holder(context)
    if with_store and not holder.ready:
        with qtbot.waitSignal(holder.loaded, timeout=TIMEOUT):
            holder.ensure_loaded()
    page = TicketsPage(context)
    qtbot.addWidget(page)
    if page.model.rowCount() == 0:
        with qtbot.waitSignal(page.ids_shown, timeout=TIMEOUT):
            pass
    return page


def test_model_passes_qt_model_tester(qtmodeltester: Any, context: PageContext) -> None:
    store, _ = engine_view(context.db)
    model = TicketTableModel(partial(ticket_rows, context.db))
    model.set_ids(store.id[::-1][:450])
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 450
    first = model.ticket(0)
    assert first is not None and first.id == int(store.id[-1])
    assert model.ticket(450) is None


def test_all_tickets_newest_first_without_and_with_the_store(qtbot: Any,
                                                             context: PageContext) -> None:
    from_db = open_page(qtbot, context, with_store=False)
    store, _ = engine_view(context.db)
    assert from_db.model.rowCount() == store.size
    from_store = open_page(qtbot, context)
    assert np.array_equal(from_store.model.ids, store.id[::-1])
    created = [from_store.model.ticket(r).created_at for r in range(0, store.size, 37)]
    assert created == sorted(created, reverse=True)


def test_selection_shows_exactly_its_tickets_with_banner(qtbot: Any,
                                                         context: PageContext) -> None:
    page = open_page(qtbot, context)
    page.show()
    store, policies = engine_view(context.db)
    now = dt.datetime.now(dt.UTC)
    filt = TicketFilter(start=now - dt.timedelta(days=120), priorities=("P3",))
    selection = TicketSelection("P3 breached", filt, Selector("response_sla", "breached"), now)
    with qtbot.waitSignal(page.ids_shown, timeout=TIMEOUT):
        page.apply_filter(selection)
    expected = ticket_ids(store, filt, selection.selector, as_of=now, policies=policies)
    assert expected.size > 0
    assert sorted(page.model.ids.tolist()) == sorted(expected.tolist())
    assert page.banner.isVisible()
    assert "P3 breached" in page.banner_label.text()
    assert f"{expected.size}" in page.count_label.text()
    with qtbot.waitSignal(page.ids_shown, timeout=TIMEOUT):
        qtbot.mouseClick(page.clear_button, Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == store.size
    assert not page.banner.isVisible()

    with qtbot.waitSignal(page.ids_shown, timeout=TIMEOUT):
        page.apply_filter(TicketSelection.of_ids("three", [int(i) for i in store.id[:3]]))
    assert sorted(page.model.ids.tolist()) == sorted(store.id[:3].tolist())


def test_sorting_reorders_ids_on_columns(qtbot: Any, context: PageContext) -> None:
    page = open_page(qtbot, context)
    column = [c[0] for c in COLUMNS].index("priority")
    with qtbot.waitSignal(page.ids_shown, timeout=TIMEOUT):
        page.table.sortByColumn(column, Qt.SortOrder.AscendingOrder)
    priorities = [page.model.ticket(r).priority for r in range(page.model.rowCount())]
    present = [p for p in priorities if p is not None]
    assert present == sorted(present)
    assert priorities[: len(present)] == present  # missing values last
    column = [c[0] for c in COLUMNS].index("external_id")
    with qtbot.waitSignal(page.ids_shown, timeout=TIMEOUT):
        page.table.sortByColumn(column, Qt.SortOrder.DescendingOrder)
    ext = [page.model.ticket(r).external_id for r in range(page.model.rowCount())]
    assert ext == sorted(ext, reverse=True)


def test_detail_panel_shows_fields_durations_and_sla(qtbot: Any, context: PageContext) -> None:
    page = open_page(qtbot, context)
    store, policies = engine_view(context.db)
    page.table.selectRow(5)
    ticket = page.model.ticket(5)
    assert ticket is not None
    assert page.detail.fields["external_id"].text() == ticket.external_id
    qtbot.waitUntil(lambda: "computing" not in page.detail.fields["response_sla"].text(),
                    timeout=TIMEOUT)
    state = sla_states(store, [ticket.id], dt.datetime.now(dt.UTC), policies)[0]
    shown = page.detail.fields["response_sla"].text()
    assert {"met": "met", "breached": "breached", "pending": "pending",
            "none": "not measured"}[state.response.outcome] in shown
    if ticket.first_response_at is not None:
        minutes = (ticket.first_response_at - ticket.created_at).total_seconds() / 60
        assert page.detail.fields["frt"].text() == minutes_text(minutes)


def test_jump_to_last_row_is_one_page_away(qtbot: Any, context: PageContext) -> None:
    page = open_page(qtbot, context)
    page.resize(1200, 700)
    page.show()
    qtbot.waitExposed(page)
    started = time.perf_counter()
    page.table.scrollToBottom()
    last = page.model.rowCount() - 1
    page.table.selectRow(last)
    qtbot.wait(1)
    assert (time.perf_counter() - started) < 0.3
    ticket = page.model.ticket(last)
    store, _ = engine_view(context.db)
    assert ticket is not None and ticket.id == int(store.id[0])


def test_sorting_by_vendor_before_the_store_is_loaded(qtbot: Any, context: PageContext) -> None:
    page = open_page(qtbot, context, with_store=False)
    column = [c[0] for c in COLUMNS].index("vendor")
    with qtbot.waitSignal(page.ids_shown, timeout=TIMEOUT):
        page.table.sortByColumn(column, Qt.SortOrder.AscendingOrder)
    names = [page.model.ticket(r).vendor for r in range(page.model.rowCount())]
    present = [n for n in names if n is not None]
    assert present == sorted(present, key=str.casefold)
    assert names[: len(present)] == present
