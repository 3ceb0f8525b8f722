"""Service tickets and what they are measured against: SLA policies, calendars, KPI targets."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.orm.base import Base, Timestamped, Versioned
from models.orm.org import enum_column


class Priority(enum.StrEnum):
    P1 = "P1"
    P2 = "P2"
    P3 = "P3"
    P4 = "P4"


class TicketStatus(enum.StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    RESOLVED = "resolved"
    CLOSED = "closed"


TICKET_TIME_COLUMNS = ("created_at", "first_response_at", "answered_at", "onsite_at",
                       "resolved_at", "closed_at")
"""The moments of a ticket (aware UTC; µs since the epoch in a SQLite file)."""
TICKET_DATA_COLUMNS = ("title", "description", "priority", "status", "channel", "category",
                       "is_complaint", "customer", "agent", "team", "site_id", "vendor_id",
                       *TICKET_TIME_COLUMNS, "reopened_count", "csat", "csat_scale_min",
                       "csat_scale_max", "nps")
"""What a ticket says — every column but its identity (id, source, external id) and its
import batch: what an import writes and an undo restores."""


class Ticket(Base):
    """One help-desk ticket, call or complaint, identified by (source, external id).

    Times are aware UTC. ``csat`` is the raw rating on the scale
    ``csat_scale_min``..``csat_scale_max`` declared (or inferred) at import;
    ``nps`` is a 0–10 answer. Re-importing the same ticket updates this row.
    """

    __tablename__ = "tickets"

    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(String(100))
    external_id: Mapped[str] = mapped_column(String(100))
    title: Mapped[str | None] = mapped_column(String(500))
    description: Mapped[str | None] = mapped_column(Text)
    priority: Mapped[Priority | None] = mapped_column(enum_column(Priority, "priority"))
    status: Mapped[TicketStatus | None] = mapped_column(enum_column(TicketStatus, "ticket_status"))
    channel: Mapped[str | None] = mapped_column(String(64))
    category: Mapped[str | None] = mapped_column(String(200))
    is_complaint: Mapped[bool] = mapped_column(default=False)
    customer: Mapped[str | None] = mapped_column(String(200))
    agent: Mapped[str | None] = mapped_column(String(200))
    team: Mapped[str | None] = mapped_column(String(200))
    site_id: Mapped[int | None] = mapped_column(ForeignKey("sites.id", ondelete="SET NULL"))
    vendor_id: Mapped[int | None] = mapped_column(ForeignKey("vendors.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime]
    first_response_at: Mapped[dt.datetime | None]
    answered_at: Mapped[dt.datetime | None]
    onsite_at: Mapped[dt.datetime | None]  # a technician arrived on site (on-site SLA)
    resolved_at: Mapped[dt.datetime | None]
    closed_at: Mapped[dt.datetime | None]
    reopened_count: Mapped[int | None]
    csat: Mapped[float | None]
    csat_scale_min: Mapped[float | None]
    csat_scale_max: Mapped[float | None]
    nps: Mapped[int | None]
    import_batch_id: Mapped[int | None] = mapped_column(
        ForeignKey("import_batches.id", ondelete="SET NULL"), index=True
    )

    __table_args__ = (
        UniqueConstraint("source", "external_id"),
        Index("ix_tickets_created_at", "created_at"),
        CheckConstraint("nps IS NULL OR (nps >= 0 AND nps <= 10)", name="nps_range"),
        CheckConstraint(
            "csat IS NULL OR (csat >= csat_scale_min AND csat <= csat_scale_max)",
            name="csat_in_scale",
        ),
        CheckConstraint(
            "resolved_at IS NULL OR resolved_at >= created_at", name="resolved_after_created"
        ),
        CheckConstraint("reopened_count IS NULL OR reopened_count >= 0", name="reopened_count"),
    )


class BusinessCalendar(Timestamped, Base):
    """Working hours per weekday plus holidays and make-up working days.

    ``working_hours`` maps ISO weekday numbers ("1" = Monday … "7" = Sunday) to a
    list of ``["HH:MM", "HH:MM"]`` intervals in the calendar's ``timezone``.
    """

    __tablename__ = "business_calendars"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    timezone: Mapped[str] = mapped_column(String(64), default="Asia/Shanghai")
    working_hours: Mapped[dict[str, Any]] = mapped_column(JSON)


class CalendarDay(Base):
    """An exception to a calendar's weekly pattern: a holiday or a make-up working day."""

    __tablename__ = "calendar_days"

    id: Mapped[int] = mapped_column(primary_key=True)
    calendar_id: Mapped[int] = mapped_column(
        ForeignKey("business_calendars.id", ondelete="CASCADE"), index=True
    )
    day: Mapped[dt.date]
    is_workday: Mapped[bool]
    name: Mapped[str | None] = mapped_column(String(100))

    __table_args__ = (UniqueConstraint("calendar_id", "day"),)


class SlaPolicy(Versioned, Timestamped, Base):
    """Targets for one priority, optionally narrowed to a channel and/or category.

    Targets are in minutes. A ticket is measured by the most specific policy in force
    on its creation date (``effective_from`` inclusive, ``effective_to`` exclusive).
    Without a calendar, durations are calendar time.
    """

    __tablename__ = "sla_policies"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    priority: Mapped[Priority] = mapped_column(enum_column(Priority, "priority"))
    channel: Mapped[str | None] = mapped_column(String(64))
    category: Mapped[str | None] = mapped_column(String(200))
    first_response_min: Mapped[float | None]
    onsite_min: Mapped[float | None]
    resolution_min: Mapped[float | None]
    calendar_id: Mapped[int | None] = mapped_column(
        ForeignKey("business_calendars.id", ondelete="SET NULL")
    )
    effective_from: Mapped[dt.date]
    effective_to: Mapped[dt.date | None]

    __table_args__ = (
        CheckConstraint(
            "(first_response_min IS NULL OR first_response_min > 0)"
            " AND (onsite_min IS NULL OR onsite_min > 0)"
            " AND (resolution_min IS NULL OR resolution_min > 0)",
            name="positive_targets",
        ),
        CheckConstraint(
            "effective_to IS NULL OR effective_to > effective_from", name="effective_order"
        ),
    )


class KpiTarget(Timestamped, Base):
    """A target for one KPI key (e.g. ``csat_score`` ≥ 85), optionally per priority."""

    __tablename__ = "kpi_targets"

    id: Mapped[int] = mapped_column(primary_key=True)
    kpi: Mapped[str] = mapped_column(String(64))
    priority: Mapped[Priority | None] = mapped_column(enum_column(Priority, "priority"))
    target: Mapped[float]
    higher_is_better: Mapped[bool] = mapped_column(default=True)
    effective_from: Mapped[dt.date]

    __table_args__ = (UniqueConstraint("kpi", "priority", "effective_from"),)
