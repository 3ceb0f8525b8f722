"""The auditable workbook: live formulas that recompute to the engine's totals."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.chart import RadarChart

from models.db import Database
from models.orm import UTC
from models.scorecards.evaluations import run_evaluation, set_rating
from models.scorecards.export_xlsx import export_xlsx, sha256_file, write_manifest
from models.scorecards.queries import list_evaluations
from tests.models.scorecards.conftest import make_world

EVIL = '=HYPERLINK("http://evil.example","click")'


def _ref_values(ws, ref: str) -> list:  # type: ignore[no-untyped-def]
    return [c.value for row in ws[ref.replace("$", "")] for c in row]


def test_formulas_recompute_to_the_engine_total(db: Database, tmp_path: Path) -> None:
    world = make_world(db, first_name=EVIL)
    run_evaluation(db, world.template_id, "2026Q3", list(world.vendors.values()), "lead",
                   now=dt.datetime(2026, 10, 10, tzinfo=UTC))
    rows = list_evaluations(db, world.template_id)
    a = next(r for r in rows if r.vendor_code == "A")
    set_rating(db, a.id, world.criteria["Attitude"], "Wang", 70, "=1+1 looks like a formula",
               "Wang")
    ids = [r.id for r in list_evaluations(db, world.template_id)]
    path = export_xlsx(db, ids, tmp_path / "scorecard.xlsx")

    wb = load_workbook(path)
    ws = wb["Scorecard"]
    header = [c.value for c in ws[4]]
    total_col = header.index("Total (formula)") + 1
    computed_col = header.index("Computed") + 1
    grade_col = header.index("Grade (formula)") + 1
    assert header[3:7] == ["On-time", "Defects", "Price", "Attitude"]
    checked = 0
    for r in range(5, 5 + len(ids)):
        formula = ws.cell(r, total_col).value
        assert ws.cell(r, total_col).data_type == "f"  # a live formula, not text
        assert ws.cell(r, grade_col).data_type == "f"
        assert isinstance(formula, str) and formula.startswith("=")
        refs = re.findall(r"SUMPRODUCT\((\$D\$3:\$G\$3),([A-Z]+\d+:[A-Z]+\d+)\)", formula)
        assert refs == [("$D$3:$G$3", f"D{r}:G{r}")]
        weights = _ref_values(ws, "D3:G3")
        scores = _ref_values(ws, f"D{r}:G{r}")
        used = [(w, s) for w, s in zip(weights, scores, strict=True) if s is not None]
        by_hand = sum(w * s for w, s in used) / sum(w for w, _ in used)
        assert by_hand == pytest.approx(ws.cell(r, computed_col).value, abs=1e-6)
        grade = ws.cell(r, grade_col).value
        assert "LOOKUP(ROUND(" in grade and "Bands!$A$2:$A$5" in grade
        checked += 1
    assert checked == 3
    # The engine's results are stored as the formulas' cached values.
    cached = load_workbook(path, data_only=True)["Scorecard"]
    for r in range(5, 5 + len(ids)):
        assert cached.cell(r, total_col).value == pytest.approx(ws.cell(r, computed_col).value)
        assert (cached.cell(r, grade_col).value or "") == (
            ws.cell(r, header.index("Computed grade") + 1).value or "")
    assert {cached.cell(r, grade_col).value for r in range(5, 8)} >= {"D"}
    # The formula-looking vendor name and comment are text cells, not formulas.
    name_cells = [ws.cell(r, 3) for r in range(5, 8) if ws.cell(r, 1).value == "A"]
    assert name_cells[0].value == EVIL and name_cells[0].data_type == "s"
    ratings = wb["Ratings"]
    comment = ratings.cell(2, 6)
    assert comment.value == "=1+1 looks like a formula" and comment.data_type == "s"
    assert [c.value for c in wb["Bands"]["B"]][1:] == ["D", "C", "B", "A"]
    assert any(isinstance(ch, RadarChart) for ch in ws._charts)
    kinds = {row[3] for row in wb["Evidence"].iter_rows(min_row=2, values_only=True)}
    assert {"metric", "rating"} <= kinds

    manifest = write_manifest(tmp_path, [path], {"period": "2026Q3"})
    data = json.loads(manifest.read_text(encoding="utf-8"))
    assert data["files"][0]["sha256"] == sha256_file(path)


def test_export_refuses_mixed_or_empty(db: Database, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="at least one"):
        export_xlsx(db, [], tmp_path / "x.xlsx")
