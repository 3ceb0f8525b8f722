"""Exporting one inspection: PDF (score summary first, then answers with photos) and xlsx."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QUrl
from PySide6.QtGui import QFont, QImage, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from models.checklists.inspections import get_inspection, photo_bytes, score_of
from models.checklists.report import write_inspection_xlsx
from models.checklists.templates import load_spec
from models.db import Database
from widgets.inspections.report_html import (
    answer_text,
    answers_html,
    header_html,
    kind_label,
    summary_html,
)

PDF_FONT = "Noto Sans CJK SC"  # renders Chinese; Qt falls back when it is missing
PHOTO_WIDTH_PX = 900


translate = QCoreApplication.translate


def inspection_document(db: Database, inspection_uuid: str) -> QTextDocument:
    """The whole report as a QTextDocument with the photos as image resources."""
    state = get_inspection(db, inspection_uuid)
    assert state.template_id is not None
    spec = load_spec(db, state.template_id)
    result = score_of(db, inspection_uuid)
    document = QTextDocument()
    document.setDefaultFont(QFont(PDF_FONT, 10))
    uris: dict[int, list[str]] = {}
    for photo in state.photos:
        image = QImage()
        if image.loadFromData(photo_bytes(db, photo.id) or b""):
            if image.width() > PHOTO_WIDTH_PX:
                image = image.scaledToWidth(PHOTO_WIDTH_PX)
            uri = f"photo://{photo.id}"
            document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(uri), image)
            if photo.item_id is not None:
                uris.setdefault(photo.item_id, []).append(uri)
    title = f"<h1>{spec.name}</h1>"
    document.setHtml(
        title + header_html(state) + summary_html(result) + answers_html(state, spec, uris)
    )
    return document


def export_pdf(db: Database, inspection_uuid: str, path: Path) -> Path:
    """Write the report as an A4 PDF. Raises ``OSError`` when the file can't be written."""
    document = inspection_document(db, inspection_uuid)
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    writer.setTitle(document.toPlainText().splitlines()[0] if document.toPlainText() else "")
    writer.setResolution(150)
    document.setPageSize(writer.pageLayout().paintRectPixels(writer.resolution()).size().toSizeF())
    document.print_(writer)
    del writer  # finishes the file
    if not path.exists() or path.stat().st_size == 0:
        raise OSError(f"could not write {path}")
    return path


def export_xlsx(db: Database, inspection_uuid: str, path: Path) -> Path:
    """Write the summary and every answer to an xlsx workbook."""
    state = get_inspection(db, inspection_uuid)
    assert state.template_id is not None
    spec = load_spec(db, state.template_id)
    result = score_of(db, inspection_uuid)
    summary: list[tuple[str, object]] = [
        (translate("InspectionExport", "Checklist"), f"{spec.name} v{spec.revision}"),
        (translate("InspectionExport", "Site"), state.site_name or ""),
        (translate("InspectionExport", "Inspector"), state.inspector or ""),
        (translate("InspectionExport", "Kind"), kind_label(state.kind)),
        (
            translate("InspectionExport", "Visited"),
            state.visited_at.astimezone().replace(tzinfo=None),
        ),
        (
            translate("InspectionExport", "Score"),
            None if result.score is None else round(result.score, 2),
        ),
        (translate("InspectionExport", "Pass score"), result.pass_score),
        (
            translate("InspectionExport", "Result"),
            translate("InspectionExport", "Pass")
            if result.passed
            else translate("InspectionExport", "Fail"),
        ),
        (translate("InspectionExport", "Critical failures"), len(result.critical_failures)),
    ]
    summary += [
        (
            translate("InspectionExport", "Section: %1").replace("%1", title),
            None if value is None else round(value, 2),
        )
        for title, value in result.section_scores
    ]
    credits = {r.item_id: r for r in result.items}
    rows = []
    for section in spec.sections:
        for item in section.items:
            assert item.id is not None
            value = state.answers.get(item.id)
            scored = credits[item.id]
            rows.append(
                [
                    section.title,
                    item.text,
                    answer_text(item, value),
                    None if scored.credit is None else scored.credit,
                    item.weight,
                    translate("InspectionExport", "yes") if item.critical else "",
                    translate("InspectionExport", "yes") if scored.failed else "",
                    value.note if value and value.note else "",
                ]
            )
    headers = [
        translate("InspectionExport", "Section"),
        translate("InspectionExport", "Item"),
        translate("InspectionExport", "Answer"),
        translate("InspectionExport", "Credit"),
        translate("InspectionExport", "Weight"),
        translate("InspectionExport", "Critical"),
        translate("InspectionExport", "Failed"),
        translate("InspectionExport", "Note"),
    ]
    return write_inspection_xlsx(
        path,
        summary,
        headers,
        rows,
        (translate("InspectionExport", "Summary"), translate("InspectionExport", "Answers")),
    )
