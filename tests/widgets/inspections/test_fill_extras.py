"""The stopwatch fills its item, photos can be dropped, corrections record who and why."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QDialogButtonBox

from models.checklists.inspections import (
    get_inspection,
    start_correction,
    start_inspection,
    submit_inspection,
)
from models.checklists.templates import create_template, load_spec
from tests.models.checklists.conftest import small_spec
from tests.models.checklists.test_inspections import fill
from tests.widgets.inspections.test_fill import png
from widgets.common.context import PageContext
from widgets.inspections.correction_dialog import CorrectionDialog
from widgets.inspections.fill_window import FillWindow
from widgets.inspections.page import InspectionsPage


@pytest.fixture
def window(qtbot, context: PageContext) -> FillWindow:
    t = load_spec(context.db, create_template(context.db, small_spec()))
    uuid = start_inspection(context.db, t.id, None, "Ann", t.kind)
    w = FillWindow(context.db, context.bus, uuid)
    qtbot.addWidget(w)
    return w


def test_stopwatch_reading_is_saved(qtbot, window: FillWindow) -> None:
    window.go_to(3)  # the stopwatch item
    card = window.current_card()
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert card.stopwatch.running
    qtbot.waitUntil(lambda: card.stopwatch.elapsed_s() >= 0.2)
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert not card.stopwatch.running
    saved = get_inspection(window.db, window.uuid).answers[card.item_id].number
    assert saved is not None and saved >= 0.2
    assert card.value_edit.text() == f"{saved:g}"


def test_dropped_photo_is_attached(qtbot, window: FillWindow, tmp_path: Path) -> None:
    card = window.cards[6]
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(png(tmp_path))),
                  QUrl.fromLocalFile(str(tmp_path / "notes.txt"))])
    event = QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    card.dropEvent(event)
    state = get_inspection(window.db, window.uuid)
    assert [p.file_name for p in state.photos] == ["dirty_table.png"]
    assert card.thumbs.count() == 1 and window.progress.value() == 1


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_correction_dialog_and_revision(qtbot, context: PageContext) -> None:
    dialog = CorrectionDialog("")
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    qtbot.keyClicks(dialog.who, "Supervisor Li")
    qtbot.keyClicks(dialog.why, "tills were 2")
    assert ok.isEnabled() and dialog.values() == ("Supervisor Li", "tills were 2")

    t = load_spec(context.db, create_template(context.db, small_spec()))
    uuid = start_inspection(context.db, t.id, None, "Ann", t.kind)
    fill(context.db, uuid, t)
    submit_inspection(context.db, uuid)
    page = InspectionsPage(context, full_screen=False)
    qtbot.addWidget(page)
    viewer = page.open_inspection(uuid)
    assert viewer is not None and viewer.correct_button.isVisibleTo(viewer)
    assert not viewer.submit_button.isVisibleTo(viewer)
    viewer.close()
    new = start_correction(context.db, uuid, *dialog.values())
    form = page.open_inspection(new)
    assert form is not None and "Supervisor Li" in form.banner.text()
    form.close()


def test_numbers_in_seconds_get_a_stopwatch() -> None:
    from models.checklists.spec import ItemSpec
    from models.orm.checklists import AnswerType
    from widgets.inspections.item_card import timed

    assert timed(ItemSpec("greeted within 60 s", AnswerType.NUMBER, unit="秒", threshold=60))
    assert timed(ItemSpec("wait", AnswerType.STOPWATCH))
    assert not timed(ItemSpec("tills", AnswerType.NUMBER, unit="tills"))
