"""Filling, submitting and correcting inspections; every answer is stored at once."""

from __future__ import annotations

import pytest

from models.checklists.inspections import (
    InspectionLocked,
    SubmissionBlocked,
    answer_item,
    attach_photo,
    get_inspection,
    set_current_item,
    set_note,
    start_correction,
    start_inspection,
    submit_inspection,
)
from models.checklists.queries import InspectionFilter, list_drafts, list_inspections
from models.checklists.spec import TemplateSpec
from models.db import Database
from models.orm.checklists import Choice, InspectionKind, InspectionStatus


def fill(db: Database, uuid: str, t: TemplateSpec) -> None:
    i = [item.id for item in t.items()]
    answer_item(db, uuid, i[0], choice=Choice.YES)
    answer_item(db, uuid, i[1], choice=Choice.NO)
    set_note(db, uuid, i[1], "dirty floor")
    answer_item(db, uuid, i[2], scale=4)
    answer_item(db, uuid, i[3], number=45)
    answer_item(db, uuid, i[4], number=1)
    answer_item(db, uuid, i[5], text="ok")
    attach_photo(db, uuid, i[6], "p.png", b"\x89PNG fake", b"thumb")


def test_fill_submit_and_lock(db: Database, sites: list[int], template: TemplateSpec) -> None:
    uuid = start_inspection(db, template.id, sites[0], "Ann", InspectionKind.MYSTERY_SHOP)
    first = template.items()[0].id
    answer_item(db, uuid, first, choice=Choice.YES)
    set_current_item(db, uuid, first)
    assert [d.uuid for d in list_drafts(db, "Ann")] == [uuid]
    assert list_drafts(db)[0].answered == 1
    with pytest.raises(SubmissionBlocked) as blocked:
        submit_inspection(db, uuid)
    assert len(blocked.value.result.blockers) == 6
    fill(db, uuid, template)
    # the same photo twice is stored once
    attach_photo(db, uuid, template.items()[6].id, "again.png", b"\x89PNG fake")
    state = get_inspection(db, uuid)
    assert len(state.photos) == 1 and state.answers[template.items()[1].id].note == "dirty floor"
    result = submit_inspection(db, uuid)
    assert result.score == pytest.approx(100 * 4.5 / 7) and not result.passed
    state = get_inspection(db, uuid)
    assert state.status is InspectionStatus.SUBMITTED and state.read_only
    assert state.critical_failures == 1 and state.passed is False
    assert state.score == pytest.approx(64.2857, abs=1e-3)
    with pytest.raises(InspectionLocked):
        answer_item(db, uuid, first, choice=Choice.NO)
    assert list_drafts(db) == []


def test_answers_must_fit_the_item(db: Database, template: TemplateSpec) -> None:
    uuid = start_inspection(db, template.id, None, "Ann", InspectionKind.AUDIT)
    yes_no, scale, photo = (template.items()[n].id for n in (0, 2, 6))
    for item, kwargs in ((yes_no, {"scale": 3}), (scale, {"choice": Choice.YES}),
                         (photo, {"text": "x"}), (yes_no, {"choice": "na", "number": 1})):
        with pytest.raises(ValueError, match="cannot take"):
            answer_item(db, uuid, item, **kwargs)
    answer_item(db, uuid, photo, choice="na")
    with pytest.raises(ValueError):
        answer_item(db, uuid, scale, scale=6)
    assert get_inspection(db, uuid).answers[photo].is_na


def test_correction_is_a_new_revision(db: Database, sites: list[int],
                                      template: TemplateSpec) -> None:
    uuid = start_inspection(db, template.id, sites[0], "Ann", InspectionKind.MYSTERY_SHOP)
    fill(db, uuid, template)
    submit_inspection(db, uuid)
    with pytest.raises(ValueError):
        start_correction(db, uuid, "", "typo")
    new = start_correction(db, uuid, "Supervisor Li", "tills were 2, not 1")
    state = get_inspection(db, new)
    assert state.status is InspectionStatus.DRAFT and state.revised_by == "Supervisor Li"
    assert state.revision_of_id == get_inspection(db, uuid).id and len(state.photos) == 1
    answer_item(db, new, template.items()[4].id, number=2)
    assert submit_inspection(db, new).passed is False  # still 78.6 < 80
    rows = list_inspections(db)
    assert [r.uuid for r in rows] == [new]  # the original is superseded
    everything = list_inspections(db, InspectionFilter(include_superseded=True))
    assert {r.uuid: r.superseded for r in everything} == {uuid: True, new: False}
