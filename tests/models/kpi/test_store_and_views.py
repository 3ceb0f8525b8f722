"""The columnar store (load, refresh, PostgreSQL), breakdowns, heatmap and drill-down."""

from __future__ import annotations

import numpy as np
import pytest
from sqlalchemy import update

from models.db import Database
from models.kpi.api import (
    Selector,
    TicketFilter,
    arrivals_heatmap,
    breakdown,
    compute_kpis,
    load_store,
    narrow,
    previous_period,
    ticket_ids,
)
from models.kpi.sla import default_policy_set
from models.orm import Ticket
from models.progress import RecordingProgress
from tests.models.kpi.helpers import T0, D, H, M, add_tickets, add_vendor_and_site

POL = default_policy_set("UTC")


def test_store_columns_and_refresh(db: Database) -> None:
    ids = add_tickets(db, [
        dict(priority="P2", created_at=T0 + 2 * H, frt=30 * M, channel="web", agent="Li"),
        dict(priority="P1", created_at=T0 + 1 * H, nps=7, agent="Wang"),
    ])
    progress = RecordingProgress()
    store = load_store(db, progress)
    assert progress.updates and store.size == 2
    assert store.id.tolist() == [ids[1], ids[0]]  # creation order
    assert store.frt_min[1] == 30.0 and np.isnan(store.frt_min[0])
    assert store.channel_labels[store.channel[1]] == "web" and store.channel[0] == -1
    assert store.nps[0] == 7.0
    version = store.version
    assert store.refresh(db) is False and store.version == version
    # another process adds tickets: only new rows are read, labels grow
    add_tickets(db, [dict(priority="P3", created_at=T0, channel="phone", agent="Li")])
    assert store.refresh(db) is True
    assert store.size == 3 and store.version > version
    assert store.channel_labels[store.channel[0]] == "phone"
    assert store.agent_labels[store.agent[0]] == "Li" == store.agent_labels[store.agent[2]]
    # an edit to an existing ticket tagged with a newer import batch is re-read
    with db.transaction() as s:
        from models.orm import ImportBatch

        batch = ImportBatch(kind="tickets", file_name="x.xlsx", file_sha256="0" * 64, source="t")
        s.add(batch)
        s.flush()
        s.execute(update(Ticket).where(Ticket.id == ids[0]).values(
            import_batch_id=batch.id, priority="P4"))
    assert store.refresh(db) is True
    row = int(store.index_of([ids[0]])[0])
    assert store.priority[row] == 3 and store.size == 3
    # a deletion: full reload
    with db.transaction() as s:
        s.delete(s.get(Ticket, ids[1]))
    assert store.refresh(db) is True and store.size == 2


@pytest.mark.postgres
def test_store_on_postgresql(pg_db: Database) -> None:
    add_tickets(pg_db, [
        dict(priority="P2", created_at=T0 + H, frt=30 * M, res=2 * H, csat=4.0, nps=9,
             category="A", is_complaint=True, customer="C", channel="web"),
        dict(priority="P3", created_at=T0 + 2 * H, category="A", is_complaint=True,
             customer="C"),
        dict(priority=None, created_at=T0 + 3 * H, csat=7.0, csat_min=None, csat_max=None),
    ])
    store = load_store(pg_db)
    assert store.size == 3
    assert store.frt_min[0] == 30.0 and store.res_h[0] == 2.0
    assert store.priority.tolist() == [1, 2, -1]
    assert store.repeat.tolist() == [False, True, False]
    assert store.csat_score[0] == 75.0 and store.csat_score[2] == pytest.approx(70.0)  # 0–10
    k = compute_kpis(store, TicketFilter(), T0 + D, POL)
    assert k.volume == 3 and k.response_sla.met == 1 and k.repeat_complaints == 1


def test_undeclared_csat_scale_is_inferred_per_batch(db: Database) -> None:
    add_tickets(db, [
        dict(created_at=T0, csat=4.0, csat_min=None, csat_max=None),
        dict(created_at=T0, csat=2.0, csat_min=None, csat_max=None),  # 1–5 → 75, 25
    ])
    store = load_store(db)
    assert store.csat_score.tolist() == [75.0, 25.0]


@pytest.fixture
def two_vendors(db: Database) -> tuple[Database, list[int], int, int, int]:
    v1, v2, s1 = add_vendor_and_site(db)
    ids = add_tickets(db, [
        dict(priority="P2", created_at=T0 + H, frt=30 * M, res=2 * H, vendor_id=v1, site_id=s1,
             csat=5.0, reopened_count=0, agent="Li", nps=10),
        dict(priority="P2", created_at=T0 + 2 * H, frt=90 * M, res=3 * H, vendor_id=v1,
             reopened_count=1, agent="Li", nps=3),
        dict(priority="P3", created_at=T0 + D + 9 * H, frt=10 * M, vendor_id=v2, agent="Wang"),
        dict(priority="P4", created_at=T0 + 2 * D + 23 * H, frt=10 * M),
    ])
    return db, ids, v1, v2, s1


def test_breakdowns(two_vendors: tuple[Database, list[int], int, int, int]) -> None:
    db, _ids, v1, v2, _ = two_vendors
    store = load_store(db)
    rows = breakdown(store, TicketFilter(), "vendor", T0 + 5 * D, POL)
    assert [(r.key, r.label, r.volume) for r in rows] == [(v1, "Alpha", 2), (v2, "Beta", 1),
                                                          (None, "", 1)]
    alpha = rows[0]
    assert alpha.frt_median_min == pytest.approx(60.0)  # median of 30 and 90
    assert alpha.resolution_median_h == pytest.approx(2.5)
    assert (alpha.response_sla.numerator, alpha.response_sla.denominator) == (1, 2)
    assert alpha.fcr.pct == 50.0 and alpha.csat_score == 100.0 and alpha.csat_n == 1
    assert alpha.nps == 0.0 and alpha.nps_n == 2  # one promoter, one detractor
    assert rows[1].nps is None and alpha.complaint_rate is not None
    assert alpha.complaint_rate.pct == 0.0
    agents = breakdown(store, TicketFilter(), "agent", T0 + 5 * D, POL)
    assert [(r.key, r.volume) for r in agents] == [("Li", 2), ("Wang", 1), (None, 1)]
    f = narrow(TicketFilter(), "vendor", v1)
    assert compute_kpis(store, f, T0 + 5 * D, POL).volume == 2
    assert compute_kpis(store, narrow(TicketFilter(), "agent", "Wang"), T0, POL).volume == 1
    prios = breakdown(store, TicketFilter(), "priority", T0 + 5 * D, POL)
    assert [r.key for r in prios] == ["P2", "P3", "P4"]


def test_heatmap_and_cells(two_vendors: tuple[Database, list[int], int, int, int]) -> None:
    db, ids, *_ = two_vendors
    store = load_store(db)
    cells = arrivals_heatmap(store, TicketFilter(), "Asia/Shanghai")
    assert cells.shape == (7, 24) and cells.sum() == 4
    # 01:00 and 02:00 UTC Monday = 09:00 and 10:00 in Shanghai; Wed 23:00 UTC = Thu 07:00
    assert cells[0, 9] == 1 and cells[0, 10] == 1 and cells[1, 17] == 1 and cells[3, 7] == 1
    got = ticket_ids(store, TicketFilter(), Selector(weekday=4, hour=7, tz="Asia/Shanghai"))
    assert got.tolist() == [ids[3]]


def test_drill_down_selectors(two_vendors: tuple[Database, list[int], int, int, int]) -> None:
    db, ids, *_ = two_vendors
    store = load_store(db)
    as_of = T0 + 5 * D

    def pick(sel: Selector) -> list[int]:
        return ticket_ids(store, TicketFilter(), sel, as_of=as_of, policies=POL).tolist()

    assert pick(Selector()) == ids
    assert pick(Selector("response_sla", "breached", priority="P2")) == [ids[1]]
    assert pick(Selector("response_sla", "met")) == [ids[0], ids[2], ids[3]]
    assert pick(Selector("resolved")) == ids[:2]
    assert pick(Selector("reopened")) == [ids[1]]
    assert pick(Selector("csat_satisfied")) == [ids[0]]
    with pytest.raises(ValueError):
        ticket_ids(store, TicketFilter(), Selector("response_sla"))
    with pytest.raises(ValueError):
        pick(Selector("bogus"))


def test_previous_period() -> None:
    f = TicketFilter(start=T0, end=T0 + 7 * D, priorities=("P2",))
    p = previous_period(f)
    assert (p.start, p.end, p.priorities) == (T0 - 7 * D, T0, ("P2",))
    with pytest.raises(ValueError):
        previous_period(TicketFilter())


def test_refresh_after_an_undone_batch_reloads(db: Database) -> None:
    from models.orm import BatchStatus, ImportBatch

    (tid,) = add_tickets(db, [dict(priority="P2", created_at=T0)])
    with db.transaction() as s:
        batch = ImportBatch(kind="tickets", file_name="x.xlsx", file_sha256="1" * 64, source="t")
        s.add(batch)
    store = load_store(db)
    with db.transaction() as s:  # an undo restores old values without a newer batch id
        s.execute(update(Ticket).where(Ticket.id == tid).values(priority="P4"))
        s.execute(update(ImportBatch).values(status=BatchStatus.UNDONE))
    assert store.refresh(db) is True and store.priority.tolist() == [3]


def test_empty_store(db: Database) -> None:
    from models.kpi.api import pareto, trend

    store = load_store(db)
    assert store.size == 0
    chart = trend(store, TicketFilter(), "volume", "day", T0, POL, "UTC")
    assert chart.values.size == 0 and chart.centre is None
    assert pareto(store, TicketFilter()) == ()
    assert breakdown(store, TicketFilter(), "site", T0, POL) == ()
    assert arrivals_heatmap(store, TicketFilter(), "UTC").sum() == 0
    month = trend(store, TicketFilter(start=T0, end=T0 + 3 * D), "frt_median_min", "day", T0,
                  POL, "UTC")
    assert len(month.starts) == 3 and np.isnan(month.values).all()


def test_grouped_medians_agree_with_numpy_for_small_and_large_selections(db: Database) -> None:
    """Both paths of the cached-order medians (few rows, many rows) match np.median."""
    from models.kpi.api import TicketFilter as F

    rng = np.random.default_rng(3)
    rows = [
        dict(priority=f"P{1 + i % 4}", created_at=T0 + int(rng.integers(0, 600)) * M,
             frt=int(rng.integers(1, 500)) * M, channel="web" if i % 7 == 0 else "phone")
        for i in range(400)
    ]
    add_tickets(db, rows)
    store = load_store(db)
    for filt in (F(), F(channels=("web",)), F(start=T0, end=T0 + 60 * M), F(priorities=("P2",))):
        k = compute_kpis(store, filt, T0 + D, POL)
        frt = store.frt_min[np.isin(store.id, ticket_ids(store, filt, Selector("frt")))]
        assert k.frt_median_min == pytest.approx(float(np.median(frt)))
        assert k.frt_p90_min == pytest.approx(float(np.percentile(frt, 90)))
        p2 = breakdown(store, filt, "priority", T0 + D, POL)
        for row in p2:
            sel = ticket_ids(store, filt, Selector("frt", priority=str(row.key)))
            vals = store.frt_min[np.isin(store.id, sel)]
            assert row.frt_median_min == pytest.approx(float(np.median(vals)))
