"""The auditable xlsx of an evaluation round (openpyxl; procurement signs it off).

Sheet *Scorecard*: one row per vendor; the criterion weights sit in row 3 and each
vendor's normalised 0–100 scores in its row (empty = no data). The total is a live
formula ``SUMPRODUCT(weights, scores) / SUMPRODUCT(weights, --(scores<>""))`` — the same
Σwᵢsᵢ/Σwᵢ over criteria with data as the engine — and the engine's own total is in the
adjacent *Computed* column so a checker can compare. The grade is
``IF(veto, lowest grade, IF(incomplete, "", LOOKUP(ROUND(total, 2), Bands)))``.
A native radar chart shows the scores. *Bands* holds the grade bands (ascending, as
LOOKUP needs), *Criteria* the raw values and points, *Evidence* every ticket, inspection,
metric row and rating behind a score, *Ratings* the evaluators' ratings and comments.
Text from outside (names, comments, veto text) is stored as string cells so that a
formula-looking value never runs (models.export).
"""

from __future__ import annotations

import hashlib
import json
import re
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape as xml_escape

from openpyxl import Workbook
from openpyxl.cell import Cell
from openpyxl.chart import RadarChart, Reference
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from models.db import Database
from models.export import FORMULA_TRIGGERS
from models.scorecards.queries import EvaluationDetail, evaluation_detail
from models.scorecards.scoring import lowest_grade

WEIGHT_ROW, HEADER_ROW, FIRST_VENDOR_ROW = 3, 4, 5
FIRST_SCORE_COL = 4  # D
BOLD = Font(bold=True)
GREY = PatternFill("solid", fgColor="EEEEEE")


def put(ws: Worksheet, row: int, col: int, value: Any) -> Cell:
    """Write ``value``; text that a spreadsheet would run as a formula stays text."""
    cell = ws.cell(row=row, column=col)
    cell.value = value
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        cell.data_type = "s"
    return cell


def put_formula(ws: Worksheet, row: int, col: int, formula: str) -> Cell:
    """Write one of this module's own formulas (``=...``), never text from outside."""
    cell = ws.cell(row=row, column=col)
    cell.value = formula
    cell.data_type = "f"
    return cell


def load_details(db: Database, evaluation_ids: Sequence[int]) -> list[EvaluationDetail]:
    """The evaluations to export; raises ``ValueError`` when they mix template versions
    or the list is empty."""
    details = [evaluation_detail(db, i) for i in evaluation_ids]
    if not details:
        raise ValueError("nothing to export: choose at least one evaluation")
    if len({d.evaluation.template_id for d in details}) != 1:
        raise ValueError("the evaluations use different template versions; export them apart")
    return details


def _bands_sheet(wb: Workbook, bands: Sequence[dict[str, Any]]) -> str:
    ws = wb.create_sheet("Bands")
    for col, title in enumerate(("Min", "Grade", "中文", "English"), start=1):
        put(ws, 1, col, title).font = BOLD
    ordered = sorted(bands, key=lambda b: float(b["min"]))
    for row, b in enumerate(ordered, start=2):
        put(ws, row, 1, float(b["min"]))
        put(ws, row, 2, str(b["grade"]))
        put(ws, row, 3, b.get("label_zh"))
        put(ws, row, 4, b.get("label_en"))
    last = len(ordered) + 1
    return f"Bands!$A$2:$A${last},Bands!$B$2:$B${last}"


def _scorecard_sheet(ws: Worksheet, details: Sequence[EvaluationDetail],
                     lookup: str) -> dict[str, float | str]:
    """Fill the Scorecard sheet; returns the values its formula cells evaluate to."""
    first = details[0]
    crit = first.criteria
    n = len(crit)
    last_score_col = FIRST_SCORE_COL + n - 1
    total_col, computed_col = last_score_col + 1, last_score_col + 2
    veto_col, incomplete_col = last_score_col + 3, last_score_col + 4
    grade_col, engine_grade_col = last_score_col + 5, last_score_col + 6
    rank_col = last_score_col + 7
    ev = first.evaluation
    put(ws, 1, 1, f"{ev.template_code} r{ev.revision} — {ev.period_label}").font = Font(
        bold=True, size=13)
    put(ws, WEIGHT_ROW, 3, "Weight").font = BOLD
    headers = ["Code", "Category", "Vendor", *[c.name for c in crit], "Total (formula)",
               "Computed", "Veto", "Incomplete", "Grade (formula)", "Computed grade", "Rank"]
    for col, h in enumerate(headers, start=1):
        cell = put(ws, HEADER_ROW, col, h)
        cell.font, cell.fill = BOLD, GREY
    for i, c in enumerate(crit):
        put(ws, WEIGHT_ROW, FIRST_SCORE_COL + i, float(c.weight))
    lo, hi = get_column_letter(FIRST_SCORE_COL), get_column_letter(last_score_col)
    weights = f"${lo}${WEIGHT_ROW}:${hi}${WEIGHT_ROW}"
    mins, grades = lookup.split(",")
    veto_grade = lowest_grade(first.grade_bands)
    cached: dict[str, float | str] = {}
    for r, d in enumerate(details, start=FIRST_VENDOR_ROW):
        e = d.evaluation
        put(ws, r, 1, e.vendor_code)
        put(ws, r, 2, e.category)
        put(ws, r, 3, e.vendor_name)
        for i, c in enumerate(d.criteria):
            if c.score is not None:
                put(ws, r, FIRST_SCORE_COL + i, round(float(c.score), 6))
        scores = f"{lo}{r}:{hi}{r}"
        total = f"{get_column_letter(total_col)}{r}"
        put_formula(ws, r, total_col, f'=IF(SUMPRODUCT({weights},--({scores}<>""))=0,"",'
                              f'SUMPRODUCT({weights},{scores})/'
                              f'SUMPRODUCT({weights},--({scores}<>"")))').number_format = "0.00"
        put(ws, r, computed_col, e.total).number_format = "0.00"
        put(ws, r, veto_col, e.veto_reason or "")
        put(ws, r, incomplete_col, bool(e.incomplete))
        veto = f"{get_column_letter(veto_col)}{r}"
        inc = f"{get_column_letter(incomplete_col)}{r}"
        put_formula(ws, r, grade_col, f'=IF(LEN({veto})>0,"{veto_grade}",IF({inc},"",'
                              f'LOOKUP(ROUND({total},2),{mins},{grades})))')
        put(ws, r, engine_grade_col, e.grade or "")
        cached[total] = e.total if e.total is not None else ""
        cached[f"{get_column_letter(grade_col)}{r}"] = e.grade or ""
        put(ws, r, rank_col, e.rank)
    ws.column_dimensions["B"].width = 20
    ws.column_dimensions["C"].width = 34
    for col in range(FIRST_SCORE_COL, rank_col + 1):
        ws.column_dimensions[get_column_letter(col)].width = 14
    chart = RadarChart()
    chart.type = "marker"
    chart.title = "Scores 0–100"
    chart.y_axis.delete = False
    last_row = FIRST_VENDOR_ROW + len(details) - 1
    data = Reference(ws, min_col=3, max_col=last_score_col, min_row=FIRST_VENDOR_ROW,
                     max_row=last_row)
    # One series per vendor (row), titled by the vendor name in column C.
    chart.add_data(data, from_rows=True, titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=FIRST_SCORE_COL, max_col=last_score_col,
                                   min_row=HEADER_ROW, max_row=HEADER_ROW))
    chart.height, chart.width = 10, 16
    ws.add_chart(chart, f"A{last_row + 3}")
    return cached


def _criteria_sheet(wb: Workbook, details: Sequence[EvaluationDetail]) -> None:
    ws = wb.create_sheet("Criteria")
    headers = ("Code", "Vendor", "Criterion", "Source", "Key", "Weight", "Raw value",
               "Score 0–100", "Points", "Missing", "Substituted")
    for col, h in enumerate(headers, start=1):
        put(ws, 1, col, h).font = BOLD
    row = 2
    for d in details:
        for c in d.criteria:
            values = (d.evaluation.vendor_code, d.evaluation.vendor_name, c.name, c.source,
                      c.source_key, c.weight, c.raw, c.score, c.points, c.missing,
                      c.evidence.get("substituted"))
            for col, v in enumerate(values, start=1):
                put(ws, row, col, v)
            row += 1


EVIDENCE_KINDS = (("tickets", "ticket"), ("inspections", "inspection"), ("metrics", "metric"))


def _evidence_sheet(wb: Workbook, details: Sequence[EvaluationDetail]) -> None:
    ws = wb.create_sheet("Evidence")
    for col, h in enumerate(("Code", "Vendor", "Criterion", "Kind", "Id / evaluator"), 1):
        put(ws, 1, col, h).font = BOLD
    row = 2
    for d in details:
        for c in d.criteria:
            items: list[tuple[str, Any]] = []
            for key, kind in EVIDENCE_KINDS:
                items += [(kind, i) for i in c.evidence.get(key, [])]
            items += [("rating", name) for name in c.evidence.get("evaluators", [])]
            for kind, ident in items:
                for col, v in enumerate((d.evaluation.vendor_code, d.evaluation.vendor_name,
                                         c.name, kind, ident), start=1):
                    put(ws, row, col, v)
                row += 1


def _ratings_sheet(wb: Workbook, details: Sequence[EvaluationDetail]) -> None:
    ws = wb.create_sheet("Ratings")
    for col, h in enumerate(("Code", "Vendor", "Criterion", "Evaluator", "Rating 0–100",
                             "Comment", "Dropped", "Rated at (UTC)"), 1):
        put(ws, 1, col, h).font = BOLD
    row = 2
    for d in details:
        for r in d.ratings:
            values = (d.evaluation.vendor_code, d.evaluation.vendor_name, r.criterion,
                      r.evaluator, r.rating, r.comment, r.dropped,
                      r.rated_at.replace(tzinfo=None))
            for col, v in enumerate(values, start=1):
                put(ws, row, col, v)
            row += 1


def export_xlsx(db: Database, evaluation_ids: Sequence[int], path: Path) -> Path:
    """Write the workbook for ``evaluation_ids`` (one template version) to ``path``.

    Raises ``ValueError`` (nothing chosen, mixed templates) and ``OSError``.
    """
    details = load_details(db, evaluation_ids)
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Scorecard"
    lookup = _bands_sheet(wb, details[0].grade_bands)
    cached = _scorecard_sheet(ws, details, lookup)
    _criteria_sheet(wb, details)
    _evidence_sheet(wb, details)
    _ratings_sheet(wb, details)
    wb.save(path)
    write_cached_values(path, "xl/worksheets/sheet1.xml", cached)
    return path


def write_cached_values(path: Path, member: str, values: dict[str, float | str]) -> None:
    """Store the engine's results as the cached values of formula cells.

    openpyxl writes formulas without results, so a viewer that does not recalculate
    (previews, ``data_only`` readers) would show nothing. Excel still recalculates on
    open (``fullCalcOnLoad``); the export test checks that the formulas, evaluated from
    the cells, give these same numbers.
    """
    with zipfile.ZipFile(path) as z:
        entries = [(info, z.read(info.filename)) for info in z.infolist()]
    out: list[tuple[zipfile.ZipInfo, bytes]] = []
    for info, data in entries:
        if info.filename == member:
            xml = data.decode("utf-8")
            for ref, value in values.items():
                xml = _cache_cell(xml, ref, value)
            data = xml.encode("utf-8")
        out.append((info, data))
    tmp = path.with_name(path.name + ".tmp")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in out:
            z.writestr(info, data)
    tmp.replace(path)


def _cache_cell(xml: str, ref: str, value: float | str) -> str:
    """``xml`` with the formula cell ``ref`` given the cached result ``value``."""
    pattern = re.compile(rf'<c r="{ref}"([^>]*)><f>(.*?)</f><v\s*/>', re.S)

    def repl(m: re.Match[str]) -> str:
        if isinstance(value, str):
            return f'<c r="{ref}"{m[1]} t="str"><f>{m[2]}</f><v>{xml_escape(value)}</v>'
        return f'<c r="{ref}"{m[1]}><f>{m[2]}</f><v>{float(value)!r}</v>'

    return pattern.sub(repl, xml, count=1)


def sha256_file(path: Path) -> str:
    """Hex SHA-256 of a file's bytes."""
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def write_manifest(folder: Path, files: Sequence[Path], info: dict[str, Any]) -> Path:
    """``manifest.json`` in ``folder`` listing each file with its size and SHA-256, plus
    ``info`` (template, period, who, when) — a committee can re-hash to verify."""
    manifest = {**info, "files": [
        {"name": p.name, "bytes": p.stat().st_size, "sha256": sha256_file(p)} for p in files
    ]}
    target = folder / "manifest.json"
    target.write_text(json.dumps(manifest, ensure_ascii=False, indent=2, default=str),
                      encoding="utf-8")
    return target
