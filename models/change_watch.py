"""Noticing, cheaply, that another process or user changed the database.

``ChangeWatcher(db).changed()`` answers "did anything commit since I last asked?" in
well under a millisecond, so a window can poll it every couple of seconds from a worker
thread without touching its data:

- SQLite: ``PRAGMA data_version`` on a dedicated connection. The value changes whenever
  *another* connection (another process, or this application's own pool) committed, and
  costs no I/O beyond the shared-memory WAL index.
- PostgreSQL: a fingerprint of the statistics counters (inserted/updated/deleted tuples
  of the user tables) plus ``max(id)``/``count(*)`` of the tickets. The statistics are
  published by each backend within about a second of its commit; the ticket counters
  catch inserts even when statistics are switched off.

The first call only takes the baseline and returns ``False``. Qt-free and thread-safe
(one lock); ``close()`` releases the dedicated connection.
"""

from __future__ import annotations

import sqlite3
import threading
from typing import Any

from sqlalchemy import text

from models.db import Database

_PG_FINGERPRINT = text(
    "SELECT coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0) FROM pg_stat_user_tables"
)
_PG_TICKETS = text("SELECT coalesce(max(id), 0), count(*) FROM tickets")


class ChangeWatcher:
    """Tells whether the database changed since the previous :meth:`changed` call."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self._lock = threading.Lock()
        self._last: Any = None
        self._sqlite: sqlite3.Connection | None = None

    def _sqlite_connection(self) -> sqlite3.Connection:
        if self._sqlite is None:
            assert self._db.sqlite_path is not None
            # autocommit (isolation_level=None): never sits in a read transaction,
            # so the next PRAGMA sees the newest commit.
            self._sqlite = sqlite3.connect(
                str(self._db.sqlite_path), timeout=5, isolation_level=None,
                check_same_thread=False,
            )
        return self._sqlite

    def _fingerprint(self) -> Any:
        if self._db.dialect == "sqlite":
            row = self._sqlite_connection().execute("PRAGMA data_version").fetchone()
            return int(row[0])
        with self._db.engine.connect() as conn:
            stats = conn.execute(_PG_FINGERPRINT).scalar()
            tickets = tuple(conn.execute(_PG_TICKETS).one())
            return (int(stats or 0), *tickets)

    def changed(self) -> bool:
        """True when something was committed since the last call (False on the first).

        Raises the driver's error when the database cannot be reached.
        """
        with self._lock:
            current = self._fingerprint()
            previous, self._last = self._last, current
            return previous is not None and current != previous

    def close(self) -> None:
        """Close the dedicated connection (a later :meth:`changed` reopens it)."""
        with self._lock:
            if self._sqlite is not None:
                self._sqlite.close()
                self._sqlite = None
                self._last = None  # data_version is per connection: start a new baseline


__all__ = ["ChangeWatcher"]
