"""``servicelens scorecard --template NAME --period 2026Q3 [--run] [--json]``.

Prints the evaluations of a template (code or name; its latest revision) for a period:
rank within the service category, vendor, total (0–100), grade, veto. When the period
has no evaluation yet — or with ``--run`` — the vendors are evaluated first (drafts;
final evaluations are never recomputed): the template's service category, else every
vendor that is not blacklisted. Exit 0; 2 for bad input (one line on stderr).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

EXIT_BAD_INPUT = 2


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("scorecard", help="vendor scorecard totals, grades, vetoes, ranks",
                              description=__doc__,
                              formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--template", required=True, metavar="NAME", help="template code or name")
    p.add_argument("--period", required=True,
                   help="2026Q3, 2026-07, 2026 or 2026-01-15..2026-03-31")
    p.add_argument("--run", action="store_true", help="(re)compute the draft evaluations first")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(handler=run)


def _fail(message: str) -> int:
    print(f"servicelens scorecard: error: {message}", file=sys.stderr)
    return EXIT_BAD_INPUT


def run(args: argparse.Namespace, db_url: str) -> int:
    # Imported here, not at the top: the desktop start builds this parser too.
    from models.db import open_database
    from models.orm import VendorStatus
    from models.scorecards.evaluations import run_evaluation
    from models.scorecards.periods import PeriodError, parse_period
    from models.scorecards.queries import list_evaluations
    from models.scorecards.templates import find_template
    from models.scorecards.vendors import list_vendor_rows
    from models.scorecards.vetoes import describe
    try:
        period = parse_period(args.period)
    except PeriodError as exc:
        return _fail(str(exc))
    db = open_database(db_url)
    try:
        try:
            template = find_template(db, args.template)
        except LookupError as exc:
            return _fail(str(exc))
        assert template.id is not None
        rows = list_evaluations(db, template.id, period.label)
        if args.run or not rows:
            vendors = [v.id for v in list_vendor_rows(db, category=template.service_category)
                       if v.status != VendorStatus.BLACKLISTED]
            if not vendors:
                return _fail("no vendor to evaluate")
            run_evaluation(db, template.id, period, vendors, "servicelens scorecard")
            rows = list_evaluations(db, template.id, period.label)
        out: dict[str, Any] = {
            "template": template.code, "revision": template.revision, "period": period.label,
            "evaluations": [
                {"vendor_code": r.vendor_code, "vendor_name": r.vendor_name,
                 "category": r.category, "total": r.total, "grade": r.grade,
                 "incomplete": r.incomplete, "veto": bool(r.veto_reason),
                 "veto_reason": describe(r.veto_reason) or None, "rank": r.rank,
                 "final": r.final}
                for r in rows
            ],
        }
    finally:
        db.dispose()
    if args.json:
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    print(f"{out['template']} r{out['revision']} — {out['period']}")
    print(f"{'rank':>4}  {'code':<8} {'total':>6}  {'grade':<10}  {'category':<22} vendor / veto")
    for e in out["evaluations"]:
        total = f"{e['total']:.2f}" if e["total"] is not None else "—"
        grade = e["grade"] or ("incomplete" if e["incomplete"] else "—")
        line = (f"{e['rank'] or '—':>4}  {e['vendor_code']:<8} {total:>6}  {grade:<10}  "
                f"{e['category'][:22]:<22} {e['vendor_name']}")
        if e["veto_reason"]:
            line += f"  [veto: {e['veto_reason']}]"
        print(line)
    return 0
