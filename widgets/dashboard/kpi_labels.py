"""Names, units and drill-down selectors of the KPIs, shared by cards, charts and alerts.

``drill(key)`` says which tickets stand behind a KPI when its card or one of its trend
points is clicked: the breached tickets behind an SLA rate (the walkthrough's "a click
lists the breached tickets"), the unresolved ones behind the resolution rate, the
tickets measured behind a duration or a score, and so on.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from models.kpi.api import Selector

CONTEXT = "KpiLabels"

TITLES: dict[str, str] = {
    "volume": QT_TRANSLATE_NOOP("KpiLabels", "Tickets"),
    "response_sla_met_pct": QT_TRANSLATE_NOOP("KpiLabels", "Response SLA met"),
    "resolution_sla_met_pct": QT_TRANSLATE_NOOP("KpiLabels", "Resolution SLA met"),
    "frt_median_min": QT_TRANSLATE_NOOP("KpiLabels", "First response (median)"),
    "frt_p90_min": QT_TRANSLATE_NOOP("KpiLabels", "First response (P90)"),
    "resolution_median_h": QT_TRANSLATE_NOOP("KpiLabels", "Resolution time (median)"),
    "resolution_p90_h": QT_TRANSLATE_NOOP("KpiLabels", "Resolution time (P90)"),
    "resolution_rate_pct": QT_TRANSLATE_NOOP("KpiLabels", "Resolution rate"),
    "csat_score": QT_TRANSLATE_NOOP("KpiLabels", "CSAT score"),
    "csat_satisfied_pct": QT_TRANSLATE_NOOP("KpiLabels", "CSAT satisfied"),
    "nps": QT_TRANSLATE_NOOP("KpiLabels", "NPS"),
    "complaint_rate_pct": QT_TRANSLATE_NOOP("KpiLabels", "Complaint rate"),
    "complaint_closure_pct": QT_TRANSLATE_NOOP("KpiLabels", "Complaint closure"),
    "overdue_complaints": QT_TRANSLATE_NOOP("KpiLabels", "Overdue complaints"),
    "repeat_complaints": QT_TRANSLATE_NOOP("KpiLabels", "Repeat complaints"),
    "response_sla_pending": QT_TRANSLATE_NOOP("KpiLabels", "Response SLA pending"),
    "reopen_rate_pct": QT_TRANSLATE_NOOP("KpiLabels", "Reopen rate"),
    "answered_30s_pct": QT_TRANSLATE_NOOP("KpiLabels", "Answered within 30 s"),
    "onsite_sla_met_pct": QT_TRANSLATE_NOOP("KpiLabels", "On-site arrival SLA met"),
}

UNITS: dict[str, str] = {
    "frt_median_min": QT_TRANSLATE_NOOP("KpiLabels", "min"),
    "frt_p90_min": QT_TRANSLATE_NOOP("KpiLabels", "min"),
    "resolution_median_h": QT_TRANSLATE_NOOP("KpiLabels", "h"),
    "resolution_p90_h": QT_TRANSLATE_NOOP("KpiLabels", "h"),
}

# KPI key -> (selector of the tickets behind it, untranslated description of those tickets)
DRILL: dict[str, tuple[Selector, str]] = {
    "volume": (Selector("all"), QT_TRANSLATE_NOOP("KpiLabels", "all tickets")),
    "response_sla_met_pct": (
        Selector("response_sla", "breached"),
        QT_TRANSLATE_NOOP("KpiLabels", "response SLA breached"),
    ),
    "resolution_sla_met_pct": (
        Selector("resolution_sla", "breached"),
        QT_TRANSLATE_NOOP("KpiLabels", "resolution SLA breached"),
    ),
    "response_sla_pending": (
        Selector("response_sla", "pending"),
        QT_TRANSLATE_NOOP("KpiLabels", "response SLA pending"),
    ),
    "frt_median_min": (Selector("frt"), QT_TRANSLATE_NOOP("KpiLabels", "with a first response")),
    "frt_p90_min": (Selector("frt"), QT_TRANSLATE_NOOP("KpiLabels", "with a first response")),
    "resolution_median_h": (
        Selector("resolution_time"), QT_TRANSLATE_NOOP("KpiLabels", "resolved"),
    ),
    "resolution_p90_h": (Selector("resolution_time"), QT_TRANSLATE_NOOP("KpiLabels", "resolved")),
    "resolution_rate_pct": (Selector("unresolved"), QT_TRANSLATE_NOOP("KpiLabels", "unresolved")),
    "csat_score": (Selector("csat"), QT_TRANSLATE_NOOP("KpiLabels", "with a CSAT rating")),
    "csat_satisfied_pct": (
        Selector("csat_satisfied"), QT_TRANSLATE_NOOP("KpiLabels", "satisfied customers"),
    ),
    "nps": (Selector("nps_detractors"), QT_TRANSLATE_NOOP("KpiLabels", "NPS detractors")),
    "complaint_rate_pct": (Selector("complaints"), QT_TRANSLATE_NOOP("KpiLabels", "complaints")),
    "complaint_closure_pct": (
        Selector("complaints_open"), QT_TRANSLATE_NOOP("KpiLabels", "open complaints"),
    ),
    "overdue_complaints": (
        Selector("overdue_complaints"), QT_TRANSLATE_NOOP("KpiLabels", "overdue complaints"),
    ),
    "repeat_complaints": (
        Selector("repeat_complaints"), QT_TRANSLATE_NOOP("KpiLabels", "repeat complaints"),
    ),
    "answered_30s_pct": (
        Selector("answered_late"), QT_TRANSLATE_NOOP("KpiLabels", "answered after 30 s"),
    ),
    "onsite_sla_met_pct": (
        Selector("onsite_sla", "breached"), QT_TRANSLATE_NOOP("KpiLabels", "on-site arrival late"),
    ),
}

TREND_KEYS: tuple[str, ...] = (
    "response_sla_met_pct", "resolution_sla_met_pct", "volume", "frt_median_min",
    "resolution_median_h", "resolution_rate_pct", "csat_score", "complaint_rate_pct",
    "answered_30s_pct", "onsite_sla_met_pct",  # offered only when the data carries them
)


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def title(key: str) -> str:
    """The translated name of KPI ``key`` (the key itself when unknown)."""
    return tr(TITLES[key]) if key in TITLES else key


def unit(key: str) -> str:
    """"%" for rates, the translated unit for durations, "" for counts and scores."""
    if key.endswith("_pct"):
        return "%"
    return tr(UNITS[key]) if key in UNITS else ""


def format_value(key: str, value: float | None) -> str:
    """The value as a card or tooltip shows it ("—" for no data)."""
    if value is None or value != value:  # None or NaN
        return "—"
    if key in ("volume", "overdue_complaints", "repeat_complaints", "response_sla_pending"):
        return f"{value:,.0f}"
    u = unit(key)
    text = f"{value:,.1f}"
    return f"{text} %" if u == "%" else f"{text} {u}".strip()


def drill(key: str) -> tuple[Selector, str]:
    """The selector behind ``key`` and its translated description."""
    selector, text = DRILL.get(key, DRILL["volume"])
    return selector, tr(text)


def higher_is_better(key: str) -> bool:
    """Default direction of a KPI (a target in the database may say otherwise)."""
    return key not in (
        "frt_median_min", "frt_p90_min", "resolution_median_h", "resolution_p90_h",
        "complaint_rate_pct", "overdue_complaints", "repeat_complaints", "response_sla_pending",
        "reopen_rate_pct",
    )


__all__ = ["TREND_KEYS", "drill", "format_value", "higher_is_better", "title", "unit"]
