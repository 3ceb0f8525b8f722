"""What a file holds, read from its headers: every real ticket, inspection and vendor
file is recognised as its kind, and ``import_file(kind="auto")`` imports it as such."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from importers.job import import_file, read_file
from importers.kind_detection import detect_file_kind
from models.db import Database
from tests.conftest import REAL_DATA

FOLDER_KINDS = {"tickets": "tickets", "inspections": "inspections", "vendors": "vendor-metrics"}
REAL_FILES = sorted(p for folder in FOLDER_KINDS for p in (REAL_DATA / folder).glob("*")
                    if p.suffix.lower() in (".csv", ".xlsx")) if REAL_DATA.exists() else []


@pytest.mark.parametrize("path", REAL_FILES, ids=lambda p: p.name)
def test_every_real_file_is_recognised_as_its_kind(path: Path) -> None:
    headers = read_file(path).headers
    assert detect_file_kind(headers) == FOLDER_KINDS[path.parent.name]


def test_headers_naming_nothing_known_are_no_kind() -> None:
    assert detect_file_kind(["Column A", "Column B", None]) is None
    assert detect_file_kind(["工单号", "创建时间", "优先级"]) == "tickets"


def test_auto_imports_by_kind_and_knows_the_file_under_any_kind(db: Database,
                                                               tmp_path: Path) -> None:
    path = tmp_path / "visits.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["Inspection ID", "Restaurant", "Inspection Date", "Score", "Inspector"])
        w.writerows([[f"V{i}", f"Store {i}", f"2026-03-0{i + 1}", 80 + i, "王芳"]
                     for i in range(3)])
    first = import_file(path, db.url, kind="auto", mode="skip-invalid")
    assert (first.kind, first.inserted) == ("inspections", 3)
    again = import_file(path, db.url, kind="auto")
    assert again.duplicate_of == first.batch
