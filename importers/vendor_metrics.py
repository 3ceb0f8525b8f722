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
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from importers.inspection_report import (
    ErrorTuple,
    batch_report,
    choose_profile,
    file_sha256,
    import_report,
    row_errors,
    undo_import,
)
from importers.periods import Period, current_quarter, parse_period
from importers.report import ImportReport
from importers.table import ImportRefused, RawTable
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
from models.progress import NullProgress, Progress

if TYPE_CHECKING:
    from importers.kinds import JobOptions

KIND = "vendor-metrics"
SHAPE_NOTES = {
    "long": "one figure per row (vendor, period, metric, value)",
    "wide": "one row per vendor and period, one column per metric",
    "orders": "one row per order: figures are aggregated per vendor and period",
}


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
    columns: dict[str, str] | None = None  # role → header, the user's mapping


def default_period(options: VendorMetricImportOptions, fallback: Any = None) -> Period:
    """The period for files without one: the option, else ``fallback`` (a profile's),
    else the current quarter. Raises ``ValueError`` for unreadable text."""
    chosen = options.period or fallback
    if isinstance(chosen, Period):
        return chosen
    if chosen:
        p = parse_period(chosen)
        if p is None:
            raise ValueError(f"not a period: {chosen!r} (e.g. 2026Q1, 2026-03)")
        return p
    return current_quarter(options.today)


def parse_table(table: RawTable, period: Period, columns: dict[str, str] | None = None
                ) -> tuple[VendorPlan, ParsedMetrics]:
    """Shape detection and validation, no database. Raises ``ValueError`` when the table
    has no vendor or no metric column."""
    plan = detect_vendor_shape(table, columns)
    if plan.shape == "long":
        return plan, parse_long(table, plan, period)
    if plan.shape == "orders":
        return plan, aggregate_orders(table, plan, period)
    return plan, parse_wide(table, plan, period)


def import_vendor_metrics(table: RawTable, db: Database,
                          options: VendorMetricImportOptions | None = None,
                          progress: Progress | None = None) -> ImportReport:
    """Validate and load vendor metrics from ``table`` (see the module docstring).

    ``report.rows`` counts file rows, ``inserted``/``updated`` count figures (vendor ×
    period × metric); ``warnings`` say how the file was read (aggregation, default period,
    vendors created). Raises ``ValueError`` when the table has no vendor or metric column
    or the period option is unreadable; row problems are returned as errors.
    Raises :class:`ImportRefused` ``bad_period`` (the period option) and
    ``unknown_profile``; a table without a vendor or metric column has every row rejected
    (``missing_required``).
    """
    options = options or VendorMetricImportOptions()
    progress = progress or NullProgress()
    progress.update(0, table.n_rows, "validating")
    choice = choose_profile(table, db, KIND, name=options.profile, columns=options.columns)
    try:
        period = default_period(options, choice.options.get("period"))
    except ValueError as exc:
        raise ImportRefused("bad_period", table.path, str(exc)) from exc
    try:
        plan, parsed = parse_table(table, period, choice.columns)
    except ValueError as exc:  # no vendor / metric column: every row is rejected, as tickets do
        errors = [(r, "Vendor", None, "missing_required", str(exc)) for r in table.row_numbers]
        return import_report(table, KIND, row_errors(errors), [], batch=None, inserted=0,
                             updated=0, source=options.source or "",
                             skip_invalid=options.skip_invalid)
    notes = [SHAPE_NOTES[plan.shape], *parsed.notes]
    if choice.name:
        notes.insert(1, f"columns from profile {choice.name!r}")
    errors = list(parsed.errors)
    source = (options.source or choice.source or Path(table.path).stem)[:100]
    progress.check()
    batch_id, inserted, updated = None, 0, 0
    if parsed.records and (options.skip_invalid or not errors):
        progress.update(0, len(parsed.records), "loading")
        try:
            batch_id, inserted, updated = _load(table, db, options, plan, parsed, errors, notes,
                                                source, choice.name, progress)
        except _NothingImported:
            batch_id = None
        progress.update(len(parsed.records), len(parsed.records), "done")
    return import_report(table, KIND, row_errors(errors), notes, batch=batch_id,
                         inserted=inserted, updated=updated, source=source,
                         skip_invalid=options.skip_invalid)


class _NothingImported(Exception):
    """Unknown vendors were rejected in all-or-nothing mode: roll the batch back."""


def _load(table: RawTable, db: Database, options: VendorMetricImportOptions, plan: VendorPlan,
          parsed: ParsedMetrics, errors: list[ErrorTuple], notes: list[str], source: str,
          profile: str | None, progress: Progress) -> tuple[int, int, int]:
    with db.transaction() as s:
        batch = ImportBatch(kind=KIND, file_name=str(table.path)[:500],
                            file_sha256=file_sha256(Path(table.path)), source=source,
                            sheet=table.sheet, profile=profile, user=options.user,
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
        if vendors.created:
            notes.append(f"{len(vendors.created)} new vendor(s) created with category "
                         "'unknown', please confirm: "
                         + ", ".join(name for _id, name in vendors.created))
        batch.inserted, batch.updated = inserted, updated
        batch.rejected = len({e[0] for e in errors})
        batch.finished_at = utcnow()
        batch.report = batch_report(row_errors(errors), notes, shape=plan.shape, created={
            "vendors": [i for i, _n in vendors.created]})
        return batch.id, inserted, updated


def undo_vendor_metric_import(db: Database, batch_id: int) -> None:
    """Undo a vendor-metrics batch in one transaction (see
    :func:`importers.vendor_metric_loading.undo_vendor_metric_batch`). Raises
    :class:`importers.batches.BatchUndoError` like :func:`undo_inspection_import`."""
    undo_import(db, batch_id, KIND, "vendor_metrics", undo_vendor_metric_batch)


def run_vendor_metric_job(table: RawTable, db: Database, job: JobOptions,
                          progress: Progress) -> ImportReport:
    """The ``vendor-metrics`` kind of :func:`importers.job.import_file`.

    ``job.options`` may hold ``period`` (text such as ``2026Q1``, for files without a
    period column) and ``create_vendors`` (default True).
    """
    return import_vendor_metrics(table, db, VendorMetricImportOptions(
        period=job.options.get("period"),
        create_vendors=bool(job.options.get("create_vendors", True)),
        skip_invalid=job.skip_invalid, source=job.source, user=job.user,
        profile=job.profile,
        columns=job.mapping.fields if job.mapping is not None else None), progress)
