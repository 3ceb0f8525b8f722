"""Walkthrough 2 on the Scorecards page: a template is created, two evaluators rate,
the round is finalised and becomes read-only, and the audit log shows it all."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from models.scorecards.queries import list_evaluations
from models.scorecards.templates import CriterionDraft
from tests.models.scorecards.conftest import World
from widgets.common.context import PageContext
from widgets.scorecards.page import ScorecardsPage

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # offscreen plugin, dialogs


def _create_template(qtbot, page: ScorecardsPage) -> int:  # type: ignore[no-untyped-def]
    dialog = page.open_template_editor(new=True)
    qtbot.addWidget(dialog)
    dialog.code.setText("Q-EVAL")
    dialog.name.setText("Quarterly evaluation")
    dialog.add_criterion(CriterionDraft("On-time", 40, "vendor_metric", "on_time_rate_pct",
                                        worst=80, best=100))
    dialog.add_criterion(CriterionDraft("Price", 20, "vendor_metric", "price_index",
                                        normalisation="bands",
                                        bands=({"min": 0, "score": 100},
                                               {"min": 100, "score": 50})))
    dialog.add_criterion(CriterionDraft("Attitude", 30, "manual", worst=0, best=100))
    assert "weights must sum to 100" in dialog.sum_label.text()
    dialog.save()
    assert "weights sum to 90, not 100" in dialog.error_label.text()
    dialog.set_weight(2, 40)
    assert dialog.sum_label.text() == "Σ = 100 ✓"
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.saved is not None and dialog.saved.id is not None
    qtbot.waitUntil(lambda: page.template_id() == dialog.saved.id)
    return dialog.saved.id


def test_template_ratings_final_read_only_and_audit(qtbot, context: PageContext, world: World,
                                                    tmp_path: Path, artifacts: Path) -> None:  # type: ignore[no-untyped-def]
    page = ScorecardsPage(context)
    qtbot.addWidget(page)
    page.resize(1280, 820)
    page.show()
    tid = _create_template(qtbot, page)

    run = page.open_run_dialog()
    assert run is not None
    qtbot.addWidget(run)
    run.set_period("2026Q3")
    assert run.period().label == "2026Q3"
    assert len(run.vendor_ids()) == 3
    run.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: len(page.rows) == 3, timeout=20_000)
    assert page.period.currentText() == "2026Q3"

    a = next(r for r in page.rows if r.vendor_code == "A")
    page.show_evaluation(a.id)
    view = page.scorecard
    assert view.detail is not None and view.detail.evaluation.id == a.id
    for evaluator, rating, comment in (("Wang Fang", 80, "on time, tidy"),
                                       ("Li Na", 90, "very polite")):
        view.evaluator.setText(evaluator)
        view.rating.setValue(rating)
        view.comment.setText(comment)
        view.save_rating.click()
        assert view.error.text() == ""
    assert view.ratings.rowCount() == 2
    assert view.detail.evaluation.total is not None
    # A: on-time (95-80)/20 = 75, price 98 → 100, attitude 85
    # → (40*75 + 20*100 + 40*85)/100 = 84 → B
    assert abs(view.detail.evaluation.total - 84.0) < 1e-6
    assert view.detail.evaluation.grade == "B"
    assert len(view.radar.series) == 1
    page.grab().save(str(artifacts / "scorecards-page-draft.png"))

    box = page.ask_mark_final()
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: all(r.final for r in page.rows))
    assert all(r.final for r in list_evaluations(context.db, tid))
    page.show_evaluation(a.id)
    assert view.read_only
    assert not view.save_rating.isEnabled() and not view.serious.isEnabled()
    assert not page.final_button.isEnabled()
    assert view.rate(view.criterion.currentData(), "Wang Fang", 10, "") is False
    assert "final and read-only" in view.error.text()
    assert "Final" in view.header.text()

    page.tabs.setCurrentWidget(page.audit)
    texts = page.audit.texts()
    fields = {row[4] for row in texts}
    assert any(f.startswith("rating Wang Fang") for f in fields)
    assert any(f.startswith("rating Li Na") for f in fields)
    assert any(row[4] == "status" and row[5] == "draft" and row[6] == "final" for row in texts)
    assert any(row[4] == "On-time.weight" or row[3].startswith("Quarterly") for row in texts)

    assert page.export_xlsx_to(tmp_path / "x.xlsx") == tmp_path / "x.xlsx"
    pdf = page.export_pdf_to(tmp_path / "x.pdf")
    assert pdf is not None and pdf.read_bytes().startswith(b"%PDF")
    assert b"FontFile" in pdf.read_bytes()  # the font is embedded, not referenced
    manifest = page.export_pack_to(tmp_path / "pack")
    assert manifest is not None and manifest.name == "manifest.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    assert data["final"] is True and len(data["files"]) == 2
    for f in data["files"]:
        content = (manifest.parent / f["name"]).read_bytes()
        assert hashlib.sha256(content).hexdigest() == f["sha256"]
