"""Settings persistence with audit, what-if re-scoring, alerts and acknowledgements."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from sqlalchemy import func, select

from models.db import Database
from models.kpi.api import (
    KpiTargetSpec,
    PolicySet,
    SlaPolicySpec,
    acknowledge,
    list_alerts,
    load_policy_set,
    load_store,
    load_targets,
    what_if,
)
from models.kpi.settings_store import (
    SettingsConflict,
    ensure_default_calendar,
    load_calendars,
    save_calendar,
    save_policies,
    save_targets,
)
from models.orm import AuditEntry, Vendor, VendorQualification
from tests.models.kpi.helpers import T0, D, H, M, add_tickets, add_vendor_and_site

FROM = dt.date(2020, 1, 1)


def test_defaults_when_the_database_has_none(db: Database) -> None:
    pol = load_policy_set(db, "UTC")
    assert [p.priority for p in pol.policies] == ["P1", "P2", "P3", "P4"]
    assert pol.policies[1].first_response_min == 60
    assert any(t.kpi == "csat_score" and t.target == 85 for t in load_targets(db))


def test_policies_round_trip_with_audit_and_conflict(db: Database) -> None:
    (saved,) = save_policies(db, [SlaPolicySpec("P2 web", "P2", 30, 240, FROM, channel="web")],
                             "alice")
    assert saved.id is not None and saved.version == 1
    assert load_policy_set(db).policies == (saved,)
    (edited,) = save_policies(db, [dataclasses.replace(saved, first_response_min=20)], "bob")
    assert edited.version == 2 and edited.first_response_min == 20
    with db.session() as s:
        entries = s.scalars(select(AuditEntry).where(AuditEntry.entity == "sla_policy")).all()
        assert [(e.user, e.action, e.field, e.old_value, e.new_value) for e in entries] == [
            ("alice", "create", None, None, "P2 web"),
            ("bob", "update", "first_response_min", "30.0", "20"),
        ]
    with pytest.raises(SettingsConflict):  # an edit made on version 1
        save_policies(db, [dataclasses.replace(saved, resolution_min=100)], "carol")
    save_policies(db, [], "alice", deleted_ids=[saved.id])
    assert load_policy_set(db).policies[0].name.startswith("P1")  # back to defaults


def test_calendar_and_targets(db: Database) -> None:
    with db.transaction() as s:
        cid = ensure_default_calendar(s)
        assert ensure_default_calendar(s) == cid
    with db.session() as s:
        (cal,) = load_calendars(s)
    assert cal.id == cid and cal.timezone == "Asia/Shanghai"
    assert any(d.day == dt.date(2026, 2, 14) and d.is_workday for d in cal.days)
    edited = dataclasses.replace(cal, days=cal.days[:-1], name="CN")
    save_calendar(db, edited, "alice")
    with db.session() as s:
        (again,) = load_calendars(s)
        n_audit = s.scalar(select(func.count()).select_from(AuditEntry))
    assert again.name == "CN" and len(again.days) == len(cal.days) - 1
    assert n_audit == 2  # the name and the removed day
    (t,) = save_targets(db, [KpiTargetSpec("csat_score", 90.0)], "alice")
    assert load_targets(db) == (t,)


def test_what_if(db: Database) -> None:
    v1, v2, _ = add_vendor_and_site(db)
    add_tickets(db, [
        dict(priority="P2", created_at=T0, frt=30 * M, res=2 * H, vendor_id=v1),
        dict(priority="P2", created_at=T0, frt=90 * M, res=2 * H, vendor_id=v1),
        dict(priority="P3", created_at=T0, frt=150 * M, res=2 * H, vendor_id=v2),
    ])
    store = load_store(db)
    current = load_policy_set(db, "UTC")
    edited = PolicySet(
        tuple(dataclasses.replace(p, first_response_min=120) if p.priority == "P2" else p
              for p in current.policies),
        current.calendars, "UTC",
    )
    rows = {(r.scope, r.key): r for r in what_if(store, current, edited, T0 + 5 * D)}
    total = rows[("all", None)]
    assert total.response_current.pct == pytest.approx(100 / 3)  # only #1 met
    assert total.response_edited.pct == pytest.approx(200 / 3)  # #2 now met too
    assert total.response_delta_pct == pytest.approx(100 / 3)
    assert rows[("priority", "P2")].response_edited.pct == 100.0
    assert rows[("vendor", v1)].response_delta_pct == pytest.approx(50.0)
    assert rows[("vendor", v2)].response_delta_pct == 0.0
    assert rows[("vendor", v1)].label == "Alpha"
    assert total.resolution_delta_pct == 0.0


def test_alerts_and_acknowledgement(db: Database) -> None:
    v1, _, _ = add_vendor_and_site(db)
    as_of = T0 + 3 * D
    ids = add_tickets(db, [
        dict(priority="P3", created_at=T0, is_complaint=True, customer="C", category="X"),
        dict(priority="P3", created_at=T0 + D, is_complaint=True, customer="C", category="X",
             frt=M, res=H),
        # P2 created 50 min before as_of, no response: 10 of 60 min left (< 20 %)
        dict(priority="P2", created_at=as_of - 50 * M),
        # P2 created 30 min before: 30 min left, not yet a warning
        dict(priority="P2", created_at=as_of - 30 * M),
    ])
    with db.transaction() as s:
        s.add_all([
            VendorQualification(vendor_id=v1, kind="licence", expires_on=dt.date(2026, 3, 1)),
            VendorQualification(vendor_id=v1, kind="iso", expires_on=dt.date(2026, 3, 20)),
            VendorQualification(vendor_id=v1, kind="permit", expires_on=dt.date(2026, 6, 1)),
        ])
        assert s.get(Vendor, v1) is not None
    store = load_store(db)
    policies = load_policy_set(db, "UTC")
    targets = (KpiTargetSpec("resolution_rate_pct", 95.0),)
    alerts = list_alerts(db, store, as_of, policies, targets)
    keys = {a.key for a in alerts}
    assert f"overdue_complaint:{ids[0]}" in keys
    assert f"repeat_complaint:{ids[1]}" in keys
    assert f"about_to_breach:response:{ids[2]}" in keys
    assert f"about_to_breach:response:{ids[3]}" not in keys
    expired = [a for a in alerts if a.kind == "qualification_expired"]
    expiring = [a for a in alerts if a.kind == "qualification_expiring"]
    assert len(expired) == 1 and expired[0].severity == "critical" and expired[0].vendor_id == v1
    assert [a.param("document") for a in expiring] == ["iso"]
    (kpi,) = [a for a in alerts if a.kind == "kpi_target"]
    assert kpi.key == "kpi_target:resolution_rate_pct:all:2026-03"
    assert kpi.param("value") == pytest.approx(25.0) and kpi.severity == "critical"
    breach = next(a for a in alerts if a.kind == "about_to_breach")
    assert breach.param("minutes_left") == pytest.approx(10.0)
    assert breach.ticket_ids == (ids[2],)
    acknowledge(db, kpi.key, "alice", "known: migration week")
    acknowledge(db, kpi.key, "bob")  # idempotent
    after = list_alerts(db, store, as_of, policies, targets)
    assert kpi.key not in {a.key for a in after} and len(after) == len(alerts) - 1
    shown = list_alerts(db, store, as_of, policies, targets, include_acknowledged=True)
    acked = next(a for a in shown if a.key == kpi.key)
    assert acked.acknowledged_by == "alice" and acked.acknowledged_at is not None


def test_what_if_with_an_unsaved_business_calendar(db: Database) -> None:
    from models.kpi.calendars_cn import china_calendar

    sh = dt.timezone(dt.timedelta(hours=8))
    created = dt.datetime(2026, 4, 30, 17, tzinfo=sh)  # Thursday before the May holidays
    add_tickets(db, [dict(priority="P2", created_at=created, frt=dt.timedelta(days=6))])
    store = load_store(db)
    current = load_policy_set(db, "UTC")  # calendar time: 60 min → breached
    cal = dataclasses.replace(china_calendar(), id=-1)
    edited = PolicySet(
        tuple(dataclasses.replace(p, first_response_min=120, calendar_id=-1)
              for p in current.policies),
        (cal,), "UTC",
    )
    # answered 6 May 17:00 local: Thu 60 min + (1–5 May off) + Wed 09–17 = 540 > 120 → late;
    # a 600-minute target would be met
    total = next(r for r in what_if(store, current, edited, created + 10 * D) if r.scope == "all")
    assert total.response_current.pct == 0.0 and total.response_edited.pct == 0.0
    roomy = PolicySet(
        tuple(dataclasses.replace(p, first_response_min=600) for p in edited.policies),
        (cal,), "UTC",
    )
    total = next(r for r in what_if(store, current, roomy, created + 10 * D) if r.scope == "all")
    assert total.response_edited.pct == 100.0 and total.response_delta_pct == 100.0
