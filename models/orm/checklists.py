"""Checklist templates (versioned) and the inspections filled from them."""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import (
    CheckConstraint,
    ForeignKey,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, deferred, mapped_column, relationship

from models.orm.base import Base, Timestamped, Versioned
from models.orm.org import enum_column


class AnswerType(enum.StrEnum):
    YES_NO = "yes_no"
    SCALE = "scale"  # 1..5
    NUMBER = "number"  # passes when it meets the item's threshold
    TEXT = "text"
    PHOTO = "photo"
    STOPWATCH = "stopwatch"  # seconds, scored like a number


class Dimension(enum.StrEnum):
    """SERVQUAL service-quality dimensions."""

    TANGIBLES = "tangibles"
    RELIABILITY = "reliability"
    RESPONSIVENESS = "responsiveness"
    ASSURANCE = "assurance"
    EMPATHY = "empathy"


class InspectionKind(enum.StrEnum):
    MYSTERY_SHOP = "mystery_shop"
    INSPECTION = "inspection"
    AUDIT = "audit"


class InspectionStatus(enum.StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"


class Choice(enum.StrEnum):
    YES = "yes"
    NO = "no"
    NA = "na"


class ChecklistTemplate(Versioned, Timestamped, Base):
    """One version of a checklist. ``code`` names the checklist across its versions."""

    __tablename__ = "checklist_templates"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(64))
    revision: Mapped[int] = mapped_column(default=1)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[InspectionKind] = mapped_column(enum_column(InspectionKind, "inspection_kind"))
    description: Mapped[str | None] = mapped_column(Text)
    pass_score: Mapped[float] = mapped_column(default=80.0)
    published_at: Mapped[dt.datetime | None]

    sections: Mapped[list[ChecklistSection]] = relationship(
        back_populates="template",
        cascade="all, delete-orphan",
        order_by="ChecklistSection.position",
    )

    __table_args__ = (
        UniqueConstraint("code", "revision"),
        CheckConstraint("pass_score >= 0 AND pass_score <= 100", name="pass_score_range"),
    )


class ChecklistSection(Base):
    __tablename__ = "checklist_sections"

    id: Mapped[int] = mapped_column(primary_key=True)
    template_id: Mapped[int] = mapped_column(
        ForeignKey("checklist_templates.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int]
    title: Mapped[str] = mapped_column(String(200))

    template: Mapped[ChecklistTemplate] = relationship(back_populates="sections")
    items: Mapped[list[ChecklistItem]] = relationship(
        back_populates="section", cascade="all, delete-orphan", order_by="ChecklistItem.position"
    )


class ChecklistItem(Base):
    """One question. A number/stopwatch item passes when ``value <= threshold`` if
    ``lower_is_better`` (e.g. waiting seconds) else when ``value >= threshold``."""

    __tablename__ = "checklist_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    section_id: Mapped[int] = mapped_column(
        ForeignKey("checklist_sections.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int]
    code: Mapped[str | None] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(Text)
    guidance: Mapped[str | None] = mapped_column(Text)
    answer_type: Mapped[AnswerType] = mapped_column(enum_column(AnswerType, "answer_type"))
    weight: Mapped[float] = mapped_column(default=1.0)
    critical: Mapped[bool] = mapped_column(default=False)
    dimension: Mapped[Dimension | None] = mapped_column(enum_column(Dimension, "dimension"))
    allow_na: Mapped[bool] = mapped_column(default=True)
    threshold: Mapped[float | None]
    lower_is_better: Mapped[bool] = mapped_column(default=False)
    unit: Mapped[str | None] = mapped_column(String(32))
    evidence_on_fail: Mapped[bool] = mapped_column(default=False)

    section: Mapped[ChecklistSection] = relationship(back_populates="items")

    __table_args__ = (CheckConstraint("weight >= 0", name="weight_non_negative"),)


class Inspection(Timestamped, Base):
    """A visit scored with one template version. ``uuid`` makes package imports idempotent.

    ``score`` is 0–100; for visit-level imports without items only ``score`` is known.
    """

    __tablename__ = "inspections"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    template_id: Mapped[int | None] = mapped_column(
        ForeignKey("checklist_templates.id", ondelete="RESTRICT"), index=True
    )
    site_id: Mapped[int | None] = mapped_column(
        ForeignKey("sites.id", ondelete="SET NULL"), index=True
    )
    inspector: Mapped[str | None] = mapped_column(String(200))
    kind: Mapped[InspectionKind] = mapped_column(enum_column(InspectionKind, "inspection_kind"))
    status: Mapped[InspectionStatus] = mapped_column(
        enum_column(InspectionStatus, "inspection_status"), default=InspectionStatus.DRAFT
    )
    visited_at: Mapped[dt.datetime]
    submitted_at: Mapped[dt.datetime | None]
    score: Mapped[float | None]
    passed: Mapped[bool | None]
    critical_failures: Mapped[int] = mapped_column(default=0)
    current_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("checklist_items.id", ondelete="SET NULL")
    )
    revision_of_id: Mapped[int | None] = mapped_column(
        ForeignKey("inspections.id", ondelete="SET NULL")
    )
    revision_reason: Mapped[str | None] = mapped_column(Text)
    revised_by: Mapped[str | None] = mapped_column(String(200))
    source: Mapped[str | None] = mapped_column(String(100))
    external_ref: Mapped[str | None] = mapped_column(String(200))
    # imported visits: the source's own verdict ("Pass w/ Conditions"), visit type and notes
    result: Mapped[str | None] = mapped_column(String(100))
    visit_type: Mapped[str | None] = mapped_column(String(200))
    notes: Mapped[str | None] = mapped_column(Text)
    import_batch_id: Mapped[int | None] = mapped_column(
        ForeignKey("import_batches.id", ondelete="SET NULL"), index=True
    )

    answers: Mapped[list[InspectionAnswer]] = relationship(
        back_populates="inspection", cascade="all, delete-orphan"
    )
    photos: Mapped[list[InspectionPhoto]] = relationship(
        back_populates="inspection", cascade="all, delete-orphan"
    )

    __table_args__ = (
        CheckConstraint("score IS NULL OR (score >= 0 AND score <= 100)", name="score_range"),
    )


class InspectionAnswer(Base):
    """The answer to one item: exactly the field that fits the item's answer type."""

    __tablename__ = "inspection_answers"

    id: Mapped[int] = mapped_column(primary_key=True)
    inspection_id: Mapped[int] = mapped_column(
        ForeignKey("inspections.id", ondelete="CASCADE"), index=True
    )
    item_id: Mapped[int] = mapped_column(ForeignKey("checklist_items.id", ondelete="RESTRICT"))
    choice: Mapped[Choice | None] = mapped_column(enum_column(Choice, "choice"))
    scale: Mapped[int | None]
    number: Mapped[float | None]
    text: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)
    answered_at: Mapped[dt.datetime]

    inspection: Mapped[Inspection] = relationship(back_populates="answers")

    __table_args__ = (
        UniqueConstraint("inspection_id", "item_id"),
        CheckConstraint("scale IS NULL OR (scale >= 1 AND scale <= 5)", name="scale_range"),
    )


class InspectionPhoto(Base):
    """A photo attached to an inspection (and usually to one item), stored with its checksum."""

    __tablename__ = "inspection_photos"

    id: Mapped[int] = mapped_column(primary_key=True)
    inspection_id: Mapped[int] = mapped_column(
        ForeignKey("inspections.id", ondelete="CASCADE"), index=True
    )
    item_id: Mapped[int | None] = mapped_column(
        ForeignKey("checklist_items.id", ondelete="SET NULL")
    )
    file_name: Mapped[str] = mapped_column(String(260))
    sha256: Mapped[str] = mapped_column(String(64))
    content: Mapped[bytes] = deferred(mapped_column(LargeBinary))
    thumbnail: Mapped[bytes | None] = deferred(mapped_column(LargeBinary))
    taken_at: Mapped[dt.datetime]

    inspection: Mapped[Inspection] = relationship(back_populates="photos")

    __table_args__ = (UniqueConstraint("inspection_id", "sha256"),)
