"""Event logs (one row per state change) reduced to one ticket per id, last state winning:
detection, the reduction rules, the import with and without the choice, a workbook, the
real ticket exports (none is an event log) and a million rows in a few seconds."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from openpyxl import Workbook
from sqlalchemy import text

from importers.event_log import detect_event_log, reduce_event_log
from importers.job import import_file, preview_file
from importers.mapping import propose_mapping
from importers.table import RawTable
from models.db import Database
from tests.conftest import REAL_DATA
from tests.importers.helpers import table, write_rows

HEADERS = ["工单号", "创建时间", "更新时间", "状态", "处理人", "优先级", "首次响应时间", "解决时间"]
ROWS: list[list[Any]] = [
    # A: opened, answered, resolved, reopened, resolved again (rows 2, 4, 5, 7, 9)
    ["A", "2024-03-01 09:00", "2024-03-01 09:00", "新建", "", "中", "", ""],
    ["B", "2024-03-01 10:00", "2024-03-01 10:00", "新建", "王五", "低", "", ""],
    ["A", "2024-03-01 09:00", "2024-03-01 09:30", "处理中", "张三", "中", "2024-03-01 09:30", ""],
    ["A", "2024-03-01 09:00", "2024-03-01 11:00", "已解决", "张三", "中", "2024-03-01 09:30",
     "2024-03-01 11:00"],
    ["B", "2024-03-01 10:00", "2024-03-01 12:00", "已解决", "王五", "高", "", "2024-03-01 12:00"],
    ["A", "2024-03-01 09:00", "2024-03-02 08:00", "重新打开", "李四", "高", "", ""],
    # C: resolved, then reopened and still open: no resolution (its last state wins)
    ["C", "2024-03-01 10:00", "2024-03-01 10:00", "已解决", "赵六", "低", "", "2024-03-01 10:30"],
    ["A", "2024-03-01 09:00", "2024-03-02 09:00", "已解决", "李四", "高", "", "2024-03-02 09:00"],
    ["C", "2024-03-01 10:00", "2024-03-01 13:00", "重新打开", "赵六", "低", "", ""],
]
TZ = dt.UTC


def us(*args: int) -> int:
    return int(dt.datetime(*args, tzinfo=dt.UTC).timestamp()) * 1_000_000


def write_csv(path: Path, rows: list[list[Any]] = ROWS, headers: list[str] = HEADERS) -> Path:
    return write_rows(path, [headers, *rows])


def tickets(db: Database) -> dict[str, dict[str, Any]]:
    with db.engine.connect() as conn:
        rows = conn.execute(text(
            "SELECT external_id, created_at, first_response_at, resolved_at, status, agent, "
            "priority, reopened_count FROM tickets")).mappings().all()
    return {r["external_id"]: dict(r) for r in rows}


def test_mapping_finds_the_update_time_and_keeps_created() -> None:
    m = propose_mapping(table(HEADERS, ROWS))
    assert m.header_of("updated_at") == "更新时间" and m.header_of("created_at") == "创建时间"
    english = propose_mapping(table(["Ticket ID", "Last Updated", "Status"],
                                    [["1", "2024-03-01 09:00", "open"]]))
    assert english.header_of("updated_at") == "Last Updated"
    assert english.header_of("created_at") is None  # not stolen by the value guess


def test_detect_counts_rows_and_tickets() -> None:
    t = table(HEADERS, ROWS)
    info = detect_event_log(t, propose_mapping(t), TZ)
    assert info is not None and info.looks_like_event_log
    assert (info.rows, info.tickets, info.repeated) == (9, 3, 3)
    assert info.describe() == "looks like an event log: 9 rows for 3 tickets"
    # update times going back within an id: repeated ids, but not an event log
    shuffled = [ROWS[5], *ROWS[:5], *ROWS[6:]]
    t = table(HEADERS, shuffled)
    info = detect_event_log(t, propose_mapping(t), TZ)
    assert info is not None and not info.looks_like_event_log and info.repeated == 3
    plain = table(["工单号", "创建时间"], [["A", "2024-03-01"], ["B", "2024-03-02"]])
    assert detect_event_log(plain, propose_mapping(plain), TZ) is None  # no update time


def test_reduce_keeps_the_last_state_and_the_source_rows() -> None:
    t = table(HEADERS, ROWS)
    reduced, mapping, info = reduce_event_log(t, propose_mapping(t), TZ)
    assert info.tickets == 3 and reduced.n_rows == 3
    assert reduced.row_numbers == [6, 9, 10]  # the rows of B's, A's and C's last states
    rows = {r[0]: r for r in zip(*reduced.columns, strict=True)}
    assert rows["A"][3:6] == ("已解决", "李四", "高")
    assert rows["A"][6] == "2024-03-01 09:30"  # first response: the first one
    assert rows["A"][7] == "2024-03-02 09:00"  # resolved again after the reopen
    assert rows["A"][-1] == 1 and rows["C"][-1] == 1 and rows["B"][-1] == 0
    assert rows["C"][7] is None  # reopened and still open
    assert mapping.header_of("reopened_count") == reduced.headers[-1]


def test_created_is_the_earliest_or_the_first_update() -> None:
    rows = [["X", "2024-03-02 10:00", "2024-03-02 10:00", "open"],
            ["X", "2024-03-01 08:00", "2024-03-02 11:00", "closed"],
            ["Y", "", "2024-03-05 07:00", "open"]]
    t = table(["id", "created", "updated", "status"], rows)
    reduced, _, _ = reduce_event_log(t, propose_mapping(t), TZ)
    assert reduced.column("created") == ["2024-03-01 08:00", ""]  # Y has none
    no_created = table(["id", "updated", "status"], [r[0:1] + r[2:] for r in rows])
    reduced, mapping, _ = reduce_event_log(no_created, propose_mapping(no_created), TZ)
    header = mapping.header_of("created_at")
    assert header is not None and reduced.column(header) == ["2024-03-02 10:00",
                                                             "2024-03-05 07:00"]


def test_import_reduces_when_chosen(db: Database, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "log.csv")
    report = import_file(path, db.url, tz="UTC", options={"event_log": "reduce"})
    assert (report.rows, report.inserted, report.rejected, report.errors) == (9, 3, 0, [])
    assert "event log: 9 rows reduced to 3 tickets (the last state of each wins)" in \
        report.warnings
    got = tickets(db)
    a, c = got["A"], got["C"]
    assert (a["status"], a["agent"], a["priority"], a["reopened_count"]) == (
        "resolved", "李四", "P2", 1)
    assert a["created_at"] == us(2024, 3, 1, 9)
    assert a["first_response_at"] == us(2024, 3, 1, 9, 30)
    assert a["resolved_at"] == us(2024, 3, 2, 9)
    assert (c["status"], c["resolved_at"], c["reopened_count"]) == ("open", None, 1)
    assert got["B"]["status"] == "resolved" and got["B"]["reopened_count"] == 0


def test_kept_event_log_is_duplicates_with_a_note(db: Database, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "log.csv")
    report = import_file(path, db.url, tz="UTC")  # today's behaviour: first row wins
    assert report.batch is None and report.rejected == 6
    assert {e.code for e in report.errors} == {"duplicate_id"}
    assert any(w.startswith("looks like an event log: 9 rows for 3 tickets") for w in
               report.warnings)
    pv = preview_file(path, db.url, tz="UTC")
    assert pv.event_log is not None and (pv.event_log.rows, pv.event_log.tickets) == (9, 3)
    reduced = preview_file(path, db.url, tz="UTC", options={"event_log": "reduce"})
    assert reduced.report.errors == [] and reduced.report.validation is not None
    assert reduced.report.validation.rows == 3


def test_xlsx_event_log_with_real_times_and_errors_on_spreadsheet_rows(
        db: Database, tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["Ticket ID", "Created", "Last Updated", "Status", "Agent"])
    ws.append(["T1", dt.datetime(2024, 5, 1, 8), dt.datetime(2024, 5, 1, 8), "New", "ann"])
    ws.append(["T2", "not a date", dt.datetime(2024, 5, 1, 9), "New", "bob"])
    ws.append(["T1", dt.datetime(2024, 5, 1, 8), dt.datetime(2024, 5, 1, 10), "Solved", "cy"])
    ws.append(["T2", "not a date", dt.datetime(2024, 5, 2, 9), "Closed", "bob"])
    path = tmp_path / "log.xlsx"
    wb.save(path)
    report = import_file(path, db.url, tz="UTC", mode="skip-invalid",
                         options={"event_log": "reduce"})
    assert (report.inserted, report.rejected) == (1, 1)
    assert [(e.row, e.column, e.code) for e in report.errors] == [(5, "Created", "unparseable")]
    assert tickets(db)["T1"]["agent"] == "cy" and tickets(db)["T1"]["status"] == "resolved"


@pytest.mark.skipif(not (REAL_DATA / "tickets").exists(), reason="real data not available")
@pytest.mark.parametrize("name", ["nyc311_socrata_api_2024_AnthonyUPF.csv",
                                  "support_tickets_AnirudhBabu.csv"])
def test_real_exports_are_not_event_logs(db: Database, name: str) -> None:
    pv = preview_file(REAL_DATA / "tickets" / name, db.url, tz="UTC")
    assert pv.event_log is None and pv.mapping.header_of("updated_at") is None


def test_a_million_rows_reduce_in_seconds() -> None:
    n = 1_000_000
    i = np.arange(n)
    base = np.datetime64("2024-01-01T00:00")
    updated = (base + (i // 4) * np.timedelta64(1, "m") + (i % 4) * np.timedelta64(1, "s"))
    status = np.array(["新建", "处理中", "已解决", "重新打开"])[i % 4].tolist()
    t = RawTable(Path("log.csv"), None, "csv", ["工单号", "更新时间", "状态"],
                 [[f"T{k}" for k in (i // 4).tolist()], np.datetime_as_string(updated).tolist(),
                  status], list(range(2, n + 2)))
    mapping = propose_mapping(t)
    started = time.perf_counter()
    reduced, _, info = reduce_event_log(t, mapping, TZ)
    seconds = time.perf_counter() - started
    assert reduced.n_rows == 250_000 and info.tickets == 250_000 and info.ordered
    assert reduced.columns[-1][:2] == [1, 1] and reduced.columns[2][0] == "重新打开"
    assert seconds < 8, f"{seconds:.1f} s"  # about 2 s measured on the 2-core machine
