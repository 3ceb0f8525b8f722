"""The phone-answer and on-site arrival cards appear only when the data carries them."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from models.db import Database
from models.kpi.api import compute_kpis
from tests.models.kpi.helpers import add_tickets
from tests.widgets.dashboard.fixtures import engine_view, make_context, open_dashboard
from widgets.common.context import PageContext
from widgets.dashboard.store_holder import store_holder

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_cards_shown_with_their_numbers(qtbot: Any, context: PageContext) -> None:
    page = open_dashboard(qtbot, context, "last_90")
    assert page.data is not None
    store, policies = engine_view(context.db)
    req = page.data.request
    k = compute_kpis(store, req.filt, req.as_of, page.holder.policies or policies)
    for key, value in (("answered_30s_pct", k.answered_30s_pct),
                       ("onsite_sla_met_pct", k.onsite_sla_met_pct)):
        card = page.cards[key]
        assert card.isVisibleTo(page), key
        assert card.value_number == value
    assert k.answered_30s.denominator > 0 and k.onsite_sla.rate.denominator > 0
    selection = page.card_selection("onsite_sla_met_pct")
    assert selection.selector.measure == "onsite_sla"


def test_cards_hidden_without_answer_or_arrival_times(qtbot: Any, qapp: Any, db: Database) -> None:
    now = dt.datetime.now(dt.UTC)
    add_tickets(db, [dict(created_at=now - dt.timedelta(days=d), priority="P1",
                          channel="phone") for d in range(1, 5)])
    context = make_context(db)
    try:
        page = open_dashboard(qtbot, context, "last_90")
        assert not page.cards["answered_30s_pct"].isVisibleTo(page)
        assert not page.cards["onsite_sla_met_pct"].isVisibleTo(page)
        assert page.cards["volume"].isVisibleTo(page)
    finally:
        store_holder(context).close()
        context.runner.shutdown()  # type: ignore[attr-defined]
