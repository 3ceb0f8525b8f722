"""Scoring against hand-computed cases (DESIGN.md "Checklists")."""

from __future__ import annotations

import pytest

from models.checklists.scoring import AnswerValue, item_credit, score_inspection
from models.checklists.spec import ItemSpec, SectionSpec, TemplateSpec
from models.orm.checklists import AnswerType, Choice
from tests.models.checklists.conftest import small_spec

YES, NO, NA = AnswerValue(Choice.YES), AnswerValue(Choice.NO), AnswerValue(Choice.NA)


def stored(spec: TemplateSpec) -> TemplateSpec:
    """Give every item an id 1..n, as a stored template has."""
    ids = iter(range(1, 1000))
    return TemplateSpec(spec.code, spec.name, spec.kind, spec.pass_score, None, tuple(
        SectionSpec(s.title, tuple(ItemSpec(**{**i.__dict__, "id": next(ids)}) for i in s.items))
        for s in spec.sections))


T = stored(small_spec())
# ids: 1 greeted (w2, critical) 2 clean (w1, evidence) 3 knowledge (scale, w2)
#      4 wait (stopwatch <= 60 s, w1) 5 tills (number >= 2, w1, critical) 6 comments 7 photo


def full(**over: AnswerValue) -> dict[int, AnswerValue]:
    answers = {1: YES, 2: YES, 3: AnswerValue(scale=5), 4: AnswerValue(number=30),
               5: AnswerValue(number=2), 6: AnswerValue(text="ok"), 7: AnswerValue(photos=1)}
    answers.update({int(k[1:]): v for k, v in over.items()})
    return answers


def test_every_answer_type_hand_computed() -> None:
    answers = full(i2=AnswerValue(Choice.NO, note="dirty"), i3=AnswerValue(scale=4),
                   i4=AnswerValue(number=45), i5=AnswerValue(number=1))
    r = score_inspection(T, answers)
    # points 2·1 + 1·0 + 2·0.75 + 1·1 + 1·0 = 4.5 of weight 7
    assert r.score == pytest.approx(100 * 4.5 / 7)
    assert dict(r.section_scores) == {"A": pytest.approx(70.0), "B": pytest.approx(50.0)}
    assert [i.item_id for i in r.failed_items] == [2, 5]
    # a critical number item that misses its threshold is a critical failure
    assert [i.item_id for i in r.critical_failures] == [5]
    assert not r.passed and r.complete


def test_na_leaves_the_denominator_and_stopwatch_threshold() -> None:
    r = score_inspection(T, full(i2=NA, i4=AnswerValue(number=61), i5=AnswerValue(number=3)))
    # points 2 + 2 + 0 + 1 of weight 2 + 2 + 1 + 1
    assert r.score == pytest.approx(100 * 5 / 6)
    assert dict(r.section_scores)["B"] == pytest.approx(50.0)
    assert r.passed


def test_stopwatch_at_threshold_passes_and_perfect_visit() -> None:
    r = score_inspection(T, full(i4=AnswerValue(number=60)))
    assert r.score == pytest.approx(100.0) and r.passed and not r.failed_items


def test_critical_no_fails_whatever_the_score() -> None:
    r = score_inspection(TemplateSpec("x", "x", pass_score=50, sections=T.sections),
                         full(i1=NO))
    assert r.score == pytest.approx(100 * 5 / 7)  # 71.4 ≥ 50
    assert not r.passed and [i.item_id for i in r.critical_failures] == [1]


@pytest.mark.parametrize(("k", "credit"), [(1, 0.0), (2, 0.25), (3, 0.5), (4, 0.75), (5, 1.0)])
def test_scale_credit(k: int, credit: float) -> None:
    assert item_credit(T.sections[0].items[2], AnswerValue(scale=k)) == credit


def test_pass_score_boundary() -> None:
    # knowledge 3 → 0.5: points 2+1+1+1+1 = 6 of 7 = 85.7; with pass score exactly that
    r = score_inspection(TemplateSpec("x", "x", pass_score=100 * 6 / 7, sections=T.sections),
                         full(i3=AnswerValue(scale=3)))
    assert r.score == pytest.approx(100 * 6 / 7) and r.passed
    r = score_inspection(TemplateSpec("x", "x", pass_score=86, sections=T.sections),
                         full(i3=AnswerValue(scale=3)))
    assert not r.passed


def test_text_photo_and_weightless_items_carry_no_weight() -> None:
    spec = stored(TemplateSpec("x", "x", sections=(SectionSpec("S", (
        ItemSpec("q", AnswerType.YES_NO, 1), ItemSpec("t", AnswerType.TEXT, 5),
        ItemSpec("p", AnswerType.PHOTO, 5), ItemSpec("n", AnswerType.NUMBER, 3),  # no threshold
        ItemSpec("w0", AnswerType.YES_NO, 0))),)))
    r = score_inspection(spec, {1: YES, 2: AnswerValue(text="x"), 3: AnswerValue(photos=1),
                                4: AnswerValue(number=1), 5: NO})
    assert r.score == 100.0 and spec.max_points() == 1.0


def test_all_na_has_no_score_and_does_not_pass() -> None:
    r = score_inspection(T, {i: NA for i in range(1, 8)})
    assert r.score is None and not r.passed
    assert dict(r.section_scores) == {"A": None, "B": None}


def test_blockers() -> None:
    answers = full(i2=NO)
    del answers[4]
    answers[7] = AnswerValue()  # photo item without a photo
    r = score_inspection(T, answers)
    assert {(b.item_id, b.reason) for b in r.blockers} == {
        (2, "evidence_missing"), (4, "unanswered"), (7, "unanswered")}
    assert r.answered == 5 and r.total == 7
    # a photo is evidence too; N/A where not allowed blocks
    strict = stored(TemplateSpec("x", "x", sections=(SectionSpec("S", (
        ItemSpec("q", AnswerType.YES_NO, 1, allow_na=False, evidence_on_fail=True),)),)))
    assert score_inspection(strict, {1: AnswerValue(Choice.NO, photos=1)}).complete
    assert score_inspection(strict, {1: NA}).blockers[0].reason == "na_not_allowed"
