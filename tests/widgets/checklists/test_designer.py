"""Designing a checklist: sections and items, every property, undo/redo, reorder, save,
versioning and xlsx import/export."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView

from models.checklists.inspections import start_inspection
from models.checklists.template_xlsx import read_template_xlsx, write_template_xlsx
from models.checklists.templates import list_versions, load_spec
from models.orm.checklists import AnswerType
from tests.models.checklists.conftest import small_spec
from widgets.checklists.page import ChecklistsPage
from widgets.common.context import PageContext

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # offscreen platform


def test_design_undo_redo_and_save(qtbot, context: PageContext) -> None:
    page = ChecklistsPage(context)
    qtbot.addWidget(page)
    page.show()
    doc = page.document
    page.editor.show_template()
    qtbot.keyClicks(page.editor.code, "FD-1")
    page.editor.code.setText("")  # replace the default code by typing it
    qtbot.keyClicks(page.editor.code, "FD-1")
    assert doc.spec.code == "FD-1" and page.editor.currentIndex() == 0
    page.add_section_action.trigger()
    assert len(doc.spec.sections) == 2 and doc.selection == (1, None)
    qtbot.keyClicks(page.editor.section_title, " arrival")
    page.add_item_action.trigger()
    page.editor.text.selectAll()
    qtbot.keyClicks(page.editor.text, "Waiting time at the counter (s)")
    page.editor.answer_type.setCurrentIndex(page.editor.answer_type.findData("stopwatch"))
    page.editor.answer_type.activated.emit(page.editor.answer_type.currentIndex())
    page.editor.threshold.setValue(120)
    page.editor.lower_is_better.setChecked(True)
    page.editor.weight.setValue(2)
    page.editor.critical.setChecked(True)
    item = doc.spec.sections[1].items[0]
    assert (item.text, item.answer_type, item.threshold, item.lower_is_better, item.weight,
            item.critical) == ("Waiting time at the counter (s)", AnswerType.STOPWATCH, 120.0,
                               True, 2.0, True)
    qtbot.waitUntil(lambda: "Maximum score: 3 points" in page.preview.summary.text())
    assert len(page.preview.cards) == 2

    # undo/redo with the standard keys; typing a text merged into one step
    page.outline.setFocus()
    qtbot.keyClick(page.outline, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not doc.spec.sections[1].items[0].critical
    qtbot.keyClick(page.outline, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert doc.spec.sections[1].items[0].weight == 1.0
    qtbot.keyClick(page.outline, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(page.outline, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert doc.spec.sections[1].items[0].critical

    page.duplicate_action.trigger()
    assert len(doc.spec.sections[1].items) == 2 and doc.selection == (1, 1)
    page.delete_action.trigger()
    assert len(doc.spec.sections[1].items) == 1
    assert page.save()
    versions = list_versions(context.db, "FD-1")
    assert [v.revision for v in versions] == [1]
    assert load_spec(context.db, versions[0].id).items()[1].threshold == 120
    assert doc.stack.isClean() and page.versions.topLevelItemCount() == 1

    # once an inspection uses it, saving publishes version 2 and keeps version 1
    start_inspection(context.db, versions[0].id, None, "Ann", doc.spec.kind)
    page.editor.show_template()
    page.editor.pass_score.setValue(85)
    assert page.save()
    assert [v.revision for v in list_versions(context.db, "FD-1")] == [2, 1]
    assert load_spec(context.db, versions[0].id).pass_score == 80
    assert page.versions.topLevelItem(0).childCount() == 2


def test_drag_and_drop_reorders(qtbot, context: PageContext) -> None:
    page = ChecklistsPage(context)
    qtbot.addWidget(page)
    page.document.load(small_spec())
    tree, doc = page.outline, page.document
    section_b = tree.topLevelItem(1)
    first_a = tree.topLevelItem(0).child(0)
    below = QAbstractItemView.DropIndicatorPosition.BelowItem
    # item "greeted" (A, 0) dragged below "wait" (B, 0)
    target = tree.drop_target((0, 0), section_b.child(0), below)
    assert target == (1, 1)
    doc.move((0, 0), target)
    assert [i.text for i in doc.spec.sections[1].items][:2] == ["wait (s)", "greeted"]
    # section B dragged above section A
    above = QAbstractItemView.DropIndicatorPosition.AboveItem
    doc.move((1, None), tree.drop_target((1, None), tree.topLevelItem(0), above))
    assert [s.title for s in doc.spec.sections] == ["B", "A"]
    doc.stack.undo()
    doc.stack.undo()
    assert doc.spec == small_spec()
    assert first_a is not None
    # keyboard alternative
    page.outline.setCurrentItem(page.outline.topLevelItem(0).child(0))
    assert doc.selection == (0, 0)
    page.down_action.trigger()
    assert [i.text for i in doc.spec.sections[0].items][:2] == ["clean", "greeted"]


def test_xlsx_import_export(qtbot, context: PageContext, tmp_path: Path) -> None:
    path = write_template_xlsx(small_spec("XL"), tmp_path / "t.xlsx")
    page = ChecklistsPage(context)
    qtbot.addWidget(page)
    page.import_xlsx(path)
    assert page.document.spec.code == "XL" and not page.document.stack.isClean()
    assert page.save()
    out = tmp_path / "out.xlsx"
    write_template_xlsx(page.document.spec, out)
    assert read_template_xlsx(out).fingerprint() == small_spec("XL").fingerprint()
    assert page.export_table(tmp_path / "versions.xlsx").exists()
