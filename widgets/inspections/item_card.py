"""One checklist item in the fill form: big answer buttons, note, photos.

The card only shows and reports; the fill window saves. ``answered`` carries an
:class:`AnswerValue` the moment the inspector answers (a button, a number confirmed
with Enter or by leaving the field, a stopwatch stopped); ``note_edited`` and
``photos_dropped`` likewise.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDoubleValidator, QDragEnterEvent, QDropEvent, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.checklists.scoring import AnswerValue
from models.checklists.spec import ItemSpec
from models.orm.checklists import AnswerType, Choice
from widgets.inspections.stopwatch import TOUCH, StopwatchWidget

PHOTO_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp", ".gif", ".webp")
SECOND_UNITS = {"s", "sec", "secs", "second", "seconds", "秒", "秒钟"}


def timed(item: ItemSpec) -> bool:
    """Whether the item gets a stopwatch: stopwatch items and numbers measured in seconds."""
    if item.answer_type is AnswerType.STOPWATCH:
        return True
    unit = (item.unit or "").strip().lower()
    return item.answer_type is AnswerType.NUMBER and unit in SECOND_UNITS


def threshold_text(item: ItemSpec) -> str:
    """``≤ 60 s`` / ``≥ 2 tills`` for number items, empty without a threshold."""
    if item.threshold is None:
        return ""
    sign = "≤" if item.lower_is_better else "≥"
    return f"{sign} {item.threshold:g} {item.unit or ''}".strip()


class ItemCard(QFrame):
    """The controls for one item; ``read_only`` disables every input."""

    answered = Signal(int, object)  # item id, AnswerValue
    note_edited = Signal(int, str)
    photos_dropped = Signal(int, list)  # item id, list of file paths
    photo_requested = Signal(int)
    focused = Signal(int)

    def __init__(self, number: int, item: ItemSpec, dimension_label: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        assert item.id is not None
        self.item, self.item_id = item, item.id
        self.setObjectName("itemCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAcceptDrops(True)
        self._value = AnswerValue()
        self.buttons: dict[str, QPushButton] = {}
        self.group = QButtonGroup(self)
        self.value_edit: QLineEdit | None = None
        self.stopwatch: StopwatchWidget | None = None

        title = QLabel(f"<b>{number}.</b> {item.text}")
        title.setWordWrap(True)
        title.setObjectName("itemText")
        head = QHBoxLayout()
        head.addWidget(title, 1)
        if item.critical:
            badge = QLabel(self.tr("Critical"))
            badge.setObjectName("criticalBadge")
            head.addWidget(badge)
        if dimension_label:
            head.addWidget(QLabel(dimension_label))
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        if item.guidance:
            guidance = QLabel(item.guidance)
            guidance.setWordWrap(True)
            guidance.setObjectName("itemGuidance")
            layout.addWidget(guidance)
        controls = QHBoxLayout()
        self._build_controls(controls)
        controls.addStretch(1)
        layout.addLayout(controls)
        extras = QHBoxLayout()
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(
            self.tr("Note (required when it fails)") if item.evidence_on_fail
            else self.tr("Note"))
        self.note_edit.setAccessibleName(self.tr("Note"))
        self.note_edit.setMinimumHeight(TOUCH)
        self.note_edit.editingFinished.connect(self._on_note_edit_editing_finished)
        self.photo_button = QPushButton(self.tr("Add photo…"))
        self.photo_button.setAccessibleName(self.tr("Add a photo to this item"))
        self.photo_button.setMinimumHeight(TOUCH)
        self.photo_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.photo_button.clicked.connect(lambda: self.photo_requested.emit(self.item_id))
        self.thumbs = QHBoxLayout()
        extras.addWidget(self.note_edit, 1)
        extras.addWidget(self.photo_button)
        extras.addLayout(self.thumbs)
        layout.addLayout(extras)

    # -- construction -------------------------------------------------------------------
    def _button(self, key: str, text: str, accessible: str, width: int = 120) -> QPushButton:
        button = QPushButton(text)
        button.setCheckable(True)
        button.setMinimumSize(width, TOUCH + 4)
        button.setAccessibleName(accessible)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setObjectName("answerButton")
        button.setProperty("answer", key)
        self.group.addButton(button)
        self.buttons[key] = button
        return button

    def _build_controls(self, row: QHBoxLayout) -> None:
        kind = self.item.answer_type
        if kind is AnswerType.YES_NO:
            for key, text, name in (("yes", self.tr("Yes (Y)"), self.tr("Yes")),
                                    ("no", self.tr("No (N)"), self.tr("No"))):
                row.addWidget(self._button(key, text, name))
        elif kind is AnswerType.SCALE:
            for k in range(1, 6):
                row.addWidget(self._button(str(k), str(k), self.tr("Rating %1").replace(
                    "%1", str(k)), width=64))
        elif kind in (AnswerType.NUMBER, AnswerType.STOPWATCH, AnswerType.TEXT):
            edit = QLineEdit()
            edit.setMinimumHeight(TOUCH)
            edit.setAccessibleName(self.tr("Answer"))
            if kind is AnswerType.TEXT:
                edit.setMinimumWidth(360)
            else:
                edit.setValidator(QDoubleValidator(-1e9, 1e9, 3, edit))
                edit.setMaximumWidth(140)
            edit.editingFinished.connect(self._on_value_edit_editing_finished)
            self.value_edit = edit
            row.addWidget(edit)
            if kind is not AnswerType.TEXT:
                row.addWidget(QLabel(self.item.unit or ""))
                if hint := threshold_text(self.item):
                    row.addWidget(QLabel(self.tr("target %1").replace("%1", hint)))
            if timed(self.item):
                self.stopwatch = StopwatchWidget()
                self.stopwatch.reading_taken.connect(self._on_stopwatch_reading_taken)
                row.addWidget(self.stopwatch)
        else:  # photo items are answered by their photos
            row.addWidget(QLabel(self.tr("Attach a photo:")))
        if self.item.allow_na:
            row.addWidget(self._button("na", self.tr("N/A (A)"), self.tr("Not applicable")))
        for key, button in self.buttons.items():
            button.clicked.connect(lambda _c=False, k=key: self.choose(k))

    # -- answering ----------------------------------------------------------------------
    def choose(self, key: str) -> bool:
        """Answer with a button key ("yes", "no", "na", "1".."5"); False if not offered."""
        if key not in self.buttons or not self.buttons[key].isEnabled():
            return False
        if key == "na":
            value = AnswerValue(choice=Choice.NA)
        elif key in ("yes", "no"):
            value = AnswerValue(choice=Choice(key))
        else:
            value = AnswerValue(scale=int(key))
        self.set_answer(value)
        self.answered.emit(self.item_id, value)
        return True

    def step_scale(self, delta: int) -> bool:
        """Left/Right on a scale item: one point lower/higher (starting from 3)."""
        if self.item.answer_type is not AnswerType.SCALE:
            return False
        current = self._value.scale or (3 - delta)
        return self.choose(str(max(1, min(5, current + delta))))

    def _on_value_edit_editing_finished(self) -> None:
        assert self.value_edit is not None
        raw = self.value_edit.text().strip()
        if not raw:
            return
        if self.item.answer_type is AnswerType.TEXT:
            value = AnswerValue(text=raw)
            if value.text == self._value.text:
                return
        else:
            try:
                number = float(raw.replace(",", "."))
            except ValueError:
                return
            if number == self._value.number:
                return
            value = AnswerValue(number=number)
        self.set_answer(value)
        self.answered.emit(self.item_id, value)

    def _on_stopwatch_reading_taken(self, seconds: float) -> None:
        assert self.value_edit is not None
        self.value_edit.setText(f"{seconds:g}")
        self._on_value_edit_editing_finished()

    def _on_note_edit_editing_finished(self) -> None:
        text = self.note_edit.text().strip()
        if text != (self._value.note or ""):
            self._value = AnswerValue(self._value.choice, self._value.scale, self._value.number,
                                      self._value.text, text or None, self._value.photos)
            self.note_edited.emit(self.item_id, text)

    def set_answer(self, value: AnswerValue) -> None:
        """Show ``value`` without emitting anything."""
        note = value.note if value.note is not None else self._value.note
        self._value = AnswerValue(value.choice, value.scale, value.number, value.text, note,
                                  value.photos or self._value.photos)
        key = None
        if value.choice is not None:
            key = value.choice.value
        elif value.scale is not None:
            key = str(value.scale)
        self.group.setExclusive(False)
        for k, button in self.buttons.items():
            button.setChecked(k == key)
        self.group.setExclusive(True)
        if self.value_edit is not None:
            shown = value.text if value.text is not None else (
                f"{value.number:g}" if value.number is not None else "")
            if value.is_na:
                shown = ""
            self.value_edit.setText(shown or "")
        if note is not None and not self.note_edit.hasFocus():
            self.note_edit.setText(note)

    def set_photos(self, thumbnails: list[QPixmap]) -> None:
        while self.thumbs.count():
            widget = self.thumbs.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        for pixmap in thumbnails:
            label = QLabel()
            if pixmap.isNull():  # stored bytes that are no image Qt can show
                label.setText(self.tr("(photo)"))
            else:
                label.setPixmap(pixmap.scaled(TOUCH, TOUCH, Qt.AspectRatioMode.KeepAspectRatio,
                                              Qt.TransformationMode.SmoothTransformation))
            self.thumbs.addWidget(label)
        self._value = AnswerValue(self._value.choice, self._value.scale, self._value.number,
                                  self._value.text, self._value.note, len(thumbnails))

    def set_read_only(self, read_only: bool) -> None:
        for button in self.buttons.values():
            button.setEnabled(not read_only)
        for edit in (self.value_edit, self.note_edit):
            if edit is not None:
                edit.setReadOnly(read_only)
        self.photo_button.setEnabled(not read_only)
        if self.stopwatch is not None:
            self.stopwatch.setEnabled(not read_only)
        self.setAcceptDrops(not read_only)

    def set_current(self, current: bool) -> None:
        self.setProperty("current", current)
        self.style().unpolish(self)
        self.style().polish(self)

    # -- photos dropped from the file manager ---------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(u.isLocalFile() and u.toLocalFile().lower().endswith(PHOTO_SUFFIXES)
               for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls()
                 if u.isLocalFile() and u.toLocalFile().lower().endswith(PHOTO_SUFFIXES)]
        if paths:
            event.acceptProposedAction()
            self.photos_dropped.emit(self.item_id, paths)

    def mousePressEvent(self, event: object) -> None:
        self.focused.emit(self.item_id)
        super().mousePressEvent(event)  # type: ignore[arg-type]
