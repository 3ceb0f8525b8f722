"""A page context on the small scorecard world (three vendors, metrics, a template)."""

from __future__ import annotations

import ctypes
import sys
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


# PySide6 6.12.0 on Python 3.11 drops one reference to ``True`` on every emit of a
# Python-defined Signal to a Python slot (repro: 500 emits of ``Signal(object)`` abort
# with "bool_dealloc: deallocating True or False"), and on other paths one to ``None``.
# Python ≥ 3.12 makes True, False and None immortal.
# Until the project pins another PySide6 (reported to the lead), add references that are
# never released (a tuple of Trues would be freed at interpreter exit, too early), so a
# test process does not abort. CPython's object header starts with ob_refcnt.
if sys.version_info < (3, 12):
    for _flag in (True, False, None):
        ctypes.c_ssize_t.from_address(id(_flag)).value += 1 << 40
