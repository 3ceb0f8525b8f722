"""The demo data set: deterministic, realistic, complete, all-or-nothing, on both databases."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import func, select

from models.db import Database, open_database, sqlite_url
from models.defaults import DEFAULT_KPI_TARGETS, DEFAULT_SLA_POLICIES, ensure_defaults
from models.demo import DEMO_SOURCE, DemoSummary, generate_demo, has_demo_data
from models.demo.org import quarters_before
from models.orm import (
    UTC,
    ChecklistTemplate,
    Inspection,
    InspectionStatus,
    KpiTarget,
    Priority,
    ScorecardTemplate,
    Site,
    SlaPolicy,
    Ticket,
    Vendor,
    VendorMetric,
    VendorQualification,
    VendorStatus,
)
from models.orm.org import site_vendors
from models.progress import Cancelled, RecordingProgress

NOW = dt.datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
N = 2000
CST = dt.timezone(dt.timedelta(hours=8))
TIME_COLUMNS = ("created_at", "first_response_at", "resolved_at", "closed_at", "answered_at")


@pytest.fixture(scope="module")
def demo(
    migrated_sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Database, DemoSummary]]:
    """One demo database shared by the read-only tests of this module."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    shutil.copyfile(migrated_sqlite_template, path)
    database = open_database(sqlite_url(path))
    progress = RecordingProgress()
    summary = generate_demo(database, tickets=N, seed=7, now=NOW, progress=progress)
    assert "tickets" in progress.stages
    assert progress.updates[-1][0] == N
    yield database, summary
    database.dispose()


def _tickets(db: Database) -> list[Ticket]:
    with db.session() as s:
        return list(s.scalars(select(Ticket).order_by(Ticket.id)))


def _rows(db: Database) -> list[tuple[object, ...]]:
    cols = [c for c in Ticket.__table__.columns if c.name != "id"]
    with db.session() as s:
        return [tuple(r) for r in s.execute(select(*cols).order_by(Ticket.external_id))]


def _count(db: Database, entity: object) -> int:
    with db.session() as s:
        return int(s.scalar(select(func.count()).select_from(entity)) or 0)  # type: ignore[arg-type]


def test_counts_and_summary(demo: tuple[Database, DemoSummary]) -> None:
    db, summary = demo
    assert summary.tickets == N == _count(db, Ticket)
    assert (summary.sites, summary.vendors) == (20, 8)
    assert _count(db, Site) == 20 and _count(db, Vendor) == 8
    assert summary.vendor_metrics == _count(db, VendorMetric) == 8 * 4 * 5
    assert summary.qualifications == _count(db, VendorQualification) >= 16
    assert summary.checklist_templates == _count(db, ChecklistTemplate) == 3
    assert summary.scorecard_templates == _count(db, ScorecardTemplate) == 1
    with db.session() as s:
        submitted = s.scalar(
            select(func.count()).where(Inspection.status == InspectionStatus.SUBMITTED)
        )
        assert submitted == 60
        assert set(s.scalars(select(Ticket.source).distinct())) == {DEMO_SOURCE}
        ids = list(s.scalars(select(Ticket.external_id).order_by(Ticket.external_id)))
    assert ids[0] == "DEMO-000001" and ids[-1] == f"DEMO-{N:06d}"
    assert summary.end == NOW and summary.end - summary.start >= dt.timedelta(days=183)
    assert has_demo_data(db)


def test_sites_vendors_and_metrics(demo: tuple[Database, DemoSummary]) -> None:
    db, _ = demo
    with db.session() as s:
        per_site = dict(
            s.execute(select(site_vendors.c.site_id, func.count()).group_by(site_vendors.c.site_id))
            .all()
        )
        serving = set(s.scalars(select(site_vendors.c.vendor_id)))
        vendors = list(s.scalars(select(Vendor)))
        labels = set(s.scalars(select(VendorMetric.period_label)))
        latest_end = s.scalar(select(func.max(VendorMetric.period_end)))
    assert len(per_site) == 20 and all(1 <= n <= 3 for n in per_site.values())
    assert serving == {v.id for v in vendors}
    assert len({v.service_category for v in vendors}) == 6
    assert [v.status for v in vendors].count(VendorStatus.PROBATION) == 1
    assert all(" / " in v.name for v in vendors)
    assert labels == {"2025Q4", "2026Q1", "2026Q2", "2026Q3"}
    assert latest_end == dt.date(2026, 10, 1)


def test_quarters_before() -> None:
    assert quarters_before(dt.date(2026, 1, 15), 2) == [
        (dt.date(2025, 7, 1), dt.date(2025, 10, 1), "2025Q3"),
        (dt.date(2025, 10, 1), dt.date(2026, 1, 1), "2025Q4"),
    ]


def test_exactly_one_document_expiring_and_one_expired(demo: tuple[Database, DemoSummary]) -> None:
    db, _ = demo
    today = NOW.date()
    with db.session() as s:
        expiries = [e for e in s.scalars(select(VendorQualification.expires_on)) if e]
        kinds = set(s.scalars(select(VendorQualification.kind)))
    assert sum(today < e <= today + dt.timedelta(days=30) for e in expiries) == 1
    assert sum(e < today for e in expiries) == 1
    assert sum(e == today for e in expiries) == 0
    assert {"business_licence", "iso9001"} <= kinds


def test_default_sla_policies_and_kpi_targets(demo: tuple[Database, DemoSummary]) -> None:
    db, _ = demo
    with db.session() as s:
        policies = {p.priority: p for p in s.scalars(select(SlaPolicy))}
        targets = {t.kpi: t for t in s.scalars(select(KpiTarget))}
        first_ticket = s.scalar(select(func.min(Ticket.created_at)))
    assert (policies[Priority.P1].first_response_min, policies[Priority.P1].onsite_min,
            policies[Priority.P1].resolution_min) == (15, 120, 240)
    assert (policies[Priority.P2].first_response_min, policies[Priority.P2].resolution_min) == (
        60, 480)
    assert (policies[Priority.P3].first_response_min, policies[Priority.P3].resolution_min) == (
        120, 1440)
    assert (policies[Priority.P4].first_response_min, policies[Priority.P4].resolution_min) == (
        480, 4320)
    assert first_ticket is not None
    assert all(p.effective_from < first_ticket.date() for p in policies.values())
    assert targets["resolution_rate_pct"].target == 95
    assert targets["csat_score"].target == 85
    assert targets["complaint_closure_pct"].target == 100
    assert targets["response_sla_met_pct"].target == 90
    assert targets["complaint_rate_pct"].higher_is_better is False


def test_ensure_defaults_keeps_edits(db: Database) -> None:
    with db.transaction() as s:
        added = ensure_defaults(s)
        assert (added.sla_policies, added.kpi_targets) == (4, len(DEFAULT_KPI_TARGETS))
        p1 = s.scalars(select(SlaPolicy).where(SlaPolicy.priority == Priority.P1)).one()
        p1.first_response_min = 10
    with db.transaction() as s:
        again = ensure_defaults(s)
        assert (again.sla_policies, again.kpi_targets) == (0, 0)
        assert s.scalars(select(SlaPolicy.first_response_min)
                         .where(SlaPolicy.priority == Priority.P1)).one() == 10
    assert len(DEFAULT_SLA_POLICIES) == _count(db, SlaPolicy)


def _arrays(db: Database) -> dict[str, np.ndarray]:
    tickets = _tickets(db)
    out: dict[str, np.ndarray] = {}
    for name in TIME_COLUMNS:
        out[name] = np.array(
            [getattr(t, name).timestamp() if getattr(t, name) else np.nan for t in tickets]
        )
    out["priority"] = np.array([t.priority.value if t.priority else "" for t in tickets])
    out["complaint"] = np.array([t.is_complaint for t in tickets])
    out["csat"] = np.array([t.csat if t.csat is not None else np.nan for t in tickets])
    out["nps"] = np.array([t.nps if t.nps is not None else -1 for t in tickets])
    out["status"] = np.array([t.status.value if t.status else "" for t in tickets])
    return out


def test_times_are_consistent(demo: tuple[Database, DemoSummary]) -> None:
    db, _ = demo
    a = _arrays(db)
    now, created = NOW.timestamp(), a["created_at"]
    assert created.max() < now and created.min() >= now - 365 * 86400
    for later in ("first_response_at", "resolved_at", "answered_at"):
        known = ~np.isnan(a[later])
        assert (a[later][known] >= created[known]).all() and (a[later][known] <= now).all()
    resolved = ~np.isnan(a["resolved_at"])
    assert (a["closed_at"][resolved & ~np.isnan(a["closed_at"])]
            >= a["resolved_at"][resolved & ~np.isnan(a["closed_at"])]).all()
    assert np.isnan(a["closed_at"][~resolved]).all()
    assert set(a["status"][~resolved]) <= {"open", "in_progress"}
    assert set(a["status"][resolved]) <= {"resolved", "closed"}


def test_distributions_are_realistic(demo: tuple[Database, DemoSummary]) -> None:
    db, _ = demo
    a = _arrays(db)
    shares = {p: float(np.mean(a["priority"] == p)) for p in ("P1", "P2", "P3", "P4")}
    assert shares["P1"] == pytest.approx(0.05, abs=0.02)
    assert shares["P2"] == pytest.approx(0.20, abs=0.03)
    assert shares["P3"] == pytest.approx(0.55, abs=0.04)
    assert float(np.mean(a["complaint"])) == pytest.approx(0.15, abs=0.03)
    resolved = ~np.isnan(a["resolved_at"])
    assert float(np.mean(resolved)) > 0.95
    rated = ~np.isnan(a["csat"])
    assert not (rated & ~resolved).any()
    assert float(rated.sum() / resolved.sum()) == pytest.approx(0.40, abs=0.05)
    assert set(np.unique(a["csat"][rated])) <= {1.0, 2.0, 3.0, 4.0, 5.0}
    assert float(np.mean(a["nps"][resolved] >= 0)) == pytest.approx(0.20, abs=0.04)
    with db.session() as s:
        categories = s.execute(
            select(Ticket.category, func.count()).group_by(Ticket.category)
            .order_by(func.count().desc())
        ).all()
    assert len(categories) == 12 and all(" / " in c for c, _ in categories)
    assert categories[0][1] > 3 * categories[-1][1]  # Zipf-like: a long tail


def test_weekday_and_hour_seasonality(demo: tuple[Database, DemoSummary]) -> None:
    db, _ = demo
    local = [t.created_at.astimezone(CST) for t in _tickets(db)]
    weekdays = sum(t.weekday() < 5 for t in local) / 5
    weekends = sum(t.weekday() >= 5 for t in local) / 2
    assert weekdays > 2 * weekends
    office = sum(9 <= t.hour < 18 for t in local) / 9
    night = sum(t.hour < 6 for t in local) / 6
    assert office > 5 * night


def _sla(a: dict[str, np.ndarray], column: str, targets_min: dict[str, float]) -> dict[str, float]:
    """Met % per priority by the DESIGN.md rule (pending tickets not counted)."""
    out = {}
    for p, target in targets_min.items():
        sel = a["priority"] == p
        took = a[column][sel] - a["created_at"][sel]
        waited = NOW.timestamp() - a["created_at"][sel]
        met = np.sum(took <= target * 60)
        breached = np.sum(took > target * 60) + np.sum(np.isnan(took) & (waited > target * 60))
        out[p] = 100 * met / (met + breached)
    return out


def test_mostly_met_slas_with_p2_breaches(demo: tuple[Database, DemoSummary]) -> None:
    db, _ = demo
    a = _arrays(db)
    response = _sla(a, "first_response_at", {"P1": 15, "P2": 60, "P3": 120, "P4": 480})
    resolution = _sla(a, "resolved_at", {"P1": 240, "P2": 480, "P3": 1440, "P4": 4320})
    assert all(70 < v < 100 for v in [*response.values(), *resolution.values()])
    assert response["P2"] < 90 < response["P3"]  # the red P2 card of walkthrough 1


def test_open_overdue_and_repeat_complaints(demo: tuple[Database, DemoSummary]) -> None:
    db, summary = demo
    tickets = _tickets(db)
    open_complaints = [t for t in tickets if t.is_complaint and t.resolved_at is None]
    ages = [NOW - t.created_at for t in open_complaints]
    assert sum(age > dt.timedelta(hours=24) for age in ages) >= 3  # overdue
    assert sum(dt.timedelta(hours=18) <= age <= dt.timedelta(hours=24) for age in ages) >= 2
    assert summary.open_tickets == sum(t.resolved_at is None for t in tickets)
    assert summary.complaints == sum(t.is_complaint for t in tickets)
    last: dict[tuple[str | None, str | None], dt.datetime] = {}
    repeats = 0
    for t in sorted((t for t in tickets if t.is_complaint), key=lambda t: t.created_at):
        key = (t.customer, t.category)
        if key in last and t.created_at - last[key] <= dt.timedelta(days=30):
            repeats += 1
        last[key] = t.created_at
    assert 0 < repeats < summary.complaints * 0.2


def test_same_seed_same_tickets(demo: tuple[Database, DemoSummary], db: Database) -> None:
    first, _ = demo
    generate_demo(db, tickets=N, seed=7, now=NOW)
    assert _rows(db) == _rows(first)


def test_other_seed_other_tickets(db: Database, tmp_path: Path) -> None:
    generate_demo(db, tickets=300, seed=1, now=NOW)
    other = open_database(sqlite_url(tmp_path / "other.db"))
    try:
        generate_demo(other, tickets=300, seed=2, now=NOW)
        assert _rows(db) != _rows(other)
    finally:
        other.dispose()


def test_refuses_a_second_run_unless_replace(db: Database) -> None:
    generate_demo(db, tickets=300, seed=1, now=NOW)
    with pytest.raises(ValueError, match="already holds demo data"):
        generate_demo(db, tickets=300, seed=1, now=NOW)
    summary = generate_demo(db, tickets=400, seed=2, now=NOW, replace=True)
    assert summary.tickets == 400 == _count(db, Ticket)
    assert (_count(db, Site), _count(db, Vendor), _count(db, VendorMetric)) == (20, 8, 160)
    assert _count(db, ChecklistTemplate) == 3 and _count(db, ScorecardTemplate) == 1
    with db.session() as s:
        assert s.scalar(select(func.count()).where(Inspection.site_id.is_(None))) == 0
        assert s.scalar(select(func.count()).select_from(Inspection)) == summary.inspections


def test_refuses_codes_taken_by_other_data(db: Database) -> None:
    with db.transaction() as s:
        s.add(Site(code="SH01", name="客户自己的门店"))
    with pytest.raises(ValueError, match="SH01"):
        generate_demo(db, tickets=300, now=NOW)
    assert _count(db, Ticket) == 0


def test_bad_arguments(db: Database) -> None:
    with pytest.raises(ValueError, match="at least"):
        generate_demo(db, tickets=5, now=NOW)
    with pytest.raises(ValueError, match="naive"):
        generate_demo(db, tickets=300, now=dt.datetime(2026, 11, 20, 9))


def test_cancel_leaves_the_database_as_it_was(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("models.demo.loader.CHUNK", 100)
    with pytest.raises(Cancelled):
        generate_demo(db, tickets=1000, now=NOW, progress=RecordingProgress(cancel_after=4))
    assert _count(db, Ticket) == _count(db, Site) == _count(db, SlaPolicy) == 0


def test_default_now_is_the_current_hour(db: Database) -> None:
    summary = generate_demo(db, tickets=200)
    current = dt.datetime.now(UTC)
    assert summary.end <= current < summary.end + dt.timedelta(hours=1, minutes=1)
    assert summary.end.minute == summary.end.second == summary.end.microsecond == 0


@pytest.mark.postgres
def test_postgresql_gets_the_same_tickets(pg_db: Database, db: Database) -> None:
    summary = generate_demo(pg_db, tickets=500, seed=3, now=NOW)
    generate_demo(db, tickets=500, seed=3, now=NOW)
    assert summary.tickets == _count(pg_db, Ticket) == 500
    assert summary.inspections == _count(pg_db, Inspection) > 60
    assert _rows(pg_db) == _rows(db)
    with pg_db.session() as s:
        created = s.scalar(select(func.max(Ticket.created_at)))
    assert created is not None and created.tzinfo is not None and created < NOW


def test_a_broken_generator_is_caught_before_commit(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite rows skip per-row CHECKs for speed; one query afterwards still catches a bad row."""
    from models.demo import generate as module

    real = module.generate_tickets

    def broken(*args: object, **kwargs: object) -> object:
        cols = real(*args, **kwargs)  # type: ignore[arg-type]
        cols.nps[5] = 42
        return cols

    monkeypatch.setattr(module, "generate_tickets", broken)
    with pytest.raises(RuntimeError, match="CHECK"):
        generate_demo(db, tickets=300, now=NOW)
    assert _count(db, Ticket) == _count(db, Site) == 0


def test_checks_are_on_again_afterwards(db: Database) -> None:
    from sqlalchemy.exc import IntegrityError

    generate_demo(db, tickets=200, now=NOW)
    with pytest.raises(IntegrityError), db.transaction() as s:
        s.add(Ticket(source="x", external_id="1", created_at=NOW, nps=11))


@pytest.mark.postgres
def test_portable_core_path_writes_the_same(
    pg_db: Database, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from models.demo import loader

    monkeypatch.setattr(loader, "_copy_postgresql", loader._insert_core)
    generate_demo(pg_db, tickets=300, seed=4, now=NOW)
    generate_demo(db, tickets=300, seed=4, now=NOW)
    assert _rows(pg_db) == _rows(db)


def test_documents_carry_a_valid_pdf(demo: tuple[Database, DemoSummary]) -> None:
    import hashlib
    import re

    db, _ = demo
    with db.session() as s:
        docs = list(s.scalars(select(VendorQualification)))
        files = [(d.file_name, d.file_sha256, d.file_content) for d in docs]
    for name, digest, content in files:
        assert name and name.endswith(".pdf") and content is not None
        assert hashlib.sha256(content).hexdigest() == digest
        assert content.startswith(b"%PDF-1.4") and content.rstrip().endswith(b"%%EOF")
        start = int(re.search(rb"startxref\n(\d+)", content).group(1))  # type: ignore[union-attr]
        assert content[start:].startswith(b"xref")
        offsets = [int(m) for m in re.findall(rb"(\d{10}) 00000 n", content)]
        for number, offset in enumerate(offsets, start=1):
            assert content[offset:].startswith(b"%d 0 obj" % number)


def test_demo_writes_the_kpi_column_cache(db: Database, tmp_path: Path) -> None:
    from models.kpi.store import TicketStore
    from models.kpi.store_cache import cache_file

    db.cache_dir = tmp_path / "cache"
    generate_demo(db, tickets=300, seed=5, now=NOW)
    path = cache_file(db)
    assert path is not None and path.exists()
    assert not list(path.parent.glob("*.tmp"))  # written to a temporary name, then moved
    from models.kpi.api import load_store_preview

    assert load_store_preview(db, NOW) is None  # so the first dashboard is not cold
    assert TicketStore.load(db).size == TicketStore.load_from_db(db).size == 300
