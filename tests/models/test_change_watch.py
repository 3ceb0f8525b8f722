"""ChangeWatcher notices commits by other connections and processes, and only those."""

from __future__ import annotations

import subprocess
import sys

import pytest

from models.change_watch import ChangeWatcher
from models.db import Database

INSERT_SITE = """
import sqlite3, sys
con = sqlite3.connect(sys.argv[1])
con.execute("INSERT INTO sites (code, name, created_at, updated_at) "
            "VALUES ('X9', 'Other process', '2026-01-01 00:00:00', '2026-01-01 00:00:00')")
con.commit()
con.close()
"""


def _insert_site(db: Database, code: str) -> None:
    from models.orm import Site

    with db.transaction() as s:
        s.add(Site(code=code, name=code))


def test_first_call_is_baseline_and_quiet_database_is_unchanged(any_db: Database) -> None:
    watcher = ChangeWatcher(any_db)
    assert watcher.changed() is False
    assert watcher.changed() is False
    watcher.close()


def test_commit_through_the_application_is_seen(any_db: Database) -> None:
    watcher = ChangeWatcher(any_db)
    watcher.changed()
    _insert_site(any_db, "S1")
    if any_db.dialect == "postgresql":
        # statistics are published by the backend shortly after the commit
        import threading
        import time

        deadline = time.monotonic() + 5
        while not watcher.changed():
            assert time.monotonic() < deadline, "change not seen within 5 s"
            threading.Event().wait(0.05)  # give the backend time to publish its statistics
    else:
        assert watcher.changed() is True
    assert watcher.changed() is False
    watcher.close()


def test_commit_by_another_process_is_seen(db: Database) -> None:
    watcher = ChangeWatcher(db)
    watcher.changed()
    assert db.sqlite_path is not None
    subprocess.run([sys.executable, "-c", INSERT_SITE, str(db.sqlite_path)], check=True)
    assert watcher.changed() is True
    watcher.close()


def test_close_then_reuse_starts_a_new_baseline(db: Database) -> None:
    watcher = ChangeWatcher(db)
    watcher.changed()
    watcher.close()
    assert watcher.changed() is False
    _insert_site(db, "S2")
    assert watcher.changed() is True
    watcher.close()


@pytest.mark.parametrize("repeat", [3])
def test_read_only_use_is_not_a_change(db: Database, repeat: int) -> None:
    from models.queries.listings import list_sites

    watcher = ChangeWatcher(db)
    watcher.changed()
    for _ in range(repeat):
        list_sites(db)
    assert watcher.changed() is False
    watcher.close()
