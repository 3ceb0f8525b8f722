"""Evaluations end to end on a real database: scores, vetoes, ratings, audit, final."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from models.db import Database
from models.orm import UTC, AuditEntry
from models.scorecards.evaluations import (
    EvaluationFinalError,
    finalise,
    run_evaluation,
    set_rating,
    set_serious_breach,
)
from models.scorecards.queries import audit_log, evaluation_detail, list_evaluations
from models.scorecards.templates import TemplateError, load_template, save_template
from tests.models.scorecards.conftest import World, make_world

NOW = dt.datetime(2026, 10, 10, tzinfo=UTC)


def _run(db: Database, world: World) -> dict[str, int]:
    summary = run_evaluation(db, world.template_id, "2026Q3", list(world.vendors.values()),
                             "lead", now=NOW)
    rows = {r.vendor_code: r for r in list_evaluations(db, world.template_id, "2026Q3")}
    assert {r.id for r in rows.values()} == set(summary.evaluation_ids)
    return {k: r.id for k, r in rows.items()}


def test_scores_vetoes_ranks_and_ratings(db: Database, world: World) -> None:
    ids = _run(db, world)
    a = evaluation_detail(db, ids["A"])
    by = {c.name: c for c in a.criteria}
    assert by["On-time"].score == pytest.approx(75.0)  # (95-80)/20
    assert by["Price"].score == 100.0 and by["Defects"].missing
    assert by["Attitude"].missing
    # A: on-time 75 (w40) and price 100 (w20): total = (40*75 + 20*100) / 60 = 83.33;
    # 40 % of the weight is missing → incomplete, no grade.
    assert a.evaluation.total == pytest.approx(250 / 3, abs=1e-4)
    assert a.evaluation.incomplete and a.evaluation.grade is None

    # B carries last quarter's defect rate 2.75 → 50; breach_count 3 > 2 → veto.
    b = evaluation_detail(db, ids["B"])
    defects = next(c for c in b.criteria if c.name == "Defects")
    assert defects.raw == 2.75 and defects.score == pytest.approx(50.0)
    assert defects.evidence.get("substituted") == "carry"
    assert b.evaluation.grade == "D" and "metric_above:breach_count:3:2" in b.evaluation.veto_reason
    # C: licence expired on 2026-08-31, before the run day → veto.
    c = evaluation_detail(db, ids["C"])
    assert c.evaluation.veto_reason.startswith("qualification_expired:business_licence")

    crit = world.criteria["Attitude"]
    set_rating(db, ids["A"], crit, "Wang", 80, "prompt", "Wang")
    set_rating(db, ids["A"], crit, "Li", 90, "polite", "Li")
    a = evaluation_detail(db, ids["A"])
    att = next(x for x in a.criteria if x.name == "Attitude")
    assert att.raw == pytest.approx(85.0)
    # (40*75 + 20*100 + 20*85) / 80 = 83.75, 20 % missing → complete, grade B
    assert a.evaluation.total == pytest.approx(83.75)
    assert a.evaluation.grade == "B" and not a.evaluation.incomplete
    assert a.evaluation.rank == 1  # B is vetoed, so ranked after A in cleaning
    assert {r.evaluator: r.comment for r in a.ratings} == {"Wang": "prompt", "Li": "polite"}
    b_row = next(r for r in list_evaluations(db, world.template_id) if r.vendor_code == "B")
    assert b_row.rank == 2
    c_row = next(r for r in list_evaluations(db, world.template_id) if r.vendor_code == "C")
    assert c_row.rank is None  # incomplete (manual + defects missing = 40 %)

    set_serious_breach(db, ids["A"], True, "lead")
    a = evaluation_detail(db, ids["A"])
    assert a.evaluation.grade == "D" and a.evaluation.veto_reason == "serious_breach"
    set_serious_breach(db, ids["A"], False, "lead")

    finalise(db, [ids["A"]], "lead")
    with pytest.raises(EvaluationFinalError, match="final and read-only"):
        set_rating(db, ids["A"], crit, "Wang", 10, None, "Wang")
    with pytest.raises(EvaluationFinalError):
        set_serious_breach(db, ids["A"], True, "lead")
    with pytest.raises(EvaluationFinalError):
        finalise(db, [ids["A"]], "lead")
    # A re-run leaves the final one alone.
    again = run_evaluation(db, world.template_id, "2026Q3", [world.vendors["A"]], "lead",
                           now=NOW)
    assert again.skipped_final == (ids["A"],)

    log = audit_log(db, evaluation_ids=[ids["A"]])
    fields = {(r.user, r.field, r.old, r.new) for r in log}
    assert ("Wang", "rating Wang / Attitude", None, "80") in fields
    assert ("lead", "status", "draft", "final") in fields
    assert ("lead", "serious_breach", "false", "true") in fields
    assert any(r.field == "grade" and r.new == "B" for r in log)


def test_template_used_by_evaluations_gets_a_new_revision(db: Database, world: World) -> None:
    spec = load_template(db, world.template_id)
    with pytest.raises(TemplateError, match="weights sum to 110, not 100"):
        save_template(db, spec.__class__(**{**spec.__dict__, "criteria": (
            spec.criteria[0].__class__(**{**spec.criteria[0].__dict__, "weight": 50}),
            *spec.criteria[1:])}), "lead")
    _run(db, world)
    first = spec.criteria[0]
    edited = spec.__class__(**{**spec.__dict__, "criteria": (
        first.__class__(**{**first.__dict__, "weight": 30}),
        spec.criteria[1].__class__(**{**spec.criteria[1].__dict__, "weight": 30}),
        *spec.criteria[2:])})
    saved = save_template(db, edited, "lead")
    assert saved.id != world.template_id and saved.revision == 2
    assert load_template(db, world.template_id).criteria[0].weight == 40  # untouched
    with db.session() as s:
        entries = s.scalars(select(AuditEntry).where(
            AuditEntry.entity == "scorecard_template", AuditEntry.entity_id == saved.id)).all()
    changes = {(e.field, e.old_value, e.new_value) for e in entries}
    assert ("On-time.weight", "40", "30") in changes


def test_postgresql_run_and_finalise(pg_db: Database) -> None:
    world = make_world(pg_db)
    ids = _run(pg_db, world)
    set_rating(pg_db, ids["A"], world.criteria["Attitude"], "Wang", 80, None, "Wang")
    finalise(pg_db, [ids["A"]], "lead")
    d = evaluation_detail(pg_db, ids["A"])
    assert d.evaluation.final and d.evaluation.total == pytest.approx(
        (40 * 75 + 20 * 100 + 20 * 80) / 80)


def test_an_old_period_is_not_vetoed_for_a_licence_that_expired_later(db: Database,
                                                                      world: World) -> None:
    # C's licence expired on 2026-08-31. Run on 2026-10-10: Q3 is vetoed; Q1 (its window
    # ends one quarter after it, on 2026-07-01) is judged before the expiry.
    c = world.vendors["C"]
    run_evaluation(db, world.template_id, "2026Q1", [c], "lead", now=NOW)
    run_evaluation(db, world.template_id, "2026Q3", [c], "lead", now=NOW)
    rows = {r.period_label: r for r in list_evaluations(db, world.template_id, vendor_id=c)}
    assert rows["2026Q1"].veto_reason is None
    assert rows["2026Q3"].veto_reason == "qualification_expired:business_licence:2026-08-31"


def test_validation_names_every_problem(db: Database, world: World) -> None:
    from dataclasses import replace

    from models.scorecards.templates import validate

    spec = load_template(db, world.template_id)
    bad = replace(spec, grade_bands=({"grade": "", "min": 0}, {"grade": "A", "min": 0}),
                  criteria=(replace(spec.criteria[0], worst=5, best=5),))
    problems = validate(bad)
    assert "weights sum to 40, not 100" in problems
    assert "every grade band needs a grade" in problems
    assert "two grade bands share a minimum" in problems
    assert "On-time: linear needs different worst and best values" in problems
