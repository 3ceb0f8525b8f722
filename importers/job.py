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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from importers.batches import file_sha256, find_duplicate
from importers.kinds import JobOptions, get_kind
from importers.mapping import Mapping
from importers.report import ImportReport
from importers.table import ImportRefused, RawTable
from models.db import open_database
from models.progress import NullProgress, Progress

MODES = ("all-or-nothing", "skip-invalid")


def read_file(path: Path, sheet: str | None = None, progress: Progress | None = None) -> RawTable:
    """Read ``path`` with :func:`importers.reader.read_table`. Raises :class:`ImportRefused`."""
    from importers.reader import read_table

    return read_table(path, sheet=sheet, progress=progress)


@dataclass
class Preview:
    """What a file would import as: the mapping in use and the validation outcome
    (``report.batch`` is None; nothing was written). Picklable."""

    mapping: Mapping
    report: ImportReport
    profile: str | None
    samples: dict[str, list[str]] = field(default_factory=dict)


def preview_file(path: Path | str, db_url: str, *, kind: str = "tickets",
                 sheet: str | None = None, profile: str | None = None, tz: str | None = None,
                 source: str | None = None, mapping: Mapping | None = None,
                 progress: Progress | None = None) -> Preview:
    """Read, map and validate ``path`` without writing: the mapping dialog's data.

    Tickets only (other kinds have no column mapping). Raises like :func:`import_file`.
    """
    from importers.ticket_job import choose_mapping
    from importers.validation import validate_tickets
    from importers.values import resolve_timezone

    started = time.monotonic()
    progress = progress or NullProgress()
    path = Path(path)
    if not path.is_file():
        raise ImportRefused("not_found", path, "no such file")
    sha = file_sha256(path)
    job = JobOptions(path=path, kind=kind, sheet=sheet, profile=profile, tz=tz, source=source,
                     mapping=mapping, file_sha256=sha)
    db = open_database(db_url)
    try:
        duplicate = find_duplicate(db, sha, kind)
        progress.update(0, None, "reading")
        table = read_file(path, sheet, progress)
        progress.check()
        chosen, profile_name, _ = choose_mapping(table, db, job)
    finally:
        db.dispose()
    try:
        zone = resolve_timezone(tz or chosen.options.get("tz"))
    except ValueError as exc:
        raise ImportRefused("bad_timezone", path, str(exc)) from exc
    progress.update(0, table.n_rows, "validating")
    _, validation = validate_tickets(table, chosen, tz=zone)
    report = ImportReport(str(path), kind, rows=table.n_rows, rejected=validation.rejected,
                          errors=validation.errors, warnings=list(validation.warnings),
                          unknown_values=validation.unknown_values, duplicate_of=duplicate,
                          sheet=table.sheet, validation=validation,
                          seconds=time.monotonic() - started)
    samples = {str(h): [str(v) for v in col if v is not None and str(v).strip()][:3]
               for h, col in zip(table.headers, table.columns, strict=True)}
    return Preview(chosen, report, profile_name, samples)


def import_file(path: Path | str, db_url: str, *, kind: str = "tickets",
                sheet: str | None = None, profile: str | None = None, tz: str | None = None,
                mode: str = "all-or-nothing", source: str | None = None,
                user: str | None = None, mapping: Mapping | None = None, force: bool = False,
                options: dict[str, Any] | None = None,
                progress: Progress | None = None) -> ImportReport:
    """Import one file into the database at ``db_url`` and say what happened.

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
    handler = get_kind(kind)
    if not path.is_file():
        raise ImportRefused("not_found", path, "no such file")
    progress.update(0, None, "checking")
    try:
        sha = file_sha256(path)
    except OSError as exc:
        raise ImportRefused("unreadable", path, f"cannot read the file: {exc}") from exc
    job = JobOptions(path=path, kind=kind, sheet=sheet, profile=profile, tz=tz, mode=mode,
                     source=source, user=user, mapping=mapping, force=force, file_sha256=sha,
                     options=dict(options or {}))
    db = open_database(db_url)
    try:
        if not force and (previous := find_duplicate(db, sha, kind)) is not None:
            return ImportReport(str(path), kind, batch=previous, duplicate_of=previous,
                                warnings=[f"already imported as batch {previous}"],
                                seconds=time.monotonic() - started, mode=mode)
        progress.update(0, None, "reading")
        table = read_file(path, sheet, progress)
        progress.check()
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
