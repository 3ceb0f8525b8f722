"""The Vendors page: library filters, editing with conflicts, documents with expiry
highlighting and files, the vendor's performance overview."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from models.orm import UTC
from models.scorecards.evaluations import run_evaluation
from models.scorecards.vendors import VendorRecord, get_vendor, save_vendor
from tests.models.scorecards.conftest import World
from widgets.common.context import PageContext
from widgets.vendors.page import VendorsPage

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_library_editor_conflict_documents_overview(qtbot, context: PageContext, world: World,
                                                    tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run_evaluation(context.db, world.template_id, "2026Q3", list(world.vendors.values()),
                   "lead", now=dt.datetime(2026, 10, 10, tzinfo=UTC))
    page = VendorsPage(context)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    assert [v.code for v in page.rows] == ["A", "B", "C"]
    page.search.setText("gamma")
    assert [v.code for v in page.rows] == ["C"]
    page.search.clear()
    page.category.setCurrentIndex(page.category.findData("security"))
    assert [v.code for v in page.rows] == ["C"]
    page.category.setCurrentIndex(0)

    # New vendor through the editor.
    page.new_vendor()
    page.editor.code.setText("D")
    page.editor.name.setText("Delta Logistics")
    page.editor.category.setEditText("logistics")
    page.editor.status.setCurrentIndex(page.editor.status.findData("probation"))
    with qtbot.waitSignal(context.bus.data_changed):
        assert page.save()
    d_id = page.selected_id()
    assert d_id is not None and get_vendor(context.db, d_id).status == "probation"

    # Someone else saves first: our save is refused with a clear message.
    other = get_vendor(context.db, d_id)
    save_vendor(context.db, VendorRecord(**{**other.__dict__, "notes": "theirs"}), "other")
    page.editor.notes.setPlainText("mine")
    assert not page.save()
    assert "Someone else changed this vendor" in page.editor.error.text()
    assert get_vendor(context.db, d_id).notes == "theirs"

    # Documents: expired red, expiring within 30 days amber, the file stored with SHA-256.
    page.tabs.setCurrentWidget(page.documents)
    docs = page.documents
    today = dt.date.today()
    licence = tmp_path / "licence.pdf"
    licence.write_bytes(b"%PDF-1.4 scanned licence")
    docs.clear_form()
    docs.kind.setCurrentIndex(docs.kind.findData("business_licence"))
    docs.number.setText("91310000X")
    docs.expires.set_value(today - dt.timedelta(days=3))
    docs.attach(licence)
    assert docs.save()
    docs.clear_form()
    docs.kind.setCurrentIndex(docs.kind.findData("iso9001"))
    docs.expires.set_value(today + dt.timedelta(days=12))
    assert docs.save()
    states = {r.kind: r for r in docs.rows}
    assert states["business_licence"].state == "expired"
    assert states["iso9001"].state == "expiring"
    assert len(states["business_licence"].file_sha256 or "") == 64
    colours = [docs.row_colour(r) for r in range(docs.table.rowCount())]
    assert colours == ["#f8d7da", "#ffe5b4"]  # sorted by expiry: expired first

    # The performance overview of a vendor with an evaluation.
    page.show_vendor(world.vendors["B"])
    page.tabs.setCurrentWidget(page.overview)
    assert page.overview.evaluations.rowCount() == 1
    assert page.overview.evaluations.item(0, 0).text() == "2026Q3"
    assert page.overview.metrics.rowCount() == 2  # 2026Q3 and 2026Q2
    assert page.overview.metrics.columnCount() == 5  # period + four metrics
    assert page.overview.sites.item(0, 0).text() == "S1"
    qtbot.waitUntil(lambda: page.overview.kpi_note.text() != "Computing…", timeout=20_000)
