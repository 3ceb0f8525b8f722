"""The period report equals the KPI engine for the same filter; periods parse strictly."""

from __future__ import annotations

import datetime as dt

import pytest

from models.db import Database
from models.kpi.alerts import kpi_value
from models.kpi.api import (
    Selector,
    TicketFilter,
    compute_kpis,
    load_policy_set,
    load_store,
    ticket_ids,
)
from models.reports.period import Period, PeriodError, parse_period
from models.reports.period_report import KPI_ROWS, build_period_report
from tests.models.reports.scenario import FORMULA, NOISE, NOV, OCT, SEP, build

UTC = dt.UTC


@pytest.mark.parametrize(
    ("text", "label", "first", "end"),
    [
        ("2026-10", "2026-10", dt.date(2026, 10, 1), dt.date(2026, 11, 1)),
        ("2026-1", "2026-01", dt.date(2026, 1, 1), dt.date(2026, 2, 1)),
        ("2026-12", "2026-12", dt.date(2026, 12, 1), dt.date(2027, 1, 1)),
        ("2026Q3", "2026Q3", dt.date(2026, 7, 1), dt.date(2026, 10, 1)),
        ("2026-q4", "2026Q4", dt.date(2026, 10, 1), dt.date(2027, 1, 1)),
        ("2026-W42", "2026-W42", dt.date(2026, 10, 12), dt.date(2026, 10, 19)),
        ("2026w01", "2026-W01", dt.date(2025, 12, 29), dt.date(2026, 1, 5)),
        ("2026-W53", "2026-W53", dt.date(2026, 12, 28), dt.date(2027, 1, 4)),
        (" 2026 ", "2026", dt.date(2026, 1, 1), dt.date(2027, 1, 1)),
    ],
)
def test_parse_period(text: str, label: str, first: dt.date, end: dt.date) -> None:
    p = parse_period(text)
    assert (p.label, p.first, p.end_date) == (label, first, end)
    assert parse_period(p.label) == p


@pytest.mark.parametrize(
    "text",
    ["2026-13", "2026-00", "2026Q5", "2026Q0", "2025-W53", "2026-W54", "2026-W00", "26-10",
     "2026-10-01", "", "october", "1969", "2026/10", "2026-10x"],
)
def test_bad_periods(text: str) -> None:
    with pytest.raises(PeriodError):
        parse_period(text)


def test_previous_periods() -> None:
    assert parse_period("2026-01").previous().label == "2025-12"
    assert parse_period("2026Q1").previous().label == "2025Q4"
    assert parse_period("2026-W01").previous().label == "2025-W52"
    assert parse_period("2021-W01").previous().label == "2020-W53"
    assert parse_period("2026").previous() == Period("year", 2025, 1)


def test_bounds_are_local_midnights() -> None:
    p = parse_period("2026-10")
    assert p.bounds("UTC") == (OCT, NOV)
    start, end = p.bounds("Asia/Shanghai")
    assert start == dt.datetime(2026, 9, 30, 16, tzinfo=UTC)
    assert end == dt.datetime(2026, 10, 31, 16, tzinfo=UTC)
    # Berlin leaves summer time on 25 October: the month is 745 hours long
    start, end = p.bounds("Europe/Berlin")
    assert start == dt.datetime(2026, 9, 30, 22, tzinfo=UTC)
    assert end == dt.datetime(2026, 10, 31, 23, tzinfo=UTC)
    with pytest.raises(PeriodError):
        p.bounds("Mars/Olympus")


def _check_against_engine(db: Database) -> None:
    build(db)
    report = build_period_report(db, "2026-10", "UTC")
    assert (report.start, report.end, report.as_of) == (OCT, NOV, NOV)  # closed period
    store, policies = load_store(db), load_policy_set(db, "UTC")
    filt = TicketFilter(start=OCT, end=NOV)
    expected = compute_kpis(store, filt, NOV, policies)
    assert report.result.to_json() == expected.to_json()
    for line in report.kpis:
        assert line.value == kpi_value(expected, line.key), line.key
    assert [line.key for line in report.kpis] == [k for k, _ in KPI_ROWS]
    # the previous month, as it stood at its own end
    before = compute_kpis(store, TicketFilter(start=SEP, end=OCT), OCT, policies)
    assert report.previous_period.label == "2026-09" and report.previous_as_of == OCT
    assert report.previous_result.to_json() == before.to_json()
    volume = report.kpi("volume")
    assert (volume.value, volume.previous, volume.delta, volume.n) == (5, 2, 3, 5)
    # response SLA: met a, d, e; breached b (90 > 60 min), c (no response after 2 h)
    response = report.kpi("response_sla_met_pct")
    assert response.value == pytest.approx(60.0) and response.n == 5 and response.thin
    assert response.previous == pytest.approx(50.0)
    assert response.delta == pytest.approx(10.0)
    assert response.target == 90.0 and response.higher_is_better
    assert response.status == "missed"
    assert report.kpi("complaint_closure_pct").status == "missed"  # 1 of 3 closed
    assert report.kpi("overdue_complaints").value == 1
    assert report.kpi("volume").status is None  # no target
    # the overdue list is the tickets behind the KPI
    ids = ticket_ids(store, filt, Selector("overdue_complaints"), as_of=NOV)
    assert [o.ticket_id for o in report.overdue] == list(ids)
    assert [o.external_id for o in report.overdue] == ["EXT-OVERDUE"]
    created = dt.datetime(2026, 10, 6, 3, tzinfo=UTC)
    assert report.overdue[0].age_h == pytest.approx((NOV - created).total_seconds() / 3600)
    assert [(r.category, r.count, r.vital) for r in report.pareto] == [
        (NOISE, 2, True), (FORMULA, 1, True)]
    assert [p.priority for p in report.by_priority] == ["P1", "P2", "P3", "P4"]
    p2 = report.by_priority[1]
    assert (p2.volume, p2.response_sla.met, p2.response_sla.breached) == (2, 1, 1)
    assert {r.label: r.volume for r in report.by_vendor} == {"Alpha": 2, "Beta": 2, "": 1}
    assert {r.label: r.volume for r in report.by_site} == {"Store 1": 2, "": 3}
    # daily trend over the 31 days of October
    assert report.grain == "day" and len(report.volume_trend.starts) == 31
    assert report.volume_trend.values.sum() == 5
    assert report.response_trend.target == 90.0


def test_report_equals_the_engine(db: Database) -> None:
    _check_against_engine(db)


@pytest.mark.postgres
def test_report_on_postgresql(pg_db: Database) -> None:
    _check_against_engine(pg_db)


def test_filters_as_of_and_grains(db: Database) -> None:
    ids = build(db)
    alpha = build_period_report(db, "2026-10", "UTC", vendor_ids=(ids["v1"],))
    assert alpha.kpi("volume").value == 2 and alpha.vendors_filter == ("Alpha",)
    assert alpha.kpi("volume").previous == 0
    store = load_store(db)
    mid = dt.datetime(2026, 10, 6, 4, tzinfo=UTC)  # c is 1 h old: pending, not overdue
    early = build_period_report(db, "2026-10", "UTC", as_of=mid, store=store)
    assert early.as_of == mid and early.kpi("overdue_complaints").value == 0
    assert early.kpi("response_sla_pending").value == 1
    assert len(early.volume_trend.starts) == 5  # complete days 1–5 October only
    closed = dt.datetime(2027, 1, 1, tzinfo=UTC)
    quarter = build_period_report(db, "2026Q4", "UTC", as_of=closed, store=store)
    assert quarter.grain == "day" and quarter.previous_period.label == "2026Q3"
    assert len(quarter.volume_trend.starts) == 92
    assert quarter.kpi("volume").value == 6 and quarter.kpi("volume").previous == 2
    week = build_period_report(db, "2026-W41", "UTC", store=store)  # 5–11 October
    assert week.kpi("volume").value == 4 and len(week.volume_trend.starts) == 7
    year = build_period_report(db, "2026", "UTC", as_of=closed, store=store)
    assert year.grain == "month" and len(year.volume_trend.starts) == 12
    assert list(year.volume_trend.values[8:11]) == [2, 5, 1]
    running = build_period_report(db, "2026", "UTC", as_of=dt.datetime(2026, 10, 20, 12,
                                                                         tzinfo=UTC), store=store)
    assert len(running.volume_trend.starts) == 9  # January–September: October is not over
    shanghai = build_period_report(db, "2026-10", "Asia/Shanghai", store=store)
    assert shanghai.start == dt.datetime(2026, 9, 30, 16, tzinfo=UTC)
    with pytest.raises(PeriodError):
        build_period_report(db, "2026-13", "UTC", store=store)
    with pytest.raises(ValueError, match="naive"):
        build_period_report(db, "2026-10", "UTC", as_of=dt.datetime(2026, 11, 1), store=store)


def test_running_period_is_computed_as_of_now(db: Database) -> None:
    today = dt.datetime.now(UTC)
    report = build_period_report(db, f"{today.year + 1}", "UTC")
    assert report.as_of <= dt.datetime.now(UTC) and report.kpi("volume").value == 0
    assert report.kpi("response_sla_met_pct").value is None
