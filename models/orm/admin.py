"""Bookkeeping: import batches, the audit log and improvement actions."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.orm.base import Base, Timestamped, utcnow
from models.orm.org import enum_column


class BatchStatus(enum.StrEnum):
    COMMITTED = "committed"
    UNDONE = "undone"


class ActionStatus(enum.StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"


class ImportBatch(Base):
    """One import of one file: what it was, who ran it, what it changed.

    ``report`` holds the validation report (rejected rows with row, column, value, reason).
    """

    __tablename__ = "import_batches"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))  # tickets | inspections | vendor-metrics
    file_name: Mapped[str] = mapped_column(String(500))
    file_sha256: Mapped[str] = mapped_column(String(64), index=True)
    source: Mapped[str] = mapped_column(String(100))
    sheet: Mapped[str | None] = mapped_column(String(200))
    profile: Mapped[str | None] = mapped_column(String(100))
    user: Mapped[str | None] = mapped_column(String(200))
    started_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[dt.datetime | None]
    rows: Mapped[int] = mapped_column(default=0)
    inserted: Mapped[int] = mapped_column(default=0)
    updated: Mapped[int] = mapped_column(default=0)
    rejected: Mapped[int] = mapped_column(default=0)
    status: Mapped[BatchStatus] = mapped_column(
        enum_column(BatchStatus, "batch_status"), default=BatchStatus.COMMITTED
    )
    report: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class AuditEntry(Base):
    """Who changed what, when, from which value to which (values as text)."""

    __tablename__ = "audit_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    user: Mapped[str | None] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(64))
    entity: Mapped[str] = mapped_column(String(64))
    entity_id: Mapped[int | None]
    field: Mapped[str | None] = mapped_column(String(100))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (Index("ix_audit_entries_entity", "entity", "entity_id"),)


class ImprovementAction(Timestamped, Base):
    """A corrective action raised from a KPI, an inspection or an evaluation."""

    __tablename__ = "improvement_actions"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str | None] = mapped_column(Text)
    owner: Mapped[str | None] = mapped_column(String(200))
    due_on: Mapped[dt.date | None]
    status: Mapped[ActionStatus] = mapped_column(
        enum_column(ActionStatus, "action_status"), default=ActionStatus.OPEN
    )
    site_id: Mapped[int | None] = mapped_column(ForeignKey("sites.id", ondelete="SET NULL"))
    vendor_id: Mapped[int | None] = mapped_column(ForeignKey("vendors.id", ondelete="SET NULL"))
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id", ondelete="SET NULL"))
    inspection_id: Mapped[int | None] = mapped_column(
        ForeignKey("inspections.id", ondelete="SET NULL")
    )
    closed_at: Mapped[dt.datetime | None]


class AlertAck(Base):
    """An acknowledged alert. ``alert_key`` names the alert stably (kind + subject)."""

    __tablename__ = "alert_acks"

    id: Mapped[int] = mapped_column(primary_key=True)
    alert_key: Mapped[str] = mapped_column(String(200), unique=True)
    acknowledged_by: Mapped[str] = mapped_column(String(200))
    acknowledged_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    note: Mapped[str | None] = mapped_column(Text)


class MappingProfile(Timestamped, Base):
    """A saved column mapping for one source of files, so the next file imports unasked.

    ``mapping`` maps a file header to a field name; ``options`` holds the rest
    (timezone, CSAT scale, value synonyms ...).
    """

    __tablename__ = "mapping_profiles"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    kind: Mapped[str] = mapped_column(String(32))
    source: Mapped[str] = mapped_column(String(100))
    mapping: Mapped[dict[str, Any]] = mapped_column(JSON)
    options: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class ImportRowBackup(Base):
    """The values a row had before an import updated it, so the batch can be undone."""

    __tablename__ = "import_row_backups"

    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(
        ForeignKey("import_batches.id", ondelete="CASCADE"), index=True
    )
    table_name: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[int]
    previous: Mapped[dict[str, Any]] = mapped_column(JSON)
