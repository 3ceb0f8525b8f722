"""Vendor metrics from long and wide tables, and the record every shape produces.

Rules: the vendor (code or name) is required; the period comes from the period column
(:func:`importers.periods.parse_period`: a date means its month), else from a date
column, else from the import's default period. Values are numbers (``97.5%`` and decimal
commas accepted); a blank value is no figure, not an error. Percent metrics that are
never small (on-time, fulfilment, compliance, pass rates) given as fractions — a whole
column within 0–1, as Excel's percent format stores them — are multiplied by 100.
A vendor × period × metric seen earlier in the file rejects the later figure.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from importers.periods import Period, parse_period
from importers.table import RawTable
from importers.values import parse_numbers, text_values
from importers.vendor_metric_shapes import FRACTION_RATES, VendorPlan, metric_key, metric_unit

Error = tuple[int, str, Any, str, str]  # row, column, value, code, message


@dataclass(frozen=True)
class MetricRecord:
    """One figure: vendor (code and/or name), period, metric key, value, unit."""

    row: int
    vendor_code: str | None
    vendor_name: str | None
    period: Period
    metric: str
    value: float
    unit: str | None


@dataclass
class ParsedMetrics:
    records: list[MetricRecord]
    errors: list[Error]
    notes: list[str] = field(default_factory=list)


def row_vendors(table: RawTable, plan: VendorPlan) -> tuple[list[str | None], list[str | None]]:
    """(codes, names) per row as stripped text."""
    def col(role: str) -> list[str | None]:
        j = plan.roles.get(role)
        return [None] * table.n_rows if j is None else text_values(table.columns[j], 200)
    return col("vendor_code"), col("vendor_name")


def row_periods(table: RawTable, plan: VendorPlan, default: Period
                ) -> tuple[list[Period | None], list[Error], str | None]:
    """Period per row (``None`` where rejected), the errors, and a note on the default."""
    j = plan.roles.get("period", plan.roles.get("date"))
    if j is None:
        return [default] * table.n_rows, [], (
            f"the file has no period column: every figure is for {default.label} "
            "(the import's period option)")
    out: list[Period | None] = []
    errors: list[Error] = []
    for i, value in enumerate(table.columns[j]):
        p = parse_period(value)
        if p is None:
            code, reason = ("missing_required", "the period is missing") if value in (
                None, "") else ("unparseable", "not a period (e.g. 2026-03, 2026Q1, 2026年3月)")
            errors.append((table.row_numbers[i], table.headers[j], value, code, reason))
        out.append(p)
    return out, errors, None


def _vendor_errors(table: RawTable, plan: VendorPlan, codes: list[str | None],
                   names: list[str | None]) -> list[Error]:
    j = plan.roles.get("vendor_code", plan.roles.get("vendor_name"))
    assert j is not None
    return [(table.row_numbers[i], table.headers[j], table.columns[j][i], "missing_required",
             "the vendor is missing")
            for i in range(table.n_rows) if not codes[i] and not names[i]]


def _scale(key: str, values: np.ndarray, ok: np.ndarray) -> tuple[np.ndarray, bool]:
    if key in FRACTION_RATES and ok.any():
        v = values[ok]
        if v.min() >= 0 and v.max() <= 1 and (v % 1 != 0).any():
            return values * 100.0, True
    return values, False


def parse_wide(table: RawTable, plan: VendorPlan, default: Period) -> ParsedMetrics:
    """Records from a wide table: one figure per (row, metric column) with a value."""
    codes, names = row_vendors(table, plan)
    periods, errors, note = row_periods(table, plan, default)
    errors += _vendor_errors(table, plan, codes, names)
    notes = [note] if note else []
    columns: list[tuple[str, np.ndarray, np.ndarray]] = []
    for j, key in plan.metrics.items():
        parsed = parse_numbers(table.columns[j])
        values, scaled = _scale(key, parsed.values, parsed.ok)
        if scaled:
            notes.append(f"{table.headers[j]}: fractions read as percent (×100)")
        for i in np.flatnonzero(parsed.invalid):
            errors.append((table.row_numbers[i], table.headers[j], table.columns[j][i],
                           "unparseable", "not a number"))
        columns.append((key, values, parsed.ok))
    bad = {e[0] for e in errors}  # a row with any error gives no figure at all
    records: list[MetricRecord] = []
    for key, values, ok in columns:
        for i in np.flatnonzero(ok):
            p, row = periods[i], table.row_numbers[i]
            if row in bad or p is None:
                continue
            records.append(MetricRecord(row, codes[i], names[i], p, key, float(values[i]),
                                        metric_unit(key)))
    if plan.unlisted:
        notes.append("metric columns without a known name, kept under their own key: "
                      + ", ".join(plan.unlisted))
    return dedupe(records, errors, notes)


def parse_long(table: RawTable, plan: VendorPlan, default: Period) -> ParsedMetrics:
    """Records from a long table (vendor, period, metric, value [, unit])."""
    codes, names = row_vendors(table, plan)
    periods, errors, note = row_periods(table, plan, default)
    errors += _vendor_errors(table, plan, codes, names)
    bad = {e[0] for e in errors}
    jm, jv = plan.roles["metric"], plan.roles["value"]
    metric_names = text_values(table.columns[jm], 200)
    units = (text_values(table.columns[plan.roles["unit"]], 32) if "unit" in plan.roles
             else [None] * table.n_rows)
    parsed = parse_numbers(table.columns[jv])
    records: list[MetricRecord] = []
    unlisted: set[str] = set()
    for i in range(table.n_rows):
        row = table.row_numbers[i]
        if not metric_names[i]:
            errors.append((row, table.headers[jm], None, "missing_required",
                           "the metric name is missing"))
            continue
        if parsed.invalid[i]:
            errors.append((row, table.headers[jv], table.columns[jv][i], "unparseable",
                           "not a number"))
            continue
        p = periods[i]
        if row in bad or p is None or parsed.missing[i]:
            continue
        key, listed = metric_key(metric_names[i] or "")
        if not listed:
            unlisted.add(metric_names[i] or "")
        records.append(MetricRecord(row, codes[i], names[i], p, key, float(parsed.values[i]),
                                    units[i] or metric_unit(key)))
    notes = [note] if note else []
    if unlisted:
        notes.append("metrics without a known name, kept under their own key: "
                     + ", ".join(sorted(unlisted)))
    return dedupe(records, errors, notes)


def dedupe(records: list[MetricRecord], errors: list[Error], notes: list[str]) -> ParsedMetrics:
    """Reject a vendor × period × metric figure seen earlier in the file."""
    seen: dict[tuple[str, str, str], int] = {}
    kept: list[MetricRecord] = []
    for r in records:
        key = ((r.vendor_code or r.vendor_name or "").casefold(), r.period.label, r.metric)
        if key in seen:
            errors.append((r.row, r.metric, r.value, "duplicate_figure",
                           f"duplicate figure for this vendor, period and metric: row "
                           f"{seen[key]} is kept"))
            continue
        seen[key] = r.row
        kept.append(r)
    return ParsedMetrics(kept, errors, notes)
