"""Every file in shared/data/real/weird: read correctly, or refused with the right code."""

from __future__ import annotations

import datetime as dt
import resource
from pathlib import Path

import pytest

from importers.reader import list_sheets, read_table
from importers.table import ImportRefused, RawTable
from tests.conftest import REAL_DATA

WEIRD = REAL_DATA / "weird"


def read(name: str, **kwargs: object) -> RawTable:
    return read_table(WEIRD / name, **kwargs)  # type: ignore[arg-type]


def refusal(name: str) -> ImportRefused:
    with pytest.raises(ImportRefused) as info:
        read_table(WEIRD / name)
    assert name in str(info.value)  # the message names the file
    return info.value


def test_every_weird_file_is_covered() -> None:
    """Each file in weird/ is named by a test below (a new file needs its own test)."""
    source = Path(__file__).read_text(encoding="utf-8")
    files = sorted(p.name for p in WEIRD.iterdir())
    assert len(files) == 28
    assert [name for name in files if f'"{name}"' not in source] == []


def test_date_1904() -> None:
    table = read("calamine_date_1904.xlsx")
    assert table.column("Column A")[:2] == [dt.date(2021, 1, 1), dt.date(2021, 1, 2)]
    assert table.column("Column A")[2] == dt.timedelta(days=10, hours=15, minutes=10, seconds=10)
    assert table.column("Column B") == [15, 16, 17]


def test_merged_range() -> None:
    table = read("calamine_merged_range.xlsx")
    assert table.headers == ["A1", "B1", "C1", "E1", "F1", "G1", "H1"]  # empty D dropped
    assert table.row_numbers == [3, 4]  # the blank row 2 (merged header) skipped
    assert table.column("H1") == ["H3", "H4"]


def test_merge_cells_xls() -> None:
    table = read("calamine_merge_cells.xls")
    assert table.headers == ["Row Merge", "Row Merge (2)", "Not Merged"]
    assert table.column("Row Merge") == ["Column Merge"]


def test_merged_cells_ods() -> None:
    table = read("calamine_merged_cells.ods")
    assert table.file_type == "ods"
    assert table.headers == ["A", "B", "C"]
    assert table.column("C") == ["C", "C"]


def test_number_rows_repeated() -> None:
    path = WEIRD / "calamine_number_rows_repeated.ods"
    assert list_sheets(path) == ["Sheet1", "Sheet2", "Sheet3"]
    for shift, sheet in enumerate(("Sheet1", "Sheet2", "Sheet3")):
        table = read_table(path, sheet=sheet)
        assert table.header_row == 1 + shift
        assert table.headers == ["A", "B"]
        assert table.column("A") == ["C"] * 4  # repeated rows expanded, blank ones dropped
        assert table.row_numbers == [r + shift for r in (2, 3, 6, 8)]


def test_inline_strings_without_dimension() -> None:
    table = read("calamine_inlineStr_with_value.xlsx")
    assert table.headers == ["NN", "Hierarchy", "Outline Number", "ID", "Name", "Type",
                             "Description"]
    assert table.column("ID") == ["RQ11610"]
    assert table.column("NN") == [1]


def test_shared_formula_cached_values() -> None:
    table = read("calamine_shared_formula_simple.xlsx")
    assert table.column("Column B") == [2, 4, 6]
    assert table.warnings == []


def test_any_sheets_picks_visible() -> None:
    table = read("calamine_any_sheets.xlsx")
    assert table.sheet == "Visible"
    assert table.sheets == ["Visible"]  # hidden, very hidden and chart sheets left out
    assert table.columns == [[1, 3, 5], [2, 4, 6]]
    assert table.skipped_rows == [(5, "note below the table")]


def test_temperature_in_middle_starts_at_b4() -> None:
    table = read("calamine_temperature-in-middle.xlsx")
    assert table.header_row == 4
    assert table.headers == ["label", "value"]
    assert table.column("label") == ["celsius", "fahrenheit"]
    assert table.column("value") == [22.2222, 72]


def test_strict_ooxml() -> None:
    table = read("calamine_strict_iso_paths.xlsx")
    assert table.sheet == "ml_out"
    assert table.headers[:2] == ["Item", "Thickness"]
    assert table.n_rows == 75


def test_nonstandard_namespace_prefix() -> None:
    table = read("calamine_nonstandard-xml-ns-prefix.xlsx")
    assert table.headers == ["a", "b"]
    assert table.columns == [[1, 2], [3, 4]]


def test_has_x000d() -> None:
    table = read("calamine_has_x000D_.xlsx", sheet="Sheet1")  # a lone cell: data, no header
    assert table.columns == [["ABC\r\nDEF"]]
    assert refusal("calamine_has_x000D_.xlsx").code == "no_table"  # not a table by default


def test_empty_sheet() -> None:
    err = refusal("calamine_empty_sheet.xlsx")
    assert err.code == "no_table"
    assert "'Sheet1'" in err.message


def test_errors() -> None:
    err = refusal("calamine_errors.xlsx")  # one column of formula errors and nothing else
    assert err.code == "no_table"
    assert "'Feuil1' holds only error values (#DIV/0! …)" in err.message


def test_issue_174_declared_dimension_is_ignored() -> None:
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    table = read("calamine_issue_174.xlsx")
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert table.headers[:5] == ["Your Ref #", "Contact Name", "Contact Number", "Address", "City"]
    assert table.row_numbers == [2]  # header + one data row: the 2 real rows
    assert table.column("City") == ["My City"]
    assert table.column("Your Ref #") == [123]
    assert grown_mb < 200


def test_pass_protected() -> None:
    err = refusal("calamine_pass_protected.xlsx")
    assert err.code == "password_protected"
    assert "password" in err.message


def test_too_small() -> None:
    assert refusal("calamine_too_small.xls").code == "damaged"


def test_biff4() -> None:
    table = read("xlrd_biff4_no_format_no_window2.xls")
    assert table.file_type == "xls"
    assert table.headers == ["ID", "TOTAL", "MAIN", "SUB"]
    assert table.n_rows == 26
    assert table.column("TOTAL")[0] == "DOG & CAT PRODUCTS"


def test_crlf_old_biff_upper_case_extension() -> None:
    table = read("sheetjs_crlf_CRLFX5_2.XLS")  # BIFF2, a formula with a cached text result
    assert table.file_type == "xls"
    assert table.headers == ["Normal", "abc def"]  # header text: the newline folded
    assert table.columns == [["Formula"], ["abc\r\ndef"]]  # values keep their CR LF


def test_formate_umlauts_dates_times() -> None:
    assert list_sheets(WEIRD / "xlrd_Formate.xls") == ["Blätt1", "ÖÄÜ", "Blätt3", "Formate"]
    table = read("xlrd_Formate.xls")
    assert table.sheet == "Blätt1"
    assert table.column("Column A")[:3] == ["Huber", "Äcker", "Öcker"]
    assert table.column("Column B")[0] == dt.date(1907, 7, 3)
    assert table.column("Column B")[3] == dt.time(6, 34)


def test_ragged_xls() -> None:
    table = read("xlrd_ragged.xls")
    assert table.headers == ["a", "b", "c", "Column D"]
    assert table.column("a") == ["d", "f", "g", "k"]
    assert table.column("Column D") == [None, None, "j", "l"]


def test_d_type_date_cells() -> None:
    table = read("sheetjs_xlsx-stream-d-date-cell.xlsx")
    assert table.headers == ["String", "てすと", "&'\";<>", "&amp;"]
    assert table.column("String")[3] == "Date"
    assert str(table.column("てすと")[3]).startswith("2014-02-14")


def test_wps_written_xls() -> None:
    table = read("sheetjs_wps_written_fn.xls")
    assert table.headers == ["Name", "Example", "Result"]
    assert table.column("Result") == [2, None]


def test_hebrew_names() -> None:
    path = WEIRD / "sheetjs_חישוב_נקודות_זיכוי.xlsx"
    assert list_sheets(path) == ["חישוב", "מס הכנסה ", "גיליון3"]
    table = read_table(path, sheet="מס הכנסה")  # found without its trailing space
    assert table.sheet == "מס הכנסה "
    assert table.row_numbers[0] == 4  # the form starts at row 4; no header row in it
    assert table.column("Column A")[0] == "הכנסה "
    assert table.column("Column B")[0] == 48000


def test_large_strings() -> None:
    table = read("sheetjs_large_strings.xlsx")
    assert table.sheet == "Large Strings"
    assert table.n_rows == 9998
    assert len(table.headers) == 17
    assert max(len(v) for v in table.columns[0]) > 1000
    words = read("sheetjs_large_strings.xlsx", sheet="longwordslist")
    assert words.n_rows == 17_618


def test_password_xor_xls() -> None:
    err = refusal("sheetjs_password_2002_40_xor.xls")
    assert err.code == "password_protected"


def test_numbers_export_newlines_in_headers() -> None:
    table = read("sheetjs_Attendance_numbers_export.xlsx")
    assert table.header_row == 2
    assert table.headers[:2] == ["Date", "Ben Ashley"]
    assert table.column("Date")[0] == dt.date(2020, 10, 1)
    assert table.column("Tom Brooks")[0] is True
    assert table.skipped_rows == [(26, "totals row")]


def test_powerpivot_only() -> None:
    err = refusal("powerpivot_only_supplier_quality_sample_microsoft.xlsx")
    assert err.code == "no_table"
    assert "Power Pivot" in err.message
