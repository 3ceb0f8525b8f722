"""Fixtures for the import widgets: a runner, a bus and the real import service."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.import_service import AppImportService
from app.tasks import QtTaskRunner
from models.db import Database
from models.progress import RecordingProgress
from tests.conftest import REAL_DATA
from widgets.common.context import DataBus, PageContext
from widgets.imports.mapping_dialog import MappingDialog
from widgets.imports.page import ImportsPage

HEADERS = ["工单号", "创建时间", "优先级", "状态", "处理人", "满意度"]
THAI = REAL_DATA / "inspections" / "thai_streetlight_inspection_log_bellz1601.xlsx"
real = pytest.mark.skipif(not REAL_DATA.exists(), reason="real data not available")


def write_tickets(path: Path, n: int, *, bad_rows: int = 0, unknown_priority: int = 0) -> Path:
    """A CSV of ``n`` tickets; the first ``bad_rows`` have an unreadable creation time,
    the next ``unknown_priority`` a priority nobody knows (``Showstopper``)."""
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(HEADERS)
        for i in range(n):
            created = "someday" if i < bad_rows else \
                f"2024-05-{i % 28 + 1:02d} {i % 24:02d}:{i % 60:02d}"
            priority = "Showstopper" if bad_rows <= i < bad_rows + unknown_priority else \
                ["紧急", "高", "中", "低"][i % 4]
            w.writerow([f"T{i:06d}", created, priority, ["新建", "处理中", "已解决"][i % 3],
                        f"坐席{i % 9}", i % 5 + 1])
    return path


def preview(db: Database, path: Path, mapping=None):  # type: ignore[no-untyped-def]
    """(the real import service in process, its preview of ``path``)."""
    service = AppImportService(db, "tester", isolated=False)
    return service, service.preview(path, mapping=mapping, progress=RecordingProgress())


def open_dialog(qtbot, page: ImportsPage, path: Path) -> MappingDialog:  # type: ignore[no-untyped-def]
    """The mapping dialog the Imports page opens for ``path``."""
    page.import_files([path])
    qtbot.waitUntil(lambda: page.mapping_dialog is not None, timeout=60_000)
    dialog = page.mapping_dialog
    assert dialog is not None
    return dialog


@pytest.fixture
def runner(qapp) -> Iterator[QtTaskRunner]:  # type: ignore[no-untyped-def]
    r = QtTaskRunner()
    yield r
    assert r.shutdown(30_000)


@pytest.fixture
def context(db: Database, runner: QtTaskRunner) -> PageContext:
    """A page context whose import service runs the real sandboxed import."""
    return PageContext(db=db, runner=runner, bus=DataBus(), user="tester",
                       services={"imports": AppImportService(db, "tester")})
