"""``servicelens demo`` through the real entry point on a fresh SQLite file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app.cli import main
from app.paths import database_cache_dir
from models.db import Database, sqlite_url
from models.kpi.store_cache import FILE_NAME


def _count(path: Path, table: str) -> int:
    con = sqlite3.connect(path)
    try:
        return int(con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        con.close()


def test_demo_fills_the_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "demo.db"
    assert main(["--db", f"sqlite:///{path}", "demo", "--tickets", "2000", "--seed", "5"]) == 0
    out, err = capsys.readouterr()
    assert len(out.strip().splitlines()) == 1 and err == ""
    assert "2000 tickets" in out and "20 sites" in out and "8 vendors" in out
    assert out.rstrip().endswith(" s")
    assert _count(path, "tickets") == 2000
    assert _count(path, "vendors") == 8


def test_demo_writes_the_column_cache_the_desktop_reads(tmp_path: Path) -> None:
    """The first dashboard on demo data made on the command line loads from the cache."""
    path = tmp_path / "demo.db"
    assert main(["--db", sqlite_url(path), "demo", "--tickets", "500"]) == 0
    db = Database(sqlite_url(path))
    try:
        cache = database_cache_dir(db.display_name) / FILE_NAME
    finally:
        db.dispose()
    assert cache.is_relative_to(tmp_path)  # the test's own cache folder (tests/conftest.py)
    assert cache.stat().st_size > 500 * 8  # at least one 8-byte column value per ticket


def test_second_run_is_refused_then_replaced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'demo.db'}"
    assert main(["--db", url, "demo", "--tickets", "300"]) == 0
    capsys.readouterr()
    assert main(["--db", url, "demo", "--tickets", "300"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("servicelens demo: error: ") and "--replace" in err
    assert len(err.strip().splitlines()) == 1
    assert main(["--db", url, "demo", "--tickets", "400", "--replace"]) == 0
    assert "400 tickets" in capsys.readouterr().out
    assert _count(tmp_path / "demo.db", "tickets") == 400


def test_too_few_tickets_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", f"sqlite:///{tmp_path / 'x.db'}", "demo", "--tickets", "3"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("servicelens demo: error: ") and "Traceback" not in err
