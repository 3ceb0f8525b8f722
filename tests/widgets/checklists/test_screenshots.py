"""Designer screenshots for the README, in English and Chinese."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from PySide6.QtWidgets import QApplication

from models.checklists.demo import add_demo_checklists
from tests.models.checklists.conftest import make_sites
from tests.widgets.inspections.screens import language, save
from widgets.checklists.page import ChecklistsPage
from widgets.common.context import PageContext

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_designer_screenshot(qtbot, context: PageContext, lang: str) -> None:
    with context.db.transaction() as s:
        add_demo_checklists(s, make_sites(context.db), random.Random(2),
                            dt.datetime.now(dt.UTC).replace(microsecond=0))
    with language(lang):
        page = ChecklistsPage(context)
        qtbot.addWidget(page)
        page.resize(1400, 860)
        page.show()
        qtbot.waitExposed(page)
        store = next(page.versions.topLevelItem(n) for n in range(3)
                     if "MS-STORE" in page.versions.topLevelItem(n).text(0))
        page.open_version(store.child(0).data(0, 256))
        page.document.select((1, 3))  # the stopwatch item
        qtbot.waitUntil(lambda: len(page.preview.cards) == 21)
        if lang == "zh":
            assert page.save_action.text() == "保存"
        QApplication.processEvents()
        save(page, f"checklists-designer-{lang}.png")
        page.close()
