"""Screenshots for the README, in English and Chinese: the fill form at tablet size
(1280×800) and the analysis views; the Chinese run also checks the translation loads."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from PySide6.QtWidgets import QApplication

from models.checklists.demo import add_demo_checklists
from models.checklists.queries import list_drafts
from tests.models.checklists.conftest import make_sites
from tests.widgets.inspections.screens import language, save
from widgets.common.context import PageContext
from widgets.inspections.fill_window import FillWindow
from widgets.inspections.page import InspectionsPage

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def demo(context: PageContext) -> PageContext:
    with context.db.transaction() as s:
        add_demo_checklists(s, make_sites(context.db), random.Random(11),
                            dt.datetime.now(dt.UTC).replace(microsecond=0))
    return context


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_fill_form_screenshot(qtbot, demo: PageContext, lang: str) -> None:
    with language(lang):
        draft = list_drafts(demo.db)[0]
        window = FillWindow(demo.db, demo.bus, draft.uuid)
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        qtbot.waitExposed(window)
        window.go_to(window.current)
        QApplication.processEvents()
        if lang == "zh":
            assert window.submit_button.text() == "提交"
        save(window, f"inspection-fill-{lang}.png")
        window.close()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_analysis_screenshot(qtbot, demo: PageContext, lang: str) -> None:
    with language(lang):
        page = InspectionsPage(demo, full_screen=False)
        qtbot.addWidget(page)
        page.resize(1400, 900)
        page.show()
        qtbot.waitExposed(page)
        with qtbot.waitSignal(demo.runner.busy_changed, timeout=20_000,
                              check_params_cb=lambda busy: not busy):
            page.tabs.setCurrentWidget(page.analysis)
        QApplication.processEvents()
        save(page, f"inspections-analysis-{lang}.png")
        page.tabs.setCurrentIndex(0)
        page.table.selectRow(0)
        QApplication.processEvents()
        save(page, f"inspections-list-{lang}.png")
        page.close()
