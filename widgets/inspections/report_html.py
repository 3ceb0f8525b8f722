"""HTML of an inspection's result: the summary (score first) and the full answers.

Used by the result dialog, the detail view and the PDF export, so the three agree.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QLocale

from models.checklists.inspections import InspectionState
from models.checklists.scoring import AnswerValue, ScoreResult
from models.checklists.spec import ItemSpec, TemplateSpec
from models.orm.checklists import AnswerType, Choice, Dimension, InspectionKind

PASS_COLOUR, FAIL_COLOUR = "#1b7f3b", "#c0392b"


translate = QCoreApplication.translate


def kind_label(kind: InspectionKind) -> str:
    return {
        InspectionKind.MYSTERY_SHOP: translate("InspectionReport", "Mystery shop"),
        InspectionKind.INSPECTION: translate("InspectionReport", "Inspection"),
        InspectionKind.AUDIT: translate("InspectionReport", "Audit"),
    }[kind]


def dimension_label(dimension: Dimension | None) -> str:
    if dimension is None:
        return ""
    return {
        Dimension.TANGIBLES: translate("InspectionReport", "Tangibles"),
        Dimension.RELIABILITY: translate("InspectionReport", "Reliability"),
        Dimension.RESPONSIVENESS: translate("InspectionReport", "Responsiveness"),
        Dimension.ASSURANCE: translate("InspectionReport", "Assurance"),
        Dimension.EMPATHY: translate("InspectionReport", "Empathy"),
    }[dimension]


def blocker_label(reason: str) -> str:
    return {
        "unanswered": translate("InspectionReport", "not answered"),
        "na_not_allowed": translate("InspectionReport", "N/A is not allowed"),
        "evidence_missing": translate("InspectionReport", "a note or photo is required"),
    }.get(reason, reason)


def score_text(score: float | None) -> str:
    return "—" if score is None else f"{QLocale().toString(score, 'f', 1)} %"


def answer_text(item: ItemSpec, value: AnswerValue | None) -> str:
    """The answer as shown to people ("Yes", "4 / 5", "45 s", "N/A")."""
    if value is None:
        return "—"
    if value.choice is Choice.NA:
        return translate("InspectionReport", "N/A")
    if value.choice is Choice.YES:
        return translate("InspectionReport", "Yes")
    if value.choice is Choice.NO:
        return translate("InspectionReport", "No")
    if value.scale is not None:
        return f"{value.scale} / 5"
    if value.number is not None:
        return f"{QLocale().toString(value.number, 'g', 6)} {item.unit or ''}".strip()
    if value.text:
        return value.text
    if item.answer_type is AnswerType.PHOTO and value.photos:
        return translate("InspectionReport", "Photo attached")
    return "—"


def summary_html(result: ScoreResult, draft: bool = False) -> str:
    """Score, pass/fail, section scores, critical failures and failed items; a draft
    shows its score so far and no verdict."""
    colour = "#777777" if draft else PASS_COLOUR if result.passed else FAIL_COLOUR
    verdict = (
        translate("InspectionReport", "so far")
        if draft
        else translate("InspectionReport", "PASSED")
        if result.passed
        else translate("InspectionReport", "FAILED")
    )
    pass_label = html.escape(translate("InspectionReport", "Pass score"))
    critical_label = html.escape(translate("InspectionReport", "Critical failures"))
    sections_label = html.escape(translate("InspectionReport", "Section scores"))
    parts = [
        f"<p style='font-size:28pt; margin:0'><b>{score_text(result.score)}</b> "
        f"<span style='color:{colour}'>{verdict}</span></p>",
        f"<p>{pass_label}: {score_text(result.pass_score)} · "
        f"{critical_label}: <b>{len(result.critical_failures)}</b></p>",
        f"<h3>{sections_label}</h3><table cellpadding='4'>",
    ]
    parts += [
        f"<tr><td>{html.escape(title)}</td><td align='right'><b>{score_text(value)}</b>"
        f"</td></tr>"
        for title, value in result.section_scores
    ]
    parts.append("</table>")
    if result.critical_failures:
        parts.append(f"<h3 style='color:{FAIL_COLOUR}'>{critical_label}</h3><ul>")
        parts += [f"<li>{html.escape(i.text)}</li>" for i in result.critical_failures]
        parts.append("</ul>")
    failed = [i for i in result.failed_items if not i.critical_failure]
    if failed:
        failed_label = html.escape(translate("InspectionReport", "Failed items"))
        parts.append(f"<h3>{failed_label}</h3><ul>")
        parts += [f"<li>{html.escape(i.section)} — {html.escape(i.text)}</li>" for i in failed]
        parts.append("</ul>")
    return "".join(parts)


def header_html(state: InspectionState) -> str:
    when = state.visited_at.astimezone().strftime("%Y-%m-%d %H:%M")
    rows = [
        (translate("InspectionReport", "Checklist"), state.template_name or "—"),
        (translate("InspectionReport", "Site"), state.site_name or "—"),
        (translate("InspectionReport", "Inspector"), state.inspector or "—"),
        (translate("InspectionReport", "Kind"), kind_label(state.kind)),
        (translate("InspectionReport", "Visited"), when),
    ]
    if state.revised_by:
        rows.append(
            (
                translate("InspectionReport", "Corrected by"),
                f"{state.revised_by}: {state.revision_reason or ''}",
            )
        )
    cells = "".join(
        f"<tr><td>{html.escape(k)}</td><td><b>{html.escape(v)}</b></td></tr>" for k, v in rows
    )
    return f"<table cellpadding='2'>{cells}</table>"


def answers_html(
    state: InspectionState, spec: TemplateSpec, photo_uri: dict[int, list[str]] | None = None
) -> str:
    """Every section's answers with notes; ``photo_uri`` maps an item id to image URIs."""
    parts = []
    number = 0
    for section in spec.sections:
        parts.append(
            f"<h3>{html.escape(section.title)}</h3><table width='100%' cellpadding='3' border='0'>"
        )
        for item in section.items:
            number += 1
            assert item.id is not None
            value = state.answers.get(item.id)
            note = f"<br/><i>{html.escape(value.note)}</i>" if value and value.note else ""
            images = "".join(
                f"<img src='{uri}' width='120'/> " for uri in (photo_uri or {}).get(item.id, [])
            )
            mark = " ★" if item.critical else ""
            parts.append(
                f"<tr><td width='65%'>{number}. {html.escape(item.text)}{mark}{note}"
                f"{'<br/>' + images if images else ''}</td>"
                f"<td><b>{html.escape(answer_text(item, value))}</b></td></tr>"
            )
        parts.append("</table>")
    return "".join(parts)
