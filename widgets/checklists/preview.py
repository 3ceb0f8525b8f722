"""Live preview of the fill form and of the maximum score while a template is designed."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from widgets.checklists.document import TemplateDocument
from widgets.inspections.item_card import ItemCard
from widgets.inspections.report_html import dimension_label


class PreviewWidget(QWidget):
    """The form as the inspector will see it (inputs disabled) and the score summary."""

    def __init__(self, document: TemplateDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.summary = QLabel()
        self.summary.setObjectName("previewSummary")
        self.summary.setWordWrap(True)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setAccessibleName(self.tr("Preview of the fill form"))
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.scroll, 1)
        self.cards: list[ItemCard] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)  # typing in the editor rebuilds at most ~7 times a second
        self._timer.timeout.connect(self.rebuild)
        document.changed.connect(self._timer.start)
        self.rebuild()

    def rebuild(self) -> None:
        spec = self.document.spec
        items = spec.items()
        scored = [i for i in items if i.scored]
        critical = sum(1 for i in items if i.critical)
        self.summary.setText(
            self.tr("<b>Maximum score: %1 points</b> (= 100 %) · %2 items, %3 scored, "
                    "%4 critical · passes at %5 %")
            .replace("%1", f"{spec.max_points():g}").replace("%2", str(len(items)))
            .replace("%3", str(len(scored))).replace("%4", str(critical))
            .replace("%5", f"{spec.pass_score:g}"))
        body = QWidget()
        body.setStyleSheet("QPushButton { padding: 2px 4px; font-size: 11px; }")
        column = QVBoxLayout(body)
        self.cards = []
        number = 0
        for section in spec.sections:
            points = sum(i.weight for i in section.items if i.scored)
            column.addWidget(QLabel(f"<h3>{section.title}</h3>" + self.tr(
                "%1 points").replace("%1", f"{points:g}")))
            for item in section.items:
                number += 1
                card = ItemCard(number, dataclasses.replace(item, id=-number),
                                dimension_label(item.dimension))
                card.set_read_only(True)
                for child in card.findChildren(QWidget):  # the preview is narrower than a tablet
                    child.setMinimumWidth(0)
                column.addWidget(card)
                self.cards.append(card)
        column.addStretch(1)
        self.scroll.setWidget(body)
