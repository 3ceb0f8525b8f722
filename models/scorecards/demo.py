"""The default vendor scorecard template, written by the demo data set.

Criteria are bilingual ("中文 / English"), weights sum to 100, grade bands are the
DESIGN.md defaults and the veto rules are the three of walkthrough 2: an expired
business licence, a breach count beyond a limit and a breach marked serious.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.orm import (
    DEFAULT_GRADE_BANDS,
    CriterionSource,
    MissingRule,
    Normalisation,
    ScorecardCriterion,
    ScorecardTemplate,
)

DEFAULT_TEMPLATE_CODE = "VENDOR-Q"
DEFAULT_TEMPLATE_NAME = "供应商季度评估 / Vendor quarterly evaluation"
BREACH_LIMIT = 5
"""More breaches than this in a period veto the evaluation (grade D)."""

DEFAULT_VETO_RULES: list[dict[str, Any]] = [
    {"kind": "qualification_expired", "qualification": "business_licence"},
    {"kind": "metric_above", "metric": "breach_count", "limit": BREACH_LIMIT},
    {"kind": "serious_breach"},
]

PRICE_BANDS: list[dict[str, float]] = [
    {"min": 0.0, "score": 100.0},
    {"min": 95.0, "score": 85.0},
    {"min": 100.0, "score": 70.0},
    {"min": 105.0, "score": 50.0},
    {"min": 110.0, "score": 20.0},
]
"""Price index (100 = market average; lower is cheaper) → score: the band with the
greatest ``min`` not above the value applies."""


def default_criteria() -> list[dict[str, Any]]:
    """The default criteria as plain dicts (the columns of :class:`ScorecardCriterion`)."""
    linear, bands = Normalisation.LINEAR, Normalisation.BANDS
    return [
        dict(name="响应及时率 / Response SLA met %", weight=20.0,
             source=CriterionSource.TICKET_KPI, source_key="response_sla_met_pct",
             normalisation=linear, worst=70.0, best=98.0),
        dict(name="现场检查得分 / Inspection average", weight=15.0,
             source=CriterionSource.INSPECTION_AVG, source_key=None,
             normalisation=linear, worst=60.0, best=95.0),
        dict(name="准时交付率 / On-time rate", weight=15.0,
             source=CriterionSource.VENDOR_METRIC, source_key="on_time_rate_pct",
             normalisation=linear, worst=80.0, best=99.0),
        dict(name="合同履约率 / Contract fulfilment", weight=15.0,
             source=CriterionSource.VENDOR_METRIC, source_key="contract_fulfilment_pct",
             normalisation=linear, worst=85.0, best=100.0),
        dict(name="缺陷率 / Defect rate", weight=10.0,
             source=CriterionSource.VENDOR_METRIC, source_key="defect_rate_pct",
             normalisation=linear, worst=5.0, best=0.5),
        dict(name="价格指数 / Price index", weight=15.0,
             source=CriterionSource.VENDOR_METRIC, source_key="price_index",
             normalisation=bands, bands=PRICE_BANDS),
        dict(name="服务态度 / Service attitude", weight=10.0,
             source=CriterionSource.MANUAL, source_key=None,
             normalisation=linear, worst=0.0, best=100.0, missing_rule=MissingRule.REWEIGHT),
    ]


def build_default_template(published_at: dt.datetime | None) -> ScorecardTemplate:
    """A new (unsaved) default template, revision 1. Template-wide veto rules are kept
    on the first criterion (see :mod:`models.scorecards.templates`)."""
    template = ScorecardTemplate(
        code=DEFAULT_TEMPLATE_CODE, revision=1, name=DEFAULT_TEMPLATE_NAME,
        service_category=None, grade_bands=[dict(b) for b in DEFAULT_GRADE_BANDS],
        incomplete_threshold_pct=20.0, published_at=published_at,
    )
    for position, spec in enumerate(default_criteria()):
        spec.setdefault("missing_rule", MissingRule.REWEIGHT)
        veto = [dict(r) for r in DEFAULT_VETO_RULES] if position == 0 else None
        template.criteria.append(ScorecardCriterion(position=position, veto=veto, **spec))
    return template


def add_demo_scorecards(
    session: Session, vendor_ids: list[int], rng: random.Random, now: dt.datetime
) -> None:
    """Add the default vendor scorecard template unless a template with its code exists.

    ``vendor_ids`` and ``rng`` are accepted for the demo recipe's uniform signature; the
    template does not depend on them (evaluations are run by the user, walkthrough 2).
    ``now`` (aware) becomes the publication time. Flushes; never commits.
    """
    del vendor_ids, rng
    exists = session.scalar(
        select(ScorecardTemplate.id).where(ScorecardTemplate.code == DEFAULT_TEMPLATE_CODE)
    )
    if exists is not None:
        return
    session.add(build_default_template(now))
    session.flush()
