"""The sign-off PDF (Qt's own PDF writer; the CJK font is embedded as a subset) and the
evaluation pack: xlsx + PDF + manifest.json with the SHA-256 of each file."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QSizeF
from PySide6.QtGui import QFont, QFontDatabase, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from models.db import Database
from models.scorecards.export_xlsx import export_xlsx, load_details, write_manifest
from models.scorecards.queries import EvaluationDetail
from widgets.scorecards.texts import number, veto_text

CJK_FAMILIES = ("Noto Sans CJK SC", "Noto Serif CJK SC", "Source Han Sans SC",
                "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", "SimSun")

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")


def cjk_font() -> QFont:
    """A font that covers Chinese, so the PDF embeds it (the first installed family)."""
    families = set(QFontDatabase.families())
    for family in CJK_FAMILIES:
        if family in families:
            return QFont(family, 9)
    return QFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).family(), 9)


def _cells(tag: str, values: Sequence[object]) -> str:
    return "<tr>" + "".join(f"<{tag}>{escape(str(v))}</{tag}>" for v in values) + "</tr>"


TABLE = "<table border='1' cellspacing='0' cellpadding='3' width='100%'>"


def report_html(details: Sequence[EvaluationDetail], user: str) -> str:
    """The PDF's content: ranking, then each vendor's criteria and ratings, signatures."""
    e0 = details[0].evaluation
    title = translate("ScorecardPdf", "Vendor evaluation")
    printed = (translate("ScorecardPdf", "Printed by %1 on %2").replace("%1", user)
               .replace("%2", dt.datetime.now().strftime("%Y-%m-%d %H:%M")))
    h = [f"<h2>{escape(title)} — {escape(e0.template_code)} r{e0.revision} — "
         f"{escape(e0.period_label)}</h2><p>{escape(printed)}</p>", TABLE,
         _cells("th", (translate("ScorecardPdf", "Rank"), translate("ScorecardPdf", "Vendor"),
                       translate("ScorecardPdf", "Category"), translate("ScorecardPdf", "Total"),
                       translate("ScorecardPdf", "Grade"), translate("ScorecardPdf", "Veto"),
                       translate("ScorecardPdf", "Status")))]
    final, draft = translate("ScorecardPdf", "final"), translate("ScorecardPdf", "draft")
    incomplete = translate("ScorecardPdf", "incomplete")
    for d in details:
        e = d.evaluation
        grade = e.grade or (incomplete if e.incomplete else "—")
        h.append(_cells("td", (e.rank or "—", f"{e.vendor_code} {e.vendor_name}", e.category,
                               number(e.total, 2), grade, veto_text(e.veto_reason),
                               final if e.final else draft)))
    h.append("</table>")
    heads = (translate("ScorecardPdf", "Criterion"), translate("ScorecardPdf", "Weight"),
             translate("ScorecardPdf", "Raw value"), translate("ScorecardPdf", "Score 0–100"),
             translate("ScorecardPdf", "Points"))
    missing, dropped = translate("ScorecardPdf", "missing"), translate("ScorecardPdf", "dropped")
    total = translate("ScorecardPdf", "Total")
    for d in details:
        e = d.evaluation
        h.append(f"<h3>{escape(e.vendor_code)} {escape(e.vendor_name)}</h3>{TABLE}")
        h.append(_cells("th", heads))
        for c in d.criteria:
            raw = number(c.raw, 2) if c.raw is not None else missing
            h.append(_cells("td", (c.name, number(c.weight), raw, number(c.score),
                                   number(c.points, 2))))
        h.append(f"<tr><td colspan='4'><b>{escape(total)}</b></td>"
                 f"<td><b>{number(e.total, 2)}</b></td></tr></table>")
        if d.ratings:
            lines = [f"{r.evaluator}: {r.rating:g} — {r.comment or ''}"
                     + (f" ({dropped})" if r.dropped else "") for r in d.ratings]
            h.append("<p>" + "<br>".join(escape(x) for x in lines) + "</p>")
    signatures = translate("ScorecardPdf", "Signatures")
    h.append(f"<p><br>{escape(signatures)}: ______________________ "
             "______________________ ______________________</p>")
    return "".join(h)


def write_pdf(details: Sequence[EvaluationDetail], path: Path, user: str) -> Path:
    """Render the evaluation report to an A4 PDF. Raises ``OSError`` when not written."""
    writer = QPdfWriter(str(path))
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait,
                                     QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))
    writer.setResolution(300)
    writer.setTitle(f"{details[0].evaluation.template_code} {details[0].evaluation.period_label}")
    writer.setCreator("ServiceLens")
    doc = QTextDocument()
    doc.setDefaultFont(cjk_font())
    doc.setHtml(report_html(details, user))
    doc.setPageSize(QSizeF(writer.width(), writer.height()))
    doc.print_(writer)
    del writer  # finishes the file
    if not path.exists() or path.stat().st_size == 0:
        raise OSError(f"the PDF {path} was not written")
    return path


def write_pack(db: Database, evaluation_ids: Sequence[int], folder: Path, user: str) -> Path:
    """xlsx + PDF + manifest.json (SHA-256 of each) in ``folder``; returns the manifest."""
    details = load_details(db, evaluation_ids)
    folder.mkdir(parents=True, exist_ok=True)
    e = details[0].evaluation
    stem = f"evaluation-{e.template_code}-r{e.revision}-{e.period_label}".replace("..", "_")
    xlsx = export_xlsx(db, evaluation_ids, folder / f"{stem}.xlsx")
    pdf = write_pdf(details, folder / f"{stem}.pdf", user)
    return write_manifest(folder, [xlsx, pdf], {
        "template": e.template_code, "revision": e.revision, "period": e.period_label,
        "evaluations": list(evaluation_ids), "created_by": user,
        "created_at": dt.datetime.now(dt.UTC).isoformat(),
        "final": all(d.evaluation.final for d in details),
    })
