"""The demo checklists: three templates from resources, 60 submitted visits, one draft."""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import func, select

from models.checklists.demo import add_demo_checklists, demo_templates, remove_demo_checklists
from models.db import Database
from models.orm.checklists import ChecklistTemplate, Inspection, InspectionStatus
from tests.models.checklists.conftest import make_sites

NOW = dt.datetime(2026, 11, 20, 12, tzinfo=dt.UTC)


def test_shipped_templates_have_every_answer_type() -> None:
    specs = demo_templates()
    assert len(specs) == 3
    for spec in specs:
        items = spec.items()
        assert 20 <= len(items) <= 30
        assert 3 <= len(spec.sections) <= 6
        assert any(i.critical for i in items)
        types = {i.answer_type.value for i in items}
        assert {"yes_no", "scale", "stopwatch", "photo", "text"} <= types


def test_demo_inspections(db: Database) -> None:
    site_ids = make_sites(db)
    with db.transaction() as s:
        add_demo_checklists(s, site_ids, random.Random(7), NOW)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(ChecklistTemplate)) == 3
        rows = s.execute(select(Inspection.status, Inspection.score, Inspection.passed,
                                Inspection.critical_failures, Inspection.visited_at)).all()
    submitted = [r for r in rows if r.status is InspectionStatus.SUBMITTED]
    drafts = [r for r in rows if r.status is InspectionStatus.DRAFT]
    assert len(submitted) == 60 and len(drafts) == 1
    assert sum(r.critical_failures for r in submitted) == 2
    assert 1 <= sum(1 for r in submitted if not r.passed) < 30
    assert all(NOW - dt.timedelta(days=183) <= r.visited_at < NOW for r in rows)
    # a second run reuses the stored templates (same content) instead of new versions
    with db.transaction() as s:
        add_demo_checklists(s, site_ids, random.Random(8), NOW)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(ChecklistTemplate)) == 3
    with db.transaction() as s:
        assert remove_demo_checklists(s) == 122
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Inspection)) == 0
