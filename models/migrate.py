"""Schema migrations with Alembic, run programmatically on the open database.

Opening a database that is already at :data:`SCHEMA_HEAD` costs one SQL query;
Alembic itself (a few hundred milliseconds to import) is loaded only to migrate.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

if TYPE_CHECKING:
    from alembic.config import Config

    from models.db import Database, MigrationResult

MIGRATIONS = Path(__file__).with_name("migrations")
# The newest revision in migrations/versions; a test keeps it equal to Alembic's head.
SCHEMA_HEAD = "0004"


def stamped_revision(db: Database) -> str | None:
    """The revision recorded in the database, read with plain SQL (None if unstamped)."""
    try:
        with db.engine.connect() as conn:
            rows = conn.execute(text("SELECT version_num FROM alembic_version")).all()
    except SQLAlchemyError:
        return None
    return str(rows[0][0]) if len(rows) == 1 else None


def alembic_config(db: Database | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if db is not None:
        cfg.set_main_option("sqlalchemy.url", db.url.replace("%", "%%"))
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(db: Database) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade_to_head(db: Database, target: str = "head") -> MigrationResult:
    """Upgrade ``db`` to ``target``; an existing SQLite file is backed up first.

    A database with ServiceLens tables but no revision stamp is refused rather than
    guessed at.
    """
    from models.db import DatabaseOpenError, MigrationResult

    if target == "head" and stamped_revision(db) == SCHEMA_HEAD:
        return MigrationResult(from_revision=SCHEMA_HEAD, to_revision=SCHEMA_HEAD, backup=None)
    from alembic import command

    before = current_revision(db)
    wanted = head_revision() if target == "head" else target
    backup = None
    if before is None and db.has_tables():
        raise DatabaseOpenError(
            f"{db.display_name} holds tables but no ServiceLens schema revision; "
            "refusing to change it"
        )
    if before != wanted:
        if before is not None:
            backup = db.backup_sqlite(before)
        cfg = alembic_config(db)
        with db.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, wanted)
    return MigrationResult(from_revision=before, to_revision=wanted, backup=backup)
