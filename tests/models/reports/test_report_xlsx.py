"""The period report workbook: sheets, figures, number formats, charts, text from the
data stored as text."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest

from models.db import Database
from models.reports.period_report import build_period_report
from models.reports.report_xlsx import write_report_xlsx
from tests.models.reports.scenario import FORMULA, build

SHEETS = ["Summary", "By priority", "Pareto", "Vendors", "Sites", "Overdue complaints", "Trend"]


@pytest.fixture
def workbook(db: Database, tmp_path: Path) -> tuple[Path, openpyxl.Workbook]:
    build(db)
    report = build_period_report(db, "2026-10", "UTC")
    path = tmp_path / "report.xlsx"
    assert write_report_xlsx(report, path) == len(SHEETS)
    return path, openpyxl.load_workbook(path)


def _rows(ws: openpyxl.worksheet.worksheet.Worksheet) -> dict[str, tuple[object, ...]]:
    return {str(r[0].value): tuple(c for c in r) for r in ws.iter_rows() if r[0].value}


def test_sheets_and_summary(workbook: tuple[Path, openpyxl.Workbook]) -> None:
    _, wb = workbook
    assert wb.sheetnames == SHEETS
    ws = wb["Summary"]
    assert ws["A1"].value == "Service quality report — 2026-10"
    rows = _rows(ws)
    head = [c.value for c in rows["KPI"]]
    assert head == ["KPI", "Value", "Target", "Status", "Previous", "Delta", "n", "Thin"]
    assert ws.freeze_panes is not None
    volume = rows["Volume (tickets)"]
    assert [c.value for c in volume[1:7]] == [5, None, None, 2, 3, 5]
    response = rows["Response SLA met"]
    assert response[1].value == pytest.approx(0.6) and response[1].number_format == "0.0%"
    assert response[2].value == pytest.approx(0.9) and response[2].number_format == "0.0%"
    assert response[3].value == "missed"
    assert response[4].value == pytest.approx(0.5)
    assert response[5].value == pytest.approx(0.1) and "%" in response[5].number_format
    assert response[6].value == 5 and response[7].value == "thin"
    assert response[3].fill.fgColor.rgb.endswith("FFC7CE")
    assert rows["First response, median (min)"][1].number_format == "0.0"
    assert rows["Previous period"][1].value == "2026-09"


def test_tables(workbook: tuple[Path, openpyxl.Workbook]) -> None:
    _, wb = workbook
    p2 = _rows(wb["By priority"])["P2"]
    assert [c.value for c in p2[:2]] == ["P2", 2]
    assert p2[4].value == pytest.approx(0.5) and p2[4].number_format == "0.0%"
    vendors = _rows(wb["Vendors"])
    assert vendors["Alpha"][1].value == 2 and vendors["(no vendor)"][1].value == 1
    assert vendors["Alpha"][2].number_format == "0.0%"
    overdue = wb["Overdue complaints"]
    assert [c.value for c in overdue[2]][2] == "EXT-OVERDUE"
    trend = wb["Trend"]
    assert trend.max_row == 32  # header + 31 days
    assert sum(trend.cell(row=r, column=2).value or 0 for r in range(2, 33)) == 5
    assert trend["F2"].number_format == "0.0%"


def test_formula_looking_category_is_text(workbook: tuple[Path, openpyxl.Workbook]) -> None:
    path, wb = workbook
    pareto = wb["Pareto"]
    cells = [pareto.cell(row=r, column=1) for r in range(2, pareto.max_row + 1)]
    formula = next(c for c in cells if c.value == FORMULA)
    assert formula.data_type == "s"
    with zipfile.ZipFile(path) as z:
        sheets = "".join(z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/"))
    assert "<f>" not in sheets  # no cell is a formula


def test_charts(workbook: tuple[Path, openpyxl.Workbook]) -> None:
    path, _ = workbook
    with zipfile.ZipFile(path) as z:
        charts = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/charts/chart")]
    assert len(charts) == 3
    assert sum("<barChart>" in c for c in charts) == 1
    assert sum("<lineChart>" in c for c in charts) == 2


def test_translated_labels(db: Database, tmp_path: Path) -> None:
    build(db)
    report = build_period_report(db, "2026-10", "UTC")
    path = tmp_path / "zh.xlsx"
    write_report_xlsx(report, path, {"Summary": "概要", "Response SLA met": "响应 SLA 达成率"})
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames[0] == "概要"
    assert "响应 SLA 达成率" in _rows(wb["概要"])
