"""Shared by the dashboard and tickets tests: a page context on a demo database, and
helpers that ask the KPI engine for the numbers the widgets must show."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest

from app.tasks import QtTaskRunner
from models.db import Database
from models.demo import generate_demo
from models.kpi.api import load_policy_set, load_store
from widgets.common.context import DataBus, MemoryPreferences, PageContext
from widgets.dashboard.filter_state import FilterState
from widgets.dashboard.page import DashboardPage
from widgets.dashboard.store_holder import store_holder

NOW = dt.datetime.now(dt.UTC).replace(minute=0, second=0, microsecond=0)
USER = "Test Supervisor"


@pytest.fixture
def demo_db(db: Database) -> Database:
    """The test database with 600 demo tickets over the year before now."""
    generate_demo(db, tickets=600, seed=11, now=NOW)
    return db


def make_context(db: Database) -> PageContext:
    return PageContext(db=db, runner=QtTaskRunner(max_threads=2), bus=DataBus(), user=USER,
                       prefs=MemoryPreferences())


@pytest.fixture
def context(qapp: Any, demo_db: Database) -> Iterator[PageContext]:
    ctx = make_context(demo_db)
    yield ctx
    store_holder(ctx).close()
    assert isinstance(ctx.runner, QtTaskRunner)
    ctx.runner.shutdown()


def engine_view(db: Database) -> tuple[Any, Any]:
    """A fresh store and policy set, independent of the widgets' ones."""
    return load_store(db), load_policy_set(db)


TIMEOUT = 20_000  # ms a page may take to load and compute


def open_dashboard(qtbot: Any, context: PageContext, preset: str = "last_7") -> DashboardPage:
    """A dashboard page on ``preset``, after its first results are shown."""
    context.prefs.set("filter", FilterState(preset=preset).to_json())
    page = DashboardPage(context)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.updated, timeout=TIMEOUT):
        pass
    return page
