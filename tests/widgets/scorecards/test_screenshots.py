"""Screenshots for the README (both languages) on the demo data set: the vendor page,
a scorecard, the comparison of bidders and the ranking. Saved to tests/_artifacts/screenshots/
(``tools/screenshots.py`` copies them to docs/screenshots/)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication

from models.db import Database
from models.demo import generate_demo
from models.orm import UTC
from models.scorecards.evaluations import run_evaluation, set_rating
from models.scorecards.queries import evaluation_detail, list_evaluations
from models.scorecards.templates import list_templates
from models.scorecards.vendors import list_vendor_rows
from tests.conftest import SCREENSHOTS
from tests.widgets.scorecards.conftest import USER
from widgets.common.context import DataBus, MemoryPreferences, PageContext
from widgets.scorecards.page import ScorecardsPage
from widgets.vendors.page import VendorsPage

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

TRANSLATIONS = Path(__file__).resolve().parents[3] / "resources" / "translations"
NOW = dt.datetime(2026, 11, 20, 2, tzinfo=UTC)
RATERS = (("王芳", "响应快，态度好"), ("李娜", "现场沟通清楚"), ("Tom Chen", "polite, a bit slow"))


@pytest.fixture
def demo(db: Database) -> Database:
    generate_demo(db, tickets=1500, seed=5, now=NOW)
    tid = list_templates(db)[0].id
    vendor_ids = [v.id for v in list_vendor_rows(db)]
    for period in ("2025Q4", "2026Q1", "2026Q2", "2026Q3"):
        run_evaluation(db, tid, period, vendor_ids, "王主管", now=NOW)
    for k, row in enumerate(list_evaluations(db, tid)):
        manual = next(c for c in evaluation_detail(db, row.id).criteria if c.source == "manual")
        for j, (name, comment) in enumerate(RATERS):
            set_rating(db, row.id, manual.criterion_id, name, 70 + (k * 7 + j * 9) % 28,
                       comment, name)
    return db


@pytest.fixture(params=["en", "zh"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    translators = []
    if request.param == "zh":
        for area in ("vendors", "scorecards"):
            t = QTranslator()
            assert t.load(f"{area}_zh_CN", str(TRANSLATIONS)), "run tools/i18n.py compile"
            QCoreApplication.installTranslator(t)
            translators.append(t)
    yield request.param
    for t in translators:
        QCoreApplication.removeTranslator(t)


def test_screenshots(qtbot, demo: Database, language: str) -> None:  # type: ignore[no-untyped-def]
    from app.tasks import QtTaskRunner

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    ctx = PageContext(db=demo, runner=QtTaskRunner(max_threads=1), bus=DataBus(), user=USER,
                      prefs=MemoryPreferences())
    try:
        page = ScorecardsPage(ctx)
        qtbot.addWidget(page)
        page.resize(1280, 800)
        page.show()
        qtbot.waitExposed(page)
        if language == "zh":
            assert page.tabs.tabText(0) == "排名"
        page.tabs.setCurrentIndex(0)
        page.grab().save(str(SCREENSHOTS / f"ranking-{language}.png"))
        rows = {r.vendor_code: r for r in page.rows}
        page.show_evaluation(rows["V007"].id)
        assert page.scorecard.detail is not None
        assert page.scorecard.detail.evaluation.grade == "D"
        page.grab().save(str(SCREENSHOTS / f"scorecard-{language}.png"))
        page.tabs.setCurrentWidget(page.comparison)
        page.comparison.set_checked([rows[c].id for c in ("V001", "V002", "V006")])
        assert page.comparison.table.columnCount() == 3
        page.grab().save(str(SCREENSHOTS / f"comparison-{language}.png"))
        page.tabs.setCurrentWidget(page.sensitivity)
        assert page.sensitivity.table.rowCount() == 7
        page.grab().save(str(SCREENSHOTS / f"sensitivity-{language}.png"))

        vendors = VendorsPage(ctx)
        qtbot.addWidget(vendors)
        vendors.resize(1280, 800)
        vendors.show()
        qtbot.waitExposed(vendors)
        vendor = next(v for v in vendors.rows if v.code == "V007")
        vendors.show_vendor(vendor.id)
        vendors.tabs.setCurrentWidget(vendors.overview)
        qtbot.waitUntil(lambda: vendors.overview.kpis.rowCount() > 0, timeout=30_000)
        vendors.grab().save(str(SCREENSHOTS / f"vendor-{language}.png"))
        vendors.tabs.setCurrentWidget(vendors.documents)
        assert "expired" in {r.state for r in vendors.documents.rows}
        vendors.grab().save(str(SCREENSHOTS / f"vendor-documents-{language}.png"))
    finally:
        assert isinstance(ctx.runner, QtTaskRunner)
        ctx.runner.shutdown()
