"""The template's outline: sections with their items, reordered by drag and drop."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem, QWidget

from models.orm.checklists import AnswerType
from widgets.checklists.document import Selection, TemplateDocument

ROLE = Qt.ItemDataRole.UserRole


_TYPE_LABELS = {
    AnswerType.YES_NO: QT_TRANSLATE_NOOP("AnswerTypes", "Yes / No"),
    AnswerType.SCALE: QT_TRANSLATE_NOOP("AnswerTypes", "Scale 1–5"),
    AnswerType.NUMBER: QT_TRANSLATE_NOOP("AnswerTypes", "Number"),
    AnswerType.TEXT: QT_TRANSLATE_NOOP("AnswerTypes", "Text"),
    AnswerType.PHOTO: QT_TRANSLATE_NOOP("AnswerTypes", "Photo"),
    AnswerType.STOPWATCH: QT_TRANSLATE_NOOP("AnswerTypes", "Stopwatch"),
}


def type_label(kind: AnswerType) -> str:
    """The translated name of an answer type."""
    return QCoreApplication.translate("AnswerTypes", _TYPE_LABELS[kind])


class OutlineTree(QTreeWidget):
    """Mirrors the document; selection and drops go back to it as commands."""

    def __init__(self, document: TemplateDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.setHeaderLabels([self.tr("Section / item"), self.tr("Type"), self.tr("Weight")])
        self.setAccessibleName(self.tr("Template outline"))
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setColumnWidth(0, 300)
        self._syncing = False
        document.changed.connect(self.rebuild)
        document.selection_changed.connect(self._on_document_selection_changed)
        self.currentItemChanged.connect(self._on_current_item_changed)
        self.rebuild()

    def rebuild(self) -> None:
        self._syncing = True
        self.clear()
        current = None
        for s, section in enumerate(self.document.spec.sections):
            top = QTreeWidgetItem([section.title, "", ""])
            top.setData(0, ROLE, (s, None))
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            top.setFlags(top.flags() | Qt.ItemFlag.ItemIsDropEnabled)
            self.addTopLevelItem(top)
            if self.document.selection == (s, None):
                current = top
            for i, item in enumerate(section.items):
                mark = "★ " if item.critical else ""
                child = QTreeWidgetItem([mark + item.text, type_label(item.answer_type),
                                         f"{item.weight:g}"])
                child.setData(0, ROLE, (s, i))
                child.setFlags(child.flags() & ~Qt.ItemFlag.ItemIsDropEnabled)
                top.addChild(child)
                if self.document.selection == (s, i):
                    current = child
        self.expandAll()
        if current is not None:
            self.setCurrentItem(current)
        self._syncing = False

    def _on_current_item_changed(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        if self._syncing or current is None:
            return
        self.document.select(current.data(0, ROLE))

    def _on_document_selection_changed(self) -> None:
        """Follow the document's selection without rebuilding (never inside a tree signal)."""
        wanted = self.document.selection
        for n in range(self.topLevelItemCount()):
            top = self.topLevelItem(n)
            for item in (top, *(top.child(c) for c in range(top.childCount()))):
                if item.data(0, ROLE) == wanted and self.currentItem() is not item:
                    self._syncing = True
                    self.setCurrentItem(item)
                    self._syncing = False
                    return

    def drop_target(self, source: Selection, target_item: QTreeWidgetItem | None,
                    position: QAbstractItemView.DropIndicatorPosition) -> Selection | None:
        """Where a dragged section/item lands, as indexes after removing the source."""
        if target_item is None:
            return (len(self.document.spec.sections), None) if source[1] is None else None
        ts, ti = target_item.data(0, ROLE)
        below = position == QAbstractItemView.DropIndicatorPosition.BelowItem
        if source[1] is None:  # a section moves among sections
            at = ts + (1 if below else 0)
            return (at - (1 if source[0] < at else 0), None)
        if ti is None:  # dropped on a section: first (on) or around it
            if position == QAbstractItemView.DropIndicatorPosition.OnItem:
                return (ts, 0)
            if below:
                return (ts, 0)
            return (ts - 1, None) if ts > 0 else (0, 0)
        at = ti + (1 if below else 0)
        if source[0] == ts and source[1] < at:
            at -= 1
        return (ts, at)

    def dropEvent(self, event: QDropEvent) -> None:
        dragged = self.currentItem()
        if dragged is None:
            event.ignore()
            return
        target_item = self.itemAt(event.position().toPoint())
        target = self.drop_target(dragged.data(0, ROLE), target_item, self.dropIndicatorPosition())
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()  # the document moves it; the tree is rebuilt from the document
        if target is not None:  # after the drag has finished, not inside it
            source = dragged.data(0, ROLE)
            QTimer.singleShot(0, lambda: self.document.move(source, target))
