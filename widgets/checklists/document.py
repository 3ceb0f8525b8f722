"""The template being designed, with undo/redo.

Every edit replaces the whole :class:`TemplateSpec` (it is small and immutable) through a
``QUndoCommand`` that remembers the spec before and after, so undo and redo are exact.
Consecutive edits of the same field merge into one undo step. A selection is a
``(section, item)`` pair of indexes, ``item`` being ``None`` for the section itself.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from models.checklists.spec import ItemSpec, SectionSpec, TemplateSpec

Selection = tuple[int, int | None]
MERGE_ID = 1


class SpecCommand(QUndoCommand):
    """Replace the document's spec; ``merge_key`` lets repeated edits of one field merge."""

    def __init__(self, document: TemplateDocument, after: TemplateSpec, text: str,
                 selection: Selection | None, merge_key: str | None = None) -> None:
        super().__init__(text)
        self.document, self.before, self.after = document, document.spec, after
        self.selection_before, self.selection = document.selection, selection
        self.merge_key = merge_key

    def id(self) -> int:
        return MERGE_ID if self.merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if isinstance(other, SpecCommand) and other.merge_key == self.merge_key:
            self.after, self.selection = other.after, other.selection
            return True
        return False

    def redo(self) -> None:
        self.document.apply(self.after, self.selection)

    def undo(self) -> None:
        self.document.apply(self.before, self.selection_before)


def _replace_sections(spec: TemplateSpec, sections: list[SectionSpec]) -> TemplateSpec:
    return dataclasses.replace(spec, sections=tuple(sections))


class TemplateDocument(QObject):
    """``changed`` after every edit, undo or redo (the content); ``selection_changed``
    when the selected section/item changes, by an edit or by :meth:`select`."""

    changed = Signal()
    selection_changed = Signal()

    def __init__(self, spec: TemplateSpec, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.selection: Selection | None = (0, None) if spec.sections else None
        self.stack = QUndoStack(self)

    # -- state --------------------------------------------------------------------------
    def load(self, spec: TemplateSpec) -> None:
        """Start over with ``spec`` (a stored version): empty history, clean."""
        self.stack.clear()
        self.apply(spec, (0, None) if spec.sections else None)
        self.stack.setClean()

    def apply(self, spec: TemplateSpec, selection: Selection | None) -> None:
        moved = selection != self.selection
        self.spec, self.selection = spec, selection
        self.changed.emit()
        if moved:
            self.selection_changed.emit()

    def select(self, selection: Selection | None) -> None:
        """Select a section ``(s, None)`` or an item ``(s, i)`` without editing anything."""
        if selection != self.selection:
            self.selection = selection
            self.selection_changed.emit()

    def push(self, after: TemplateSpec, text: str, selection: Selection | None = None,
             merge_key: str | None = None) -> None:
        if after == self.spec:
            return
        chosen = self.selection if selection is None else selection
        self.stack.push(SpecCommand(self, after, text, chosen, merge_key))

    def item(self, selection: Selection) -> ItemSpec | None:
        s, i = selection
        return None if i is None else self.spec.sections[s].items[i]

    # -- edits --------------------------------------------------------------------------
    def set_meta(self, field: str, value: object) -> None:
        self.push(dataclasses.replace(self.spec, **{field: value}), self.tr("Edit %1")
                  .replace("%1", field), merge_key=f"meta:{field}")

    def set_section_title(self, s: int, title: str) -> None:
        sections = list(self.spec.sections)
        sections[s] = dataclasses.replace(sections[s], title=title)
        self.push(_replace_sections(self.spec, sections), self.tr("Rename section"), (s, None),
                  merge_key=f"section:{s}")

    def set_item(self, s: int, i: int, field: str, value: object) -> None:
        sections = list(self.spec.sections)
        items = list(sections[s].items)
        items[i] = dataclasses.replace(items[i], **{field: value})
        sections[s] = dataclasses.replace(sections[s], items=tuple(items))
        self.push(_replace_sections(self.spec, sections), self.tr("Edit item"), (s, i),
                  merge_key=f"item:{s}:{i}:{field}")

    def add_section(self) -> None:
        sections = list(self.spec.sections)
        at = len(sections) if self.selection is None else self.selection[0] + 1
        sections.insert(at, SectionSpec(self.tr("New section")))
        self.push(_replace_sections(self.spec, sections), self.tr("Add section"), (at, None))

    def add_item(self) -> None:
        if not self.spec.sections:
            self.add_section()
        s, i = self.selection or (len(self.spec.sections) - 1, None)
        sections = list(self.spec.sections)
        items = list(sections[s].items)
        at = len(items) if i is None else i + 1
        items.insert(at, ItemSpec(self.tr("New item")))
        sections[s] = dataclasses.replace(sections[s], items=tuple(items))
        self.push(_replace_sections(self.spec, sections), self.tr("Add item"), (s, at))

    def duplicate(self) -> None:
        if self.selection is None:
            return
        s, i = self.selection
        sections = list(self.spec.sections)
        if i is None:
            copy = dataclasses.replace(sections[s], id=None, items=tuple(
                dataclasses.replace(x, id=None) for x in sections[s].items))
            sections.insert(s + 1, copy)
            selection: Selection = (s + 1, None)
        else:
            items = list(sections[s].items)
            items.insert(i + 1, dataclasses.replace(items[i], id=None))
            sections[s] = dataclasses.replace(sections[s], items=tuple(items))
            selection = (s, i + 1)
        self.push(_replace_sections(self.spec, sections), self.tr("Duplicate"), selection)

    def delete(self) -> None:
        if self.selection is None:
            return
        s, i = self.selection
        sections = list(self.spec.sections)
        if i is None:
            del sections[s]
            selection: Selection | None = (min(s, len(sections) - 1), None) if sections else None
        else:
            items = list(sections[s].items)
            del items[i]
            sections[s] = dataclasses.replace(sections[s], items=tuple(items))
            selection = (s, min(i, len(items) - 1)) if items else (s, None)
        self.push(_replace_sections(self.spec, sections), self.tr("Delete"), selection)

    def move(self, source: Selection, target: Selection) -> None:
        """Move a section to section index ``target[0]``, or an item to position
        ``target[1]`` of section ``target[0]`` (indexes after removal of the source)."""
        sections = list(self.spec.sections)
        s, i = source
        if i is None:
            section = sections.pop(s)
            at = max(0, min(len(sections), target[0]))
            sections.insert(at, section)
            selection: Selection = (at, None)
        else:
            items = list(sections[s].items)
            item = items.pop(i)
            sections[s] = dataclasses.replace(sections[s], items=tuple(items))
            ts = max(0, min(len(sections) - 1, target[0]))
            titems = list(sections[ts].items)
            at = len(titems) if target[1] is None else max(0, min(len(titems), target[1]))
            titems.insert(at, item)
            sections[ts] = dataclasses.replace(sections[ts], items=tuple(titems))
            selection = (ts, at)
        if selection != source:
            self.push(_replace_sections(self.spec, sections), self.tr("Move"), selection)

    def move_by(self, delta: int) -> None:
        """Move the selection one place up (−1) or down (+1) within its list."""
        if self.selection is None:
            return
        s, i = self.selection
        if i is None:
            self.move((s, None), (s + delta, None))
        elif 0 <= i + delta < len(self.spec.sections[s].items):
            self.move((s, i), (s, i + delta))
