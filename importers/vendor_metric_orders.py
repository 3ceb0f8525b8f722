"""Aggregating order-level rows (one purchase order, product or delivery per row) into
vendor metrics per vendor × period.

The period of a row is its period column, else the **month** of its date column (e.g.
``Order_Date``), else the import's default period (the Kaggle supply-chain file has no
date at all). Per vendor × period (decisions recorded here; DESIGN.md is silent):

* ``order_count`` — rows (orders) in the group, cancelled ones included;
* ``on_time_rate_pct`` — 100 · on-time / orders with an on-time flag (``is_ontime`` 1/0,
  ``Ontime_Status`` Ontime/Delayed, 是/否 …), leaving out orders whose status says
  cancelled or pending (nothing was delivered, so nothing was on time or late);
* ``defect_rate_pct`` — 100 · Σ defective units / Σ quantity over orders with both, or,
  without unit counts, the mean of a per-row defect-rate column (already in percent);
* ``compliance_pct`` — 100 · compliant / orders with a compliance flag (Yes/No);
* ``inspection_pass_rate_pct`` — 100 · Pass / (Pass + Fail); Pending results are left out;
* ``lead_time_days`` — the mean of a lead-time column (days).

A metric is written only for groups that have data for it. A row with a missing vendor or
an unreadable period, flag or number is rejected and takes no part in any figure.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np

from importers.periods import Period
from importers.table import RawTable
from importers.values import code_key, parse_booleans, parse_numbers
from importers.vendor_metric_rows import (
    Error,
    MetricRecord,
    ParsedMetrics,
    row_periods,
    row_vendors,
)
from importers.vendor_metric_shapes import VendorPlan, metric_key, metric_unit

ON_TIME_WORDS = {"ontime": True, "on time": True, "准时": True, "按时": True, "及时": True,
                 "delayed": False, "late": False, "延迟": False, "逾期": False, "延期": False,
                 "超期": False}
EXCLUDED_STATUS = frozenset({"cancelled", "canceled", "pending", "已取消", "取消", "待交付",
                             "未交付", "open"})
PASS_WORDS = {"pass": True, "passed": True, "合格": True, "通过": True,
              "fail": False, "failed": False, "不合格": False, "未通过": False}
IGNORED_RESULTS = frozenset({"pending", "待检", "待定", "n/a", "na"})


def _flags(table: RawTable, plan: VendorPlan, role: str, words: dict[str, bool],
           errors: list[Error], ignored: frozenset[str] = frozenset()) -> np.ndarray | None:
    """1.0/0.0 per row, NaN where blank or ignored; invalid cells become errors."""
    j = plan.roles.get(role)
    if j is None:
        return None
    cells = table.columns[j]
    skip = np.array([code_key(v) in ignored if v is not None else False for v in cells],
                    dtype=bool)
    parsed = parse_booleans(cells, extra=words)
    for i in np.flatnonzero(parsed.invalid & ~skip):
        errors.append((table.row_numbers[i], table.headers[j], cells[i], "unparseable",
                       "not a yes/no value"))
    return np.where(parsed.ok & ~skip, parsed.values.astype(float), np.nan)


def _numbers(table: RawTable, j: int | None, errors: list[Error]) -> np.ndarray | None:
    if j is None:
        return None
    parsed = parse_numbers(table.columns[j])
    for i in np.flatnonzero(parsed.invalid):
        errors.append((table.row_numbers[i], table.headers[j], table.columns[j][i],
                       "unparseable", "not a number"))
    return np.where(parsed.ok, parsed.values, np.nan)


def _metric_column(table: RawTable, key: str) -> int | None:
    return next((j for j, h in enumerate(table.headers) if h and metric_key(h) == (key, True)),
                None)


def aggregate_orders(table: RawTable, plan: VendorPlan, default: Period) -> ParsedMetrics:
    """Vendor × period metrics from order-level rows (see the module docstring)."""
    codes, names = row_vendors(table, plan)
    periods, errors, note = row_periods(table, plan, default)
    j_vendor = plan.roles.get("vendor_code", plan.roles.get("vendor_name"))
    assert j_vendor is not None
    for i in range(table.n_rows):
        if not codes[i] and not names[i]:
            errors.append((table.row_numbers[i], table.headers[j_vendor], None,
                           "missing_required", "the vendor is missing"))
    on_time = _flags(table, plan, "on_time_flag", ON_TIME_WORDS, errors)
    compliant = _flags(table, plan, "compliance_flag", {}, errors)
    passed = _flags(table, plan, "inspection_result", PASS_WORDS, errors, IGNORED_RESULTS)
    defective = _numbers(table, plan.roles.get("defective_units"), errors)
    quantity = _numbers(table, plan.roles.get("quantity"), errors)
    rate = _numbers(table, _metric_column(table, "defect_rate_pct"), errors)
    lead = _numbers(table, _metric_column(table, "lead_time_days"), errors)
    if on_time is not None and "order_status" in plan.roles:
        status = [code_key(v) if v is not None else "" for v in
                  table.columns[plan.roles["order_status"]]]
        on_time = np.where([s in EXCLUDED_STATUS for s in status], np.nan, on_time)

    bad = {e[0] for e in errors}
    groups: dict[tuple[str, str, Period], list[int]] = defaultdict(list)
    first: dict[tuple[str, str, Period], tuple[int, str | None, str | None]] = {}
    for i in range(table.n_rows):
        p = periods[i]
        if table.row_numbers[i] in bad or p is None:
            continue
        key = ((codes[i] or "").casefold(), (names[i] or "").casefold(), p)
        groups[key].append(i)
        first.setdefault(key, (table.row_numbers[i], codes[i], names[i]))

    records: list[MetricRecord] = []
    for key, rows in groups.items():
        ix = np.asarray(rows)
        row, code, name = first[key]
        figures: dict[str, float | None] = {"order_count": float(len(rows))}
        figures["on_time_rate_pct"] = _pct(on_time, ix)
        figures["compliance_pct"] = _pct(compliant, ix)
        figures["inspection_pass_rate_pct"] = _pct(passed, ix)
        figures["defect_rate_pct"] = _defect_rate(defective, quantity, rate, ix)
        figures["lead_time_days"] = _mean(lead, ix)
        for metric, value in figures.items():
            if value is not None:
                records.append(MetricRecord(row, code, name, key[2], metric, value,
                                            metric_unit(metric)))
    notes = [f"{table.n_rows} order rows aggregated per vendor and "
             f"{'month' if 'date' in plan.roles and 'period' not in plan.roles else 'period'}"
             f" into {len(groups)} vendor-period group(s)"]
    if note:
        notes.append(note)
    return ParsedMetrics(records, errors, notes)


def _pct(flags: np.ndarray | None, ix: np.ndarray) -> float | None:
    if flags is None:
        return None
    v = flags[ix]
    v = v[~np.isnan(v)]
    return float(100.0 * v.mean()) if v.size else None


def _mean(values: np.ndarray | None, ix: np.ndarray) -> float | None:
    if values is None:
        return None
    v = values[ix]
    v = v[~np.isnan(v)]
    return float(v.mean()) if v.size else None


def _defect_rate(defective: np.ndarray | None, quantity: np.ndarray | None,
                 rate: np.ndarray | None, ix: np.ndarray) -> float | None:
    if defective is not None and quantity is not None:
        d, q = defective[ix], quantity[ix]
        both = ~np.isnan(d) & ~np.isnan(q) & (q > 0)
        return float(100.0 * d[both].sum() / q[both].sum()) if both.any() else None
    return _mean(rate, ix)

