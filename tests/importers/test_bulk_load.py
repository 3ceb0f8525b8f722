"""The import process loads SQLite through apsw (models/bulk_sqlite.py); every other
process through sqlite3 — and both write the same rows, updates and undo."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from sqlalchemy import text

from importers.batches import undo_batch
from importers.job import import_file, import_file_isolated
from importers.sandbox import run_isolated
from models.bulk_sqlite import bulk_available, bulk_connection
from models.db import Database, open_database, sqlite_url
from models.progress import Progress

HEADER = ["工单号", "创建时间", "优先级", "状态", "处理人", "满意度", "首次响应时长(分钟)"]


def bulk_here(db_url: str, *, progress: Progress) -> bool:
    """Module-level so the spawn child can import it."""
    db = open_database(db_url)
    try:
        return bulk_available(db)
    finally:
        db.dispose()


def test_only_the_import_process_may_open_the_bulk_connection(db: Database) -> None:
    assert not bulk_available(db)
    with pytest.raises(RuntimeError), bulk_connection(db):
        pass
    assert run_isolated(bulk_here, db.url) is True


def _write(path: Path, first: int, n: int, priority: str) -> Path:
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(HEADER)
        for i in range(first, first + n):
            w.writerow([f"K{i:05d}", f"2026-03-{1 + i % 28:02d} 09:{i % 60:02d}", priority,
                        ["新建", "已解决"][i % 2], f"坐席{i % 9}", "" if i % 4 else i % 5 + 1,
                        i % 50])
    return path


def _tickets(db: Database) -> list[tuple[object, ...]]:
    with db.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(
            "SELECT id, source, external_id, priority, status, agent, created_at, "
            "first_response_at, csat, csat_scale_max, import_batch_id FROM tickets ORDER BY id"))]


def test_the_import_process_writes_what_an_in_process_import_writes(tmp_path: Path) -> None:
    first = _write(tmp_path / "first.csv", 0, 3000, "高")
    second = _write(tmp_path / "second.csv", 2000, 2000, "low")  # 1000 updates, 1000 new
    bulk, plain = (open_database(sqlite_url(tmp_path / f"{n}.db")) for n in ("bulk", "plain"))
    try:
        for path in (first, second):
            a = import_file_isolated(path, bulk.url, source="desk", tz="Asia/Shanghai")
            b = import_file(path, plain.url, source="desk", tz="Asia/Shanghai")
            assert (a.inserted, a.updated, a.rejected) == (b.inserted, b.updated, b.rejected)
        assert (a.inserted, a.updated) == (1000, 1000)
        rows = _tickets(bulk)
        assert rows == _tickets(plain) and len(rows) == 4000
        assert rows[2500][3] == "P4" and rows[0][3] == "P2"
        undo_batch(bulk, a.batch)
        undo_batch(plain, b.batch)
        rows = _tickets(bulk)
        assert rows == _tickets(plain) and len(rows) == 3000 and rows[2500][3] == "P2"
        with bulk.engine.connect() as conn:
            assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
    finally:
        bulk.dispose()
        plain.dispose()
