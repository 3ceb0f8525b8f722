"""A database opened for the first time (no column cache): the dashboard's first view
comes from the recent tickets, the full store follows and writes the cache."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from models.kpi import store_preview
from models.kpi.api import TicketFilter, compute_kpis
from models.kpi.store_cache import cache_file
from tests.widgets.dashboard.fixtures import engine_view
from widgets.common.context import PageContext
from widgets.dashboard.filter_state import FilterState
from widgets.dashboard.page import DashboardPage
from widgets.dashboard.store_holder import store_holder

TIMEOUT = 20_000
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_first_view_from_recent_tickets_then_everything(
    qtbot: Any, context: PageContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_preview, "PREVIEW_MIN_TICKETS", 100)  # as if it were big
    context.db.cache_dir = tmp_path / "cache"
    context.prefs.set("filter", FilterState(preset="last_30").to_json())
    holder = store_holder(context)
    seen: list[tuple[Any, Any, Any]] = []

    def on_preview() -> None:  # runs at once, before the older tickets are read
        month = page.request().filt
        seen.append((holder.preview, holder.store_for(month), holder.store_for(TicketFilter())))

    holder.preview_loaded.connect(on_preview)
    page = DashboardPage(context)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: holder.ready, timeout=TIMEOUT)
    assert len(seen) == 1
    preview, for_month, for_all = seen[0]
    assert preview is not None and preview.complete_from is not None
    assert 0 < preview.size < holder.store.size
    assert for_month is preview  # the last 30 days (and the 30 before) are in it
    assert for_all is None  # all history has to wait for the full store
    assert holder.preview is None and holder.store.complete_from is None
    path = cache_file(context.db)
    assert path is not None and path.exists()  # the next start is not cold

    # the figures shown are those of the full store
    qtbot.waitUntil(lambda: page.data is not None and page._store is holder.store,
                    timeout=TIMEOUT)
    assert page.data is not None
    store, policies = engine_view(context.db)
    req = page.data.request
    expected = compute_kpis(store, req.filt, req.as_of, page.holder.policies or policies)
    assert page.data.kpis == expected
    assert compute_kpis(preview, req.filt, req.as_of, page.holder.policies or policies) == expected


@pytest.mark.parametrize("preset, threshold", [("all", 100), ("last_30", 1_000_000)])
def test_open_period_or_few_tickets_load_everything_at_once(
    qtbot: Any, context: PageContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    preset: str, threshold: int,
) -> None:
    monkeypatch.setattr(store_preview, "PREVIEW_MIN_TICKETS", threshold)
    context.db.cache_dir = tmp_path / "cache"
    context.prefs.set("filter", FilterState(preset=preset).to_json())
    holder = store_holder(context)
    previews: list[object] = []
    holder.preview_loaded.connect(lambda: previews.append(holder.preview))
    page = DashboardPage(context)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.updated, timeout=TIMEOUT):
        pass
    assert previews == [] and holder.ready
