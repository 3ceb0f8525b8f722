"""Bulk writes to a SQLite file through apsw, in a process that does nothing else.

Why a second driver: a million ticket rows go in 1.5–1.9× faster through apsw's
``executemany`` than through the standard library's ``sqlite3`` (apsw binds values
without sqlite3's adaptation protocol and ships a newer SQLite; 1M rows × 18 columns
into the tickets table: 3.6–3.9 s against 5.7–7.4 s, measured side by side).

The rule that keeps it safe: apsw carries its own copy of SQLite, and two copies of
SQLite in one process do not see each other's POSIX locks — closing a file through one
drops the locks the other holds (https://www.sqlite.org/howtocorrupt.html, 2.2.1).
So the bulk connection is used only in a process that runs one import job and
nothing else — the import sandbox's child, which says so with
:func:`mark_dedicated_process` — and only after the job's own ``sqlite3``
connections to the file are closed (:func:`bulk_connection` disposes the pool).
Everywhere else (tests, ``servicelens import --in-process``) :func:`bulk_available`
is False and the caller writes through ``sqlite3``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from models.db import BUSY_TIMEOUT_MS, Database

_dedicated = False


def mark_dedicated_process() -> None:
    """Declare that this process runs one import job and no other database work."""
    global _dedicated
    _dedicated = True


def bulk_available(db: Database) -> bool:
    """True when :func:`bulk_connection` may be used for ``db`` in this process."""
    return _dedicated and db.dialect == "sqlite" and db.sqlite_path is not None


@contextmanager
def bulk_connection(db: Database) -> Iterator[Any]:
    """An apsw connection to ``db``'s file (WAL, busy timeout as the engine's), closed
    at the end — an open transaction is rolled back by the close. The engine's pooled
    connections are closed first; nothing may use the engine until the block ends."""
    import apsw

    if not bulk_available(db):
        raise RuntimeError("the bulk connection is for the import process only")
    db.dispose()
    con = apsw.Connection(str(db.sqlite_path))
    try:
        con.set_busy_timeout(BUSY_TIMEOUT_MS)
        con.execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL")
        yield con
    finally:
        con.close()
