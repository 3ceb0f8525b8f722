"""The schema protects the data: uniqueness, foreign keys, range checks, UTC times."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from models.db import Database
from models.orm import (
    UTC,
    ChecklistItem,
    ChecklistSection,
    ChecklistTemplate,
    EvaluatorRating,
    InspectionKind,
    Priority,
    Ticket,
    Vendor,
)

CREATED = dt.datetime(2026, 3, 5, 6, 30, tzinfo=UTC)


def _ticket(**kw: object) -> Ticket:
    values: dict[str, object] = {
        "source": "helpdesk",
        "external_id": "T-1",
        "created_at": CREATED,
        "priority": Priority.P2,
    }
    values.update(kw)
    return Ticket(**values)


def test_ticket_round_trips_aware_utc_times(any_db: Database) -> None:
    shanghai = dt.timezone(dt.timedelta(hours=8))
    with any_db.transaction() as s:
        s.add(_ticket(first_response_at=dt.datetime(2026, 3, 5, 15, 0, tzinfo=shanghai)))
    with any_db.session() as s:
        t = s.scalars(select(Ticket)).one()
    assert t.created_at == CREATED and t.created_at.tzinfo is not None
    assert t.first_response_at == dt.datetime(2026, 3, 5, 7, 0, tzinfo=UTC)
    assert t.priority is Priority.P2


def test_naive_times_are_refused(any_db: Database) -> None:
    with pytest.raises(Exception, match="naive datetime"), any_db.transaction() as s:
        s.add(_ticket(created_at=dt.datetime(2026, 3, 5, 6, 30)))


def test_source_and_external_id_are_unique(any_db: Database) -> None:
    with any_db.transaction() as s:
        s.add(_ticket())
        s.add(_ticket(source="other"))  # same id from another source is another ticket
    with pytest.raises(IntegrityError), any_db.transaction() as s:
        s.add(_ticket())


@pytest.mark.parametrize(
    "bad",
    [
        {"nps": 11},
        {"csat": 6, "csat_scale_min": 1, "csat_scale_max": 5},
        {"resolved_at": CREATED - dt.timedelta(minutes=1)},
    ],
)
def test_ticket_range_checks(any_db: Database, bad: dict[str, object]) -> None:
    with pytest.raises(IntegrityError), any_db.transaction() as s:
        s.add(_ticket(**bad))


def test_foreign_keys_are_enforced(any_db: Database) -> None:
    with pytest.raises(IntegrityError), any_db.transaction() as s:
        s.add(_ticket(vendor_id=424242))


def test_negative_checklist_weight_is_refused(any_db: Database) -> None:
    template = ChecklistTemplate(code="c", name="c", kind=InspectionKind.AUDIT)
    section = ChecklistSection(position=0, title="s", template=template)
    section.items.append(ChecklistItem(position=0, text="q", answer_type="yes_no", weight=-1))
    with pytest.raises(IntegrityError), any_db.transaction() as s:
        s.add(template)


def test_rating_outside_0_100_is_refused(any_db: Database) -> None:
    with pytest.raises(IntegrityError), any_db.transaction() as s:
        s.add(
            EvaluatorRating(
                evaluation_id=1, criterion_id=1, evaluator="x", rating=101, rated_at=CREATED
            )
        )


def test_concurrent_vendor_edit_is_a_conflict_not_an_overwrite(any_db: Database) -> None:
    with any_db.transaction() as s:
        s.add(Vendor(code="V1", name="Clean Co", service_category="cleaning"))
    first, second = any_db.session(), any_db.session()
    try:
        a = first.scalars(select(Vendor)).one()
        b = second.scalars(select(Vendor)).one()
        a.name = "Clean Co Ltd"
        first.commit()
        b.name = "Clean Company"
        with pytest.raises(StaleDataError):
            second.commit()
    finally:
        first.close()
        second.close()
    with any_db.session() as s:
        assert s.scalars(select(Vendor.name)).one() == "Clean Co Ltd"
