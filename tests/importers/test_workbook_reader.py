"""Workbook reading through calamine: sheet choice, types, formulas, errors, limits."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from importers.limits import ImportLimits
from importers.reader import list_sheets, read_table
from importers.table import ImportRefused
from tests.conftest import REAL_DATA


def workbook(tmp_path: Path, name: str = "t.xlsx") -> tuple[openpyxl.Workbook, Path]:
    return openpyxl.Workbook(), tmp_path / name


def test_title_merged_header_ids_dates_and_totals(tmp_path: Path) -> None:
    wb, path = workbook(tmp_path)
    ws = wb.active
    ws.title = "工单"
    ws["A1"] = "客服工单 2024年3月"
    ws.merge_cells("A1:D1")
    ws.append([])
    ws.append(["工单号", "创建时间", "满意度", "说明"])
    ws.append([1001, dt.datetime(2024, 3, 5, 14, 30), 5, "ok"])
    ws.append([1002.0, dt.datetime(2024, 3, 6, 9, 0), 4.5, None])
    ws.append(["合计", None, 9.5, None])
    wb.save(path)
    table = read_table(path)
    assert (table.sheet, table.header_row, table.file_type) == ("工单", 3, "xlsx")
    assert table.headers == ["工单号", "创建时间", "满意度", "说明"]
    assert table.column("工单号") == [1001, 1002]
    assert all(type(v) is int for v in table.column("工单号"))  # never 1001.0
    assert table.column("创建时间")[0] == dt.datetime(2024, 3, 5, 14, 30)
    assert table.column("满意度") == [5, 4.5]
    assert table.column("说明") == ["ok", None]
    assert table.row_numbers == [4, 5]
    assert table.skipped_rows == [(6, "totals row")]


def test_hidden_sheets_are_skipped_and_named_sheets_read(tmp_path: Path) -> None:
    wb, path = workbook(tmp_path)
    wb.active.title = "Hidden"
    wb.active.append(["h1", "h2"])
    wb.active.append([1, 2])
    wb.active.sheet_state = "hidden"
    notes = wb.create_sheet("Notes")
    notes["A1"] = "just, one, column, of, text"
    notes["A2"] = "more, text"
    data = wb.create_sheet("Data")
    data.append(["id", "name"])
    data.append([7, "x"])
    wb.active = 2
    wb.save(path)
    assert list_sheets(path) == ["Notes", "Data"]
    assert read_table(path).sheet == "Data"
    assert read_table(path, sheet="Hidden").column("h1") == [1]
    one_col = read_table(path, sheet="Notes")
    assert one_col.headers == ["just, one, column, of, text"]
    with pytest.raises(ImportRefused) as info:
        read_table(path, sheet="Nope")
    assert info.value.code == "no_table"
    assert "'Data'" in info.value.message


def test_formula_without_cached_value_is_a_row_warning(tmp_path: Path) -> None:
    wb, path = workbook(tmp_path)
    ws = wb.active
    ws.append(["id", "total"])
    ws["A2"] = 1
    ws["B2"] = "=1+1"  # openpyxl writes no cached result
    ws.append([2, 5])
    wb.save(path)
    table = read_table(path)
    assert table.column("total") == [None, 5]
    [warning] = table.warnings
    assert (warning.row, warning.column) == (2, "total")
    assert "formula without a saved result" in warning.reason


def test_error_cells_become_none_with_a_warning(tmp_path: Path) -> None:
    wb, path = workbook(tmp_path)
    ws = wb.active
    ws.append(["id", "ratio"])
    ws.append([1, "#DIV/0!"])  # openpyxl stores known error codes as error cells
    ws.append([2, 0.5])
    wb.save(path)
    table = read_table(path)
    assert table.column("ratio") == [None, 0.5]
    assert [(w.row, w.value, w.reason) for w in table.warnings] == [
        (2, "#DIV/0!", "error value #DIV/0!")]


def test_long_text_cell_is_emptied_with_a_warning(tmp_path: Path) -> None:
    wb, path = workbook(tmp_path)
    ws = wb.active
    ws.append(["id", "text"])
    ws.append([1, "y" * 40])
    ws.append([2, "ok"])
    wb.save(path)
    table = read_table(path, limits=ImportLimits(max_cell_chars=30))
    assert table.column("text") == [None, "ok"]
    assert "40 characters" in table.warnings[0].reason


def test_real_ticket_and_inspection_workbooks() -> None:
    shah = read_table(REAL_DATA / "tickets" / "shahmeer13_tickets_data.xlsx")
    assert shah.headers[:3] == ["Ticket_ID", "Date_Created", "Date_Resolved"]
    assert shah.n_rows == 75
    assert shah.column("Date_Created")[0] == dt.date(2024, 10, 1)
    pwc = read_table(REAL_DATA / "tickets" / "pwc_call_center_dataset_100abhishek.xlsx")
    assert pwc.n_rows == 5000
    assert pwc.column("Date")[0] == "2021-01-01"  # stored as text in the file
    assert pwc.column("Time")[0] == dt.time(9, 12, 58)
    assert pwc.column("Speed of answer in seconds")[0] == 109
    thai = read_table(REAL_DATA / "inspections" / "thai_streetlight_inspection_log_bellz1601.xlsx")
    assert thai.headers[4:7] == ["หลอดไฟ", "เสาไฟ", "สายไฟ"]
    assert thai.n_rows == 9


def test_procurement_picks_the_real_table_over_the_csv_column() -> None:
    path = REAL_DATA / "vendors" / "procurement_kpi_multisheet_csv_in_one_column_febriatk.xlsx"
    table = read_table(path)
    assert table.sheet == "Procurement Dataset"
    assert table.headers[:3] == ["PO_ID", "Supplier", "Order_Date"]
    assert table.n_rows == 777
    assert table.column("Quantity")[0] == 1176
    assert table.warnings == []  # formulas returning "" have a cached empty string
    raw = read_table(path, sheet="raw data")
    assert len(raw.headers) == 1


SPREADSHEETML = """<?xml version="1.0"?>
<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"
 xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
 <Worksheet ss:Name="导出"><Table>
  <Row><Cell ss:MergeAcross="2"><Data ss:Type="String">工单报表</Data></Cell></Row>
  <Row ss:Index="3"><Cell><Data ss:Type="String">工单号</Data></Cell>
   <Cell><Data ss:Type="String">创建时间</Data></Cell>
   <Cell ss:Index="4"><Data ss:Type="String">满意度</Data></Cell></Row>
  <Row><Cell><Data ss:Type="Number">1001</Data></Cell>
   <Cell><Data ss:Type="DateTime">2024-03-05T14:30:00.000</Data></Cell>
   <Cell ss:Index="4"><Data ss:Type="Number">4.5</Data></Cell></Row>
 </Table></Worksheet>
</Workbook>"""


def test_excel_2003_xml_spreadsheet(tmp_path: Path) -> None:
    path = tmp_path / "export.xls"
    path.write_text(SPREADSHEETML, encoding="utf-8")
    table = read_table(path)
    assert (table.file_type, table.sheet, table.header_row) == ("xml", "导出", 3)
    assert table.headers == ["工单号", "创建时间", "满意度"]
    assert table.columns == [[1001], [dt.datetime(2024, 3, 5, 14, 30)], [4.5]]
    assert table.row_numbers == [4]
    hostile = tmp_path / "xxe.xls"
    hostile.write_text(SPREADSHEETML.replace(
        '<?mso-application progid="Excel.Sheet"?>',
        '<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'), encoding="utf-8")
    with pytest.raises(ImportRefused) as info:
        read_table(hostile)
    assert info.value.code == "unsafe"


def test_preview_reads_only_the_first_rows(tmp_path: Path) -> None:
    wb, path = workbook(tmp_path)
    ws = wb.active
    ws.append(["id", "name"])
    for i in range(500):
        ws.append([i, f"n{i}"])
    wb.save(path)
    table = read_table(path, max_data_rows=10)
    assert table.row_numbers == list(range(2, 12))
    assert table.column("id") == list(range(10))
    csv_path = tmp_path / "p.csv"
    csv_path.write_text("id,name\n" + "".join(f"{i},n{i}\n" for i in range(500)))
    assert read_table(csv_path, max_data_rows=5).column("id") == ["0", "1", "2", "3", "4"]
    assert list_sheets(csv_path) == []


def test_a_table_away_from_a1_streams_with_its_columns_and_errors_in_place(
        tmp_path: Path) -> None:
    wb, path = workbook(tmp_path)
    ws = wb.active
    ws["C3"], ws["D3"], ws["E3"] = "工单号", "比率", "渠道"
    for i in range(200):
        ws.cell(4 + i, 3, f"T{i:04d}")
        ws.cell(4 + i, 4, "#N/A" if i == 5 else i / 2)
        ws.cell(4 + i, 5, ["电话", "微信", True][i % 3])  # a mixed column keeps its types
    wb.save(path)
    table = read_table(path)
    assert table.headers == ["工单号", "比率", "渠道"] and table.header_row == 3
    assert table.row_numbers[:2] == [4, 5] and table.n_rows == 200
    assert table.column("比率")[4:7] == [2.0, None, 3.0]
    assert table.column("渠道")[:3] == ["电话", "微信", True]
    assert [(w.row, w.column, w.value) for w in table.warnings] == [(9, "比率", "#N/A")]
