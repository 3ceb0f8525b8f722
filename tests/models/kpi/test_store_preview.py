"""Progressive loading: KPIs on a preview equal the full store's; completing it equals a
full read."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from models.db import Database
from models.demo import generate_demo
from models.kpi import store_preview
from models.kpi.api import (
    TicketFilter,
    arrivals_heatmap,
    breakdown,
    compute_kpis,
    load_policy_set,
    pareto,
    previous_period,
    trend,
)
from models.kpi.store import TicketStore
from tests.models.kpi.helpers import T0, D, H, M, add_tickets

NOW = dt.datetime(2026, 11, 20, 10, tzinfo=dt.UTC)


def _same_columns(a: TicketStore, b: TicketStore) -> None:
    assert a.size == b.size
    ca, cb = a.columns(), b.columns()
    for key in ("id", "created", "first_response", "resolved", "answered", "onsite",
                "priority", "vendor", "site", "complaint", "reopened", "nps", "csat_score"):
        np.testing.assert_array_equal(ca[key], cb[key], err_msg=key)
    for key in ("channel", "category", "agent", "customer"):
        la, lb = ca[f"{key}_labels"], cb[f"{key}_labels"]
        text_a = [la[c] if c >= 0 else None for c in ca[key]]
        text_b = [lb[c] if c >= 0 else None for c in cb[key]]
        assert text_a == text_b, key
    np.testing.assert_array_equal(a.repeat, b.repeat)


def test_dashboard_figures_on_a_preview_equal_the_full_store(db: Database) -> None:
    generate_demo(db, tickets=6000, seed=3, now=NOW)
    policies = load_policy_set(db, "Asia/Shanghai")
    full = TicketStore.load_from_db(db)
    filt = TicketFilter(start=NOW - dt.timedelta(days=30), end=NOW)
    prev = previous_period(filt)
    assert prev.start is not None
    preview = store_preview.load_recent(db, prev.start)
    assert 0 < preview.size < full.size
    assert store_preview.covers(preview, prev.start)
    assert store_preview.covers(preview, filt.start)
    assert not store_preview.covers(preview, prev.start - dt.timedelta(days=1))
    assert not store_preview.covers(preview, None)
    assert store_preview.covers(full, None)
    for f in (filt, prev, TicketFilter(start=filt.start, end=NOW, priorities=("P2",)),
              TicketFilter(start=filt.start, end=NOW, complaints_only=True)):
        assert compute_kpis(preview, f, NOW, policies) == compute_kpis(full, f, NOW, policies)
        assert pareto(preview, f) == pareto(full, f)
        assert breakdown(preview, f, "vendor", NOW, policies) == breakdown(
            full, f, "vendor", NOW, policies)
        np.testing.assert_array_equal(arrivals_heatmap(preview, f, "Asia/Shanghai"),
                                      arrivals_heatmap(full, f, "Asia/Shanghai"))
        for key in ("volume", "response_sla_met_pct", "frt_median_min"):
            a = trend(preview, f, key, "day", NOW, policies, "Asia/Shanghai")
            b = trend(full, f, key, "day", NOW, policies, "Asia/Shanghai")
            np.testing.assert_array_equal(a.values, b.values)
            np.testing.assert_array_equal(a.n, b.n)
    k, kp = compute_kpis(full, filt, NOW, policies), compute_kpis(full, prev, NOW, policies)
    assert k.repeat_complaints > 0 and k.answered_30s.denominator > 0  # real figures compared
    assert kp.repeat_complaints > 0  # repeats at the very start of the preview too

    completed = store_preview.complete(db, preview)
    assert completed is not preview and preview.complete_from is not None
    assert completed.complete_from is None
    _same_columns(completed, full)
    assert completed.fingerprint_tuple() == full.fingerprint_tuple()
    assert not completed.refresh(db)  # up to date
    with pytest.raises(ValueError):
        preview.refresh(db)


def test_completing_picks_up_rows_written_meanwhile(any_db: Database) -> None:
    db = any_db
    add_tickets(db, [dict(created_at=T0 + i * D, frt=5 * M, channel="phone",
                          answered_at=T0 + i * D + M) for i in range(10)])
    preview = store_preview.load_recent(db, T0 + 6 * D)
    assert preview.size == 4
    add_tickets(db, [dict(created_at=T0 + 2 * D + H), dict(created_at=T0 + 9 * D + H)])
    completed = store_preview.complete(db, preview)
    assert completed.size == 10  # bounded by the first read: the new rows come by refresh
    assert completed.refresh(db)
    _same_columns(completed, TicketStore.load_from_db(db))
