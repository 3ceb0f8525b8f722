"""Fixtures for the checklist tests: sites and a small hand-made template."""

from __future__ import annotations

import pytest

from models.checklists.spec import ItemSpec, SectionSpec, TemplateSpec
from models.checklists.templates import create_template, load_spec
from models.db import Database
from models.orm import Site
from models.orm.checklists import AnswerType, Dimension, InspectionKind


@pytest.fixture
def sites(db: Database) -> list[int]:
    """Three sites (store, hotel, office)."""
    return make_sites(db)


def make_sites(db: Database) -> list[int]:
    with db.transaction() as s:
        rows = [Site(code=f"S{n}", name=name, kind=kind) for n, (name, kind) in enumerate(
            [("12号店 Store 12", "store"), ("滨江酒店 Riverside Hotel", "hotel"),
             ("总部 Head office", "office")])]
        s.add_all(rows)
        s.flush()
        return [r.id for r in rows]


def small_spec(code: str = "T1") -> TemplateSpec:
    """Two sections covering every answer type (hand-computed cases use it)."""
    return TemplateSpec(code=code, name="测试 / Test", kind=InspectionKind.MYSTERY_SHOP,
                        pass_score=80, sections=(
        SectionSpec("A", (
            ItemSpec("greeted", AnswerType.YES_NO, 2, critical=True,
                     dimension=Dimension.RESPONSIVENESS),
            ItemSpec("clean", AnswerType.YES_NO, 1, evidence_on_fail=True,
                     dimension=Dimension.TANGIBLES),
            ItemSpec("knowledge", AnswerType.SCALE, 2, dimension=Dimension.ASSURANCE),
        )),
        SectionSpec("B", (
            ItemSpec("wait (s)", AnswerType.STOPWATCH, 1, threshold=60, lower_is_better=True,
                     unit="s", dimension=Dimension.RESPONSIVENESS),
            ItemSpec("tills open", AnswerType.NUMBER, 1, threshold=2, critical=True),
            ItemSpec("comments", AnswerType.TEXT, 0),
            ItemSpec("photo", AnswerType.PHOTO, 0),
        )),
    ))


@pytest.fixture
def template(db: Database) -> TemplateSpec:
    """``small_spec()`` stored; items carry their ids."""
    return load_spec(db, create_template(db, small_spec()))
