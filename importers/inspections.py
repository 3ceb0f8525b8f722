"""Importing inspection, audit and mystery-shop results (issue 3, "Inspections").

``import_inspections(table, db, options)`` takes a :class:`RawTable` from the reader and:

1. recognises the shape — wide (one row per visit, item columns or just a score), long
   (visit × item) or key/value — and pivots the latter two to wide
   (:mod:`importers.inspection_shapes`);
2. binds item columns to a checklist template by item code or text, or proposes an
   import template for yes/no columns that match none (:mod:`importers.inspection_items`);
3. validates every row into visits (:mod:`importers.inspection_visits`);
4. loads them in **one transaction** with an :class:`ImportBatch`, upserting by a UUID
   derived from (source, external id) so importing the same file again updates the
   visits instead of duplicating them (:mod:`importers.inspection_loading`).

Columns are found by synonyms; a profile (``--profile``, a saved one whose headers fit,
or one shipped in ``resources/profiles/inspections-*.json`` for the city food-safety
exports, SafetyCulture and the RFID street-light log) or the mapping dialog overrides
them and supplies the time zone, visit kind and source name.

``source`` names where the file comes from and keeps UUIDs and site codes stable across
files of that source: the option when given, else the profile's, else the file name
without extension and digits. The visit kind is the option, else the profile's, else
``audit`` for audit-tool exports (an ``audit_id`` column), ``mystery_shop`` when a header
says so, else ``inspection``. Naive times are read in the option's zone, else the
profile's, else this computer's.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from importers.inspection_items import bind_items
from importers.inspection_loading import LoadCounts, load_visits, undo_inspection_batch
from importers.inspection_report import (
    batch_report,
    choose_profile,
    file_sha256,
    import_report,
    row_errors,
    undo_import,
)
from importers.inspection_shapes import (
    choice_item_columns,
    detect_shape,
    header_key,
    pivot_to_wide,
)
from importers.inspection_visits import parse_visits
from importers.report import ImportReport
from importers.table import ImportRefused, RawTable
from importers.values import resolve_timezone
from models.db import Database
from models.orm import ImportBatch, utcnow
from models.orm.checklists import InspectionKind
from models.progress import NullProgress, Progress

if TYPE_CHECKING:
    from importers.kinds import JobOptions

KIND = "inspections"
SHAPE_NOTES = {
    "wide": "one row per visit",
    "long": "one row per visit and item, pivoted to one row per visit",
    "key_value": "key/value pairs per visit, pivoted to one row per visit",
}


@dataclass(frozen=True)
class InspectionImportOptions:
    """Choices for one import. ``tz`` is the zone of naive times (default: this computer's);
    ``skip_invalid`` imports the valid rows when some are rejected (else nothing)."""

    source: str | None = None
    tz: str | None = None
    kind: InspectionKind | None = None
    template_code: str | None = None
    skip_invalid: bool = True
    user: str | None = None
    profile: str | None = None
    columns: dict[str, str] | None = None  # role → header, the user's mapping


def detect_source(table: RawTable) -> str:
    """A source name from the table's file name (digits and separators dropped)."""
    from importers.kinds import source_from_path  # kinds imports this module lazily

    return source_from_path(Path(table.path))[:40]


def detect_kind(table: RawTable) -> InspectionKind:
    keys = [header_key(h) for h in table.headers]
    if "auditid" in keys or "auditdate" in keys:
        return InspectionKind.AUDIT
    if any("mystery" in k or "神秘" in k for k in keys):
        return InspectionKind.MYSTERY_SHOP
    return InspectionKind.INSPECTION


def import_inspections(table: RawTable, db: Database,
                       options: InspectionImportOptions | None = None,
                       progress: Progress | None = None) -> ImportReport:
    """Validate and load inspection results from ``table`` (see the module docstring).

    ``report.rows`` counts visits (rows of the pivoted table for long/key-value files);
    ``report.warnings`` says what was recognised (shape, template, sites created).
    Raises :class:`ImportRefused` ``bad_timezone``, ``unknown_template`` and
    ``unknown_profile``; row problems never raise, they are returned as errors.
    """
    options = options or InspectionImportOptions()
    progress = progress or NullProgress()
    choice = choose_profile(table, db, KIND, name=options.profile, columns=options.columns)
    try:
        tz: dt.tzinfo = resolve_timezone(options.tz or choice.options.get("tz"))
    except ValueError as exc:
        raise ImportRefused("bad_timezone", table.path, str(exc)) from exc
    source = options.source or choice.source or detect_source(table)
    named_kind = options.kind or choice.options.get("inspection_kind")
    kind = InspectionKind(named_kind) if named_kind else detect_kind(table)
    progress.update(0, table.n_rows, "mapping")
    first = detect_shape(table, choice.columns)
    wide, plan = pivot_to_wide(table, first, choice.columns)
    template = options.template_code or choice.options.get("template")
    with db.session() as s:
        try:
            binding = bind_items(s, wide, plan, choice_item_columns(wide, plan),
                                 source=source, kind=kind, template_code=template)
        except LookupError as exc:
            raise ImportRefused("unknown_template", table.path, str(exc)) from exc
    progress.check()
    progress.update(0, wide.n_rows, "validating")
    parsed = parse_visits(wide, plan, binding, source=source, tz=tz)
    notes = [f"{SHAPE_NOTES[first.shape]}, kind {kind.value}, source {source!r}"]
    if choice.name:
        notes.append(f"columns from profile {choice.name!r}")
    if binding is None:
        notes.append("no checklist item columns: visit-level scores and results only")
    if binding is not None:
        what = "a new import template" if binding.created else "checklist"
        notes.append(f"{len(binding.columns)} item column(s) matched to {what} "
                     f"{binding.template.code!r}")
        if binding.unmatched:
            notes.append("columns not in the checklist, ignored: " + ", ".join(binding.unmatched))
    notes += parsed.notes
    if parsed.skipped_deleted:
        notes.append(f"{parsed.skipped_deleted} row(s) marked deleted in the source were skipped")
    errors = row_errors(parsed.errors)
    batch_id, counts = None, LoadCounts()
    if parsed.visits and (options.skip_invalid or not errors):
        progress.check()
        progress.update(0, len(parsed.visits), "loading")
        with db.transaction() as s:
            batch = ImportBatch(kind=KIND, file_name=str(table.path)[:500],
                                file_sha256=file_sha256(Path(table.path)), source=source,
                                sheet=table.sheet, profile=choice.name, user=options.user,
                                rows=wide.n_rows, rejected=len({e.row for e in errors}))
            s.add(batch)
            s.flush()
            counts = load_visits(s, batch, parsed.visits, binding, source=source, kind=kind)
            progress.check()
            if counts.created_sites:
                notes.append(f"{len(counts.created_sites)} new site(s) created")
            batch.inserted, batch.updated = counts.inserted, counts.updated
            batch.finished_at = utcnow()
            batch.report = batch_report(errors, notes, shape=plan.shape, created={
                "sites": counts.created_sites, "template": counts.created_template})
            batch_id = batch.id
        progress.update(len(parsed.visits), len(parsed.visits), "done")
    return import_report(wide, KIND, errors, notes, batch=batch_id, inserted=counts.inserted,
                         updated=counts.updated, source=source,
                         skip_invalid=options.skip_invalid)


def undo_inspection_import(db: Database, batch_id: int) -> None:
    """Undo an inspections batch in one transaction (see :func:`undo_inspection_batch`).

    Raises :class:`importers.batches.BatchUndoError` (unknown batch, undone already, not an
    inspections batch, or a later batch changed its visits).
    """
    undo_import(db, batch_id, KIND, "inspections", undo_inspection_batch)


def run_inspection_job(table: RawTable, db: Database, job: JobOptions,
                       progress: Progress) -> ImportReport:
    """The ``inspections`` kind of :func:`importers.job.import_file`.

    ``job.options`` may hold ``template`` (a checklist code to match items against) and
    ``inspection_kind`` (``inspection`` / ``audit`` / ``mystery_shop``).
    """
    kind = job.options.get("inspection_kind")
    return import_inspections(table, db, InspectionImportOptions(
        source=job.source, tz=job.tz, kind=InspectionKind(kind) if kind else None,
        template_code=job.options.get("template"), skip_invalid=job.skip_invalid,
        user=job.user, profile=job.profile,
        columns=job.mapping.fields if job.mapping is not None else None), progress)
