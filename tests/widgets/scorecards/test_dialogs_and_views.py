"""The AHP dialog, evidence click-through, comparison highlighting and sensitivity."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from PySide6.QtWidgets import QDialogButtonBox

from models.orm import UTC
from models.scorecards.evaluations import run_evaluation
from models.scorecards.queries import evaluation_detail, list_evaluations
from models.scorecards.templates import load_template
from tests.models.scorecards.conftest import World
from widgets.common.context import PageContext
from widgets.scorecards.ahp_dialog import AhpDialog
from widgets.scorecards.evidence import open_evidence
from widgets.scorecards.page import ScorecardsPage
from widgets.scorecards.template_editor import TemplateEditorDialog

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
NOW = dt.datetime(2026, 10, 10, tzinfo=UTC)


def test_ahp_dialog_shows_cr_warns_and_sets_weights(qtbot, context: PageContext,  # type: ignore[no-untyped-def]
                                                    world: World) -> None:
    editor = TemplateEditorDialog(context, load_template(context.db, world.template_id))
    qtbot.addWidget(editor)
    assert editor.sum_label.text() == "Σ = 100 ✓"
    dialog = editor.open_ahp()
    qtbot.addWidget(dialog)
    assert isinstance(dialog, AhpDialog)
    # 1 ≫ 2 ≫ 3 ≫ 1: contradictory → CR far above 0.10, warning shown.
    dialog.set_judgement(0, 1, 9)
    dialog.set_judgement(1, 2, 9)
    dialog.set_judgement(0, 2, 1 / 9)
    assert "Warning: CR is above 0.10" in dialog.result_label.text()
    # A consistent set: 1 is 2× as important as 2, 2 is 2× 3, and the rest equal to 3.
    for (i, j), v in {(0, 1): 2, (1, 2): 2, (0, 2): 4, (0, 3): 4, (1, 3): 2, (2, 3): 1}.items():
        dialog.set_judgement(i, j, v)
    assert "Warning" not in dialog.result_label.text()
    assert dialog.cr == pytest.approx(0.0, abs=1e-6)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert editor.weights() == pytest.approx([50.0, 25.0, 12.5, 12.5], abs=0.05)
    assert editor.sum_label.text() == "Σ = 100 ✓"


def test_evidence_tickets_go_to_the_tickets_page_others_to_a_dialog(
        qtbot, context: PageContext, world: World) -> None:  # type: ignore[no-untyped-def]
    run_evaluation(context.db, world.template_id, "2026Q3", [world.vendors["A"]], "lead", now=NOW)
    row = list_evaluations(context.db, world.template_id)[0]
    detail = evaluation_detail(context.db, row.id)
    page = ScorecardsPage(context)
    qtbot.addWidget(page)
    on_time = next(c for c in detail.criteria if c.name == "On-time")
    dialog = open_evidence(page, context, detail, on_time.criterion_id)
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 1 and dialog.list.item(0).text().startswith("Vendor metric row #")
    dialog.close()
    # A ticket criterion's evidence is handed to the Tickets page through the bus.
    from dataclasses import replace

    fake = replace(detail, criteria=tuple(
        replace(c, evidence={"tickets": [5, 7], "ticket_count": 2}) if c is on_time else c
        for c in detail.criteria))
    with qtbot.waitSignal(context.bus.open_tickets) as blocker:
        assert open_evidence(page, context, fake, on_time.criterion_id) is None
    selection = blocker.args[0]
    assert np.array_equal(selection.ids, [5, 7]) and "On-time" in selection.label


def test_comparison_and_sensitivity_views(qtbot, context: PageContext, world: World) -> None:  # type: ignore[no-untyped-def]
    run_evaluation(context.db, world.template_id, "2026Q3", list(world.vendors.values()), "lead",
                   now=NOW)
    page = ScorecardsPage(context)
    qtbot.addWidget(page)
    page.period.setCurrentText("2026Q3")
    assert len(page.rows) == 3
    page.tabs.setCurrentWidget(page.comparison)
    page.comparison.set_checked([page.rows[0].id])
    assert page.comparison.table.columnCount() == 0  # one vendor is not a comparison
    page.comparison.set_checked([r.id for r in page.rows])
    table = page.comparison.table
    assert table.columnCount() == 3
    on_time = [table.item(0, c).text() for c in range(3)]
    colours = {table.item(0, c).background().color().name() for c in range(3)}
    assert "#d7f0dd" in colours and "#f8d7da" in colours  # best green, worst red
    assert sorted(on_time) == ["25.0", "50.0", "75.0"]
    assert table.item(0, 0).font().bold()  # 50 points apart
    assert len(page.comparison.radar.series) == 3
    xs, ys = page.comparison.radar.series[0].getData()
    assert len(xs) == 5 and xs[0] == xs[-1] and ys[0] == ys[-1]  # 4 spokes, closed

    page.tabs.setCurrentWidget(page.sensitivity)
    sens = page.sensitivity
    assert sens.table.rowCount() == 4 and sens.table.columnCount() == 4
    assert sens.baseline.text().startswith("Current order:")
    assert sens.tipping.text()


def test_ticket_filter_text_round_trip() -> None:
    from widgets.scorecards.template_editor import filter_text, parse_filter

    f = {"priorities": ["P1", "P2"], "complaints_only": True}
    assert filter_text(f) == "priorities=P1,P2; complaints"
    assert parse_filter("priorities=P1,P2; complaints") == f
    assert parse_filter("") is None
    with pytest.raises(ValueError, match="unknown ticket filter"):
        parse_filter("colour=red")


def test_a_run_reuses_the_store_the_dashboard_loaded(qtbot, context: PageContext,  # type: ignore[no-untyped-def]
                                                      world: World) -> None:
    from widgets.dashboard.store_holder import store_holder
    from widgets.scorecards.shared_store import shared_store

    holder = store_holder(context)
    try:
        assert shared_store(context)[0] is None
        with qtbot.waitSignal(holder.loaded, timeout=20_000):
            holder.ensure_loaded()
        assert shared_store(context)[0] is holder.store
        page = ScorecardsPage(context)
        qtbot.addWidget(page)
        page.run("2026Q3", list(world.vendors.values()))
        qtbot.waitUntil(lambda: len(page.rows) == 3, timeout=20_000)
        assert "Evaluated 3 vendors" in page.message.text()
    finally:
        holder.close()


def test_open_vendor_asks_for_the_vendors_page_then_the_vendor(qtbot, context: PageContext,  # type: ignore[no-untyped-def]
                                                               world: World) -> None:
    run_evaluation(context.db, world.template_id, "2026Q3", [world.vendors["B"]], "lead", now=NOW)
    page = ScorecardsPage(context)
    qtbot.addWidget(page)
    page.show_evaluation(page.rows[0].id)
    seen: list[object] = []
    context.bus.open_page.connect(seen.append)
    context.bus.open_vendor.connect(seen.append)
    page.open_vendor_button.click()
    assert seen == ["vendors", world.vendors["B"]]


def test_five_evaluators_show_the_dropped_ratings(qtbot, context: PageContext,  # type: ignore[no-untyped-def]
                                                  world: World) -> None:
    from models.scorecards.evaluations import set_rating

    run_evaluation(context.db, world.template_id, "2026Q3", [world.vendors["A"]], "lead", now=NOW)
    eid = list_evaluations(context.db, world.template_id)[0].id
    for name, rating in (("a", 60), ("b", 70), ("c", 80), ("d", 90), ("e", 100)):
        set_rating(context.db, eid, world.criteria["Attitude"], name, rating, None, name)
    page = ScorecardsPage(context)
    qtbot.addWidget(page)
    page.show_evaluation(eid)
    view = page.scorecard
    trimmed = {view.ratings.item(r, 1).text(): view.ratings.item(r, 4).text()
               for r in range(view.ratings.rowCount())}
    assert trimmed == {"a": "dropped (lowest)", "b": "", "c": "", "d": "",
                       "e": "dropped (highest)"}
    attitude = next(r for r in range(view.table.rowCount())
                    if view.table.item(r, 0).text() == "Attitude")
    assert view.table.item(attitude, 3).text() == "80.00"  # mean of 70, 80, 90
    assert "highest and lowest dropped" in view.table.item(attitude, 6).text()
