"""The Inspections page on demo data: list, filters, detail, analysis, exports, packages."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest
from openpyxl import load_workbook

from models.checklists.demo import add_demo_checklists
from models.checklists.queries import list_inspections
from models.orm.checklists import Dimension
from tests.models.checklists.conftest import make_sites
from widgets.common.context import PageContext
from widgets.inspections.page import InspectionsPage
from widgets.inspections.start_dialog import INSPECTOR_KEY

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # offscreen platform
NOW = dt.datetime.now(dt.UTC).replace(microsecond=0)


@pytest.fixture
def demo_context(context: PageContext) -> PageContext:
    with context.db.transaction() as s:
        add_demo_checklists(s, make_sites(context.db), random.Random(5), NOW)
    return context


def test_list_filters_and_detail(qtbot, demo_context: PageContext) -> None:
    page = InspectionsPage(demo_context, full_screen=False)
    qtbot.addWidget(page)
    assert page.model.rowCount() == 61  # 60 submitted + the draft
    page.filters.result.setCurrentIndex(page.filters.result.findData(False))
    failed = page.model.rowCount()
    assert 0 < failed < 61 and all(r.passed is False for r in page.model.rows)
    page.filters.result.setCurrentIndex(0)
    page.filters.template.setCurrentIndex(page.filters.template.findData("HOTEL-FD"))
    assert all(r.template_code == "HOTEL-FD" for r in page.model.rows)
    page.table.selectRow(0)
    text = page.detail.browser.toPlainText()
    assert "%" in text and page.model.rows[0].site in text
    page.filters.template.setCurrentIndex(page.filters.template.findData("CLEAN-AUDIT"))
    page.table.selectRow(0)  # the newest audit: its site has earlier audits
    assert "Compared with the previous visit" in page.detail.browser.toPlainText()


def test_analysis_views(qtbot, demo_context: PageContext) -> None:
    page = InspectionsPage(demo_context, full_screen=False)
    qtbot.addWidget(page)
    with qtbot.waitSignal(demo_context.runner.busy_changed, timeout=20_000,
                          check_params_cb=lambda busy: not busy):
        page.tabs.setCurrentWidget(page.analysis)
    result = page.analysis.result
    assert result is not None and result.matrix is not None
    assert page.analysis.heatmap.rowCount() == len(result.matrix.sites)
    assert sum(len(c.getData()[0]) for c in page.analysis.trend.curves) == sum(
        len(s.scores) for s in result.trend)
    assert len(page.analysis.radar.values) == len(Dimension)
    assert page.analysis.calibration.rowCount() == 4


def test_exports_and_packages(qtbot, demo_context: PageContext, tmp_path: Path) -> None:
    from widgets.inspections.exports import export_pdf, export_xlsx

    page = InspectionsPage(demo_context, full_screen=False)
    qtbot.addWidget(page)
    written = page.export_table(tmp_path / "list.xlsx")
    assert load_workbook(written).active.max_row == 62
    uuid = next(r.uuid for r in page.model.rows if r.status.value == "submitted")
    pdf = export_pdf(demo_context.db, uuid, tmp_path / "one.pdf")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and b"NotoSansCJK" in data  # Chinese glyphs embedded
    book = load_workbook(export_xlsx(demo_context.db, uuid, tmp_path / "one.xlsx"))
    assert book.worksheets[0].cell(6, 2).value is not None  # the score comes first
    from models.checklists.package import export_package

    package = tmp_path / "p.slpkg"
    export_package(demo_context.db, package, [r.uuid for r in page.model.rows])
    with qtbot.waitSignal(demo_context.bus.status_message) as message:
        page.import_package_file(package)
    assert "0" in message.args[0]
    assert len(list_inspections(demo_context.db)) == 61


def test_resume_is_offered(qtbot, demo_context: PageContext) -> None:
    demo_context.prefs.set(INSPECTOR_KEY, "王芳 Wang Fang")
    page = InspectionsPage(demo_context, full_screen=False)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.resume_box is not None and page.resume_box.isVisible())
    page.resume_box.button(page.resume_box.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: len(page.fill_windows) == 1)
    window = page.fill_windows[0]
    assert window.current == 8  # the demo draft stopped at its ninth item
    window.close()
    page.close()
