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
    """Read ``path`` with the reader (:mod:`importers.reader`). Raises :class:`ImportRefused`."""
    try:
        from importers.reader import read_table
    except ImportError:  # the reader front door is not there yet: use the format readers
        return _read_direct(path, sheet, progress)
    return read_table(path, sheet=sheet)


def _read_direct(path: Path, sheet: str | None, progress: Progress | None) -> RawTable:
    suffix = path.suffix.lower().lstrip(".")
    if suffix in ("csv", "tsv", "txt"):
        from importers.csv_reader import read_csv

        return read_csv(path, progress=progress)
    from importers.workbook_reader import read_workbook

    return read_workbook(path, suffix or "xlsx", sheet=sheet, progress=progress)


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


def import_file_isolated(path: Path | str, db_url: str, *, progress: Progress | None = None,
                         **kwargs: Any) -> ImportReport:
    """:func:`import_file` in a memory-capped, time-limited ``spawn`` child
    (:func:`importers.sandbox.run_isolated`); progress comes back over a pipe, a crash
    becomes ``ImportRefused("unsafe")``, a cancel stops the child (nothing committed).
    Runs in-process when the sandbox is not available."""
    try:
        from importers.limits import ImportLimits
        from importers.sandbox import run_isolated
    except ImportError:
        return import_file(path, db_url, progress=progress, **kwargs)
    result: ImportReport = run_isolated(import_file, Path(path), db_url,
                                        limits=ImportLimits(), on_progress=progress, **kwargs)
    return result
