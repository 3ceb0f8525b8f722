"""``servicelens import``: the --json object and the exit statuses 0, 1 and 2."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from app.cli import main
from models.db import Database

HEADERS = ["工单号", "创建时间", "优先级", "满意度"]


def write(path: Path, rows: list[list[object]]) -> Path:
    with path.open("w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow(HEADERS)
        w.writerows(rows)
    return path


def run(capsys: pytest.CaptureFixture[str], db: Database, *args: str) -> tuple[int, dict]:
    code = main(["--db", db.url, "import", *args, "--json"])
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1, out  # one object
    return code, json.loads(out[0])


def test_imported_exit_0(db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path / "ok.csv", [["A1", "2024-03-05 14:30", "紧急", 5],
                                       ["A2", "2024年3月6日 9:00", "低", 4]])
    code, obj = run(capsys, db, str(path), "--tz", "Asia/Shanghai")
    assert code == 0
    assert {k: obj[k] for k in ("batch", "rows", "inserted", "updated", "rejected", "errors")} \
        == {"batch": 1, "rows": 2, "inserted": 2, "updated": 0, "rejected": 0, "errors": []}
    code, obj = run(capsys, db, str(path))
    assert code == 0 and obj["duplicate_of"] == 1


def test_row_errors_exit_1_and_skip_invalid(db: Database, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path / "bad.csv", [["A1", "2024-03-05 14:30", "紧急", 5],
                                        ["A1", "2024-03-05 14:30", "紧急", 5],
                                        ["A3", "someday", "whenever", 4]])
    code, obj = run(capsys, db, str(path), "--all-or-nothing")
    assert code == 1 and obj["batch"] is None and obj["rejected"] == 2
    assert [(e["row"], e["column"], e["value"], e["reason"]) for e in obj["errors"]] == [
        (3, "工单号", "A1", "duplicate_id"), (4, "创建时间", "someday", "unparseable"),
        (4, "优先级", "whenever", "unknown_priority")]
    code, obj = run(capsys, db, str(path), "--skip-invalid")
    assert code == 0 and (obj["inserted"], obj["rejected"]) == (1, 2)


def test_refused_files_exit_2(db: Database, tmp_path: Path,
                              capsys: pytest.CaptureFixture[str]) -> None:
    code, obj = run(capsys, db, str(tmp_path / "missing.csv"))
    assert code == 2 and obj["refused"] == "not_found"
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"PK\x03\x04 this is not a workbook" * 10)
    code, obj = run(capsys, db, str(junk))
    assert code == 2 and obj["batch"] is None
    ok = write(tmp_path / "ok.csv", [["A1", "2024-03-05 14:30", "紧急", 5]])
    code, obj = run(capsys, db, str(ok), "--profile", "nope")
    assert code == 2 and obj["refused"] == "unknown_profile"
    code, obj = run(capsys, db, str(ok), "--tz", "Mars/Base")
    assert code == 2 and obj["refused"] == "bad_timezone"


def test_plain_output(db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path / "ok.csv", [["A1", "2024-03-05 14:30", "紧急", 5]])
    assert main(["--db", db.url, "import", str(path)]) == 0
    assert "batch 1: 1 rows, 1 inserted" in capsys.readouterr().out
