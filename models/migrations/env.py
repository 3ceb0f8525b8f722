"""Alembic environment: migrations run on the connection handed in by models.migrate."""

from typing import Literal

from alembic import context
from sqlalchemy import engine_from_config, pool

import models.orm
from models.orm import Base
from models.orm.base import UtcDateTime

target_metadata = Base.metadata
config = context.config


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run_on(connection)
        return
    engine = engine_from_config(
        config.get_section(config.config_ini_section) or {},
        prefix="sqlalchemy.",
        poolclass=pool.NullPool,
    )
    with engine.connect() as conn:
        _run_on(conn)
        conn.commit()


def _render_item(type_: str, obj: object, autogen_context: object) -> str | Literal[False]:
    """Render our UTC timestamp type by its defining module, with no arguments."""
    if type_ == "type" and isinstance(obj, UtcDateTime):
        return "models.orm.base.UtcDateTime()"
    return False


def _run_on(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        render_item=_render_item,
    )
    with context.begin_transaction():
        context.run_migrations()


assert models.orm  # the import registers every table on Base.metadata
run()
