"""Inspection import: wide, long and key/value shapes built here, template matching,
validation, all-or-nothing, re-import as update, undo — on a real SQLite file (and once
on PostgreSQL)."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import func, select

from importers.batches import BatchUndoError
from importers.csv_reader import read_csv
from importers.inspection_visits import visit_uuid
from importers.inspections import (
    InspectionImportOptions,
    import_inspections,
    undo_inspection_import,
)
from importers.table import ImportRefused, RawTable
from importers.workbook_reader import read_workbook
from models.checklists.spec import ItemSpec, SectionSpec, TemplateSpec
from models.checklists.templates import create_template
from models.db import Database
from models.orm import ImportBatch, Site
from models.orm.admin import BatchStatus
from models.orm.checklists import (
    AnswerType,
    ChecklistTemplate,
    Choice,
    Inspection,
    InspectionAnswer,
    InspectionKind,
    InspectionStatus,
)

UTC = dt.UTC


def write_xlsx(path: Path, rows: list[list[Any]]) -> RawTable:
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    wb.save(path)
    return read_workbook(path, "xlsx")


def write_csv(path: Path, rows: list[list[Any]]) -> RawTable:
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    return read_csv(path)


def store_template(db: Database) -> TemplateSpec:
    spec = TemplateSpec(code="store-visit", name="Store visit", pass_score=80.0, sections=(
        SectionSpec("Front", (
            ItemSpec("地面清洁", code="A1"),
            ItemSpec("Staff greets the customer", code="A2", critical=True),
        )),
        SectionSpec("Service", (
            ItemSpec("Friendliness", code="B1", answer_type=AnswerType.SCALE),
            ItemSpec("Wait at the counter", code="B2", answer_type=AnswerType.NUMBER,
                     threshold=120, lower_is_better=True, unit="s"),
        )),
    ))
    create_template(db, spec)
    return spec


def count(db: Database, model: Any) -> int:
    with db.session() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def inspections(db: Database) -> dict[str, Inspection]:
    with db.session() as s:
        return {i.external_ref: i for i in s.scalars(select(Inspection))}


OPTS = InspectionImportOptions(tz="Asia/Shanghai", source="agency")


def test_wide_items_match_template_by_code_text_and_typo(db: Database, tmp_path: Path) -> None:
    store_template(db)
    table = write_xlsx(tmp_path / "visits.xlsx", [
        ["检查编号", "门店编号", "门店名称", "检查日期", "检查员", "A1 地面清洁",
         "Staff greets the custmer", "Friendliness", "B2", "备注"],
        ["V1", "S012", "南京路店", "2026-03-05 14:30", "王芳", "是", "是", 5, 90, "ok"],
        ["V2", "S012", "南京路店", "2026年3月6日 9:00", "王芳", "否", "否", 3, 200, None],
        ["V3", "S013", "淮海路店", dt.datetime(2026, 3, 7, 10), "李雷", "N/A", "yes", 2, "", None],
    ])
    report = import_inspections(table, db, OPTS)
    assert (report.rows, report.inserted, report.updated, report.rejected) == (3, 3, 0, 0)
    assert any("4 item column(s) matched to checklist 'store-visit'" in w for w in report.warnings)
    got = inspections(db)
    v1, v2, v3 = got["V1"], got["V2"], got["V3"]
    assert v1.score == pytest.approx(100.0) and v1.passed is True
    # V2: no, no (critical), scale 3 → 0.5, 200 s misses 120 → 0: 0.5 / 4
    assert v2.score == pytest.approx(12.5) and v2.passed is False and v2.critical_failures == 1
    # V3: A1 N/A, yes, scale 2 → 0.25, B2 blank: 1.25 / 2
    assert v3.score == pytest.approx(62.5)
    assert v1.visited_at == dt.datetime(2026, 3, 5, 6, 30, tzinfo=UTC)
    assert v2.visited_at == dt.datetime(2026, 3, 6, 1, 0, tzinfo=UTC)
    assert v1.status is InspectionStatus.SUBMITTED and v1.kind is InspectionKind.INSPECTION
    assert v1.inspector == "王芳" and v1.notes == "ok" and v1.source == "agency"
    assert v1.uuid == visit_uuid("agency", "V1")
    with db.session() as s:
        site = s.get(Site, v1.site_id)
        assert site is not None and (site.code, site.name) == ("S012", "南京路店")
        answers = s.scalars(select(InspectionAnswer).where(
            InspectionAnswer.inspection_id == v3.id)).all()
        assert sorted(str(a.choice or a.scale) for a in answers) == ["2", "na", "yes"]
    assert count(db, Site) == 2


def test_visit_level_scores_with_row_errors(db: Database, tmp_path: Path) -> None:
    table = write_csv(tmp_path / "scores.csv", [
        ["门店编号", "门店名称", "检查日期", "检查员", "得分"],
        ["S1", "一号店", "2026-03-01", "张三", "88"],
        ["S2", "二号店", "not a date", "张三", "90"],
        ["S3", "三号店", "2026-03-02", "李四", "120"],
        ["S4", "四号店", "", "李四", "70"],
        ["S5", "五号店", "2026-03-03", "李四", "75.5"],
    ])
    report = import_inspections(table, db, OPTS)
    assert (report.inserted, report.rejected) == (2, 3)
    assert [(e.row, e.column, e.value, e.code) for e in report.errors] == [
        (3, "检查日期", "not a date", "unparseable"),
        (4, "得分", "120", "score_out_of_range"),
        (5, "检查日期", None, "missing_required"),
    ]
    assert report.validation is not None and sorted(report.validation.rejected_rows) == [3, 4, 5]
    got = inspections(db)
    assert got["S5|2026-03-02T16:00:00Z|"].score == 75.5
    assert got["S1|2026-02-28T16:00:00Z|"].passed is None  # no template, no verdict


def test_all_or_nothing_writes_nothing(db: Database, tmp_path: Path) -> None:
    table = write_csv(tmp_path / "scores.csv", [
        ["Site", "Inspection Date", "Score"], ["A", "2026-03-01", "88"], ["B", "x", "1"]])
    report = import_inspections(table, db, InspectionImportOptions(skip_invalid=False))
    assert report.batch is None and report.inserted == 0 and report.rejected == 1
    assert count(db, Inspection) == 0 and count(db, ImportBatch) == 0 and count(db, Site) == 0


def test_long_form_pivots_to_visits(db: Database, tmp_path: Path) -> None:
    store_template(db)
    table = write_xlsx(tmp_path / "long.xlsx", [
        ["检查编号", "门店", "检查日期", "检查员", "检查项", "结果"],
        ["L1", "一号店", "2026-04-01", "王芳", "A1", "是"],
        ["L1", "一号店", "2026-04-01", "王芳", "A2", "是"],
        ["L1", "一号店", "2026-04-01", "王芳", "B1", 4],
        ["L2", "二号店", "2026-04-02", "王芳", "A1", "否"],
        ["L2", "二号店", "2026-04-02", "王芳", "Staff greets the customer", "是"],
    ])
    report = import_inspections(table, db, OPTS)
    assert (report.rows, report.inserted, report.rejected) == (2, 2, 0)
    assert report.warnings[0].startswith("one row per visit and item")
    got = inspections(db)
    assert got["L1"].score == pytest.approx(100 * 2.75 / 3)
    assert got["L2"].score == pytest.approx(50.0)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(InspectionAnswer)) == 5
        assert s.scalar(select(Site.name).where(Site.id == got["L2"].site_id)) == "二号店"


def test_key_value_pairs(db: Database, tmp_path: Path) -> None:
    store_template(db)
    table = write_csv(tmp_path / "kv.csv", [
        ["visit_id", "field", "value"],
        ["K1", "store", "Mall 7"], ["K1", "visit date", "2026-05-02 10:00"],
        ["K1", "inspector", "Ann"], ["K1", "A1", "yes"], ["K1", "A2", "no"],
        ["K2", "store", "Mall 8"], ["K2", "visit date", "2026-05-03 11:00"],
        ["K2", "score", "91"],
    ])
    report = import_inspections(table, db, InspectionImportOptions(tz="UTC", source="kv"))
    assert (report.rows, report.inserted, report.rejected) == (2, 2, 0)
    got = inspections(db)
    assert got["K1"].score == pytest.approx(50.0) and got["K1"].critical_failures == 1
    assert got["K1"].inspector == "Ann" and got["K2"].score == 91.0
    assert got["K2"].visited_at == dt.datetime(2026, 5, 3, 11, tzinfo=UTC)


def test_yes_no_columns_without_template_make_one_import_template(
        db: Database, tmp_path: Path) -> None:
    rows = [["Date", "Inspector", "Site code", "Lamp", "Pole"],
            ["2026-01-02", "Ann", "P-1", "OK", "damaged"],
            ["2026-01-03", "Ann", "P-2", "OK", "OK"]]
    options = InspectionImportOptions(tz="UTC", source="poles")
    first = import_inspections(write_csv(tmp_path / "a.csv", rows), db, options)
    second = import_inspections(write_csv(tmp_path / "b.csv", [*rows, [
        "2026-01-04", "Bob", "P-3", "damaged", "n/a"]]), db, options)
    assert (first.inserted, second.inserted, second.updated) == (2, 1, 2)
    with db.session() as s:
        templates = s.scalars(select(ChecklistTemplate)).all()
        assert [(t.code, t.revision) for t in templates] == [("import-poles", 1)]
        choices = s.scalars(select(InspectionAnswer.choice).order_by(InspectionAnswer.id)).all()
    assert Choice.NA in choices and Choice.NO in choices
    scores = {i.external_ref.split("|")[0]: i.score for i in inspections(db).values()}
    assert scores == {"P-1": 50.0, "P-2": 100.0, "P-3": 0.0}


def test_reimport_updates_and_undo_restores(db: Database, tmp_path: Path) -> None:
    store_template(db)
    header = ["Inspection ID", "Site code", "Site", "Inspection date", "A1", "A2"]
    first = import_inspections(write_csv(tmp_path / "v1.csv", [
        header, ["X1", "S1", "One", "2026-02-01", "yes", "yes"],
        ["X2", "S2", "Two", "2026-02-02", "yes", "no"]]), db, OPTS)
    second = import_inspections(write_csv(tmp_path / "v2.csv", [
        header, ["X1", "S1", "One", "2026-02-01", "no", "yes"],
        ["X3", "S3", "Three", "2026-02-03", "yes", "yes"]]), db, OPTS)
    assert (first.inserted, first.updated, second.inserted, second.updated) == (2, 0, 1, 1)
    assert count(db, Inspection) == 3
    assert inspections(db)["X1"].score == 50.0

    assert second.batch is not None and first.batch is not None
    with pytest.raises(BatchUndoError) as newer:  # batch 2 changed X1 of batch 1
        undo_inspection_import(db, first.batch)
    assert (newer.value.code, newer.value.other) == ("newer_batch", second.batch)
    undo_inspection_import(db, second.batch)
    got = inspections(db)
    assert sorted(got) == ["X1", "X2"] and got["X1"].score == 100.0
    assert got["X1"].import_batch_id == first.batch
    with db.session() as s:
        assert s.scalars(select(InspectionAnswer.choice).where(
            InspectionAnswer.inspection_id == got["X1"].id)).all() == [Choice.YES, Choice.YES]
        assert s.scalars(select(Site.code).order_by(Site.code)).all() == ["S1", "S2"]
        assert s.get(ImportBatch, second.batch).status is BatchStatus.UNDONE  # type: ignore
    with pytest.raises(BatchUndoError, match="undone already"):
        undo_inspection_import(db, second.batch)
    undo_inspection_import(db, first.batch)
    assert count(db, Inspection) == 0 and count(db, Site) == 0 and count(db, InspectionAnswer) == 0


def test_user_mapping_overrides_synonyms(db: Database, tmp_path: Path) -> None:
    table = write_csv(tmp_path / "odd.csv", [
        ["Col A", "When", "Pts", "Date"], ["Shop 1", "2026-03-01 10:00", "77", "ignored"]])
    report = import_inspections(table, db, InspectionImportOptions(
        tz="UTC", columns={"site_name": "Col A", "visited_at": "When", "score": "Pts"}))
    assert (report.inserted, report.rejected) == (1, 0)
    (visit,) = inspections(db).values()
    assert visit.score == 77.0 and visit.visited_at == dt.datetime(2026, 3, 1, 10, tzinfo=UTC)
    with pytest.raises(ImportRefused, match="no profile named"):
        import_inspections(table, db, InspectionImportOptions(profile="nope"))
    with pytest.raises(ImportRefused) as refused:
        import_inspections(table, db, InspectionImportOptions(tz="Mars/Olympus"))
    assert refused.value.code == "bad_timezone"
    no_date = import_inspections(write_csv(tmp_path / "nodate.csv", [
        ["Site", "Score"], ["A", "90"]]), db)
    assert [(e.row, e.code) for e in no_date.errors] == [(2, "missing_required")]


@pytest.mark.postgres
def test_postgres_wide_import_reimport_and_undo(pg_db: Database, tmp_path: Path) -> None:
    store_template(pg_db)
    rows = [["检查编号", "门店编号", "检查日期", "A1", "A2", "Friendliness"],
            ["P1", "S9", "2026-03-05 08:00", "是", "否", 5],
            ["P2", "S9", "2026-03-06 08:00", "是", "是", 1]]
    first = import_inspections(write_xlsx(tmp_path / "pg.xlsx", rows), pg_db, OPTS)
    again = import_inspections(write_xlsx(tmp_path / "pg2.xlsx", rows), pg_db, OPTS)
    assert (first.inserted, again.inserted, again.updated) == (2, 0, 2)
    got = inspections(pg_db)
    assert got["P1"].score == pytest.approx(200 / 3) and got["P1"].critical_failures == 1
    assert got["P1"].visited_at == dt.datetime(2026, 3, 5, 0, 0, tzinfo=UTC)
    assert again.batch is not None and first.batch is not None
    undo_inspection_import(pg_db, again.batch)
    undo_inspection_import(pg_db, first.batch)
    assert count(pg_db, Inspection) == 0 and count(pg_db, Site) == 0
