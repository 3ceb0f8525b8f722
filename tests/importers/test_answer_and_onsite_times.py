"""Answer and on-site arrival times: mapped from their headers, checked, stored, undone."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from sqlalchemy import select, text

from importers.batches import undo_batch
from importers.job import import_file
from importers.mapping import propose_mapping
from importers.validation import validate_tickets
from models.db import Database
from models.orm import Ticket
from tests.importers.helpers import table

HEADERS = ["工单号", "创建时间", "接通时间", "到场时间", "优先级"]
NOW = dt.datetime(2024, 6, 1, tzinfo=dt.UTC)


def test_headers_map_to_answer_and_onsite_fields() -> None:
    m = propose_mapping(table(["Ticket ID", "Created", "Answered At", "Arrived At"], []))
    assert m.header_of("answered_at") == "Answered At"
    assert m.header_of("onsite_at") == "Arrived At"


def test_a_time_before_creation_is_rejected_with_its_column() -> None:
    t = table(HEADERS, [
        ["T1", "2024-05-01 08:00", "2024-05-01 08:00:20", "2024-05-01 09:30", "紧急"],
        ["T2", "2024-05-01 08:00", "2024-05-01 07:59", None, "高"],
        ["T3", "2024-05-01 08:00", None, "2024-05-01 07:00", "高"]])
    data, report = validate_tickets(t, propose_mapping(t), tz=dt.UTC, now=NOW)
    assert [(e.row, e.code, e.column) for e in report.errors] == [
        (3, "time_before_created", "接通时间"), (4, "time_before_created", "到场时间")]
    assert data.has["answered_at"].tolist() == [True, True, False]
    assert data.has["onsite_at"].tolist() == [True, False, True]


def test_times_are_stored_and_undo_removes_them(any_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "field.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows([HEADERS, ["F1", "2024-05-01 08:00", "2024-05-01 08:00:25",
                                           "2024-05-01 09:45", "紧急"]])
    report = import_file(path, any_db.url, tz="UTC")
    assert report.inserted == 1
    with any_db.transaction() as s:
        ticket = s.scalars(select(Ticket)).one()
        assert ticket.answered_at - ticket.created_at == dt.timedelta(seconds=25)
        assert ticket.onsite_at - ticket.created_at == dt.timedelta(hours=1, minutes=45)
    undo_batch(any_db, report.batch)
    with any_db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM tickets")).scalar() == 0
