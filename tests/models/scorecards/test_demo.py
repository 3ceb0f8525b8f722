"""The default template written by the demo."""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import func, select

from models.db import Database
from models.orm import UTC, ScorecardCriterion, ScorecardTemplate
from models.scorecards.demo import DEFAULT_TEMPLATE_CODE, add_demo_scorecards


def test_default_template_weights_sum_to_100_and_is_idempotent(db: Database) -> None:
    now = dt.datetime(2026, 10, 5, tzinfo=UTC)
    with db.transaction() as s:
        add_demo_scorecards(s, [], random.Random(1), now)
        add_demo_scorecards(s, [], random.Random(1), now)
    with db.session() as s:
        assert s.scalar(select(func.count(ScorecardTemplate.id))) == 1
        t = s.scalars(select(ScorecardTemplate)).one()
        assert t.code == DEFAULT_TEMPLATE_CODE
        assert sum(c.weight for c in t.criteria) == 100
        assert [b["grade"] for b in t.grade_bands] == ["A", "B", "C", "D"]
        kinds = {r["kind"] for c in t.criteria for r in (c.veto or [])}
        assert kinds == {"qualification_expired", "metric_above", "serious_breach"}
        assert s.scalar(select(func.count(ScorecardCriterion.id))) == 7
