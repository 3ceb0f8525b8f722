"""The pyarrow fast path of the CSV reader reads every file exactly as the csv module
reader does, or hands it back (None) so the csv module reads it."""

from __future__ import annotations

from pathlib import Path

import pytest

from importers import arrow_csv
from importers.csv_reader import read_csv
from importers.table import RawTable
from tests.importers.helpers import write_rows


def _data(n: int = 3000) -> list[list[str]]:
    return [[f"{i:06d}", f"2024-03-{1 + i % 28:02d} 10:{i % 60:02d}", ["高", "low", "P3"][i % 3],
             "" if i % 5 else f"第一行\n第二行, \"引号\" {i}", f"坐席{i % 40}"] for i in range(n)]


HEADER = ["工单号", "创建时间", "优先级", "备注", "处理人"]


def _layouts() -> dict[str, dict]:
    data = _data()
    return {
        "plain": {"rows": [HEADER, *data], "fast": True},
        "title_block": {"rows": [["2024 年工单导出"], [], HEADER, *data], "fast": True},
        "lf": {"rows": [HEADER, *data], "terminator": "\n", "fast": True},
        "cr_only": {"rows": [HEADER, *data], "terminator": "\r", "fast": None},
        "bom": {"rows": [HEADER, *data], "encoding": "utf-8-sig", "fast": True},
        "semicolon": {"rows": [HEADER, *[[*r[:3], "12,5", r[4]] for r in data]],
                      "delimiter": ";", "fast": True},
        "empty_records": {"rows": [HEADER, *data[:500], [""] * 5, *data[500:], [""] * 5],
                          "fast": True},
        "totals": {"rows": [HEADER, *data, ["合计", "", "", "", "3000"]], "fast": True},
        "blank_line": {"rows": [HEADER, *data[:2000], [], *data[2000:]], "fast": False},
        "ragged": {"rows": [HEADER, *data[:2500], ["x", "y"], *data[2500:]], "fast": False},
        "gb18030": {"rows": [HEADER, *data], "encoding": "gb18030", "fast": False},
        "long_cell": {"rows": [HEADER, *data[:1500], [*data[1500][:3], "长" * 40_000,
                                                      data[1500][4]], *data[1501:]],
                      "fast": False},
    }


def _same(a: RawTable, b: RawTable) -> None:
    assert (a.headers, a.row_numbers, a.header_row, a.skipped_rows, a.delimiter, a.encoding,
            a.decimal_comma, a.notes) == (b.headers, b.row_numbers, b.header_row,
                                          b.skipped_rows, b.delimiter, b.encoding,
                                          b.decimal_comma, b.notes)
    assert a.columns == b.columns


@pytest.mark.parametrize("name", list(_layouts()))
def test_the_fast_path_reads_as_the_csv_module_does(name: str, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    spec = _layouts()[name]
    path = write_rows(tmp_path / f"{name}.csv", spec["rows"],
                      encoding=spec.get("encoding", "utf-8"),
                      terminator=spec.get("terminator", "\r\n"),
                      delimiter=spec.get("delimiter", ","))
    monkeypatch.setattr(arrow_csv, "MIN_BYTES", 1 << 40)
    slow = read_csv(path)
    answers: list[bool] = []
    real = arrow_csv.read_columns

    def watched(*args, **kwargs):  # records which reader produced the table
        table = real(*args, **kwargs)
        answers.append(table is not None)
        return table

    monkeypatch.setattr(arrow_csv, "MIN_BYTES", 0)
    monkeypatch.setattr(arrow_csv, "read_columns", watched)
    fast = read_csv(path)
    _same(fast, slow)
    if spec["fast"] is not None:
        assert any(answers) == spec["fast"]
    assert slow.columns[0][:2] == ["000000", "000001"]  # ids stay exact text


def test_the_fast_path_refuses_too_many_records(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from importers.limits import ImportLimits
    from importers.table import ImportRefused

    path = write_rows(tmp_path / "big.csv", [HEADER, *_data()])
    monkeypatch.setattr(arrow_csv, "MIN_BYTES", 0)
    with pytest.raises(ImportRefused) as refused:
        read_csv(path, limits=ImportLimits(max_rows=2000))
    assert refused.value.code == "too_large"


def test_a_cell_over_the_limit_is_emptied_with_a_warning_on_either_path(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rows = _layouts()["long_cell"]["rows"]
    path = write_rows(tmp_path / "long.csv", rows)
    monkeypatch.setattr(arrow_csv, "MIN_BYTES", 0)
    table = read_csv(path)
    assert table.columns[3][1500] is None
    (warning,) = [w for w in table.warnings if "characters" in w.reason]
    assert (warning.row, warning.column) == (1502, "备注")


def test_the_fast_path_hands_its_encoding_over_and_validation_is_unchanged_by_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import dataclasses
    import datetime as dt

    from importers.mapping import propose_mapping
    from importers.validation import validate_tickets

    rows = [[*r[:2], ["高", "low", "P3", "weird"][i % 4], r[3], r[4]]
            for i, r in enumerate(_data())]
    path = write_rows(tmp_path / "t.csv", [HEADER, *rows])
    monkeypatch.setattr(arrow_csv, "MIN_BYTES", 0)
    table = read_csv(path)
    coded = {h: c.coding for h, c in zip(table.headers, table.columns, strict=True)
             if getattr(c, "coding", None) is not None}
    assert {"优先级", "处理人"} <= coded.keys() and "工单号" not in coded
    for header, (distinct, codes) in coded.items():
        assert [distinct[k] for k in codes] == table.column(header)
    plain = dataclasses.replace(table, columns=[list(c) for c in table.columns])
    mapping = propose_mapping(table, "tickets")
    now = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    data, report = validate_tickets(table, mapping, tz=dt.UTC, now=now)
    data_plain, report_plain = validate_tickets(plain, mapping, tz=dt.UTC, now=now)
    assert report.unknown_values == report_plain.unknown_values == {"priority": {"weird": 750}}
    assert ([e.to_json() for e in report.errors]
            == [e.to_json() for e in report_plain.errors]) and len(report.errors) == 750
    assert (data.priority == data_plain.priority).all() and (data.reject == data_plain.reject).all()
    assert data.texts == data_plain.texts and data.texts["agent"][:2] == ["坐席0", "坐席1"]
