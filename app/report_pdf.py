"""The period report as an A4 PDF (Qt's PDF writer; the CJK font is embedded as a
subset), and the one function that writes a report file by its suffix — used by the
``servicelens report`` command and by the Period report dialog.

The text comes from :mod:`widgets.reports.report_html` in the installed language; this
module paginates it onto A4 with 15 mm margins and prints "Page n of N" and the time of
generation in the bottom margin. Works without a display: :func:`ensure_gui_application`
starts an offscreen ``QGuiApplication`` when none exists (the command line).
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
)

from models.db import Database
from models.reports.period_report import PeriodReport
from models.reports.report_xlsx import write_report_xlsx
from widgets.reports.report_html import report_document, title_of
from widgets.reports.texts import report_texts

# Latin text first in a Latin font: with an English locale Qt's PDF writer loses the
# digits of Noto Sans CJK from the text layer (pdftotext, search and copy get nothing).
LATIN_FAMILIES = ["Noto Sans", "DejaVu Sans", "Liberation Sans", "Arial"]
CJK_FAMILIES = ["Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei",
                "Microsoft YaHei", "PingFang SC"]
RESOLUTION = 300  # dots per inch of the PDF's drawing space
MARGINS_MM = QMarginsF(15, 15, 15, 18)
SUFFIXES = (".pdf", ".xlsx")

_app: QGuiApplication | None = None


def ensure_gui_application() -> None:
    """A ``QGuiApplication`` for fonts and painting; offscreen when there is no display.

    Does nothing when a (GUI) application exists. Call from the main thread.
    """
    global _app
    if QCoreApplication.instance() is not None:
        return
    if not os.environ.get("QT_QPA_PLATFORM") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    _app = QGuiApplication(["servicelens"])


def report_font(point_size: float = 9) -> QFont:
    """The report font: Noto Sans CJK SC first for a Chinese locale, else a Latin font
    first with Noto Sans CJK SC as the fallback for Chinese names."""
    installed = set(QFontDatabase.families())
    chinese = QLocale().language() == QLocale.Language.Chinese
    order = CJK_FAMILIES + LATIN_FAMILIES if chinese else LATIN_FAMILIES + CJK_FAMILIES
    families = [f for f in order if f in installed] or order
    font = QFont()
    font.setFamilies(families)
    font.setPointSizeF(point_size)
    return font


def write_pdf(report: PeriodReport, path: Path) -> int:
    """Render ``report`` to ``path`` as an A4 PDF; returns the number of pages.

    Needs a ``QGuiApplication`` (see :func:`ensure_gui_application`); may run in a
    worker thread. Raises ``OSError`` when the file can't be written.
    """
    texts = report_texts()
    title = title_of(report, lambda s: texts.get(s, s))
    with path.open("wb"):  # a clear OSError now, rather than a Qt warning later
        pass
    writer = QPdfWriter(str(path))
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait, MARGINS_MM,
                                     QPageLayout.Unit.Millimeter))
    writer.setResolution(RESOLUTION)
    writer.setTitle(title)
    writer.setCreator("ServiceLens")
    font = report_font()
    doc = report_document(report, font)
    doc.documentLayout().setPaintDevice(writer)
    body = QRectF(writer.pageLayout().paintRectPixels(RESOLUTION))
    doc.setPageSize(QSizeF(body.width(), body.height()))
    doc.setDocumentMargin(0)
    pages = max(1, doc.pageCount())
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"cannot write {path}")
    footer_font = QFont(font)
    footer_font.setPointSizeF(7.5)
    generated = texts.get("Generated %1", "Generated %1").replace(
        "%1", report.generated_at.astimezone().strftime("%Y-%m-%d %H:%M"))
    page_text = texts.get("Page %1 of %2", "Page %1 of %2")
    try:
        for page in range(pages):
            if page:
                writer.newPage()
            painter.save()
            painter.translate(0, -page * body.height())
            clip = QRectF(0, page * body.height(), body.width(), body.height())
            doc.drawContents(painter, clip)
            painter.restore()
            painter.setFont(footer_font)
            painter.setPen(QColor("#666666"))
            y = body.height() + 4 * RESOLUTION / 25.4  # 4 mm below the text area
            line = QRectF(QPointF(0, y), QSizeF(body.width(), 6 * RESOLUTION / 25.4))
            painter.drawText(line, Qt.AlignmentFlag.AlignLeft, f"{title} · {generated}")
            painter.drawText(line, Qt.AlignmentFlag.AlignRight,
                             page_text.replace("%1", str(page + 1)).replace("%2", str(pages)))
    finally:
        painter.end()
    if not path.exists() or path.stat().st_size == 0:
        raise OSError(f"the PDF {path} was not written")
    return pages


def write_report_file(report: PeriodReport, path: Path) -> tuple[int, str]:
    """Write ``report`` to ``path`` by its suffix: ``(pages, "pages")`` for .pdf,
    ``(sheets, "sheets")`` for .xlsx. Raises ``ValueError`` for another suffix and
    ``OSError`` when the file can't be written."""
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return write_pdf(report, path), "pages"
    if suffix == ".xlsx":
        return write_report_xlsx(report, path, report_texts()), "sheets"
    raise ValueError(f"cannot write a report to {path.name}: use .pdf or .xlsx")


def make_period_report(db: Database, period: str, tz: str | None, path: Path) -> Path:
    """Build the report of ``period`` on ``db`` and write it to ``path`` (by suffix).

    What the Period report dialog runs in a worker thread (bound to the open database).
    Raises ``PeriodError`` (``ValueError``) for a bad period or zone, ``OSError`` when
    the file can't be written.
    """
    from models.reports.period_report import build_period_report

    write_report_file(build_period_report(db, period, tz), path)
    return path
