"""The default template on the demo data: ticket KPIs through the KPI engine with their
ticket ids as evidence, inspection averages, metrics, and the expired-licence veto."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from models.db import Database
from models.demo import generate_demo
from models.orm import UTC, Ticket, Vendor
from models.scorecards.evaluations import run_evaluation
from models.scorecards.queries import evaluation_detail, list_evaluations
from models.scorecards.templates import list_templates

NOW = dt.datetime(2026, 11, 20, 2, tzinfo=UTC)


def test_quarterly_evaluation_on_the_demo(db: Database) -> None:
    generate_demo(db, tickets=1200, seed=9, now=NOW)
    template = list_templates(db)[0]
    with db.session() as s:
        vendors = {v.code: v.id for v in s.scalars(select(Vendor))}
    run_evaluation(db, template.id, "2026Q3", list(vendors.values()), "lead", now=NOW)
    rows = {r.vendor_code: r for r in list_evaluations(db, template.id, "2026Q3")}
    assert len(rows) == 8
    v7 = rows["V007"]
    assert v7.grade == "D" and v7.veto_reason.startswith("qualification_expired:business_licence")
    d = evaluation_detail(db, rows["V001"].id)
    sla = next(c for c in d.criteria if c.source == "ticket_kpi")
    ids = sla.evidence["tickets"]
    assert sla.raw is not None and 0 <= sla.raw <= 100 and ids
    with db.session() as s:
        tickets = s.scalars(select(Ticket).where(Ticket.id.in_(ids))).all()
    assert {t.vendor_id for t in tickets} == {vendors["V001"]}
    assert all(dt.datetime(2026, 7, 1, tzinfo=UTC) - dt.timedelta(hours=14) <= t.created_at
               < dt.datetime(2026, 10, 1, tzinfo=UTC) + dt.timedelta(hours=14) for t in tickets)
    metric = next(c for c in d.criteria if c.source_key == "on_time_rate_pct")
    assert metric.raw is not None and len(metric.evidence["metrics"]) == 1
    # Ranks are per service category; without ratings (10 points) a vendor whose sites
    # had no inspection (15 points) misses 25 % of the weight: incomplete, unranked.
    for r in rows.values():
        assert (r.rank is None) == r.incomplete
        assert r.incomplete == (r.grade is None) or r.veto_reason
    ranked = [r for r in rows.values() if r.rank is not None]
    for category in {r.category for r in ranked}:
        assert sorted(r.rank for r in ranked if r.category == category)[0] == 1
