"""``servicelens report``: the period report (DESIGN.md walkthrough 1) as PDF or xlsx.

    servicelens report --period 2026-10 --out FILE.pdf|FILE.xlsx [--tz ZONE]
                       [--as-of TIME] [--vendor V] [--site S]

``--period``: ``2026-10`` (month), ``2026Q3`` (quarter), ``2026-W42`` (ISO week) or
``2026`` (year); its days are local to ``--tz`` (default: this computer's zone).
``--as-of`` as for ``servicelens kpi`` (default: the period end, or now while it runs).
``--vendor``/``--site`` take a code or a name and may repeat. The labels follow the
global ``--lang`` (English by default). Prints ``wrote FILE (N pages|sheets)``; exit 0,
or 2 with one line on stderr for a bad period, zone, time, vendor, site, suffix or an
unwritable file.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from app.commands.kpi import EXIT_BAD_INPUT, BadInput, parse_instant, resolve_ids

SUFFIXES = (".pdf", ".xlsx")


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "report",
        help="write the period report (PDF or xlsx)",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--period", required=True, metavar="P", help="2026-10, 2026Q3, 2026-W42, 2026")
    p.add_argument("--out", required=True, metavar="FILE", help="FILE.pdf or FILE.xlsx")
    p.add_argument("--tz", metavar="ZONE", help="IANA zone of the period's days")
    p.add_argument("--as-of", dest="as_of", metavar="TIME", help="moment of computation")
    p.add_argument("--vendor", action="append", metavar="V", help="vendor code or name")
    p.add_argument("--site", action="append", metavar="S", help="site code or name")
    p.set_defaults(handler=run)


def check_output(path: Path) -> None:
    """Raise ``BadInput`` unless ``path`` has a report suffix and can be written."""
    if path.suffix.lower() not in SUFFIXES:
        raise BadInput(f"cannot write a report to {path.name!r}: use .pdf or .xlsx")
    if path.is_dir():
        raise BadInput(f"{path} is a folder")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise BadInput(f"no folder {folder}")
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise BadInput(f"cannot write {path}: permission denied")


def _error(message: object) -> int:
    print(f"servicelens report: error: {message}", file=sys.stderr)
    return EXIT_BAD_INPUT


def run(args: argparse.Namespace, db_url: str) -> int:
    from models.reports.period import PeriodError, check_zone, parse_period

    out = Path(args.out)
    try:
        period = parse_period(args.period)
        check_zone(args.tz)
        as_of = parse_instant(args.as_of, args.tz) if args.as_of else None
        check_output(out)
    except (BadInput, PeriodError) as exc:
        return _error(exc)

    from app.i18n import install_translations
    from app.report_pdf import ensure_gui_application, write_report_file
    from models.db import open_database
    from models.reports.period_report import build_period_report

    db = open_database(db_url)
    try:
        try:
            vendors = resolve_ids(db, "vendor", args.vendor)
            sites = resolve_ids(db, "site", args.site)
        except BadInput as exc:
            return _error(exc)
        report = build_period_report(db, period, args.tz, as_of, vendors, sites)
    finally:
        db.dispose()
    ensure_gui_application()
    install_translations(getattr(args, "lang", None) or "en")
    try:
        count, unit = write_report_file(report, out)
    except (OSError, ValueError) as exc:
        return _error(f"cannot write {out}: {exc}")
    print(f"wrote {out} ({count} {unit})")
    return 0
