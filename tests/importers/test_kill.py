"""A killed import leaves the database exactly as it was (SQLite WAL, one transaction)."""

from __future__ import annotations

import contextlib
import csv
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import text

from importers.job import import_file
from models.db import Database
from tests.conftest import REPO

ROWS = 250_000


def snapshot(db: Database) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    with db.engine.connect() as conn:
        return ([tuple(r) for r in conn.execute(text("SELECT * FROM tickets ORDER BY id"))],
                [tuple(r) for r in conn.execute(text("SELECT * FROM import_batches ORDER BY id"))])


def write_big(path: Path) -> Path:
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["Ticket ID", "Created", "Priority", "Status", "Agent"])
        for i in range(ROWS):
            w.writerow([f"K{i:07d}", f"2024-{i % 12 + 1:02d}-{i % 28 + 1:02d} 08:{i % 60:02d}",
                        "high", "open", f"agent {i % 50}"])
    return path


def test_kill_9_mid_load_leaves_the_database_unchanged(db: Database, db_path: Path,
                                                        tmp_path: Path) -> None:
    small = tmp_path / "small.csv"
    small.write_text("Ticket ID,Created\nK0000001,2024-01-01 08:00\nX1,2024-01-02 09:00\n",
                     encoding="utf-8")
    import_file(small, db.url, source="big")  # K0000001 exists: the big file updates it
    before = snapshot(db)
    db.dispose()
    big = write_big(tmp_path / "big.csv")
    wal = db_path.with_name(db_path.name + "-wal")
    start_size = wal.stat().st_size if wal.exists() else 0
    proc = subprocess.Popen(
        [sys.executable, "-m", "app", "--db", db.url, "import", str(big), "--skip-invalid"],
        cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    try:
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline and proc.poll() is None:
            if wal.exists() and wal.stat().st_size > start_size + 4 * 1024 * 1024:
                break  # the load transaction is writing pages
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(0.02)  # returns at once should the import end
        assert proc.poll() is None, "the import finished before it could be killed"
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(30)
    assert proc.returncode == -signal.SIGKILL
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
    assert snapshot(db) == before
