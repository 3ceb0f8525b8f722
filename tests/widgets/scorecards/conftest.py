"""A page context on the small scorecard world (three vendors, metrics, a template)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from app.tasks import QtTaskRunner
from models.db import Database
from tests.models.scorecards.conftest import World, make_world
from widgets.common.context import DataBus, MemoryPreferences, PageContext

USER = "Procurement Lead"


@pytest.fixture
def world(db: Database) -> World:
    return make_world(db)


@pytest.fixture
def context(qapp: Any, db: Database) -> Iterator[PageContext]:
    ctx = PageContext(db=db, runner=QtTaskRunner(max_threads=1), bus=DataBus(), user=USER,
                      prefs=MemoryPreferences())
    yield ctx
    assert isinstance(ctx.runner, QtTaskRunner)
    ctx.runner.shutdown()

