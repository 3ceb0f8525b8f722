"""Declarative base and column types shared by every table.

Times are stored as timezone-aware UTC. On SQLite they are kept as integer
microseconds since the Unix epoch: that keeps the bulk loader and the columnar
KPI engine fast (a million timestamps read straight into numpy) and sorts
correctly. On PostgreSQL they are ``timestamptz``. Either way the ORM hands out
aware ``datetime`` objects in UTC and refuses naive ones.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from sqlalchemy import BigInteger, DateTime, Dialect, MetaData
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column
from sqlalchemy.types import TypeDecorator, TypeEngine

UTC = dt.UTC
EPOCH = dt.datetime(1970, 1, 1, tzinfo=UTC)

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def to_epoch_us(value: dt.datetime) -> int:
    """Microseconds since the Unix epoch of an aware datetime (raises on naive)."""
    if value.tzinfo is None:
        raise ValueError(f"naive datetime {value!r}: ServiceLens stores aware UTC times")
    delta = value - EPOCH
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


def from_epoch_us(value: int) -> dt.datetime:
    """Aware UTC datetime for microseconds since the Unix epoch."""
    return EPOCH + dt.timedelta(microseconds=int(value))


class UtcDateTime(TypeDecorator[dt.datetime]):
    """An aware UTC timestamp: BIGINT microseconds on SQLite, timestamptz elsewhere."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "sqlite":
            return dialect.type_descriptor(BigInteger())
        return dialect.type_descriptor(DateTime(timezone=True))

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r}: ServiceLens stores aware UTC times")
        if dialect.name == "sqlite":
            return to_epoch_us(value)
        return value.astimezone(UTC)

    def process_result_value(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if dialect.name == "sqlite":
            return from_epoch_us(value)
        assert isinstance(value, dt.datetime)
        return value.astimezone(UTC) if value.tzinfo else value.replace(tzinfo=UTC)


def utcnow() -> dt.datetime:
    """The current time, aware, in UTC."""
    return dt.datetime.now(UTC)


class Base(DeclarativeBase):
    """Base of every ServiceLens table; constraint names follow one convention."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {dt.datetime: UtcDateTime()}


class Versioned:
    """Optimistic locking: a stale update raises ``StaleDataError`` instead of overwriting."""

    version: Mapped[int] = mapped_column(nullable=False, server_default="1")

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:  # noqa: N805 - SQLAlchemy passes the class
        return {"version_id_col": cls.__table__.c.version}  # type: ignore[attr-defined]


class Timestamped:
    """Creation and last-change times, in UTC."""

    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)


__all__ = [
    "UTC",
    "Base",
    "Timestamped",
    "UtcDateTime",
    "Versioned",
    "from_epoch_us",
    "to_epoch_us",
    "utcnow",
]
