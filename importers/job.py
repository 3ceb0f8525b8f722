"""One import, end to end: read → map → validate → load (``import_file``).

``import_file`` is what the command line runs, and what the GUI and the watched folder
run in a child process through :func:`import_file_isolated` (DESIGN.md: the whole job
— pre-checks, parsing, validation and the load transaction — in a ``spawn`` child,
so a native crash becomes a message and Cancel simply stops the child, whose
transaction never commits).

Failure modes: :class:`ImportRefused` for a file refused as a whole (missing,
unreadable, unsafe, unknown profile or zone); row problems never raise, they are in
the :class:`ImportReport`. A file whose SHA-256 matches a committed batch of the same
kind is not imported again unless ``force``: the report has ``duplicate_of`` set.
"""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from importers.batches import file_sha256, find_duplicate
from importers.event_log import EventLogInfo
from importers.kinds import JobOptions, get_kind
from importers.mapping import Mapping
from importers.report import ImportReport
from importers.table import ImportRefused, RawTable
from models.db import Database, open_database
from models.progress import NullProgress, Progress

MODES = ("all-or-nothing", "skip-invalid")
AUTO = "auto"  # import_file's kind: read it from the headers


def read_file(path: Path, sheet: str | None = None, progress: Progress | None = None) -> RawTable:
    """Read ``path`` with :func:`importers.reader.read_table`. Raises :class:`ImportRefused`."""
    from importers.reader import read_table

    return read_table(path, sheet=sheet, progress=progress)


def _hash_and_open(path: Path, db_url: str) -> tuple[str, Database]:
    """(SHA-256 of ``path``, the opened database): the hashing overlaps the opening (and
    migrating) of the database — hashlib releases the GIL. Raises :class:`ImportRefused`
    ``unreadable`` for a file that cannot be read."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        hashing = pool.submit(file_sha256, path)
        db = open_database(db_url)
    try:
        return hashing.result(), db
    except OSError as exc:
        db.dispose()
        raise ImportRefused("unreadable", path, f"cannot read the file: {exc}") from exc


@dataclass
class Preview:
    """What a file would import as: the mapping in use and the validation outcome as
    tickets (``report.batch`` is None; nothing was written), the kind its headers
    suggest (:func:`importers.kind_detection.detect_file_kind`), whether it looks like an
    event log (:mod:`importers.event_log`) and, for vendor metrics, whether it has a
    period column. Picklable."""

    mapping: Mapping
    report: ImportReport
    profile: str | None
    samples: dict[str, list[str]] = field(default_factory=dict)
    detected_kind: str | None = None
    event_log: EventLogInfo | None = None
    has_period: bool = False


def preview_file(path: Path | str, db_url: str, *, kind: str | None = None,
                 sheet: str | None = None, profile: str | None = None, tz: str | None = None,
                 source: str | None = None, mapping: Mapping | None = None,
                 options: dict[str, Any] | None = None,
                 progress: Progress | None = None) -> Preview:
    """Read, map and validate ``path`` as tickets without writing: the mapping dialog's
    data (other kinds have no column mapping; their importers decide the shapes).

    ``report.duplicate_of`` is a committed batch of this file for ``kind`` (default: the
    detected kind). The event-log choice (``options`` or the mapping's) applies as in
    the import. Raises like :func:`import_file`.
    """
    from importers.kind_detection import detect_file_kind
    from importers.ticket_job import choose_mapping, validate_ticket_table
    from importers.vendor_metric_shapes import has_period_column

    started = time.monotonic()
    progress = progress or NullProgress()
    path = Path(path)
    if not path.is_file():
        raise ImportRefused("not_found", path, "no such file")
    sha, db = _hash_and_open(path, db_url)
    job = JobOptions(path=path, kind="tickets", sheet=sheet, profile=profile, tz=tz,
                     source=source, mapping=mapping, file_sha256=sha,
                     options=dict(options or {}))
    try:
        progress.update(0, None, "reading")
        table = read_file(path, sheet, progress)
        progress.check()
        detected = detect_file_kind(table.headers)
        duplicate = find_duplicate(db, sha, kind or detected or "tickets")
        chosen, profile_name, _ = choose_mapping(table, db, job)
    finally:
        db.dispose()
    progress.update(0, table.n_rows, "validating")
    _, _, validation, event_log = validate_ticket_table(table, chosen, job)
    report = ImportReport(str(path), "tickets", rows=table.n_rows,
                          rejected=validation.rejected, errors=validation.errors,
                          warnings=list(validation.warnings),
                          unknown_values=validation.unknown_values, duplicate_of=duplicate,
                          sheet=table.sheet, validation=validation,
                          seconds=time.monotonic() - started)
    samples = {str(h): [str(v) for v in col if v is not None and str(v).strip()][:3]
               for h, col in zip(table.headers, table.columns, strict=True)}
    return Preview(chosen, report, profile_name, samples, detected_kind=detected,
                   event_log=event_log if event_log and event_log.looks_like_event_log
                   else None, has_period=has_period_column(table.headers))


def import_file(path: Path | str, db_url: str, *, kind: str = "tickets",
                sheet: str | None = None, profile: str | None = None, tz: str | None = None,
                mode: str = "all-or-nothing", source: str | None = None,
                user: str | None = None, mapping: Mapping | None = None, force: bool = False,
                options: dict[str, Any] | None = None,
                progress: Progress | None = None) -> ImportReport:
    """Import one file into the database at ``db_url`` and say what happened.

    ``kind``: ``tickets``, ``inspections``, ``vendor-metrics``, or ``auto`` (the kind
    :func:`importers.kind_detection.detect_file_kind` reads from the headers; tickets when
    it cannot tell — the watched folder's choice).
    ``mode``: ``all-or-nothing`` imports nothing when any row is invalid;
    ``skip-invalid`` imports the valid rows. ``mapping`` (from the mapping dialog)
    overrides profiles and the proposal. Raises :class:`ImportRefused`,
    :class:`models.progress.Cancelled`, ``ValueError`` for a bad kind or mode, and
    :class:`models.db.DatabaseOpenError`.
    """
    started = time.monotonic()
    progress = progress or NullProgress()
    path = Path(path)
    if mode not in MODES:
        raise ValueError(f"unknown mode {mode!r}: use one of {', '.join(MODES)}")
    handler = get_kind(kind) if kind != AUTO else None
    if not path.is_file():
        raise ImportRefused("not_found", path, "no such file")
    progress.update(0, None, "checking")
    sha, db = _hash_and_open(path, db_url)
    job = JobOptions(path=path, kind=kind, sheet=sheet, profile=profile, tz=tz, mode=mode,
                     source=source, user=user, mapping=mapping, force=force, file_sha256=sha,
                     options=dict(options or {}))
    try:
        from importers.kind_detection import KINDS, detect_file_kind

        kinds = KINDS if kind == AUTO else (kind,)
        previous = None if force else max(
            (b for k in kinds if (b := find_duplicate(db, sha, k)) is not None), default=None)
        if previous is not None:
            return ImportReport(str(path), kind, batch=previous, duplicate_of=previous,
                                warnings=[f"already imported as batch {previous}"],
                                seconds=time.monotonic() - started, mode=mode)
        progress.update(0, None, "reading")
        table = read_file(path, sheet, progress)
        progress.check()
        if handler is None:  # AUTO: the headers tell
            job.kind = detect_file_kind(table.headers) or "tickets"
            handler = get_kind(job.kind)
        report = handler.run(table, db, job, progress)
        report.seconds = time.monotonic() - started
        progress.update(report.rows, report.rows, "done")
        return report
    finally:
        db.dispose()


def run_isolated_job(fn: Any, path: Path | str, db_url: str, *,
                     progress: Progress | None = None, **kwargs: Any) -> Any:
    """Run ``fn(path, db_url, progress=…, **kwargs)`` (:func:`import_file` or
    :func:`preview_file`) in a memory-capped, time-limited ``spawn`` child
    (:func:`importers.sandbox.run_isolated`): progress comes back over a pipe, a native
    crash becomes ``ImportRefused("unsafe")``, a cancel (``progress.cancelled``) stops the
    child, whose transaction never commits."""
    from importers.limits import ImportLimits
    from importers.sandbox import run_isolated

    return run_isolated(fn, Path(path), db_url, limits=ImportLimits(), on_progress=progress,
                        label=path, **kwargs)


def import_file_isolated(path: Path | str, db_url: str, *, progress: Progress | None = None,
                         **kwargs: Any) -> ImportReport:
    """:func:`import_file` in the sandboxed child (see :func:`run_isolated_job`)."""
    result: ImportReport = run_isolated_job(import_file, path, db_url, progress=progress,
                                            **kwargs)
    return result
