"""Fill an inspection by keyboard only, attach a photo, submit and see the score."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from models.checklists.inspections import get_inspection, start_inspection
from models.checklists.templates import create_template, load_spec
from models.orm.checklists import InspectionStatus
from tests.models.checklists.conftest import make_sites, small_spec
from widgets.common.context import PageContext
from widgets.inspections.fill_window import FillWindow


def png(tmp_path: Path, colour: str = "#8a6d3b", name: str = "dirty_table.png") -> Path:
    image = QImage(320, 200, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    path = tmp_path / name
    assert image.save(str(path))
    return path


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_fill_by_keyboard_attach_photo_and_submit(qtbot, context: PageContext,
                                                  tmp_path: Path) -> None:
    db = context.db
    t = load_spec(db, create_template(db, small_spec()))
    uuid = start_inspection(db, t.id, make_sites(db)[0], "Ann", t.kind)
    window = FillWindow(db, context.bus, uuid)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    window.activateWindow()
    window.setFocus()
    qtbot.waitExposed(window)
    ids = [i.id for i in t.items()]

    qtbot.keyClick(window, Qt.Key.Key_Y)  # greeted: yes → moves on
    qtbot.waitUntil(lambda: window.current == 1)
    qtbot.keyClick(window, Qt.Key.Key_N)  # clean: no (needs evidence)
    qtbot.waitUntil(lambda: window.current == 2)
    qtbot.keyClick(window, Qt.Key.Key_Right)  # scale: → starts at 3
    qtbot.keyClick(window, Qt.Key.Key_Right)  # → 4
    qtbot.keyClick(window, Qt.Key.Key_Down)
    assert window.current == 3
    qtbot.keyClick(window, Qt.Key.Key_4)  # stopwatch item: digits start the number
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_5)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # saves, next item
    assert window.current == 4
    qtbot.keyClick(window, Qt.Key.Key_1)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    assert window.current == 5
    qtbot.keyClick(window, Qt.Key.Key_A)  # comments: N/A
    qtbot.waitUntil(lambda: window.current == 6)
    state = get_inspection(db, uuid)
    assert state.answers[ids[0]].choice == "yes" and state.answers[ids[1]].choice == "no"
    assert state.answers[ids[2]].scale == 4 and state.answers[ids[3]].number == 45
    assert state.answers[ids[4]].number == 1 and state.answers[ids[5]].choice == "na"
    assert state.current_item_id == ids[6]

    window.submit()  # blocked: no evidence for "clean", no photo
    qtbot.waitUntil(lambda: window.current == 1)
    box = next(w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not window)
    box.close()
    window.attach_photos(ids[6], [png(tmp_path)])
    window.attach_photos(ids[1], [png(tmp_path, "#445566", "floor.png")])
    assert window.progress.value() == 7
    window.submit()
    qtbot.waitUntil(lambda: window.state.status is InspectionStatus.SUBMITTED)
    dialog = window.result_dialog
    assert "64.3" in dialog.browser.toPlainText() and not dialog.result.passed
    assert len(dialog.result.critical_failures) == 1
    dialog.close()
    assert not window.cards[0].buttons["yes"].isEnabled()  # read-only now
    window.close()


@pytest.mark.parametrize("resume_at", [3])
def test_reopening_resumes_where_it_stopped(qtbot, context: PageContext, resume_at: int) -> None:
    db = context.db
    t = load_spec(db, create_template(db, small_spec()))
    uuid = start_inspection(db, t.id, None, "Ann", t.kind)
    first = FillWindow(db, context.bus, uuid)
    qtbot.addWidget(first)
    first.go_to(resume_at)
    first.close()
    again = FillWindow(db, context.bus, uuid)
    qtbot.addWidget(again)
    assert again.current == resume_at
