"""The period report as an xlsx workbook (openpyxl): a Summary sheet, one sheet per
table, a native line chart of the trend and a bar chart of the Pareto.

Percentages are numbers on 0–1 with ``%`` number formats (Excel computes with them);
a delta of a rate is in percentage points, shown as ``+1.2%``. Times are local to the
report's zone, without a zone (spreadsheets have none). Text that came from the data
(categories, names, ids, titles) is stored as text even when it starts like a formula
(``=``, ``+``, ``-``, ``@`` …), so it never runs. Labels are English unless ``texts``
maps them (``widgets.reports.texts.report_texts()`` gives the translated ones).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from models.export import FORMULA_TRIGGERS
from models.kpi.api import BreakdownRow, Rate
from models.kpi.localtime import zone
from models.reports.period_report import KpiLine, PeriodReport

PCT = "0.0%"
DELTA_PCT = "+0.0%;-0.0%;0.0%"
NUMBER = "0.0"
DELTA_NUMBER = "+0.0;-0.0;0.0"
INTEGER = "0"
DATE = "yyyy-mm-dd"
DATETIME = "yyyy-mm-dd hh:mm"
HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
HEADER_FONT = Font(bold=True, color="FFFFFF")
STATUS_FILLS = {"met": "C6EFCE", "near": "FFEB9C", "missed": "FFC7CE"}
STATUS_TEXT = {"met": "met", "near": "within 5 %", "missed": "missed"}
KPI_NAMES = {
    "volume": "Volume (tickets)",
    "frt_median_min": "First response, median (min)",
    "frt_p90_min": "First response, P90 (min)",
    "resolution_median_h": "Resolution time, median (h)",
    "resolution_p90_h": "Resolution time, P90 (h)",
    "response_sla_met_pct": "Response SLA met",
    "response_sla_pending": "Response SLA pending (tickets)",
    "resolution_sla_met_pct": "Resolution SLA met",
    "resolution_rate_pct": "Resolution rate",
    "reopen_rate_pct": "Reopen rate",
    "csat_score": "CSAT score (0–100)",
    "csat_satisfied_pct": "CSAT satisfied",
    "nps": "NPS (−100…100)",
    "complaint_rate_pct": "Complaint rate",
    "complaint_closure_pct": "Complaint closure rate",
    "overdue_complaints": "Overdue complaints",
    "repeat_complaints": "Repeat complaints",
}

Tr = Callable[[str], str]


def _put(ws: Worksheet, row: int, col: int, value: Any, fmt: str | None = None) -> None:
    cell = ws.cell(row=row, column=col)
    cell.value = value
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        cell.data_type = "s"  # text from the data: never a formula
    if fmt is not None:
        cell.number_format = fmt


def _table(
    ws: Worksheet,
    top: int,
    headers: Sequence[str],
    rows: Sequence[Sequence[Any]],
    formats: Sequence[str | None],
    widths: Sequence[int],
) -> int:
    """Headers at row ``top``, rows below; frozen panes under the headers. Returns the
    last row written."""
    for c, h in enumerate(headers, start=1):
        _put(ws, top, c, h)
        cell = ws.cell(row=top, column=c)
        cell.fill, cell.font = HEADER_FILL, HEADER_FONT
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    for r, values in enumerate(rows, start=top + 1):
        for c, (v, f) in enumerate(zip(values, formats, strict=True), start=1):
            _put(ws, r, c, v, f)
    for c, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(c)].width = w
    ws.freeze_panes = ws.cell(row=top + 1, column=2)
    return top + len(rows)


def _pct(value: float | None) -> float | None:
    return None if value is None else value / 100


def _rate(rate: Rate) -> float | None:
    return _pct(rate.pct)


def _local(moment: dt.datetime, tz: str | None) -> dt.datetime:
    z = zone(tz)
    return (moment.astimezone(z) if z else moment.astimezone()).replace(tzinfo=None)


def _kpi_row(line: KpiLine, t: Tr) -> list[Any]:
    pct = line.unit == "pct"
    scale = _pct if pct else (lambda v: v)
    return [
        t(KPI_NAMES[line.key]),
        scale(line.value),
        scale(line.target),
        t(STATUS_TEXT[line.status]) if line.status else None,
        scale(line.previous),
        scale(line.delta),
        line.n,
        t("thin") if line.thin else None,
    ]


def _kpi_formats(line: KpiLine) -> list[str | None]:
    if line.unit == "pct":
        return [None, PCT, PCT, None, PCT, DELTA_PCT, INTEGER, None]
    if line.unit == "count":
        return [None, INTEGER, INTEGER, None, INTEGER, "+0;-0;0", INTEGER, None]
    return [None, NUMBER, NUMBER, None, NUMBER, DELTA_NUMBER, INTEGER, None]


def _summary(ws: Worksheet, report: PeriodReport, t: Tr) -> None:
    p = report.period
    ws.title = t("Summary")[:31]
    _put(ws, 1, 1, f"{t('Service quality report')} — {p.label}")
    ws.cell(row=1, column=1).font = Font(bold=True, size=14)
    facts = [
        (t("Period"), f"{p.first} – {p.last} ({report.tz or t('local time')})"),
        (t("As of"), _local(report.as_of, report.tz)),
        (t("Previous period"), report.previous_period.label),
        (t("Vendors"), ", ".join(report.vendors_filter) or t("all")),
        (t("Sites"), ", ".join(report.sites_filter) or t("all")),
    ]
    for r, (k, v) in enumerate(facts, start=2):
        _put(ws, r, 1, k)
        _put(ws, r, 2, v, DATETIME if isinstance(v, dt.datetime) else None)
        ws.cell(row=r, column=1).font = Font(bold=True)
    top = len(facts) + 3
    headers = [t(h) for h in ("KPI", "Value", "Target", "Status", "Previous", "Delta", "n", "Thin")]
    rows = [_kpi_row(line, t) for line in report.kpis]
    _table(ws, top, headers, rows, [None] * 8, [34, 12, 12, 14, 12, 12, 9, 8])
    for r, line in enumerate(report.kpis, start=top + 1):
        for c, f in enumerate(_kpi_formats(line), start=1):
            if f is not None:
                ws.cell(row=r, column=c).number_format = f
        if line.status:
            ws.cell(row=r, column=4).fill = PatternFill("solid", fgColor=STATUS_FILLS[line.status])


def _by_priority(ws: Worksheet, report: PeriodReport, t: Tr) -> None:
    headers = [t(h) for h in (
        "Priority", "Volume", "First response, median (min)", "Resolution time, median (h)",
        "Response SLA met", "Met", "Breached", "Pending",
        "Resolution SLA met", "Met", "Breached", "Pending",
    )]
    rows = []
    for k in report.by_priority:
        rs, ls = k.response_sla, k.resolution_sla
        rows.append([
            k.priority, k.volume, k.frt_median_min, k.resolution_median_h,
            _rate(rs.rate), rs.met, rs.breached, rs.pending,
            _rate(ls.rate), ls.met, ls.breached, ls.pending,
        ])
    formats = [None, INTEGER, NUMBER, NUMBER, PCT, INTEGER, INTEGER, INTEGER,
               PCT, INTEGER, INTEGER, INTEGER]
    _table(ws, 1, headers, rows, formats, [10, 10, 16, 16, 12, 8, 10, 9, 12, 8, 10, 9])


def _pareto(ws: Worksheet, report: PeriodReport, t: Tr) -> None:
    headers = [t(h) for h in ("Category", "Complaints", "Share", "Cumulative share", "Vital few")]
    rows = [
        [r.category if r.category is not None else t("(no category)"), r.count,
         _pct(r.pct), _pct(r.cum_pct), t("yes") if r.vital else None]
        for r in report.pareto
    ]
    last = _table(ws, 1, headers, rows, [None, INTEGER, PCT, PCT, None], [36, 12, 10, 16, 10])
    if not rows:
        return
    chart = BarChart()
    chart.title = t("Complaints by category (Pareto)")
    chart.y_axis.title = t("Complaints")
    chart.add_data(Reference(ws, min_col=2, min_row=1, max_row=last), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=2, max_row=last))
    chart.height, chart.width = 9, 18
    ws.add_chart(chart, "G2")


def _breakdown(ws: Worksheet, rows_in: Sequence[BreakdownRow], t: Tr, none_label: str) -> None:
    headers = [t(h) for h in (
        "Name", "Volume", "Response SLA met", "n (response)", "Resolution SLA met",
        "n (resolution)", "CSAT score (0–100)", "n (CSAT)", "Complaints",
    )]
    rows = [
        [r.label if r.key is not None else none_label, r.volume,
         _rate(r.response_sla), r.response_sla.denominator,
         _rate(r.resolution_sla), r.resolution_sla.denominator,
         r.csat_score, r.csat_n, r.complaints]
        for r in rows_in
    ]
    formats = [None, INTEGER, PCT, INTEGER, PCT, INTEGER, NUMBER, INTEGER, INTEGER]
    _table(ws, 1, headers, rows, formats, [40, 10, 14, 12, 14, 12, 14, 10, 12])


def _overdue(ws: Worksheet, report: PeriodReport, t: Tr) -> None:
    headers = [t(h) for h in (
        "Ticket id", "Source", "External id", "Created", "Age (h)", "Priority", "Category",
        "Vendor", "Site", "Title",
    )]
    rows = [
        [o.ticket_id, o.source, o.external_id, _local(o.created_at, report.tz), o.age_h,
         o.priority, o.category, o.vendor, o.site, o.title]
        for o in report.overdue
    ]
    formats = [INTEGER, None, None, DATETIME, NUMBER, None, None, None, None, None]
    _table(ws, 1, headers, rows, formats, [10, 12, 16, 17, 9, 9, 28, 28, 24, 40])


def _trend(ws: Worksheet, report: PeriodReport, t: Tr) -> None:
    v, r = report.volume_trend, report.response_trend
    headers = [t(h) for h in (
        "Start", "Volume", "Volume UCL", "Volume LCL", "Volume outside limits",
        "Response SLA met", "n (response)", "Centre", "UCL", "LCL", "Target",
        "Response outside limits",
    )]

    def num(a: Any, i: int) -> float | None:
        x = float(a[i])
        return None if x != x else x  # NaN → empty

    def pct_at(a: Any, i: int) -> float | None:
        return _pct(num(a, i))

    rows = []
    for i, start in enumerate(v.starts):
        rows.append([
            start.replace(tzinfo=None), num(v.values, i), num(v.ucl, i), num(v.lcl, i),
            t("yes") if v.beyond_limits[i] else None,
            pct_at(r.values, i) if i < len(r.values) else None,
            int(r.n[i]) if i < len(r.n) else None,
            _pct(r.centre), pct_at(r.ucl, i) if i < len(r.ucl) else None,
            pct_at(r.lcl, i) if i < len(r.lcl) else None, _pct(r.target),
            t("yes") if i < len(r.beyond_limits) and r.beyond_limits[i] else None,
        ])
    formats = [DATE, INTEGER, NUMBER, NUMBER, None, PCT, INTEGER, PCT, PCT, PCT, PCT, None]
    last = _table(ws, 1, headers, rows, formats, [12, 9, 11, 11, 12, 12, 11, 9, 9, 9, 9, 12])
    if not rows:
        return
    per = report.grain
    _line_chart(ws, t(f"Tickets per {per}"), (2, 3, 4), last, "N2", None, per)
    _line_chart(ws, t(f"Response SLA met per {per}"), (6, 8, 9, 10, 11), last, "N20", PCT, per)


def _line_chart(
    ws: Worksheet,
    title: str,
    cols: Sequence[int],
    last: int,
    anchor: str,
    fmt: str | None,
    grain: str,
) -> None:
    chart = LineChart()
    chart.title = title
    for c in cols:
        chart.add_data(Reference(ws, min_col=c, min_row=1, max_row=last), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=2, max_row=last))
    chart.x_axis.number_format = "yyyy-mm" if grain == "month" else "mm-dd"
    if fmt:
        chart.y_axis.number_format = fmt
    chart.height, chart.width = 8, 20
    ws.add_chart(chart, anchor)


def write_report_xlsx(
    report: PeriodReport, path: Path, texts: Mapping[str, str] | None = None
) -> int:
    """Write ``report`` to ``path`` (.xlsx); returns the number of sheets.

    ``texts`` maps the English labels to another language (missing ones stay English).
    Raises ``OSError`` when the file can't be written.
    """
    labels: Mapping[str, str] = texts if texts is not None else {}

    def t(s: str) -> str:
        return labels.get(s, s)

    wb = Workbook()
    _summary(wb.active, report, t)
    _by_priority(wb.create_sheet(t("By priority")[:31]), report, t)
    _pareto(wb.create_sheet(t("Pareto")[:31]), report, t)
    _breakdown(wb.create_sheet(t("Vendors")[:31]), report.by_vendor, t, t("(no vendor)"))
    _breakdown(wb.create_sheet(t("Sites")[:31]), report.by_site, t, t("(no site)"))
    _overdue(wb.create_sheet(t("Overdue complaints")[:31]), report, t)
    _trend(wb.create_sheet(t("Trend")[:31]), report, t)
    wb.properties.title = f"{t('Service quality report')} — {report.period.label}"
    wb.properties.creator = "ServiceLens"
    wb.save(path)
    return len(wb.sheetnames)
