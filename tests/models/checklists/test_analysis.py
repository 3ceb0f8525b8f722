"""Analysis queries on the demo inspections, and one hand-made calibration case."""

from __future__ import annotations

import datetime as dt
import random

import numpy as np
import pytest

from models.checklists.analysis import (
    compare_with_previous,
    dimension_scores,
    failed_item_pareto,
    inspector_calibration,
    score_trend,
    scored_inspections,
    section_matrix,
)
from models.checklists.demo import add_demo_checklists
from models.checklists.inspections import answer_item, start_inspection, submit_inspection
from models.checklists.queries import InspectionFilter, filter_choices, list_inspections
from models.checklists.spec import ItemSpec, SectionSpec, TemplateSpec
from models.checklists.templates import create_template, load_spec
from models.db import Database
from models.orm.checklists import AnswerType, Choice, Dimension, InspectionKind
from tests.models.checklists.conftest import make_sites

NOW = dt.datetime(2026, 11, 20, 12, tzinfo=dt.UTC)


@pytest.fixture
def demo(db: Database) -> Database:
    with db.transaction() as s:
        add_demo_checklists(s, make_sites(db), random.Random(3), NOW)
    return db


def test_stored_scores_agree_with_rescoring(demo: Database) -> None:
    rows = {r.uuid: r for r in list_inspections(demo, InspectionFilter(include_drafts=False))}
    scored = scored_inspections(demo)
    assert len(scored) == len(rows) == 60
    for v in scored:
        assert v.result.score == pytest.approx(rows[v.uuid].score, abs=1e-3)


def test_views_on_demo_data(demo: Database) -> None:
    trend = score_trend(demo)
    assert sum(len(t.scores) for t in trend) == 60
    assert all(np.all(np.diff(t.times) >= 0) for t in trend)
    choices = filter_choices(demo)
    assert len(choices.templates) == 3 and len(choices.inspectors) == 4
    matrix = section_matrix(demo, "CLEAN-AUDIT")
    assert matrix.values.shape == (3, 6) and np.nanmax(matrix.values) <= 100
    pareto = failed_item_pareto(demo)
    assert pareto and pareto[-1].cum_pct == pytest.approx(100)
    assert [p.count for p in pareto] == sorted((p.count for p in pareto), reverse=True)
    dims = dimension_scores(demo)
    assert set(dims) == set(Dimension) and all(0 <= v <= 100 for v in dims.values() if v)
    latest = list_inspections(demo, InspectionFilter(include_drafts=False,
                                                     template_code="CLEAN-AUDIT"))[0]
    comparison = compare_with_previous(demo, latest.uuid)
    assert comparison.previous_uuid is not None and comparison.changes
    rows = inspector_calibration(demo, window_days=60)
    assert {r.inspector for r in rows} == set(choices.inspectors)


def test_calibration_flags_lenient_and_strict(db: Database) -> None:
    site = make_sites(db)[0]
    spec = TemplateSpec("C", "c", sections=(SectionSpec("S", tuple(
        ItemSpec(f"q{n}", AnswerType.YES_NO, dimension=Dimension.EMPATHY) for n in range(10))),))
    t = load_spec(db, create_template(db, spec))
    day = dt.datetime(2026, 5, 1, tzinfo=dt.UTC)
    for inspector, yes, offset in (("lenient", 10, 0), ("fair", 8, 1), ("strict", 6, 2)):
        uuid = start_inspection(db, t.id, site, inspector, InspectionKind.AUDIT,
                                day + dt.timedelta(days=offset))
        for n, item in enumerate(t.items()):
            answer_item(db, uuid, item.id, choice=Choice.YES if n < yes else Choice.NO)
        submit_inspection(db, uuid)
    rows = {r.inspector: r for r in inspector_calibration(db, window_days=7, threshold=5)}
    # lenient 100 vs mean(80, 60) = 70 → +30; fair 80 vs 80 → 0; strict 60 vs 90 → −30
    assert rows["lenient"].mean_deviation == pytest.approx(30) and rows["lenient"].flag == "lenient"
    assert rows["fair"].mean_deviation == pytest.approx(0) and rows["fair"].flag == ""
    assert rows["strict"].flag == "strict" and rows["strict"].compared == 1
    assert inspector_calibration(db, window_days=0.5)[0].compared == 0
