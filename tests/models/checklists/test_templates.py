"""Template versioning and the xlsx format."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from models.checklists.inspections import start_inspection
from models.checklists.spec import SectionSpec, SpecError
from models.checklists.template_xlsx import (
    TemplateFileError,
    read_template_xlsx,
    write_template_xlsx,
)
from models.checklists.templates import (
    create_template,
    delete_template,
    list_versions,
    load_spec,
    save_template,
)
from models.db import Database
from models.orm.checklists import InspectionKind
from tests.models.checklists.conftest import small_spec


def test_unused_version_is_edited_in_place(db: Database) -> None:
    tid = create_template(db, small_spec())
    spec = load_spec(db, tid)
    edited = dataclasses.replace(spec, name="renamed", sections=spec.sections[:1])
    result = save_template(db, tid, edited)
    assert (result.template_id, result.revision, result.new_version) == (tid, 1, False)
    again = load_spec(db, tid)
    assert again.name == "renamed" and len(again.items()) == 3


def test_used_version_publishes_a_new_revision(db: Database, sites: list[int]) -> None:
    tid = create_template(db, small_spec())
    old = load_spec(db, tid)
    start_inspection(db, tid, sites[0], "Ann", InspectionKind.MYSTERY_SHOP)
    extra = SectionSpec("C", (dataclasses.replace(old.items()[0], id=None, text="new"),))
    result = save_template(db, tid, dataclasses.replace(old, sections=(*old.sections, extra)))
    assert result.new_version and result.revision == 2 and result.template_id != tid
    assert load_spec(db, tid) == old  # the used version is untouched
    versions = list_versions(db, "T1")
    assert [(v.revision, v.latest, v.inspections) for v in versions] == [(2, True, 0),
                                                                         (1, False, 1)]
    assert all(v.published_at is not None for v in versions)
    with pytest.raises(ValueError, match="inspections"):
        delete_template(db, tid)
    delete_template(db, result.template_id)
    assert [v.revision for v in list_versions(db, "T1")] == [1]


def test_invalid_spec_is_refused(db: Database) -> None:
    with pytest.raises(SpecError):
        create_template(db, dataclasses.replace(small_spec(), pass_score=120))


def test_xlsx_round_trip(db: Database, tmp_path: Path) -> None:
    spec = load_spec(db, create_template(db, small_spec()))
    path = write_template_xlsx(spec, tmp_path / "t.xlsx")
    back = read_template_xlsx(path)
    assert back.fingerprint() == spec.fingerprint()


def test_xlsx_errors_name_row_and_column(tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.title = "Checklist"
    wb["Checklist"].append(["code", "X"])
    wb["Checklist"].append(["name", "X"])
    items = wb.create_sheet("Items")
    items.append(["section", "text", "answer_type", "weight", "critical"])
    items.append(["S", "fine", "是否", 1, "是"])
    items.append(["S", "bad", "colour", 1, "no"])
    wb.save(tmp_path / "bad.xlsx")
    with pytest.raises(TemplateFileError, match="row 3, answer_type"):
        read_template_xlsx(tmp_path / "bad.xlsx")
    (tmp_path / "junk.xlsx").write_bytes(b"not a workbook")
    with pytest.raises(TemplateFileError):
        read_template_xlsx(tmp_path / "junk.xlsx")
