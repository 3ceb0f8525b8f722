"""Each real ticket export in ../shared/data/real/tickets imports with the default mapping.

Rows the data itself contradicts are rejected with a reason (``--skip-invalid``):
first responses after the resolution (synthetic generators), resolutions before
creation. The Kaggle export has no creation column: its first response time is taken
as the creation time (rows without one are rejected as missing it) — see
importers/validation.py.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import text

from importers.job import import_file
from models.db import Database
from tests.conftest import REAL_DATA

TICKETS = REAL_DATA / "tickets"
pytestmark = pytest.mark.skipif(not TICKETS.exists(), reason="real data not available")


def us(*args: int) -> int:
    return int(dt.datetime(*args, tzinfo=dt.UTC).timestamp()) * 1_000_000


CASES = {
    # file: (rows, inserted, rejected by reason, external id, expected columns)
    "nyc311_socrata_api_2024_AnthonyUPF.csv": (
        1000, 1000, {}, "61276295",
        {"created_at": us(2024, 5, 27, 2, 8, 51), "status": "open", "channel": "UNKNOWN",
         "category": "Street Condition", "agent": "DOT", "title": "Pothole",
         "team": "Department of Transportation"}),
    "pwc_call_center_dataset_100abhishek.xlsx": (
        5000, 5000, {}, "ID0001",
        {"created_at": us(2021, 1, 1, 9, 12, 58), "first_response_at": us(2021, 1, 1, 9, 14, 47),
         "resolved_at": us(2021, 1, 1, 9, 17, 10), "status": "resolved", "agent": "Diane",
         "category": "Contract related", "csat": 3.0, "csat_scale_max": 5.0}),
    "shahmeer13_tickets_data.xlsx": (
        75, 75, {}, "TCK-0001",
        {"created_at": us(2024, 10, 1), "resolved_at": us(2024, 10, 1), "priority": "P4",
         "status": "resolved", "agent": "Tech_A", "category": "Password Reset"}),
    "support_tickets_AnirudhBabu.csv": (
        5000, 4870, {"first_response_after_resolution": 130}, "TKT-000001",
        {"created_at": us(2024, 10, 29, 22), "resolved_at": us(2024, 10, 30, 15, 15, 11) + 744884,
         "priority": "P4", "status": "resolved", "channel": "Chat", "team": "Team_Beta",
         "csat": 2.0}),
    "support_tickets_teresgeo.csv": (
        1000, 987, {"first_response_after_resolution": 13}, "TKT-00001",
        {"created_at": us(2024, 11, 23, 3, 1), "first_response_at": us(2024, 11, 23, 4, 7, 36),
         "priority": "P1", "status": "closed", "channel": "Chat", "category": "Performance",
         "csat": 5.0}),
    "kaggle_customer_support_tickets_Mumtaj1012.csv": (
        8469, 4285, {"missing_required": 2819, "resolved_before_created": 1365}, "1",
        {"created_at": us(2023, 6, 1, 12, 15, 36) - 36_000_000, "first_response_at": None,
         "priority": "P1", "status": "in_progress", "channel": "Social media",
         "title": "Product setup", "customer": "Marisa Obrien"}),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_real_ticket_file_imports(db: Database, name: str) -> None:
    rows, inserted, reasons, ext_id, expected = CASES[name]
    report = import_file(TICKETS / name, db.url, mode="skip-invalid", tz="UTC")
    assert (report.rows, report.inserted, report.updated) == (rows, inserted, 0)
    assert dict(Counter(e.code for e in report.errors)) == reasons
    assert report.rejected == rows - inserted
    cols = ", ".join(expected)
    with db.engine.connect() as conn:
        got = conn.execute(text(f"SELECT {cols} FROM tickets WHERE external_id = :e"),
                           {"e": ext_id}).one()
        assert dict(zip(expected, got, strict=True)) == expected
        assert conn.execute(text("SELECT count(*) FROM tickets")).scalar() == inserted
    again = import_file(TICKETS / name, db.url, mode="skip-invalid", tz="UTC")
    assert again.duplicate_of == report.batch


def test_all_or_nothing_refuses_a_file_with_bad_rows(db: Database) -> None:
    report = import_file(TICKETS / "support_tickets_teresgeo.csv", db.url)
    assert report.batch is None and report.rejected == 13
    assert report.errors[0].row == 291 and report.errors[0].column == "First_Response_Time_Hours"


def test_kaggle_decision_is_reported(db: Database) -> None:
    path = TICKETS / "kaggle_customer_support_tickets_Mumtaj1012.csv"
    report = import_file(path, db.url, mode="skip-invalid", tz="UTC")
    assert any("creation time is taken from 'First Response Time'" in w for w in report.warnings)
    assert Path(report.file).name == path.name
