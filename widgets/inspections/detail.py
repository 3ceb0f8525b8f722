"""The detail of one inspection: header, score summary, comparison with the previous
visit, answers with notes and photos."""

from __future__ import annotations

import html

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from models.checklists.analysis import compare_with_previous
from models.checklists.inspections import get_inspection, score_of
from models.checklists.templates import load_spec
from models.db import Database
from widgets.inspections.photos import thumbnail_pixmaps
from widgets.inspections.report_html import (
    answers_html,
    header_html,
    score_text,
    summary_html,
)


class InspectionDetail(QWidget):
    """Shows one inspection; its buttons ask the page to open, correct or export it."""

    open_requested = Signal(str)
    export_pdf_requested = Signal(str)
    export_xlsx_requested = Signal(str)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.uuid: str | None = None
        self.browser = QTextBrowser()
        self.browser.setAccessibleName(self.tr("Inspection detail"))
        self.open_button = QPushButton(self.tr("Open form"))
        self.pdf_button = QPushButton(self.tr("Export PDF…"))
        self.xlsx_button = QPushButton(self.tr("Export xlsx…"))
        buttons = QHBoxLayout()
        for button, signal in ((self.open_button, self.open_requested),
                               (self.pdf_button, self.export_pdf_requested),
                               (self.xlsx_button, self.export_xlsx_requested)):
            button.setEnabled(False)
            button.clicked.connect(lambda _c=False, s=signal: s.emit(self.uuid))
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.browser)

    def show_inspection(self, inspection_uuid: str | None) -> None:
        self.uuid = inspection_uuid
        for button in (self.open_button, self.pdf_button, self.xlsx_button):
            button.setEnabled(inspection_uuid is not None)
        if inspection_uuid is None:
            self.browser.clear()
            return
        state = get_inspection(self.db, inspection_uuid)
        if state.template_id is None:  # a visit imported with its score only
            self.browser.setHtml(header_html(state) + f"<p><b>{score_text(state.score)}</b></p>")
            for button in (self.open_button, self.pdf_button, self.xlsx_button):
                button.setEnabled(False)
            return
        spec = load_spec(self.db, state.template_id)
        result = score_of(self.db, inspection_uuid)
        document = self.browser.document()
        uris: dict[int, list[str]] = {}
        for photo_id, pixmap in thumbnail_pixmaps(self.db, state.photos).items():
            uri = f"thumb://{photo_id}"
            document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(uri), pixmap)
            item = next(p.item_id for p in state.photos if p.id == photo_id)
            if item is not None:
                uris.setdefault(item, []).append(uri)
        draft_text = html.escape(self.tr("Draft — not submitted yet"))
        draft = "" if state.read_only else f"<p><i>{draft_text}</i></p>"
        self.browser.setHtml(header_html(state) + draft
                             + summary_html(result, draft=not state.read_only)
                             + self._comparison_html(inspection_uuid)
                             + answers_html(state, spec, uris))

    def _comparison_html(self, inspection_uuid: str) -> str:
        comparison = compare_with_previous(self.db, inspection_uuid)
        if comparison.previous_uuid is None:
            return ""
        assert comparison.previous_visited_at is not None
        when = comparison.previous_visited_at.astimezone().strftime("%Y-%m-%d")
        heading = html.escape(self.tr("Compared with the previous visit"))
        line = html.escape(self.tr("Previous visit %1: %2 → now %3"))
        parts = [f"<h3>{heading}</h3>",
                 f"<p>{line}</p>".replace("%1", when)
                 .replace("%2", score_text(comparison.previous_score))
                 .replace("%3", score_text(comparison.score))]
        for title, changes, colour in ((self.tr("Better"), comparison.better, "#1b7f3b"),
                                       (self.tr("Worse"), comparison.worse, "#c0392b")):
            if changes:
                parts.append(f"<p style='color:{colour}'><b>{html.escape(title)}</b></p><ul>")
                parts += [f"<li>{html.escape(c.text)}</li>" for c in changes]
                parts.append("</ul>")
        if not comparison.better and not comparison.worse:
            unchanged = html.escape(self.tr("No item changed."))
            parts.append(f"<p>{unchanged}</p>")
        return "".join(parts)
