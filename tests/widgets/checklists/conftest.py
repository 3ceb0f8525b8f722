"""Fixtures for the Checklists widgets: a page context on a fresh database."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.tasks import QtTaskRunner
from models.db import Database
from widgets.common.context import DataBus, PageContext


@pytest.fixture
def context(db: Database, qtbot: object) -> Iterator[PageContext]:
    runner = QtTaskRunner()
    bus = DataBus()
    yield PageContext(db=db, runner=runner, bus=bus, user="Supervisor Li")
    runner.shutdown()
