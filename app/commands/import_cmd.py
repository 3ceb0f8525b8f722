"""``servicelens import FILE [--kind …] [--sheet NAME] [--profile NAME] [--tz ZONE]
[--skip-invalid | --all-or-nothing] [--event-log keep|reduce] [--period PERIOD]
[--in-process] [--json]``: import one spreadsheet.

Exit status (DESIGN.md): 0 imported (or already imported: the same file, by SHA-256,
is not imported twice); 1 nothing imported because of row errors; 2 the file was
refused (missing, unreadable, not a spreadsheet, over a safety limit, crashed the
reader, unknown profile, time zone or period). ``--json`` prints one object: batch,
rows, inserted, updated, rejected, errors ([{row, column, value, reason}]), plus
duplicate_of, warnings, seconds.

``--event-log reduce`` imports a ticket file with one row per state change as one
ticket per id, the last state winning (:mod:`importers.event_log`); ``keep`` (the
default unless the profile says otherwise) treats repeated ids as duplicates.
``--period`` (``2026Q1``, ``2026-03``, ``2026年3月``) is the period of a vendor-metrics
file without a period column.

The job runs in the same sandboxed child as the desktop's
(:func:`importers.job.import_file_isolated`: memory cap, time limit, a native crash
becomes a refusal), so a hostile file cannot take a nightly script down; progress comes
back from the child. ``--in-process`` runs it in this process instead (debugging).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from importers.report import ImportReport


EXIT_OK, EXIT_ROW_ERRORS, EXIT_REFUSED = 0, 1, 2
SHOWN_ERRORS = 20


class _StderrProgress:
    """Percent done on a terminal's stderr; silent when stderr is not a terminal."""

    cancelled = False

    def __init__(self) -> None:
        self._live, self._shown = sys.stderr.isatty(), (-1, "")

    def update(self, done: int, total: int | None = None, stage: str = "") -> None:
        if self._live and total:
            key = (int(100 * done / total), stage)
            if key != self._shown:
                self._shown = key
                print(f"\r{stage} {key[0]:3d} %   ", end="", file=sys.stderr, flush=True)

    def check(self) -> None:
        pass

    def finish(self) -> None:
        if self._live and self._shown[0] >= 0:
            print("\r" + " " * 30 + "\r", end="", file=sys.stderr, flush=True)


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("import", help="import a spreadsheet of tickets, inspections "
                              "or vendor metrics", description=__doc__,
                              formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("file", metavar="FILE", type=Path, help=".xlsx/.xlsm, .xls, .ods, .csv/.tsv")
    p.add_argument("--kind", choices=["tickets", "inspections", "vendor-metrics"],
                   default="tickets", help="what the file holds (default: tickets)")
    p.add_argument("--sheet", metavar="NAME", help="the sheet to read (default: the first "
                   "sheet with a table)")
    p.add_argument("--profile", metavar="NAME", help="a saved column mapping")
    p.add_argument("--tz", metavar="ZONE", help="time zone of times without one, e.g. "
                   "Asia/Shanghai (default: this computer's)")
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--skip-invalid", dest="mode", action="store_const",
                      const="skip-invalid", help="import the valid rows, reject the others")
    mode.add_argument("--all-or-nothing", dest="mode", action="store_const",
                      const="all-or-nothing",
                      help="import nothing if any row is invalid (default)")
    p.add_argument("--event-log", choices=["keep", "reduce"], dest="event_log",
                   help="tickets with one row per state change: reduce = one ticket per id, "
                   "its last state; keep = repeated ids are duplicates (default: the "
                   "profile's choice, else keep)")
    p.add_argument("--period", metavar="PERIOD", help="vendor metrics: the period of a file "
                   "without a period column, e.g. 2026Q1, 2026-03, 2026年3月 (default: the "
                   "current quarter)")
    p.add_argument("--in-process", action="store_true", dest="in_process",
                   help="run the import in this process, not the sandboxed child (debugging)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(handler=run, mode="all-or-nothing")


def exit_status(report: ImportReport) -> int:
    """0 imported (or already imported), 1 nothing imported because of row errors."""
    if report.duplicate_of is not None or report.batch is not None:
        return EXIT_OK
    return EXIT_ROW_ERRORS if report.errors else EXIT_OK


def _options(args: argparse.Namespace) -> dict[str, Any]:
    """The job options of the command line. Raises ``ImportRefused`` ``bad_period`` /
    ``bad_option`` for a period that is not one or given with another kind."""
    from importers.periods import parse_period
    from importers.table import ImportRefused

    options: dict[str, Any] = {}
    if args.event_log:
        if args.kind != "tickets":
            raise ImportRefused("bad_option", args.file, "--event-log applies to tickets only")
        options["event_log"] = args.event_log
    if args.period is not None:
        if args.kind != "vendor-metrics":
            raise ImportRefused("bad_option", args.file,
                                "--period applies to --kind vendor-metrics only")
        period = parse_period(args.period)
        if period is None:
            raise ImportRefused("bad_period", args.file, f"not a period: {args.period!r} "
                                "(e.g. 2026Q1, 2026-03, 2026年3月)")
        options["period"] = period.label
    return options


def run(args: argparse.Namespace, db_url: str) -> int:
    # Imported here, not at the top: the desktop start builds this parser too.
    from importers.job import import_file, import_file_isolated
    from importers.table import ImportRefused
    progress = _StderrProgress()
    job = import_file if args.in_process else import_file_isolated
    try:
        report = job(args.file, db_url, kind=args.kind, sheet=args.sheet,
                     profile=args.profile, tz=args.tz, mode=args.mode,
                     options=_options(args), progress=progress)
    except ImportRefused as exc:
        progress.finish()
        if args.json:
            print(json.dumps({"batch": None, "rows": 0, "inserted": 0, "updated": 0,
                              "rejected": 0, "errors": [], "refused": exc.code,
                              "message": str(exc)}, ensure_ascii=False))
        print(f"servicelens: refused: {exc}", file=sys.stderr)
        return EXIT_REFUSED
    progress.finish()
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False))
    else:
        _print_summary(report)
    return exit_status(report)


def _print_summary(report: ImportReport) -> None:
    if report.duplicate_of is not None:
        print(f"{report.file}: already imported as batch {report.duplicate_of}; nothing done")
        return
    if report.batch is not None:
        print(f"{report.file}: batch {report.batch}: {report.rows} rows, {report.inserted} "
              f"inserted, {report.updated} updated, {report.rejected} rejected "
              f"({report.seconds:.1f} s)")
    else:
        print(f"{report.file}: nothing imported: {report.rows} rows, {report.rejected} rejected")
    for e in report.errors[:SHOWN_ERRORS]:
        print(f"  row {e.row}, {e.column}: {e.message}")
    if len(report.errors) > SHOWN_ERRORS:
        print(f"  … and {len(report.errors) - SHOWN_ERRORS} more errors (use --json)")
    for w in report.warnings:
        print(f"  note: {w}")
