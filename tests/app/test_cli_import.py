"""``servicelens import``: the --json object and the exit statuses 0, 1 and 2."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from sqlalchemy import text

from app.cli import main
from models.db import Database
from tests.importers.conftest import number, simple_rows, write_xlsx
from tests.importers.test_event_log import write_csv as write_event_log

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


def test_event_log_keep_then_reduce(db: Database, tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    path = write_event_log(tmp_path / "log.csv")
    code, obj = run(capsys, db, str(path), "--tz", "UTC")  # keep: repeated ids are duplicates
    assert code == 1 and (obj["batch"], obj["rows"], obj["rejected"]) == (None, 9, 6)
    assert any(w.startswith("looks like an event log: 9 rows for 3 tickets")
               for w in obj["warnings"])
    code, obj = run(capsys, db, str(path), "--tz", "UTC", "--event-log", "reduce")
    assert code == 0 and (obj["rows"], obj["inserted"], obj["rejected"]) == (9, 3, 0)
    assert "event log: 9 rows reduced to 3 tickets (the last state of each wins)" \
        in obj["warnings"]
    code, obj = run(capsys, db, str(path), "--kind", "inspections", "--event-log", "reduce")
    assert code == 2 and obj["refused"] == "bad_option"


def test_vendor_metrics_period(db: Database, tmp_path: Path,
                               capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "vendors.csv"
    path.write_text("供应商,准时交付率,缺陷率\n甲公司,95%,1.5%\n乙公司,88%,3%\n", encoding="utf-8")
    code, obj = run(capsys, db, str(path), "--kind", "vendor-metrics", "--period", "nope")
    assert code == 2 and obj["refused"] == "bad_period"
    assert "not a period: 'nope' (e.g. 2026Q1, 2026-03, 2026年3月)" in obj["message"]
    code, obj = run(capsys, db, str(path), "--period", "2026Q1")  # tickets take no period
    assert code == 2 and obj["refused"] == "bad_option"
    code, obj = run(capsys, db, str(path), "--kind", "vendor-metrics", "--period", "2026年3月")
    assert code == 0 and (obj["inserted"], obj["rejected"]) == (4, 0)
    assert any("2026-03" in w for w in obj["warnings"])
    with db.engine.connect() as conn:
        labels = conn.execute(text("SELECT DISTINCT period_label FROM vendor_metrics")).all()
    assert labels == [("2026-03",)]


def test_hostile_file_is_refused_by_the_sandbox(db: Database, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    body = simple_rows(2) + f'<row r="1048577">{number("A1048577", 1)}</row>'
    path = write_xlsx(tmp_path / "far.xlsx", body)
    code, obj = run(capsys, db, str(path))
    assert code == 2 and obj["refused"] == "too_large" and obj["batch"] is None
    assert "beyond the allowed grid" in obj["message"] and str(path) in obj["message"]
    code, again = run(capsys, db, str(path), "--in-process")
    assert (code, again["refused"]) == (2, "too_large")


def test_progress_comes_back_from_the_child(db: Database, tmp_path: Path) -> None:
    from importers.job import import_file_isolated
    from models.progress import RecordingProgress

    path = write(tmp_path / "ok.csv", [["A1", "2024-03-05 14:30", "紧急", 5]])
    progress = RecordingProgress()
    report = import_file_isolated(path, db.url, progress=progress)
    assert report.inserted == 1
    stages = {u[2] for u in progress.updates}
    assert {"reading", "validating", "done"} <= stages, stages
