"""The period report as HTML for a ``QTextDocument`` (what the PDF prints), with the
Pareto and trend charts as image resources.

Figures come formatted from the :class:`~models.reports.period_report.PeriodReport`;
labels from :func:`widgets.reports.texts.report_texts` (the installed language).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from html import escape

from PySide6.QtCore import QUrl
from PySide6.QtGui import QFont, QTextDocument

from models.kpi.api import BreakdownRow, Rate
from models.kpi.localtime import zone
from models.reports.period_report import KpiLine, PeriodReport
from models.reports.report_xlsx import KPI_NAMES, STATUS_FILLS, STATUS_TEXT
from widgets.reports.report_charts import control_chart_image, pareto_image
from widgets.reports.texts import TITLES, report_texts

CHART_WIDTH = 680  # logical px (1/96 inch); the A4 text width is about 680 px
TABLE = "<table border='1' cellspacing='0' cellpadding='3' width='100%' style='border-color:#999'>"
HEAD = "#1f4e79"
BREAK = "page-break-before: always"

Tr = Callable[[str], str]


def title_of(report: PeriodReport, t: Tr) -> str:
    """``Monthly service quality report — 2026-10`` in the installed language."""
    return f"{t(TITLES[report.period.kind])} — {report.period.label}"


def number(value: float | None, unit: str, t: Tr, delta: bool = False) -> str:
    """A figure for people: rates ``91.9 %`` (deltas in percentage points), counts whole."""
    if value is None:
        return "—"
    sign = "+" if delta and value > 0 else ""
    text = f"{sign}{value:.0f}" if unit == "count" else f"{sign}{value:.1f}"
    text = text.replace("-", "−")
    if unit == "pct":
        return f"{text} {t('pp')}" if delta else f"{text} %"
    return text


def _rate(rate: Rate, t: Tr) -> str:
    return number(rate.pct, "pct", t)


def _local(moment: dt.datetime, tz: str | None) -> str:
    z = zone(tz)
    local = moment.astimezone(z) if z else moment.astimezone()
    return local.strftime("%Y-%m-%d %H:%M")


def _row(cells: Sequence[object], tag: str = "td", align: Sequence[str] = ()) -> str:
    out = []
    for i, c in enumerate(cells):
        a = f" align='{align[i]}'" if i < len(align) and align[i] else ""
        style = f" style='background-color:{HEAD};color:white'" if tag == "th" else ""
        out.append(f"<{tag}{a}{style}>{escape(str(c))}</{tag}>")
    return "<tr>" + "".join(out) + "</tr>"


def _table(headers: Sequence[str], rows: Sequence[Sequence[object]], align: Sequence[str]) -> str:
    body = "".join(_row(r, align=align) for r in rows)
    return f"{TABLE}<thead>{_row(headers, 'th')}</thead>{body}</table>"


def _kpi_table(kpis: Sequence[KpiLine], t: Tr) -> str:
    heads = [t(h) for h in ("KPI", "Value", "Target", "Status", "Previous", "Delta", "n")]
    html = [TABLE, "<thead>", _row(heads, "th"), "</thead>"]
    for k in kpis:
        status = ""
        if k.status:
            status = (f"<td bgcolor='#{STATUS_FILLS[k.status]}' align='center'>"
                      f"{escape(t(STATUS_TEXT[k.status]))}</td>")
        else:
            status = "<td></td>"
        n = f"{k.n}" + (f" <span style='color:#b06000'>· {escape(t('thin'))}</span>"
                        if k.thin else "")
        target = number(k.target, k.unit, t)
        if k.target is not None and k.higher_is_better is not None:
            target = ("≥ " if k.higher_is_better else "≤ ") + target
        html.append(
            f"<tr><td>{escape(t(KPI_NAMES[k.key]))}</td>"
            f"<td align='right'><b>{number(k.value, k.unit, t)}</b></td>"
            f"<td align='right'>{escape(target)}</td>{status}"
            f"<td align='right'>{number(k.previous, k.unit, t)}</td>"
            f"<td align='right'>{number(k.delta, k.unit, t, delta=True)}</td>"
            f"<td align='right'>{n}</td></tr>"
        )
    html.append("</table>")
    return "".join(html)


def _breakdown(rows: Sequence[BreakdownRow], t: Tr, none_label: str) -> str:
    heads = [t(h) for h in ("Name", "Volume", "Response SLA met", "Resolution SLA met",
                            "CSAT score (0–100)", "Complaints")]
    body = [
        [r.label if r.key is not None else none_label, r.volume, _rate(r.response_sla, t),
         _rate(r.resolution_sla, t), number(r.csat_score, "score", t), r.complaints]
        for r in rows
    ]
    return _table(heads, body, ("", "right", "right", "right", "right", "right"))


def report_html(report: PeriodReport, texts: Mapping[str, str] | None = None) -> str:
    """The whole report; charts are ``<img src='chart://pareto'>`` and ``chart://volume``,
    ``chart://response`` (added by :func:`report_document`)."""
    labels = texts if texts is not None else report_texts()

    def t(s: str) -> str:
        return labels.get(s, s)

    p = report.period
    facts = [
        f"{t('Period')}: {p.first} – {p.last} ({report.tz or t('local time')})",
        f"{t('As of')}: {_local(report.as_of, report.tz)}",
        f"{t('Previous period')}: {report.previous_period.label}",
        f"{t('Vendors')}: {', '.join(report.vendors_filter) or t('all')}",
        f"{t('Sites')}: {', '.join(report.sites_filter) or t('all')}",
    ]
    h = [
        f"<h1 style='color:{HEAD}'>{escape(title_of(report, t))}</h1>",
        "<p>" + " · ".join(escape(f) for f in facts) + "</p>",
        f"<h2>{escape(t('Summary'))}</h2>",
        _kpi_table(report.kpis, t),
        f"<p style='color:#666'><small>{escape(t('Thin: fewer than 30 tickets or answers behind the figure; read it with care.'))}</small></p>",  # noqa: E501
        f"<h2>{escape(t('SLA by priority'))}</h2>",
    ]
    heads = [t(x) for x in ("Priority", "Volume", "First response, median (min)",
                            "Response SLA met", "Resolution time, median (h)",
                            "Resolution SLA met", "Pending")]
    body = [
        [k.priority, k.volume, number(k.frt_median_min, "min", t),
         _rate(k.response_sla.rate, t), number(k.resolution_median_h, "h", t),
         _rate(k.resolution_sla.rate, t), k.response_sla.pending]
        for k in report.by_priority
    ]
    h.append(_table(heads, body, ("", "right", "right", "right", "right", "right", "right")))
    h.append(f"<h2 style='{BREAK}'>{escape(t('Complaints by category (Pareto)'))}</h2>")
    if report.pareto:
        h.append(f"<p><img src='chart://pareto' width='{CHART_WIDTH}'></p>")
        h.append(f"<p style='color:#666'><small>{escape(t('Dark bars are the vital few: the categories that together reach 80 % of complaints.'))}</small></p>")  # noqa: E501
    else:
        h.append(f"<p>{escape(t('None.'))}</p>")
    h.append(f"<h2>{escape(t('Trend'))}</h2>")
    h.append(f"<p><img src='chart://volume' width='{CHART_WIDTH}'></p>")
    h.append(f"<p><img src='chart://response' width='{CHART_WIDTH}'></p>")
    h.append(f"<p style='color:#666'><small>{escape(t('Grey lines are the control limits, the green dashed line the target; a red point lies outside the limits (a real change, not noise).'))}</small></p>")  # noqa: E501
    h.append(f"<h2 style='{BREAK}'>{escape(t('By vendor'))}</h2>")
    h.append(_breakdown(report.by_vendor, t, t("(no vendor)")))
    h.append(f"<h2>{escape(t('By site'))}</h2>")
    h.append(_breakdown(report.by_site, t, t("(no site)")))
    h.append(f"<h2>{escape(t('Overdue complaints at the period end'))}</h2>")
    if report.overdue:
        heads = [t(x) for x in ("External id", "Created", "Age (h)", "Priority", "Category",
                                "Vendor", "Site")]
        body = [
            [o.external_id, _local(o.created_at, report.tz), f"{o.age_h:.0f}", o.priority or "",
             o.category or "", o.vendor or "", o.site or ""]
            for o in report.overdue
        ]
        h.append(_table(heads, body, ("", "", "right", "", "", "", "")))
    else:
        h.append(f"<p>{escape(t('None.'))}</p>")
    return "".join(h)


def report_document(report: PeriodReport, font: QFont) -> QTextDocument:
    """A ``QTextDocument`` of the report with its charts; ``font`` must cover Chinese.

    Safe in a worker thread (charts are drawn on ``QImage``, not widgets).
    """
    texts = report_texts()

    def t(s: str) -> str:
        return texts.get(s, s)

    doc = QTextDocument()
    doc.setDefaultFont(font)
    image_type = QTextDocument.ResourceType.ImageResource
    per = f"per {report.grain}"
    doc.addResource(image_type, QUrl("chart://pareto"),
                    pareto_image(report.pareto, font, t("(no category)"), CHART_WIDTH))
    doc.addResource(image_type, QUrl("chart://volume"), control_chart_image(
        report.volume_trend, t(f"Tickets {per}"), font, percent=False, width=CHART_WIDTH))
    doc.addResource(image_type, QUrl("chart://response"), control_chart_image(
        report.response_trend, t(f"Response SLA met {per}"), font, percent=True,
        width=CHART_WIDTH))
    doc.setHtml(report_html(report, texts))
    return doc
