"""The on-site fill form: full screen, touch and keyboard, every answer saved at once.

Keys (when no text field has the focus): ``Y`` yes, ``N`` no, ``A`` N/A, ``1``–``5``
scale, ``←``/``→`` scale down/up, ``↑``/``↓`` previous/next item, ``Page Up/Down``
previous/next section, ``Ctrl+↓`` next unanswered item, ``Enter`` edits the value of a
number or text item (Enter again saves and moves on), ``Space`` starts/stops the
stopwatch, digits start typing a number. ``Esc`` leaves a text field.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from models.checklists import inspections as ops
from models.checklists.scoring import AnswerValue, is_answered
from models.checklists.templates import load_spec
from models.db import Database
from widgets.common.context import DataBus
from widgets.inspections.correction_dialog import ask_correction
from widgets.inspections.fill_style import FILL_QSS
from widgets.inspections.item_card import ItemCard
from widgets.inspections.photos import load_photo, thumbnail_pixmaps
from widgets.inspections.report_html import dimension_label, kind_label, score_text
from widgets.inspections.results_dialog import ResultDialog, show_blockers
from widgets.inspections.stopwatch import TOUCH

KEY_CHOICES = {Qt.Key.Key_Y: "yes", Qt.Key.Key_N: "no", Qt.Key.Key_A: "na"}


class FillWindow(QWidget):
    """Fill (or view, once submitted) the inspection ``inspection_uuid``."""

    submitted = Signal(str)
    correction_started = Signal(str)

    def __init__(self, db: Database, bus: DataBus, inspection_uuid: str, user: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.db, self.bus, self.uuid, self.user = db, bus, inspection_uuid, user
        self.state = ops.get_inspection(db, inspection_uuid)
        if self.state.template_id is None:
            raise ValueError("this inspection was imported with its score only; it has no form")
        self.spec = load_spec(db, self.state.template_id)
        self.items = self.spec.items()
        self.answers: dict[int, AnswerValue] = dict(self.state.answers)
        self.setObjectName("fillWindow")
        self.setWindowTitle(self.tr("%1 — %2").replace("%1", self.spec.name)
                            .replace("%2", self.state.site_name or ""))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setStyleSheet(FILL_QSS)
        self.cards: list[ItemCard] = []
        self.current = 0
        self._stepping = False
        self._written = False  # other pages are told once, on close, not per answer
        self._build()
        self._load_photos()
        start = next((n for n, i in enumerate(self.items) if i.id == self.state.current_item_id),
                     None)
        if start is None:
            start = self._next_unanswered(-1) or 0
        self.set_read_only(self.state.read_only)
        self.go_to(start, save=False)
        self._refresh_progress()

    # -- layout -------------------------------------------------------------------------
    def _build(self) -> None:
        title = QLabel(f"<b>{self.spec.name}</b> — {self.state.site_name or ''}")
        title.setObjectName("fillTitle")
        info = QLabel(f"{self.state.inspector or ''} · {kind_label(self.state.kind)}")
        self.progress = QProgressBar()
        self.progress.setMinimumHeight(TOUCH // 2)
        self.progress.setAccessibleName(self.tr("Progress"))
        self.score_label = QLabel()
        self.banner = QLabel()
        self.banner.setObjectName("readOnlyBanner")
        self.banner.setWordWrap(True)
        self.sections = QListWidget()
        self.sections.setAccessibleName(self.tr("Sections"))
        self.sections.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.sections.setFixedWidth(260)
        self.sections.setWordWrap(True)
        self.sections.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.sections.itemClicked.connect(
            lambda it: self.go_to_section(self.sections.row(it)))
        body = QWidget()
        column = QVBoxLayout(body)
        self._section_cards: list[int] = []
        number = 0
        for section in self.spec.sections:
            header = QLabel(f"<h2>{section.title}</h2>")
            column.addWidget(header)
            self._section_cards.append(len(self.cards))
            for item in section.items:
                number += 1
                card = ItemCard(number, item, dimension_label(item.dimension))
                card.answered.connect(self._on_card_answered)
                card.note_edited.connect(self._on_card_note_edited)
                card.photos_dropped.connect(self._on_card_photos_dropped)
                card.photo_requested.connect(self._on_card_photo_requested)
                card.focused.connect(lambda item_id: self.go_to(self._index(item_id)))
                if item.id in self.answers:
                    card.set_answer(self.answers[item.id])
                for edit in card.findChildren(QLineEdit):
                    edit.installEventFilter(self)
                self.cards.append(card)
                column.addWidget(card)
        column.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(body)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        def button(text: str, name: str, slot: object, shortcut: str | None = None
                   ) -> QPushButton:
            b = QPushButton(text)
            b.setMinimumHeight(TOUCH)
            b.setAccessibleName(name)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.clicked.connect(slot)
            if shortcut:
                b.setToolTip(shortcut)
            return b

        self.prev_button = button(self.tr("◀ Previous"), self.tr("Previous item"),
                                  lambda: self.go_to(self.current - 1), "↑")
        self.next_button = button(self.tr("Next ▶"), self.tr("Next item"),
                                  lambda: self.go_to(self.current + 1), "↓")
        self.unanswered_button = button(self.tr("Next unanswered"),
                                        self.tr("Next unanswered item"),
                                        self.go_to_next_unanswered, "Ctrl+↓")
        self.submit_button = button(self.tr("Submit"), self.tr("Submit the inspection"),
                                    self.submit)
        self.submit_button.setObjectName("submitButton")
        self.correct_button = button(self.tr("Correct…"), self.tr("Start a correction"),
                                     self.start_correction)
        self.close_button = button(self.tr("Close"), self.tr("Close the form"), self.close)
        QShortcut(QKeySequence("Ctrl+Down"), self, self.go_to_next_unanswered)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Close), self, self.close)
        bottom = QHBoxLayout()
        for b in (self.prev_button, self.next_button, self.unanswered_button):
            bottom.addWidget(b)
        bottom.addStretch(1)
        for b in (self.correct_button, self.submit_button, self.close_button):
            bottom.addWidget(b)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addWidget(info)
        top.addStretch(1)
        top.addWidget(self.score_label)
        middle = QHBoxLayout()
        middle.addWidget(self.sections)
        middle.addWidget(self.scroll, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.progress)
        layout.addWidget(self.banner)
        layout.addLayout(middle, 1)
        layout.addLayout(bottom)

    # -- navigation ---------------------------------------------------------------------
    def _index(self, item_id: int) -> int:
        return next(n for n, i in enumerate(self.items) if i.id == item_id)

    def current_card(self) -> ItemCard:
        return self.cards[self.current]

    def go_to(self, index: int, *, save: bool = True) -> None:
        if not self.cards:
            return
        index = max(0, min(len(self.cards) - 1, index))
        self.cards[self.current].set_current(False)
        self.current = index
        card = self.cards[index]
        card.set_current(True)
        self.scroll.ensureWidgetVisible(card, 0, 40)
        section = max(n for n, first in enumerate(self._section_cards) if first <= index)
        self.sections.setCurrentRow(section)
        if save and not self.state.read_only:
            ops.set_current_item(self.db, self.uuid, card.item_id)

    def go_to_section(self, row: int) -> None:
        if 0 <= row < len(self._section_cards):
            self.go_to(self._section_cards[row])

    def _next_unanswered(self, after: int) -> int | None:
        order = list(range(after + 1, len(self.items))) + list(range(0, after + 1))
        return next((n for n in order
                     if not is_answered(self.items[n], self.answers.get(self.items[n].id))),
                    None)

    def go_to_next_unanswered(self) -> None:
        target = self._next_unanswered(self.current)
        if target is not None:
            self.go_to(target)

    # -- saving -------------------------------------------------------------------------
    def _save(self, action: object) -> bool:
        try:
            action()  # type: ignore[operator]
        except (ops.InspectionLocked, LookupError, ValueError, OSError) as exc:
            QMessageBox.warning(self, self.tr("Not saved"), str(exc))
            return False
        self._written = True
        return True

    def _merge(self, item_id: int, **changes: object) -> None:
        old = self.answers.get(item_id, AnswerValue())
        values = {**old.__dict__, **changes}
        self.answers[item_id] = AnswerValue(**values)  # type: ignore[arg-type]

    def _on_card_answered(self, item_id: int, value: AnswerValue) -> None:
        if self._save(lambda: ops.answer_item(self.db, self.uuid, item_id, choice=value.choice,
                                              scale=value.scale, number=value.number,
                                              text=value.text)):
            self._merge(item_id, choice=value.choice, scale=value.scale, number=value.number,
                        text=value.text)
            self._refresh_progress()
            index = self._index(item_id)
            if (index == self.current and not self._stepping
                    and (value.choice is not None or value.scale is not None)):
                QTimer.singleShot(0, lambda: self.go_to(index + 1))

    def _on_card_note_edited(self, item_id: int, note: str) -> None:
        if self._save(lambda: ops.set_note(self.db, self.uuid, item_id, note)):
            self._merge(item_id, note=note or None)
            self._refresh_progress()

    def _on_card_photo_requested(self, item_id: int) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Add photos"), "", self.tr("Images (*.png *.jpg *.jpeg *.bmp *.webp)"))
        if paths:
            self.attach_photos(item_id, [Path(p) for p in paths])

    def _on_card_photos_dropped(self, item_id: int, paths: list[str]) -> None:
        self.attach_photos(item_id, [Path(p) for p in paths])

    def attach_photos(self, item_id: int, paths: list[Path]) -> None:
        """Store image files for an item (checksum, thumbnail); refuses non-images."""
        for path in paths:
            try:
                content, thumbnail = load_photo(path)
            except (OSError, ValueError) as exc:
                QMessageBox.warning(self, self.tr("Photo not added"), str(exc))
                continue
            self._save(lambda p=path, c=content, t=thumbnail: ops.attach_photo(
                self.db, self.uuid, item_id, p.name, c, t))
        self._load_photos()
        self._refresh_progress()

    def _load_photos(self) -> None:
        self.state = ops.get_inspection(self.db, self.uuid)
        pixmaps = thumbnail_pixmaps(self.db, self.state.photos)
        for card in self.cards:
            mine = [pixmaps[p.id] for p in self.state.photos if p.item_id == card.item_id]
            card.set_photos(mine)
            self._merge(card.item_id, photos=len(mine))

    def _refresh_progress(self) -> None:
        done = sum(1 for i in self.items if is_answered(i, self.answers.get(i.id)))
        self.progress.setMaximum(max(1, len(self.items)))
        self.progress.setValue(done)
        self.progress.setFormat(self.tr("%1 of %2 answered").replace("%1", str(done))
                                .replace("%2", str(len(self.items))))
        result = ops.score_of(self.db, self.uuid)
        self.score_label.setText(self.tr("Score so far: %1").replace("%1",
                                                                      score_text(result.score)))
        for row, section in enumerate(self.spec.sections):
            answered = sum(1 for i in section.items if is_answered(i, self.answers.get(i.id)))
            mark = "✓" if answered == len(section.items) else f"{answered}/{len(section.items)}"
            text = f"{mark}   {section.title}"
            if self.sections.count() <= row:
                self.sections.addItem(text)
            else:
                self.sections.item(row).setText(text)

    # -- submit and correct -------------------------------------------------------------
    def set_read_only(self, read_only: bool) -> None:
        for card in self.cards:
            card.set_read_only(read_only)
        self.submit_button.setVisible(not read_only)
        self.unanswered_button.setVisible(not read_only)
        self.correct_button.setVisible(read_only)
        self.banner.setVisible(read_only or self.state.revised_by is not None)
        if read_only:
            self.banner.setText(self.tr("Submitted — read-only. Score %1. "
                                        "Use Correct… to record a corrected revision.")
                                .replace("%1", score_text(self.state.score)))
        elif self.state.revised_by:
            self.banner.setText(self.tr("Correction by %1: %2").replace(
                "%1", self.state.revised_by).replace("%2", self.state.revision_reason or ""))

    def submit(self) -> None:
        self._commit_edits()
        try:
            result = ops.submit_inspection(self.db, self.uuid)
        except ops.SubmissionBlocked as blocked:
            show_blockers(self, blocked.result)
            first = blocked.result.blockers[0].item_id
            self.go_to(self._index(first))
            return
        except ops.InspectionLocked as exc:
            QMessageBox.information(self, self.tr("Submit"), str(exc))
            return
        self.state = ops.get_inspection(self.db, self.uuid)
        self.set_read_only(True)
        self.bus.data_changed.emit({"inspections"})
        self.submitted.emit(self.uuid)
        self.result_dialog = ResultDialog(result, self)
        self.result_dialog.open()

    def start_correction(self) -> None:
        answer = ask_correction(self, self.user or self.state.inspector or "")
        if answer is None:
            return
        who, why = answer
        try:
            new_uuid = ops.start_correction(self.db, self.uuid, who, why)
        except ValueError as exc:
            QMessageBox.warning(self, self.tr("Correction"), str(exc))
            return
        self.bus.data_changed.emit({"inspections"})
        self.correction_started.emit(new_uuid)
        self.close()

    # -- keyboard -----------------------------------------------------------------------
    def _commit_edits(self) -> None:
        focus = QApplication.focusWidget()
        if isinstance(focus, QLineEdit) and self.isAncestorOf(focus):
            self.setFocus()  # editingFinished saves the field

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(watched, QLineEdit) and event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            if key == Qt.Key.Key_Escape:
                self.setFocus()
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Up, Qt.Key.Key_Down):
                self.setFocus()  # saves through editingFinished
                self.go_to(self.current + (-1 if key == Qt.Key.Key_Up else 1))
                return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, card = event.key(), self.current_card()
        ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if key in KEY_CHOICES and not ctrl:
            card.choose(KEY_CHOICES[key])
            return
        if Qt.Key.Key_1 <= key <= Qt.Key.Key_5 and card.choose(str(key - Qt.Key.Key_0)):
            return
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self._stepping = True  # adjusting a scale: stay on the item
            try:
                card.step_scale(-1 if key == Qt.Key.Key_Left else 1)
            finally:
                self._stepping = False
            return
        moves = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1}
        if key in moves and not ctrl:
            self.go_to(self.current + moves[key])
            return
        if key in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
            section = self.sections.currentRow() + (1 if key == Qt.Key.Key_PageDown else -1)
            self.go_to_section(section)
            return
        if key == Qt.Key.Key_Space and card.stopwatch is not None and card.stopwatch.isEnabled():
            card.stopwatch.toggle()
            return
        edit = card.value_edit
        if edit is not None and not edit.isReadOnly():
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                edit.setFocus()
                return
            if event.text() and (event.text().isdigit() or event.text() in ".-,"):
                edit.setFocus()
                edit.setText(event.text())
                return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._commit_edits()
        for card in self.cards:
            if card.stopwatch is not None and card.stopwatch.running:
                card.stopwatch.stop()  # the reading is saved like any answer
        if self._written:
            self._written = False
            self.bus.data_changed.emit({"inspections"})
        super().closeEvent(event)
