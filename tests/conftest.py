"""Shared fixtures: a fresh migrated database per test (SQLite file or PostgreSQL),
isolated settings, and a guard against leaked windows."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

# Offscreen Qt with a 1920×1200 desk screen (the plugin's default screen is 800×800).
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    _screen = Path(__file__).with_name("offscreen_screen.json")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_screen}"

from models.db import Database, open_database, sqlite_url
from tests.postgres_server import PostgresServer, PostgresUnavailable

REPO = Path(__file__).resolve().parent.parent
REAL_DATA = REPO.parent / "shared" / "data" / "real"
ARTIFACTS = REPO / "tests" / "_artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"
"""Where screenshot tests save their PNGs; ``tools/screenshots.py`` copies them to docs/."""


@pytest.fixture(scope="session")
def migrated_sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An SQLite file migrated to the newest revision, built once per session."""
    path = tmp_path_factory.mktemp("template") / "template.db"
    db = open_database(sqlite_url(path))
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()
    return path


@pytest.fixture
def db_path(tmp_path: Path, migrated_sqlite_template: Path) -> Path:
    """Path of a fresh, migrated SQLite database file for this test."""
    path = tmp_path / "servicelens.db"
    shutil.copyfile(migrated_sqlite_template, path)
    return path


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    """A fresh migrated SQLite database (a real file, WAL mode)."""
    database = open_database(sqlite_url(db_path))
    yield database
    database.dispose()


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PostgresServer]:
    """A throwaway PostgreSQL server; tests using it are skipped when none can start."""
    if os.environ.get("SERVICELENS_SKIP_PG"):
        pytest.skip("PostgreSQL tests disabled by SERVICELENS_SKIP_PG")
    try:
        server = PostgresServer.start()
    except PostgresUnavailable as exc:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is required in CI: {exc}")
        pytest.skip(f"PostgreSQL not available: {exc}")
    yield server
    server.stop()


@pytest.fixture(scope="session")
def pg_template(pg_server: PostgresServer) -> str:
    """Name of a migrated template database on the throwaway server."""
    from sqlalchemy import create_engine

    engine = create_engine(pg_server.admin_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.exec_driver_sql("CREATE DATABASE servicelens_template")
    engine.dispose()
    db = open_database(pg_server.url("servicelens_template"))
    db.dispose()
    return "servicelens_template"


@pytest.fixture
def pg_db(pg_server: PostgresServer, pg_template: str) -> Iterator[Database]:
    """A fresh migrated PostgreSQL database for this test."""
    from sqlalchemy import create_engine

    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(pg_server.admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}" TEMPLATE "{pg_template}"')
    database = open_database(pg_server.url(name))
    yield database
    database.dispose()
    with admin.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE "{name}" WITH (FORCE)')
    admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def any_db(request: pytest.FixtureRequest) -> Database:
    """The same test on a fresh SQLite file and on a fresh PostgreSQL database."""
    fixture = "db" if request.param == "sqlite" else "pg_db"
    database: Database = request.getfixturevalue(fixture)
    return database


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """QSettings and the per-user data and cache folders (``app.paths``) point at this
    test's folder, never the user's."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    try:
        from PySide6.QtCore import QSettings
    except ImportError:  # headless runs
        yield
        return
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "cfg"))
    yield


@pytest.fixture(autouse=True)
def _no_leaked_windows(request: pytest.FixtureRequest) -> Iterator[None]:
    """Fail a test that leaves a visible top-level window or a running pool thread."""
    yield
    if "qtbot" not in request.fixturenames and "qapp" not in request.fixturenames:
        return
    from PySide6.QtCore import Qt, QThreadPool
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        return
    assert QThreadPool.globalInstance().waitForDone(10_000), "a worker thread is still running"
    transient = (Qt.WindowType.ToolTip, Qt.WindowType.Popup)
    leaked = [
        w
        for w in QApplication.topLevelWidgets()
        if w.isVisible() and w.windowType() not in transient
    ]
    for w in leaked:
        w.close()
    assert not leaked, f"windows left open: {[type(w).__name__ for w in leaked]}"


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Folder for screenshots and files for people to look at after a run."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
