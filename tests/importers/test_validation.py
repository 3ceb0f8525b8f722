"""Every validation rule, with row numbers as the spreadsheet shows them."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

from openpyxl import load_workbook

from importers.mapping import propose_mapping
from importers.report import export_rejected
from importers.validation import validate_tickets
from tests.importers.helpers import table

NOW = dt.datetime(2024, 6, 1, tzinfo=dt.UTC)
HEADERS = ["工单号", "创建时间", "首次响应时间", "解决时间", "优先级", "状态", "满意度", "NPS",
           "解决时长(小时)"]


def run(rows: list[list[object]], headers: list[str] = HEADERS, **options: object):
    t = table(headers, rows)
    m = propose_mapping(t)
    m.options.update(options)
    return validate_tickets(t, m, tz=dt.UTC, now=NOW)


def codes(report) -> list[tuple[int, str]]:
    return [(e.row, e.code) for e in report.errors]


GOOD = ["T1", "2024-05-01 08:00", "2024-05-01 08:10", "2024-05-01 10:00", "高", "已解决", 5, 9,
        None]


def test_a_good_row_passes_with_its_values() -> None:
    data, report = run([GOOD])
    assert report.ok and data.valid == 1
    assert data.priority.tolist() == ["P2"] and data.status.tolist() == ["resolved"]
    assert data.csat_scale == (1.0, 5.0)


def test_missing_required_fields() -> None:
    _, report = run([GOOD, ["", "2024-05-01", None, None, None, None, None, None, None],
                     ["T3", "", None, None, None, None, None, None, None]])
    assert codes(report) == [(3, "missing_required"), (4, "missing_required")]
    assert report.errors[1].column == "创建时间"


def test_unparseable_values_name_column_and_value() -> None:
    _, report = run([["T1", "yesterday", "later", None, None, None, "great", None, "soon"]])
    assert Counter(e.code for e in report.errors)["unparseable"] == 4
    assert {e.column for e in report.errors} >= {"首次响应时间", "满意度", "解决时长(小时)"}
    assert ("创建时间", "yesterday") in {(e.column, e.value) for e in report.errors}


def test_duplicates_keep_the_first() -> None:
    data, report = run([GOOD, GOOD, GOOD])
    assert codes(report) == [(3, "duplicate_id"), (4, "duplicate_id")]
    assert data.reject.tolist() == [False, True, True]


def test_time_order_rules() -> None:
    rows = [
        ["A", "2024-05-02 08:00", None, "2024-05-01 08:00", None, None, None, None, None],
        ["B", "2024-05-02 08:00", "2024-05-01 08:00", None, None, None, None, None, None],
        ["C", "2024-05-01 08:00", "2024-05-01 12:00", "2024-05-01 10:00", None, None, None,
         None, None],
        ["D", "2024-06-03 08:00", None, None, None, None, None, None, None],
        ["E", "2024-06-01 20:00", None, None, None, None, None, None, None],  # < 1 day ahead
    ]
    _, report = run(rows)
    assert codes(report) == [(2, "resolved_before_created"), (3, "first_response_before_created"),
                             (4, "first_response_after_resolution"), (5, "future_time")]


def test_durations_out_of_range() -> None:
    rows = [["A", "2024-05-01", None, None, None, None, None, None, -2],
            ["B", "2024-05-01", None, None, None, None, None, None, 9000],
            ["C", "2024-05-01", None, None, None, None, None, None, "1小时20分"]]
    data, report = run(rows)
    assert codes(report) == [(2, "duration_out_of_range"), (3, "duration_out_of_range")]
    assert data.times["resolved_at"][2] - data.times["created_at"][2] == 80 * 60 * 1_000_000


def test_unknown_priority_and_status_listed_once_and_mappable() -> None:
    rows = [[f"T{i}", "2024-05-01", None, None, "Showstopper", "Triage" if i < 2 else "open", None,
             None, None] for i in range(3)]
    _, report = run(rows)
    assert report.unknown_values == {"priority": {"Showstopper": 3}, "status": {"Triage": 2}}
    assert Counter(e.code for e in report.errors) == {"unknown_priority": 3, "unknown_status": 2}
    data, report = run(rows, value_map={"priority": {"Showstopper": "P1"},
                                        "status": {"Triage": "open"}})
    assert report.ok and data.priority.tolist() == ["P1"] * 3


def test_csat_outside_its_scale_and_nps_range() -> None:
    rows = [["A", "2024-05-01", None, None, None, None, 4, 11, None],
            ["B", "2024-05-01", None, None, None, None, 9, 7.5, None],
            ["C", "2024-05-01", None, None, None, None, 1, 0, None]]
    _, report = run(rows, csat_scale=[1, 5])
    assert codes(report) == [(2, "nps_out_of_range"), (3, "csat_out_of_scale"),
                             (3, "nps_out_of_range")]
    data, report = run(rows)  # inferred from the values: 1..9 → 0–10
    assert data.csat_scale == (0.0, 10.0)
    assert "csat_out_of_scale" not in {e.code for e in report.errors}


def test_date_and_time_columns_join() -> None:
    data, report = run([["C1", "2021-01-01", dt.time(9, 12, 58), "Y", 109]],
                       headers=["Call Id", "Date", "Time", "Answered (Y/N)",
                                "Speed of answer in seconds"])
    assert report.ok
    created = data.times["created_at"][0]
    assert created == int(dt.datetime(2021, 1, 1, 9, 12, 58, tzinfo=dt.UTC).timestamp() * 1e6)
    assert data.times["first_response_at"][0] - created == 109_000_000


def test_complaint_from_category_when_no_column() -> None:
    data, _ = run([["A", "2024-05-01", "投诉-服务态度"], ["B", "2024-05-01", "咨询"]],
                  headers=["工单号", "创建时间", "类别"])
    assert data.is_complaint.tolist() == [True, False]


def test_rejected_rows_export_with_an_error_column(tmp_path: Path) -> None:
    _, report = run([GOOD, ["=HYPERLINK(\"x\")", "bad", None, None, None, None, None, None,
                            None]])
    out = export_rejected(report, tmp_path / "rejected.xlsx")
    ws = load_workbook(out).active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][0] == "Row" and rows[0][-1] == "Errors"
    assert rows[1][0] == 3 and rows[1][1] == "=HYPERLINK(\"x\")"  # stored as text
    assert ws.cell(2, 2).data_type == "s"
    assert "cannot read" in rows[1][-1]
