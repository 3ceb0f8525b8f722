"""Every label of the period report (xlsx and PDF) for translation.

The English texts are the keys ``models.reports.report_xlsx`` and
:mod:`widgets.reports.report_html` look up; :func:`report_texts` maps them to the
installed language (context ``PeriodReport``).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

C = "PeriodReport"

LABELS: tuple[str, ...] = (
    # KPI names
    QT_TRANSLATE_NOOP("PeriodReport", "Volume (tickets)"),
    QT_TRANSLATE_NOOP("PeriodReport", "First response, median (min)"),
    QT_TRANSLATE_NOOP("PeriodReport", "First response, P90 (min)"),
    QT_TRANSLATE_NOOP("PeriodReport", "Resolution time, median (h)"),
    QT_TRANSLATE_NOOP("PeriodReport", "Resolution time, P90 (h)"),
    QT_TRANSLATE_NOOP("PeriodReport", "Response SLA met"),
    QT_TRANSLATE_NOOP("PeriodReport", "Response SLA pending (tickets)"),
    QT_TRANSLATE_NOOP("PeriodReport", "Resolution SLA met"),
    QT_TRANSLATE_NOOP("PeriodReport", "Resolution rate"),
    QT_TRANSLATE_NOOP("PeriodReport", "Reopen rate"),
    QT_TRANSLATE_NOOP("PeriodReport", "CSAT score (0–100)"),
    QT_TRANSLATE_NOOP("PeriodReport", "CSAT satisfied"),
    QT_TRANSLATE_NOOP("PeriodReport", "NPS (−100…100)"),
    QT_TRANSLATE_NOOP("PeriodReport", "Complaint rate"),
    QT_TRANSLATE_NOOP("PeriodReport", "Complaint closure rate"),
    QT_TRANSLATE_NOOP("PeriodReport", "Overdue complaints"),
    QT_TRANSLATE_NOOP("PeriodReport", "Repeat complaints"),
    # statuses and markers
    QT_TRANSLATE_NOOP("PeriodReport", "met"),
    QT_TRANSLATE_NOOP("PeriodReport", "within 5 %"),
    QT_TRANSLATE_NOOP("PeriodReport", "missed"),
    QT_TRANSLATE_NOOP("PeriodReport", "thin"),
    QT_TRANSLATE_NOOP("PeriodReport", "pp"),
    QT_TRANSLATE_NOOP("PeriodReport", "yes"),
    QT_TRANSLATE_NOOP("PeriodReport", "all"),
    QT_TRANSLATE_NOOP("PeriodReport", "local time"),
    QT_TRANSLATE_NOOP("PeriodReport", "(no category)"),
    QT_TRANSLATE_NOOP("PeriodReport", "(no vendor)"),
    QT_TRANSLATE_NOOP("PeriodReport", "(no site)"),
    # titles, sheets, facts
    QT_TRANSLATE_NOOP("PeriodReport", "Service quality report"),
    QT_TRANSLATE_NOOP("PeriodReport", "Monthly service quality report"),
    QT_TRANSLATE_NOOP("PeriodReport", "Quarterly service quality report"),
    QT_TRANSLATE_NOOP("PeriodReport", "Weekly service quality report"),
    QT_TRANSLATE_NOOP("PeriodReport", "Annual service quality report"),
    QT_TRANSLATE_NOOP("PeriodReport", "Summary"),
    QT_TRANSLATE_NOOP("PeriodReport", "By priority"),
    QT_TRANSLATE_NOOP("PeriodReport", "Pareto"),
    QT_TRANSLATE_NOOP("PeriodReport", "Vendors"),
    QT_TRANSLATE_NOOP("PeriodReport", "Sites"),
    QT_TRANSLATE_NOOP("PeriodReport", "Trend"),
    QT_TRANSLATE_NOOP("PeriodReport", "Period"),
    QT_TRANSLATE_NOOP("PeriodReport", "As of"),
    QT_TRANSLATE_NOOP("PeriodReport", "Previous period"),
    QT_TRANSLATE_NOOP("PeriodReport", "Complaints by category (Pareto)"),
    QT_TRANSLATE_NOOP("PeriodReport", "Tickets per day"),
    QT_TRANSLATE_NOOP("PeriodReport", "Response SLA met per day"),
    QT_TRANSLATE_NOOP("PeriodReport", "Tickets per month"),
    QT_TRANSLATE_NOOP("PeriodReport", "Response SLA met per month"),
    QT_TRANSLATE_NOOP("PeriodReport", "SLA by priority"),
    QT_TRANSLATE_NOOP("PeriodReport", "By vendor"),
    QT_TRANSLATE_NOOP("PeriodReport", "By site"),
    QT_TRANSLATE_NOOP("PeriodReport", "Overdue complaints at the period end"),
    QT_TRANSLATE_NOOP("PeriodReport", "None."),
    QT_TRANSLATE_NOOP("PeriodReport", "Page %1 of %2"),
    QT_TRANSLATE_NOOP("PeriodReport", "Generated %1"),
    QT_TRANSLATE_NOOP(
        "PeriodReport",
        "Dark bars are the vital few: the categories that together reach 80 % of complaints.",
    ),
    QT_TRANSLATE_NOOP(
        "PeriodReport",
        "Grey lines are the control limits, the green dashed line the target; a red point "
        "lies outside the limits (a real change, not noise).",
    ),
    QT_TRANSLATE_NOOP(
        "PeriodReport",
        "Thin: fewer than 30 tickets or answers behind the figure; read it with care.",
    ),
    # column headers
    QT_TRANSLATE_NOOP("PeriodReport", "KPI"),
    QT_TRANSLATE_NOOP("PeriodReport", "Value"),
    QT_TRANSLATE_NOOP("PeriodReport", "Target"),
    QT_TRANSLATE_NOOP("PeriodReport", "Status"),
    QT_TRANSLATE_NOOP("PeriodReport", "Previous"),
    QT_TRANSLATE_NOOP("PeriodReport", "Delta"),
    QT_TRANSLATE_NOOP("PeriodReport", "n"),
    QT_TRANSLATE_NOOP("PeriodReport", "Thin"),
    QT_TRANSLATE_NOOP("PeriodReport", "Priority"),
    QT_TRANSLATE_NOOP("PeriodReport", "Volume"),
    QT_TRANSLATE_NOOP("PeriodReport", "Met"),
    QT_TRANSLATE_NOOP("PeriodReport", "Breached"),
    QT_TRANSLATE_NOOP("PeriodReport", "Pending"),
    QT_TRANSLATE_NOOP("PeriodReport", "Category"),
    QT_TRANSLATE_NOOP("PeriodReport", "Complaints"),
    QT_TRANSLATE_NOOP("PeriodReport", "Share"),
    QT_TRANSLATE_NOOP("PeriodReport", "Cumulative share"),
    QT_TRANSLATE_NOOP("PeriodReport", "Vital few"),
    QT_TRANSLATE_NOOP("PeriodReport", "Name"),
    QT_TRANSLATE_NOOP("PeriodReport", "n (response)"),
    QT_TRANSLATE_NOOP("PeriodReport", "n (resolution)"),
    QT_TRANSLATE_NOOP("PeriodReport", "n (CSAT)"),
    QT_TRANSLATE_NOOP("PeriodReport", "Ticket id"),
    QT_TRANSLATE_NOOP("PeriodReport", "Source"),
    QT_TRANSLATE_NOOP("PeriodReport", "External id"),
    QT_TRANSLATE_NOOP("PeriodReport", "Created"),
    QT_TRANSLATE_NOOP("PeriodReport", "Age (h)"),
    QT_TRANSLATE_NOOP("PeriodReport", "Vendor"),
    QT_TRANSLATE_NOOP("PeriodReport", "Site"),
    QT_TRANSLATE_NOOP("PeriodReport", "Title"),
    QT_TRANSLATE_NOOP("PeriodReport", "Start"),
    QT_TRANSLATE_NOOP("PeriodReport", "Volume UCL"),
    QT_TRANSLATE_NOOP("PeriodReport", "Volume LCL"),
    QT_TRANSLATE_NOOP("PeriodReport", "Volume outside limits"),
    QT_TRANSLATE_NOOP("PeriodReport", "Centre"),
    QT_TRANSLATE_NOOP("PeriodReport", "UCL"),
    QT_TRANSLATE_NOOP("PeriodReport", "LCL"),
    QT_TRANSLATE_NOOP("PeriodReport", "Response outside limits"),
)

TITLES = {
    "month": "Monthly service quality report",
    "quarter": "Quarterly service quality report",
    "week": "Weekly service quality report",
    "year": "Annual service quality report",
}


def report_texts() -> dict[str, str]:
    """English label → label in the installed language (English when none is)."""
    return {s: QCoreApplication.translate(C, s) for s in LABELS}
