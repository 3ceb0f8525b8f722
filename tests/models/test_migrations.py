"""Opening a database migrates it; an older SQLite file is backed up first and keeps its data."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import inspect, select

from models.db import Database, DatabaseOpenError, open_database, sqlite_url
from models.migrate import SCHEMA_HEAD, current_revision, head_revision, upgrade_to_head
from models.orm import Vendor


def test_empty_file_is_created_at_head(tmp_path: Path) -> None:
    db = open_database(sqlite_url(tmp_path / "new.db"))
    try:
        assert current_revision(db) == head_revision()
        assert {"tickets", "vendors", "alert_acks"} <= set(inspect(db.engine).get_table_names())
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000
    finally:
        db.dispose()
    assert not list(tmp_path.glob("*.bak-*")), "a new database needs no backup"


def test_upgrade_from_initial_revision_keeps_data_and_backs_up(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    old = Database(sqlite_url(path))
    upgrade_to_head(old, "0001")
    with old.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO vendors (code, name, service_category, status, version, created_at,"
            " updated_at) VALUES ('V9', '洁净服务', 'cleaning', 'active', 1, 0, 0)"
        )
    old.dispose()

    db = open_database(sqlite_url(path))
    try:
        assert current_revision(db) == head_revision() != "0001"
        assert "alert_acks" in inspect(db.engine).get_table_names()
        with db.session() as s:
            assert s.scalars(select(Vendor.name)).one() == "洁净服务"
    finally:
        db.dispose()
    backup = tmp_path / "old.db.bak-0001"
    assert backup.exists()
    with sqlite3.connect(backup) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert conn.execute("SELECT name FROM vendors").fetchone() == ("洁净服务",)


@pytest.mark.postgres
def test_postgres_schema_is_at_head(pg_db: Database) -> None:
    assert current_revision(pg_db) == head_revision()
    assert "tickets" in inspect(pg_db.engine).get_table_names()


def test_foreign_database_without_revision_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE accounts (id INTEGER)")
    with pytest.raises(DatabaseOpenError, match="no ServiceLens schema revision"):
        open_database(sqlite_url(path))


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("not a url", "not a database URL"),
        ("postgresql+psycopg://nobody@127.0.0.1:1/none", "cannot connect"),
        ("sqlite:////proc/servicelens/x.db", "database folder"),
    ],
)
def test_bad_urls_give_one_line_errors(url: str, message: str) -> None:
    with pytest.raises(DatabaseOpenError, match=message) as info:
        open_database(url)
    assert "\n" not in str(info.value)


def test_a_text_file_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("this is not sqlite " * 100)
    with pytest.raises(DatabaseOpenError, match=r"notes\.db"):
        open_database(sqlite_url(path))


def test_fast_path_head_matches_alembic() -> None:
    """Opening skips Alembic when the stamp equals SCHEMA_HEAD, so it must be the real head."""
    assert head_revision() == SCHEMA_HEAD


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_migrations_build_the_schema_the_models_declare(
        backend: str, db: Database, request: pytest.FixtureRequest) -> None:
    """Alembic's autogenerate finds nothing to change between the migrated database and
    the ORM models (a column or constraint added to one but not the other fails here)."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from models.orm import Base

    database = db if backend == "sqlite" else request.getfixturevalue("pg_db")
    with database.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []
