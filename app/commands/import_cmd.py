"""``servicelens import FILE [--kind …] [--sheet NAME] [--profile NAME] [--tz ZONE]
[--skip-invalid | --all-or-nothing] [--json]``: import one spreadsheet.

Exit status (DESIGN.md): 0 imported (or already imported: the same file, by SHA-256,
is not imported twice); 1 nothing imported because of row errors; 2 the file was
refused (missing, unreadable, not a spreadsheet, over a safety limit, unknown profile
or time zone). ``--json`` prints one object: batch, rows, inserted, updated, rejected,
errors ([{row, column, value, reason}]), plus duplicate_of, warnings, seconds.

The import runs in this process (a script's process is disposable); the desktop runs
the same :func:`importers.job.import_file` in a sandboxed child.
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
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(handler=run, mode="all-or-nothing")


def exit_status(report: ImportReport) -> int:
    """0 imported (or already imported), 1 nothing imported because of row errors."""
    if report.duplicate_of is not None or report.batch is not None:
        return EXIT_OK
    return EXIT_ROW_ERRORS if report.errors else EXIT_OK


def run(args: argparse.Namespace, db_url: str) -> int:
    # Imported here, not at the top: the desktop start builds this parser too.
    from importers.job import import_file
    from importers.table import ImportRefused
    progress = _StderrProgress()
    try:
        report = import_file(args.file, db_url, kind=args.kind, sheet=args.sheet,
                             profile=args.profile, tz=args.tz, mode=args.mode,
                             progress=progress)
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
