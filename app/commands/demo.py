"""``servicelens demo [--tickets N] [--seed S] [--replace]``: fill the database with demo data.

Writes the realistic, deterministic demo data set of :mod:`models.demo` in one
transaction and prints a one-line summary. Exit 0; 2 for a refused request (the
database already holds demo data, a demo code is taken, too few tickets), one line
on stderr.
"""

from __future__ import annotations

import argparse
import sys
import time
from typing import Any

EXIT_REFUSED = 2


class TerminalProgress:
    """Shows the percentage done on a terminal's stderr, at most once per percent."""

    cancelled = False

    def __init__(self) -> None:
        self._shown = -1
        self._live = sys.stderr.isatty()

    def update(self, done: int, total: int | None = None, stage: str = "") -> None:
        if not self._live or not total:
            return
        pct = int(100 * done / total)
        if pct != self._shown:
            self._shown = pct
            print(f"\r{stage} {pct:3d} %", end="", file=sys.stderr, flush=True)

    def check(self) -> None:
        pass

    def finish(self) -> None:
        if self._live and self._shown >= 0:
            print("\r" + " " * 24 + "\r", end="", file=sys.stderr, flush=True)


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "demo",
        help="fill the database with a realistic demo data set",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--tickets", type=int, default=20_000, metavar="N",
                   help="number of tickets over the last 12 months (default 20000)")
    p.add_argument("--seed", type=int, default=42, metavar="S",
                   help="random seed; the same seed gives the same data (default 42)")
    p.add_argument("--replace", action="store_true",
                   help="delete the demo data already in the database first")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace, db_url: str) -> int:
    # Imported here, not at the top: the desktop start builds this parser too.
    from app.paths import open_app_database
    from models.demo import generate_demo

    db = open_app_database(db_url)  # with the cache folder: the demo writes the column cache
    progress = TerminalProgress()
    started = time.perf_counter()
    try:
        summary = generate_demo(db, tickets=args.tickets, seed=args.seed, progress=progress,
                                replace=args.replace)
    except ValueError as exc:
        progress.finish()
        print(f"servicelens demo: error: {exc}", file=sys.stderr)
        return EXIT_REFUSED
    finally:
        db.dispose()
    progress.finish()
    seconds = time.perf_counter() - started
    print(
        f"demo data written to {db.display_name}: {summary.tickets} tickets "
        f"({summary.complaints} complaints, {summary.open_tickets} open) from "
        f"{summary.start:%Y-%m-%d} to {summary.end:%Y-%m-%d}, {summary.sites} sites, "
        f"{summary.vendors} vendors, {summary.qualifications} qualification documents, "
        f"{summary.vendor_metrics} vendor metrics, {summary.checklist_templates} checklist "
        f"templates, {summary.inspections} inspections, {summary.scorecard_templates} "
        f"scorecard template(s) in {seconds:.1f} s"
    )
    return 0
