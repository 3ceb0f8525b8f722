"""Every real inspection file in ../shared/data/real/inspections imports with the default
mapping: counts and a few exact values (see the MANIFEST there)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, select

from importers.inspection_visits import visit_uuid
from importers.inspections import InspectionImportOptions, import_inspections
from importers.job import import_file, read_file
from models.db import Database
from models.orm import Site
from models.orm.checklists import (
    ChecklistTemplate,
    Choice,
    Inspection,
    InspectionAnswer,
    InspectionKind,
    InspectionStatus,
)
from tests.conftest import REAL_DATA

DIR = REAL_DATA / "inspections"
UTC = dt.UTC


def run(db: Database, name: str, tz: str) -> tuple[object, Path]:
    path = DIR / name
    report = import_inspections(read_file(path), db, InspectionImportOptions(tz=tz))
    return report, path


def by_ref(db: Database, ref: str) -> Inspection:
    with db.session() as s:
        row = s.scalar(select(Inspection).where(Inspection.external_ref == ref))
        assert row is not None, ref
        return row


def site_of(db: Database, row: Inspection) -> Site:
    with db.session() as s:
        site = s.get(Site, row.site_id)
        assert site is not None
        return site


def test_chicago_results_map_to_passed_and_keep_violations(db: Database) -> None:
    report, _ = run(db, "chicago_food_inspections_GuidoValada.csv", "America/Chicago")
    assert (report.rows, report.inserted, report.updated, report.rejected) == (561, 561, 0, 0)
    with db.session() as s:
        passed = dict(s.execute(select(Inspection.passed, func.count()).group_by(
            Inspection.passed)).all())
        assert s.scalar(select(func.count()).select_from(Site)) == 550
        assert s.scalar(select(func.count()).where(Inspection.score.is_not(None))) == 0
    assert passed == {True: 237 + 69, False: 32, None: 111 + 78 + 33 + 1}
    ten = by_ref(db, "2363109")
    assert (ten.passed, ten.result, ten.visit_type) == (True, "Pass", "License Re-Inspection")
    assert ten.visited_at == dt.datetime(2020, 3, 3, 6, 0, tzinfo=UTC)  # midnight in Chicago
    assert ten.kind is InspectionKind.INSPECTION and ten.status is InspectionStatus.SUBMITTED
    site = site_of(db, ten)
    assert (site.code, site.name, site.address, site.city, site.kind) == (
        "chicago-food-inspections:2713537", "TEN CAFE", "3308 N WESTERN AVE", "CHICAGO",
        "Restaurant")
    not_ready = by_ref(db, "2363149")
    assert (not_ready.passed, not_ready.result) == (None, "Not Ready")
    host = by_ref(db, "2363076")
    assert host.notes is not None and host.notes.startswith(
        "55. PHYSICAL FACILITIES INSTALLED, MAINTAINED & CLEAN - Comments:")
    assert " | 56. ADEQUATE VENTILATION" in host.notes
    conditions = by_ref(db, next(r for r in _refs_with_result(db, "Pass w/ Conditions")))
    assert conditions.passed is True


def _refs_with_result(db: Database, result: str) -> list[str]:
    with db.session() as s:
        return [r for r in s.scalars(select(Inspection.external_ref).where(
            Inspection.result == result)) if r]


def test_austin_scores_bom_and_multiline_addresses(db: Database) -> None:
    report, _ = run(db, "austin_food_establishment_inspection_scores_term1830.csv",
                    "America/Chicago")
    assert (report.rows, report.inserted, report.rejected) == (25243, 25233, 0)
    assert any("10 row(s) repeating an earlier row" in w for w in report.warnings)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Site)) == 5823
        lo, hi = s.execute(select(func.min(Inspection.score), func.max(Inspection.score))).one()
        assert (lo, hi) == (44.0, 100.0)
    third = by_ref(db, "austin-food-inspections:10287518|2017-06-28T05:00:00Z|Routine Inspection")
    assert third.score == 94.0 and third.visit_type == "Routine Inspection"
    site = site_of(db, third)
    assert (site.name, site.address) == ("Third Base", "9600 S IH\nAUSTIN, TX 78748")
    # two different scores for one restaurant on one day are two visits
    papa = "austin-food-inspections:"
    with db.session() as s:
        twice = s.scalars(select(Inspection.external_ref).where(
            Inspection.external_ref.like(f"{papa}%#2"))).all()
    assert 0 < len(twice) < 20


def test_sf_yyyymmdd_dates_and_quoted_numbers(db: Database) -> None:
    report, _ = run(db, "sf_restaurant_inspections_yyyymmdd_3innielee.csv",
                    "America/Los_Angeles")
    assert (report.rows, report.inserted, report.rejected) == (14233, 14232, 0)
    visit = by_ref(db, "sf-food-inspections:19|2017-12-11T08:00:00Z|routine")
    assert visit.score == 94.0 and visit.visited_at == dt.datetime(2017, 12, 11, 8, tzinfo=UTC)
    assert site_of(db, visit).code == "sf-food-inspections:19"
    with db.session() as s:
        assert s.scalar(select(func.min(Inspection.score))) == 48.0


def test_safetyculture_score_from_max_score_and_deleted_rows(db: Database) -> None:
    report, _ = run(db, "safetyculture_iauditor_inspections_export_schema.csv", "UTC")
    assert (report.rows, report.inserted, report.rejected) == (3, 2, 0)
    assert "1 row(s) marked deleted in the source were skipped" in report.warnings
    audit = by_ref(db, "audit_4e28ab2cce8c44a781d376d0ac47dc92")
    assert audit.score == pytest.approx(100 * 59 / 141)  # score_percentage says 0
    assert audit.kind is InspectionKind.AUDIT and audit.inspector == "Another User"
    assert audit.visited_at == dt.datetime(2014, 3, 6, 4, 47, 26, tzinfo=UTC)
    assert audit.visit_type == "Group 9 - Townsville Tourism Walking Tour"
    assert audit.site_id is None
    assert audit.uuid == visit_uuid("safetyculture", "audit_4e28ab2cce8c44a781d376d0ac47dc92")
    assert by_ref(db, "audit_4d95cb4be1e7488bba5893fecd2379d2").score == 0.0


def test_thai_streetlight_log_items(db: Database) -> None:
    report, _ = run(db, "thai_streetlight_inspection_log_bellz1601.xlsx", "Asia/Bangkok")
    assert (report.rows, report.inserted, report.rejected) == (9, 7, 0)
    assert any("skipped: rows 2, 8" in w for w in report.warnings)
    with db.session() as s:
        template = s.scalar(select(ChecklistTemplate))
        assert template is not None and template.code == "import-rfid-inspection-log"
        texts = [i.text for sec in template.sections for i in sec.items]
        assert texts == ["หลอดไฟ", "เสาไฟ", "สายไฟ"]
        first = s.scalar(select(Inspection).order_by(Inspection.visited_at))
        assert first is not None
        choices = {a.item_id: a.choice for a in s.scalars(select(InspectionAnswer).where(
            InspectionAnswer.inspection_id == first.id))}
        items = {i.text: i.id for sec in template.sections for i in sec.items}
        assert s.scalar(select(func.count()).select_from(InspectionAnswer)) == 21
    assert [choices[items[t]] for t in texts] == [Choice.NO, Choice.YES, Choice.NO]
    assert first.score == pytest.approx(100 / 3) and first.passed is False
    assert first.inspector == "asw001"
    assert first.visited_at == dt.datetime(2025, 9, 23, 18, 19, 39, tzinfo=UTC)
    assert site_of(db, first).code == "RFID-AEER-12-TEST007"


def test_same_file_twice_through_the_job(db: Database, db_path: Path) -> None:
    path = DIR / "chicago_food_inspections_GuidoValada.csv"
    url = f"sqlite:///{db_path}"
    first = import_file(path, url, kind="inspections")  # zone from the shipped profile
    again = import_file(path, url, kind="inspections")
    forced = import_file(path, url, kind="inspections", force=True, mode="skip-invalid")
    assert (first.inserted, again.duplicate_of, forced.inserted, forced.updated) == (
        561, first.batch, 0, 561)
    assert "columns from profile 'Chicago food inspections'" in first.warnings
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Inspection)) == 561
    assert by_ref(db, "2363109").visited_at == dt.datetime(2020, 3, 3, 6, 0, tzinfo=UTC)


@pytest.mark.parametrize(("name", "inserted"), [
    ("austin_food_establishment_inspection_scores_term1830.csv", None),
    ("sf_restaurant_inspections_yyyymmdd_3innielee.csv", None),
    ("safetyculture_iauditor_inspections_export_schema.csv", 2),
    ("thai_streetlight_inspection_log_bellz1601.xlsx", 7),
])
def test_shipped_profiles_match(db: Database, name: str, inserted: int | None) -> None:
    from importers.profiles import find_matching_profile

    table = read_file(DIR / name)
    profile = find_matching_profile(db, [str(h) for h in table.headers], "inspections")
    assert profile is not None and profile.builtin
    if inserted is not None:  # the small ones: import through the profile alone
        report = import_inspections(table, db)
        assert report.inserted == inserted and report.rejected == 0
