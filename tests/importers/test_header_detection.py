"""Header detection on grids as calamine or the csv module hand them over."""

from __future__ import annotations

from importers.header_detection import column_name, detect_table


def test_title_block_then_header_in_row_3() -> None:
    rows = [["2024年3月 客服工单汇总", "", ""], ["", "", ""],
            ["工单号", "创建时间", "处理人"], [1001.0, "2024-03-01", "张伟"]]
    table = detect_table(rows, merged=[((0, 0), (0, 2))])
    assert table is not None
    assert table.header_row == 3
    assert table.headers == ["工单号", "创建时间", "处理人"]
    assert table.row_numbers == [4]


def test_table_starting_at_b4() -> None:
    rows = [["", "", ""]] * 3 + [["", "label", "value"], ["", "celsius", 22.2], ["", "f", 72.0]]
    table = detect_table(rows)
    assert table is not None
    assert (table.header_row, table.headers, table.row_numbers) == (4, ["label", "value"], [5, 6])
    assert table.source_columns == [1, 2]


def test_two_merged_header_rows_become_group_slash_sub() -> None:
    rows = [["门店", "响应", "", "解决", ""],
            ["", "首次", "平均", "首次", "平均"],
            ["S1", 1.0, 2.0, 3.0, 4.0]]
    merged = [((0, 0), (1, 0)), ((0, 1), (0, 2)), ((0, 3), (0, 4))]
    table = detect_table(rows, merged=merged)
    assert table is not None
    assert table.headers == ["门店", "响应 / 首次", "响应 / 平均", "解决 / 首次", "解决 / 平均"]
    assert table.row_numbers == [3]


def test_header_whitespace_duplicates_and_blanks() -> None:
    rows = [["Ben \nAshley", " id ", "id", "", "ID"], ["x", 1.0, 2.0, 3.0, 4.0]]
    table = detect_table(rows)
    assert table is not None
    assert table.headers == ["Ben Ashley", "id", "id (2)", "Column D", "ID (3)"]


def test_empty_rows_and_columns_are_dropped() -> None:
    rows = [["a", "", "b"], ["", "", ""], ["1", "", "2"], ["", "", ""], ["3", "", "4"]]
    table = detect_table(rows)
    assert table is not None
    assert table.headers == ["a", "b"]
    assert table.columns == [["1", "3"], ["2", "4"]]
    assert table.row_numbers == [3, 5]


def test_totals_rows_under_the_header_and_at_the_end() -> None:
    rows = [["vendor", "score"], ["合计", 300.0], ["A", 100.0], ["B", 200.0],
            ["Grand Total", 300.0]]
    table = detect_table(rows)
    assert table is not None
    assert table.columns[0] == ["A", "B"]
    assert table.skipped == [(2, "totals row"), (5, "totals row")]


def test_no_header_row_gets_letter_names() -> None:
    table = detect_table([[1.0, 2.0], [3.0, 4.0]], first_col=2)
    assert table is not None
    assert table.header_row is None
    assert table.headers == ["Column C", "Column D"]
    assert table.row_numbers == [1, 2]


def test_empty_grid() -> None:
    assert detect_table([["", ""], ["", None]]) is None


def test_column_letters() -> None:
    assert [column_name(i) for i in (0, 25, 26, 511, 16383)] == ["A", "Z", "AA", "SR", "XFD"]


def test_period_headings_over_numbers() -> None:
    import datetime as dt

    rows = [["供应商", 2023.0, 2024.0, dt.datetime(2025, 1, 1)], ["A公司", 95.5, 96.0, 97.25],
            ["B公司", 88.0, 90.5, 91.0]]
    table = detect_table(rows)
    assert table is not None
    assert table.header_row == 1
    assert table.headers == ["供应商", "2023", "2024", "2025-01-01"]
    assert table.row_numbers == [2, 3]


def test_rows_of_zeros_are_values() -> None:
    table = detect_table([["a", "b"], [0.0, False], ["", None], [1.0, ""]])
    assert table is not None
    assert table.row_numbers == [2, 4]
    assert table.columns == [[0.0, 1.0], [False, ""]]
