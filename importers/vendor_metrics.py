"""Importing vendor performance figures (issue 3, "Vendor metrics").

``import_vendor_metrics(table, db, options)`` recognises the shape of a
:class:`RawTable` (:mod:`importers.vendor_metric_shapes`): long (vendor, period, metric,
value), wide (vendor, period, one column per metric) or order-level rows, which are
aggregated per vendor × month (:mod:`importers.vendor_metric_orders`) — the report says
so. Periods are parsed by :mod:`importers.periods`; a file without a period column takes
``options.period`` (default: the current quarter) and the report says that too.

Every row is validated first; then one transaction writes an :class:`ImportBatch`,
creates unknown vendors (listed in the report, see
:mod:`importers.vendor_metric_loading`) and upserts the figures by (vendor,
period_start, period_end, metric). :func:`undo_vendor_metric_import` reverses a batch.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from importers.inspections import file_sha256
from importers.periods import Period, current_quarter, parse_period
from importers.table import RawTable
from importers.vendor_metric_loading import (
    resolve_vendors,
    undo_vendor_metric_batch,
    upsert_metrics,
)
from importers.vendor_metric_orders import aggregate_orders
from importers.vendor_metric_rows import ParsedMetrics, parse_long, parse_wide
from importers.vendor_metric_shapes import VendorPlan, detect_vendor_shape
from models.db import Database
from models.orm import ImportBatch, utcnow
from models.orm.admin import BatchStatus
from models.progress import NullProgress, Progress

KIND = "vendor-metrics"


@dataclass(frozen=True)
class VendorMetricImportOptions:
    """Choices for one import. ``period`` (a :class:`Period` or text such as ``2026Q1``)
    is used when the file has no period column; ``create_vendors`` creates unknown vendors
    (category ``unknown``) instead of rejecting their rows."""

    period: Period | str | None = None
    create_vendors: bool = True
    skip_invalid: bool = True
    source: str | None = None
    user: str | None = None
    profile: str | None = None
    today: dt.date | None = None  # for the default period; None → the local date


@dataclass
class VendorMetricImportResult:
    """What an import did; ``rows`` counts file rows, ``inserted``/``updated`` figures.
    ``errors`` are ``(row, column, value, reason)``; ``new_vendors`` the vendors created."""

    batch: int | None
    rows: int
    inserted: int
    updated: int
    rejected: int
    errors: list[tuple[int, str, Any, str]]
    shape: str
    figures: int
    new_vendors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def default_period(options: VendorMetricImportOptions) -> Period:
    """The period for files without one. Raises ``ValueError`` for unreadable text."""
    if isinstance(options.period, Period):
        return options.period
    if options.period:
        p = parse_period(options.period)
        if p is None:
            raise ValueError(f"not a period: {options.period!r} (e.g. 2026Q1, 2026-03)")
        return p
    return current_quarter(options.today)


def parse_table(table: RawTable, period: Period) -> tuple[VendorPlan, ParsedMetrics]:
    """Shape detection and validation, no database. Raises ``ValueError`` when the table
    has no vendor or no metric column."""
    plan = detect_vendor_shape(table)
    if plan.shape == "long":
        return plan, parse_long(table, plan, period)
    if plan.shape == "orders":
        return plan, aggregate_orders(table, plan, period)
    return plan, parse_wide(table, plan, period)


def import_vendor_metrics(table: RawTable, db: Database,
                          options: VendorMetricImportOptions | None = None,
                          progress: Progress | None = None) -> VendorMetricImportResult:
    """Validate and load vendor metrics from ``table`` (see the module docstring).

    Raises ``ValueError`` when the table has no vendor or metric column or the period
    option is unreadable; row problems are returned as errors.
    """
    options = options or VendorMetricImportOptions()
    progress = progress or NullProgress()
    progress.update(0, table.n_rows, "validating")
    plan, parsed = parse_table(table, default_period(options))
    errors = list(parsed.errors)
    result = VendorMetricImportResult(None, table.n_rows, 0, 0, 0, errors, plan.shape,
                                      len(parsed.records), notes=list(parsed.notes))
    progress.check()
    if (errors and not options.skip_invalid) or not parsed.records:
        result.rejected = len({e[0] for e in errors})
        return result
    progress.update(0, len(parsed.records), "loading")
    try:
        inserted, updated = _load(table, db, options, plan, parsed, result, progress)
    except _NothingImported:
        result.rejected = len({e[0] for e in errors})
        return result
    result.errors = sorted(errors, key=lambda e: e[0])
    result.inserted, result.updated = inserted, updated
    progress.update(len(parsed.records), len(parsed.records), "done")
    return result


class _NothingImported(Exception):
    """Unknown vendors were rejected in all-or-nothing mode: roll the batch back."""


def _load(table: RawTable, db: Database, options: VendorMetricImportOptions, plan: VendorPlan,
          parsed: ParsedMetrics, result: VendorMetricImportResult,
          progress: Progress) -> tuple[int, int]:
    errors = result.errors
    with db.transaction() as s:
        batch = ImportBatch(kind=KIND, file_name=str(table.path)[:500],
                            file_sha256=file_sha256(Path(table.path)),
                            source=(options.source or Path(table.path).stem)[:100],
                            sheet=table.sheet, profile=options.profile, user=options.user,
                            rows=table.n_rows)
        s.add(batch)
        s.flush()
        vendors = resolve_vendors(s, parsed.records, create=options.create_vendors,
                                  batch_id=batch.id, file_name=Path(table.path).name)
        errors.extend(vendors.rejected)
        if vendors.rejected and not options.skip_invalid:
            raise _NothingImported
        inserted, updated = upsert_metrics(s, batch, parsed.records, vendors.ids)
        progress.check()
        result.rejected = len({e[0] for e in errors})
        result.new_vendors = [name for _id, name in vendors.created]
        if vendors.created:
            result.notes.append(f"{len(vendors.created)} new vendor(s) created with category "
                                f"'unknown', please confirm: " + ", ".join(result.new_vendors))
        batch.inserted, batch.updated, batch.rejected = inserted, updated, result.rejected
        batch.finished_at = utcnow()
        batch.report = {
            "shape": plan.shape, "notes": result.notes,
            "errors": [{"row": r, "column": c, "value": v if isinstance(
                v, (str, int, float, type(None))) else str(v), "reason": why}
                for r, c, v, why in sorted(errors, key=lambda e: e[0])],
            "created": {"vendors": [i for i, _n in vendors.created]},
        }
        result.batch = batch.id
    return inserted, updated


def undo_vendor_metric_import(db: Database, batch_id: int) -> None:
    """Undo a vendor-metrics batch in one transaction. Raises ``LookupError`` for an
    unknown batch, ``ValueError`` when it is not a committed vendor-metrics batch."""
    with db.transaction() as s:
        batch = s.get(ImportBatch, batch_id)
        if batch is None:
            raise LookupError(f"no import batch {batch_id}")
        if batch.kind != KIND or batch.status is BatchStatus.UNDONE:
            raise ValueError(f"batch {batch_id} is not a committed vendor-metrics import")
        undo_vendor_metric_batch(s, batch)
        batch.status = BatchStatus.UNDONE
