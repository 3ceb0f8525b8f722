"""CSV files are read in chunks: the header is found on the first rows, the rest goes
straight into columns. The result must be what :func:`detect_table` finds on the whole
grid, wherever the chunk boundaries fall."""

from __future__ import annotations

from pathlib import Path

import pytest

from importers import csv_reader
from importers.csv_reader import read_csv
from importers.header_detection import SCAN_ROWS, detect_table
from tests.importers.helpers import write_rows


def _expected(rows: list[list[str]]) -> tuple[list[str], list[list[str | None]], list[int],
                                               list[tuple[int, str]], int | None]:
    """What the whole-grid detection gives, with empty text as None (the reader's rule)."""
    table = detect_table(rows, first_row=1)
    assert table is not None
    columns = [[None if v in ("", None) else v for v in col] for col in table.columns]
    return table.headers, columns, table.row_numbers, table.skipped, table.header_row


def _layouts() -> dict[str, list[list[str]]]:
    data = [[f"T{i:05d}", f"2024-03-{1 + i % 28:02d} 10:00", ["高", "low", "P3"][i % 3],
             "" if i % 5 else "note"] for i in range(240)]
    plain = [["工单号", "创建时间", "优先级", "备注"], *data]
    titled = [["2024 年工单导出"], [], ["", "工单号", "创建时间", "优先级"],
              *[["", *r[:3]] for r in data], [], ["合计", "", "240", ""]]
    gaps = [["Ticket ID", "Created", "Priority", "Note"], ["Total", "", "", ""],
            *data[:50], [], [], *data[50:], ["x", "y", "z", "w", "wider"],
            [], ["exported by the help desk"]]
    blank_top = [*([[]] * (SCAN_ROWS + 5)), ["Ticket ID", "Created"],
                 *[r[:2] for r in data[:40]]]
    return {"plain": plain, "titled": titled, "gaps": gaps, "blank_top": blank_top}


@pytest.mark.parametrize("chunk", [1, 7, 50, 100_000])
@pytest.mark.parametrize("layout", ["plain", "titled", "gaps", "blank_top"])
def test_chunked_read_matches_whole_grid(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                         layout: str, chunk: int) -> None:
    rows = _layouts()[layout]
    monkeypatch.setattr(csv_reader, "CHUNK_ROWS", chunk)
    table = read_csv(write_rows(tmp_path / "t.csv", rows))
    headers, columns, numbers, skipped, header_row = _expected(rows)
    assert table.headers == headers
    assert table.columns == columns
    assert table.row_numbers == numbers
    assert table.skipped_rows == skipped
    assert table.header_row == header_row


def test_header_below_title_and_totals_at_the_end_across_chunks(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(csv_reader, "CHUNK_ROWS", 10)
    table = read_csv(write_rows(tmp_path / "t.csv", _layouts()["titled"]))
    assert table.header_row == 3
    assert table.headers == ["工单号", "创建时间", "优先级"]
    assert table.row_numbers[0] == 4 and table.n_rows == 240
    assert table.skipped_rows == [(245, "totals row")]


def test_repeated_texts_share_one_object(tmp_path: Path) -> None:
    rows = [["id", "priority"], *[[str(i), "紧急" if i % 2 else "低"] for i in range(1000)]]
    table = read_csv(write_rows(tmp_path / "t.csv", rows))
    priorities = table.column("priority")
    assert len({id(v) for v in priorities}) == 2
    assert priorities[:2] == ["低", "紧急"]
