"""Translated labels for scorecard values (sources, rules, vetoes, statuses)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from models.scorecards.vetoes import parse

CONTEXT = "ScorecardTexts"

SOURCES = {
    "ticket_kpi": QT_TRANSLATE_NOOP("ScorecardTexts", "Ticket KPI"),
    "inspection_avg": QT_TRANSLATE_NOOP("ScorecardTexts", "Inspection average"),
    "vendor_metric": QT_TRANSLATE_NOOP("ScorecardTexts", "Vendor metric"),
    "manual": QT_TRANSLATE_NOOP("ScorecardTexts", "Manual rating"),
}
NORMALISATIONS = {
    "linear": QT_TRANSLATE_NOOP("ScorecardTexts", "Linear"),
    "bands": QT_TRANSLATE_NOOP("ScorecardTexts", "Bands"),
}
MISSING_RULES = {
    "reweight": QT_TRANSLATE_NOOP("ScorecardTexts", "Reweight"),
    "zero": QT_TRANSLATE_NOOP("ScorecardTexts", "Score 0"),
    "carry": QT_TRANSLATE_NOOP("ScorecardTexts", "Carry last period"),
}
QUALIFICATIONS = {
    "business_licence": QT_TRANSLATE_NOOP("ScorecardTexts", "business licence"),
    "iso9001": QT_TRANSLATE_NOOP("ScorecardTexts", "ISO 9001 certificate"),
    "security_permit": QT_TRANSLATE_NOOP("ScorecardTexts", "security service permit"),
    "transport_permit": QT_TRANSLATE_NOOP("ScorecardTexts", "road transport permit"),
    "food_permit": QT_TRANSLATE_NOOP("ScorecardTexts", "food business licence"),
}

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def label(table: dict[str, str], key: str) -> str:
    """The translated label of ``key`` in one of the tables above (the key if unknown)."""
    return tr(table[key]) if key in table else key


def veto_text(reason: str | None) -> str:
    """Veto reasons as translated sentences joined by "; "."""
    parts = []
    for kind, p in parse(reason):
        if kind == "qualification_expired" and len(p) >= 2:
            text = translate("ScorecardTexts", "%1 expired on %2")
            kind = label(QUALIFICATIONS, p[0]) if p[0] in QUALIFICATIONS else p[0].replace("_", " ")
            parts.append(text.replace("%1", kind).replace("%2", p[1]))
        elif kind == "metric_above" and len(p) >= 3:
            text = translate("ScorecardTexts", "%1 is %2, above the limit %3")
            parts.append(text.replace("%1", p[0]).replace("%2", p[1]).replace("%3", p[2]))
        elif kind == "metric_below" and len(p) >= 3:
            text = translate("ScorecardTexts", "%1 is %2, below the limit %3")
            parts.append(text.replace("%1", p[0]).replace("%2", p[1]).replace("%3", p[2]))
        elif kind == "serious_breach":
            parts.append(translate("ScorecardTexts", "breach marked serious"))
        else:
            parts.append(":".join([kind, *p]))
    return "; ".join(parts)


def number(value: float | None, decimals: int = 1) -> str:
    return "" if value is None else f"{value:.{decimals}f}"


def evidence_text(evidence: dict[str, object]) -> str:
    """"12 tickets", "3 inspections", "1 metric row", "2 ratings (1 dropped)", or ""."""
    if "error" in evidence:
        return translate("ScorecardTexts", "unavailable")
    tickets = evidence.get("ticket_count", len(evidence.get("tickets", []) or []))  # type: ignore[arg-type]
    if tickets:
        return translate("ScorecardTexts", "tickets: %1").replace("%1", str(tickets))
    for key, text in (("inspections", translate("ScorecardTexts", "inspections: %1")),
                      ("metrics", translate("ScorecardTexts", "metric rows: %1")),
                      ("evaluators", translate("ScorecardTexts", "ratings: %1"))):
        items = evidence.get(key) or []
        if items:
            out = text.replace("%1", str(len(items)))  # type: ignore[arg-type]
            if evidence.get("dropped_high"):
                out += " " + translate("ScorecardTexts", "(highest and lowest dropped)")
            if evidence.get("substituted") == "carry":
                out += " " + translate("ScorecardTexts", "(carried from last period)")
            return out
    if evidence.get("substituted") == "zero":
        return translate("ScorecardTexts", "no data: scored 0")
    return ""
