"""The one place that owns the database engine and its sessions.

``open_database(url)`` connects, migrates the schema to the newest revision (after
copying an existing SQLite file to ``<name>.bak-<revision>``) and returns a
:class:`Database`. Everything else asks it for a session per unit of work::

    with db.session() as s, s.begin():
        ...

SQLite files run in WAL mode with foreign keys on and a busy timeout, so a reader in
the window and a writer in an import process do not block each other. The import
process alone may write a big batch through apsw instead (:mod:`models.bulk_sqlite`).
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

BUSY_TIMEOUT_MS = 10_000
ENV_VAR = "SERVICELENS_DB"


class DatabaseOpenError(Exception):
    """The database could not be opened; ``str(error)`` is one line for the user."""


@dataclass(frozen=True)
class MigrationResult:
    """What opening the database did to its schema."""

    from_revision: str | None
    to_revision: str
    backup: Path | None


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def describe_url(url: str) -> str:
    """The URL with any password hidden, for status bars and messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def _configure_sqlite(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.close()


class Database:
    """An open ServiceLens database: engine, session factory and a few facts about it."""

    def __init__(self, url: str) -> None:
        self.url = url
        try:
            parsed = make_url(url)
        except ArgumentError as exc:
            raise DatabaseOpenError(f"not a database URL: {url!r}") from exc
        self.dialect = parsed.get_backend_name()
        self.sqlite_path: Path | None = None
        self.cache_dir: Path | None = None
        """A folder of this database's own for derived data kept between runs (the KPI
        store's columns, :mod:`models.kpi.store_cache`); ``None`` = keep nothing. Set by
        the application after opening; one folder per database, never shared."""
        kwargs: dict[str, Any] = {}
        if self.dialect == "sqlite":
            if not parsed.database or parsed.database == ":memory:":
                raise DatabaseOpenError(
                    "in-memory SQLite is not supported: give a file, e.g. sqlite:///servicelens.db"
                )
            self.sqlite_path = Path(parsed.database).expanduser().resolve()
            self._ensure_folder(self.sqlite_path.parent)
            kwargs["connect_args"] = {"timeout": BUSY_TIMEOUT_MS / 1000}
        elif self.dialect == "postgresql":
            kwargs["pool_pre_ping"] = True
            kwargs["connect_args"] = {"connect_timeout": 10}
        try:
            self.engine: Engine = create_engine(url, **kwargs)
        except (ArgumentError, NoSuchModuleError) as exc:
            raise DatabaseOpenError(f"unsupported database URL {describe_url(url)}: {exc}") from exc
        if self.dialect == "sqlite":
            event.listen(self.engine, "connect", _configure_sqlite)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @staticmethod
    def _ensure_folder(folder: Path) -> None:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseOpenError(f"cannot create the database folder {folder}: {exc}") from exc
        probe = folder / ".servicelens-write-test"
        try:
            probe.write_bytes(b"")
            probe.unlink()
        except OSError as exc:
            raise DatabaseOpenError(f"the database folder {folder} is not writable: {exc}") from exc

    @property
    def display_name(self) -> str:
        """A short name for the user: the file path, or the URL without password."""
        return str(self.sqlite_path) if self.sqlite_path else describe_url(self.url)

    def session(self) -> Session:
        """A new session for one unit of work; use ``with db.session() as s, s.begin():``."""
        return self._sessions()

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session inside one transaction: committed on success, rolled back on error."""
        with self._sessions() as s, s.begin():
            yield s

    def check_connection(self) -> None:
        """Connect once, turning driver errors into a one-line :class:`DatabaseOpenError`."""
        try:
            with self.engine.connect() as conn:
                conn.execute(text("SELECT 1"))
        except OperationalError as exc:
            reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
            raise DatabaseOpenError(f"cannot connect to {self.display_name}: {reason}") from exc

    def has_tables(self) -> bool:
        return bool(inspect(self.engine).get_table_names())

    def dispose(self) -> None:
        self.engine.dispose()

    def backup_sqlite(self, suffix: str) -> Path | None:
        """Copy the SQLite file (consistently, through SQLite's backup API) beside itself."""
        if self.sqlite_path is None or not self.sqlite_path.exists():
            return None
        target = self.sqlite_path.with_name(f"{self.sqlite_path.name}.bak-{suffix}")
        src = sqlite3.connect(self.sqlite_path)
        try:
            dst = sqlite3.connect(target)
            try:
                src.backup(dst)
            finally:
                dst.close()
        finally:
            src.close()
        return target


def open_database(url: str, *, migrate: bool = True) -> Database:
    """Open ``url`` and bring its schema to the newest revision.

    Raises :class:`DatabaseOpenError` with a one-line reason for a bad URL, an
    unreachable server, an unwritable folder or a file that is not a database.
    """
    from models.migrate import upgrade_to_head

    db = Database(url)
    try:
        db.check_connection()
        if migrate:
            upgrade_to_head(db)
    except DatabaseOpenError:
        db.dispose()
        raise
    except SQLAlchemyError as exc:
        db.dispose()
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        raise DatabaseOpenError(f"cannot open {db.display_name}: {reason}") from exc
    return db


def copy_file(src: Path, dst: Path) -> None:
    """Copy a database file (used by tests and benchmarks to clone a template database)."""
    shutil.copyfile(src, dst)
