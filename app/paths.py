"""Where ServiceLens keeps its files, and which database it opens by default."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths

from app import APP_NAME, ORG_NAME
from models.db import ENV_VAR, Database, open_database, sqlite_url

DB_FILE_NAME = "servicelens.db"


def data_folder() -> Path:
    """The per-user data folder (``QStandardPaths.AppDataLocation``)."""
    QCoreApplication.setOrganizationName(ORG_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    location = QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.AppDataLocation
    )
    return Path(location)


def cache_folder() -> Path:
    """The per-user cache folder (``QStandardPaths.CacheLocation``): safe to delete."""
    QCoreApplication.setOrganizationName(ORG_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation)
    return Path(location)


def database_cache_dir(display_name: str) -> Path:
    """The cache folder of one database, named by a hash of its ``Database.display_name``
    (SQLite path or URL without password), so no two databases share one."""
    digest = hashlib.sha256(display_name.encode()).hexdigest()[:20]
    return cache_folder() / "databases" / digest


def default_database_url() -> str:
    """The embedded SQLite file in the user's data folder."""
    return sqlite_url(data_folder() / DB_FILE_NAME)


def resolve_database_url(cli_value: str | None) -> str:
    """``--db`` wins, then ``SERVICELENS_DB``, then the embedded default."""
    return cli_value or os.environ.get(ENV_VAR) or default_database_url()


def open_app_database(url: str) -> Database:
    """The database at ``url`` with its column cache in the user's cache folder (the
    KPI store loads from it; the desktop and ``servicelens demo`` open databases this
    way). Raises ``DatabaseOpenError``."""
    db = open_database(url)
    db.cache_dir = database_cache_dir(db.display_name)
    return db
