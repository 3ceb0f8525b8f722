"""Vendor performance data and evaluation scorecards (versioned templates, evaluations)."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

from sqlalchemy import JSON, CheckConstraint, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.orm.base import Base, Timestamped, Versioned
from models.orm.org import enum_column


class CriterionSource(enum.StrEnum):
    TICKET_KPI = "ticket_kpi"
    INSPECTION_AVG = "inspection_avg"
    VENDOR_METRIC = "vendor_metric"
    MANUAL = "manual"


class Normalisation(enum.StrEnum):
    LINEAR = "linear"
    BANDS = "bands"


class MissingRule(enum.StrEnum):
    REWEIGHT = "reweight"
    ZERO = "zero"
    CARRY = "carry"


class EvaluationStatus(enum.StrEnum):
    DRAFT = "draft"
    FINAL = "final"


DEFAULT_GRADE_BANDS: list[dict[str, Any]] = [
    {"grade": "A", "min": 90.0, "label_zh": "优秀", "label_en": "Excellent"},
    {"grade": "B", "min": 80.0, "label_zh": "良好", "label_en": "Good"},
    {"grade": "C", "min": 60.0, "label_zh": "合格", "label_en": "Acceptable"},
    {"grade": "D", "min": 0.0, "label_zh": "不合格", "label_en": "Unacceptable"},
]


class VendorMetric(Base):
    """One imported figure for a vendor and period, e.g. on-time rate 97.5 (%) in 2026Q1."""

    __tablename__ = "vendor_metrics"

    id: Mapped[int] = mapped_column(primary_key=True)
    vendor_id: Mapped[int] = mapped_column(ForeignKey("vendors.id", ondelete="CASCADE"))
    period_start: Mapped[dt.date]
    period_end: Mapped[dt.date]  # exclusive
    period_label: Mapped[str] = mapped_column(String(32))
    metric: Mapped[str] = mapped_column(String(100))
    value: Mapped[float]
    unit: Mapped[str | None] = mapped_column(String(32))
    import_batch_id: Mapped[int | None] = mapped_column(
        ForeignKey("import_batches.id", ondelete="SET NULL"), index=True
    )

    __table_args__ = (
        UniqueConstraint("vendor_id", "period_start", "period_end", "metric"),
        CheckConstraint("period_end > period_start", name="period_order"),
    )


class ScorecardTemplate(Versioned, Timestamped, Base):
    """One version of a scorecard; ``grade_bands`` is a list like ``DEFAULT_GRADE_BANDS``."""

    __tablename__ = "scorecard_templates"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(64))
    revision: Mapped[int] = mapped_column(default=1)
    name: Mapped[str] = mapped_column(String(200))
    service_category: Mapped[str | None] = mapped_column(String(64))
    grade_bands: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    incomplete_threshold_pct: Mapped[float] = mapped_column(default=20.0)
    published_at: Mapped[dt.datetime | None]

    criteria: Mapped[list[ScorecardCriterion]] = relationship(
        back_populates="template",
        cascade="all, delete-orphan",
        order_by="ScorecardCriterion.position",
    )

    __table_args__ = (UniqueConstraint("code", "revision"),)


class ScorecardCriterion(Base):
    """A weighted criterion. Linear normalisation maps ``worst``→0 and ``best``→100
    (lower-is-better when worst > best), clamped; ``bands`` is a list of
    ``{"min": x, "score": s}`` thresholds. ``veto`` is an optional rule, e.g.
    ``{"kind": "metric_above", "limit": 0}``."""

    __tablename__ = "scorecard_criteria"

    id: Mapped[int] = mapped_column(primary_key=True)
    template_id: Mapped[int] = mapped_column(
        ForeignKey("scorecard_templates.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int]
    name: Mapped[str] = mapped_column(String(200))
    weight: Mapped[float]
    source: Mapped[CriterionSource] = mapped_column(
        enum_column(CriterionSource, "criterion_source")
    )
    source_key: Mapped[str | None] = mapped_column(String(100))
    source_filter: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    normalisation: Mapped[Normalisation] = mapped_column(
        enum_column(Normalisation, "normalisation"), default=Normalisation.LINEAR
    )
    worst: Mapped[float | None]
    best: Mapped[float | None]
    bands: Mapped[list[dict[str, Any]] | None] = mapped_column(JSON)
    missing_rule: Mapped[MissingRule] = mapped_column(
        enum_column(MissingRule, "missing_rule"), default=MissingRule.REWEIGHT
    )
    veto: Mapped[dict[str, Any] | None] = mapped_column(JSON)

    template: Mapped[ScorecardTemplate] = relationship(back_populates="criteria")

    __table_args__ = (
        CheckConstraint("weight >= 0 AND weight <= 100", name="weight_range"),
    )


class Evaluation(Versioned, Timestamped, Base):
    """A vendor's evaluation for one period with one template version.

    ``total`` is 0–100; ``grade`` is empty when the evaluation is incomplete.
    A final evaluation is read-only.
    """

    __tablename__ = "evaluations"

    id: Mapped[int] = mapped_column(primary_key=True)
    template_id: Mapped[int] = mapped_column(
        ForeignKey("scorecard_templates.id", ondelete="RESTRICT"), index=True
    )
    vendor_id: Mapped[int] = mapped_column(ForeignKey("vendors.id", ondelete="CASCADE"))
    period_label: Mapped[str] = mapped_column(String(32))
    period_start: Mapped[dt.date]
    period_end: Mapped[dt.date]
    status: Mapped[EvaluationStatus] = mapped_column(
        enum_column(EvaluationStatus, "evaluation_status"), default=EvaluationStatus.DRAFT
    )
    total: Mapped[float | None]
    grade: Mapped[str | None] = mapped_column(String(8))
    veto_reason: Mapped[str | None] = mapped_column(Text)
    serious_breach: Mapped[bool] = mapped_column(default=False)
    incomplete: Mapped[bool] = mapped_column(default=False)
    rank: Mapped[int | None]
    finalised_at: Mapped[dt.datetime | None]
    finalised_by: Mapped[str | None] = mapped_column(String(200))

    scores: Mapped[list[CriterionScore]] = relationship(
        back_populates="evaluation", cascade="all, delete-orphan"
    )
    ratings: Mapped[list[EvaluatorRating]] = relationship(
        back_populates="evaluation", cascade="all, delete-orphan"
    )

    __table_args__ = (
        UniqueConstraint("template_id", "vendor_id", "period_label"),
        CheckConstraint("total IS NULL OR (total >= 0 AND total <= 100)", name="total_range"),
        CheckConstraint("period_end > period_start", name="period_order"),
    )


class CriterionScore(Base):
    """A criterion's raw value, its 0–100 score and weighted points, with its evidence."""

    __tablename__ = "criterion_scores"

    id: Mapped[int] = mapped_column(primary_key=True)
    evaluation_id: Mapped[int] = mapped_column(ForeignKey("evaluations.id", ondelete="CASCADE"))
    criterion_id: Mapped[int] = mapped_column(
        ForeignKey("scorecard_criteria.id", ondelete="CASCADE")
    )
    raw_value: Mapped[float | None]
    score: Mapped[float | None]
    weighted: Mapped[float | None]
    missing: Mapped[bool] = mapped_column(default=False)
    evidence: Mapped[dict[str, Any] | None] = mapped_column(JSON)

    evaluation: Mapped[Evaluation] = relationship(back_populates="scores")

    __table_args__ = (
        UniqueConstraint("evaluation_id", "criterion_id"),
        CheckConstraint("score IS NULL OR (score >= 0 AND score <= 100)", name="score_range"),
    )


class EvaluatorRating(Base):
    """One evaluator's 0–100 rating of a manual criterion, with a comment."""

    __tablename__ = "evaluator_ratings"

    id: Mapped[int] = mapped_column(primary_key=True)
    evaluation_id: Mapped[int] = mapped_column(ForeignKey("evaluations.id", ondelete="CASCADE"))
    criterion_id: Mapped[int] = mapped_column(
        ForeignKey("scorecard_criteria.id", ondelete="CASCADE")
    )
    evaluator: Mapped[str] = mapped_column(String(200))
    rating: Mapped[float]
    comment: Mapped[str | None] = mapped_column(Text)
    rated_at: Mapped[dt.datetime]

    evaluation: Mapped[Evaluation] = relationship(back_populates="ratings")

    __table_args__ = (
        UniqueConstraint("evaluation_id", "criterion_id", "evaluator"),
        CheckConstraint("rating >= 0 AND rating <= 100", name="rating_range"),
    )
