"""``servicelens kpi``: the ticket KPIs of DESIGN.md for a period and filter.

    servicelens kpi [--from DATE] [--to DATE] [--as-of TIME] [--tz ZONE]
                    [--vendor V] [--site S] [--priority P] [--json]

``--from``/``--to`` select tickets by creation time (from inclusive, to exclusive); a
date means midnight in ``--tz`` (default: this computer's zone), an ISO time with an
offset is taken as is (one without an offset is read in the zone). ``--as-of``
likewise, default now. ``--vendor``/``--site`` take a code or a name; ``--priority``
P1…P4. Options may repeat. ``--json`` prints one object with the keys of DESIGN.md
(null where no data); without it, a readable table. Exit 0; 2 for bad input (one line
on stderr).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

EXIT_BAD_INPUT = 2


class BadInput(Exception):
    """A user mistake on the command line; the message is the one line shown."""


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "kpi",
        help="print the ticket KPIs for a period",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--from", dest="start", metavar="DATE", help="period start (inclusive)")
    p.add_argument("--to", dest="end", metavar="DATE", help="period end (exclusive)")
    p.add_argument("--as-of", dest="as_of", metavar="TIME", help="moment of computation")
    p.add_argument("--tz", metavar="ZONE", help="IANA zone for dates, e.g. Asia/Shanghai")
    p.add_argument("--vendor", action="append", metavar="V", help="vendor code or name")
    p.add_argument("--site", action="append", metavar="S", help="site code or name")
    p.add_argument("--priority", action="append", metavar="P", help="P1, P2, P3 or P4")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(handler=run)


def parse_instant(text: str, tz: str | None) -> dt.datetime:
    """A date (midnight in ``tz``, None = local) or an ISO time; aware UTC result."""
    zone = ZoneInfo(tz) if tz else None
    try:
        if len(text.strip()) == 10:
            day = dt.date.fromisoformat(text.strip())
            moment = dt.datetime.combine(day, dt.time())
        else:
            moment = dt.datetime.fromisoformat(text.strip())
    except ValueError as exc:
        raise BadInput(f"not a date or ISO time: {text!r}") from exc
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone) if zone else moment.astimezone()
    return moment.astimezone(dt.UTC)


def resolve_ids(db: Any, kind: str, values: list[str] | None) -> tuple[int, ...]:
    """Vendor or site ids for ``--vendor``/``--site`` values (codes or names)."""
    from models.queries.listings import ids_by_code_or_name

    try:
        return ids_by_code_or_name(db, kind, values or [])
    except LookupError as exc:
        raise BadInput(str(exc)) from None


def _priorities(values: list[str] | None) -> tuple[str, ...]:
    out = []
    for v in values or ():
        p = v.strip().upper()
        if p not in ("P1", "P2", "P3", "P4"):
            raise BadInput(f"unknown priority {v!r}: give P1, P2, P3 or P4")
        out.append(p)
    return tuple(out)


def _fmt(value: object, unit: str = "") -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.1f}{unit}"
    return f"{value}{unit}"


def print_table(result: Any, period: str) -> None:
    """The KPIs as aligned text (for people; scripts use ``--json``)."""
    j = result.to_json()
    lines = [
        ("period", period),
        ("as of", result.as_of.isoformat(timespec="seconds")),
        ("volume", _fmt(j["volume"])),
        (
            "first response median / P90",
            f"{_fmt(j['frt_median_min'], ' min')} / {_fmt(j['frt_p90_min'], ' min')}",
        ),
        (
            "resolution median / P90",
            f"{_fmt(j['resolution_median_h'], ' h')} / {_fmt(j['resolution_p90_h'], ' h')}",
        ),
        (
            "response SLA met",
            f"{_fmt(j['response_sla_met_pct'], ' %')}"
            f" (n={result.response_sla.rate.denominator}, pending {j['response_sla_pending']})",
        ),
        (
            "resolution SLA met",
            f"{_fmt(j['resolution_sla_met_pct'], ' %')}"
            f" (n={result.resolution_sla.rate.denominator})",
        ),
        ("resolution rate", _fmt(j["resolution_rate_pct"], " %")),
        (
            "CSAT score / satisfied",
            f"{_fmt(j['csat_score'])} / {_fmt(j['csat_satisfied_pct'], ' %')} (n={result.csat_n})",
        ),
        ("NPS", f"{_fmt(j['nps'])} (n={result.nps_n})"),
        ("complaint rate", f"{_fmt(j['complaint_rate_pct'], ' %')} ({result.complaints})"),
        ("complaint closure", _fmt(j["complaint_closure_pct"], " %")),
        ("overdue complaints", _fmt(j["overdue_complaints"])),
        ("repeat complaints", _fmt(j["repeat_complaints"])),
    ]
    width = max(len(k) for k, _ in lines)
    for k, v in lines:
        print(f"{k:<{width}}  {v}")
    if result.pareto:
        print("\ncomplaints by category (Pareto)")
        for row in result.pareto:
            mark = "*" if row.vital else " "
            print(f" {mark} {row.category or '(none)'}: {row.count} (cum {row.cum_pct:.1f} %)")
    print("\nby priority      FRT med   res med   resp SLA   res SLA   pending")
    for p, k in j["by_priority"].items():
        print(
            f"  {p:<14} {_fmt(k['frt_median_min']):>7}   {_fmt(k['resolution_median_h']):>7}"
            f"   {_fmt(k['response_sla_met_pct']):>8}   {_fmt(k['resolution_sla_met_pct']):>7}"
            f"   {k['response_sla_pending']:>7}"
        )


def run(args: argparse.Namespace, db_url: str) -> int:
    try:
        if args.tz:
            try:
                ZoneInfo(args.tz)
            except (ZoneInfoNotFoundError, ValueError) as exc:
                raise BadInput(f"unknown time zone {args.tz!r}") from exc
        start = parse_instant(args.start, args.tz) if args.start else None
        end = parse_instant(args.end, args.tz) if args.end else None
        as_of = parse_instant(args.as_of, args.tz) if args.as_of else dt.datetime.now(dt.UTC)
        if start and end and end <= start:
            raise BadInput("--to must be after --from")
        priorities = _priorities(args.priority)
    except BadInput as exc:
        print(f"servicelens kpi: error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT

    from models.db import open_database
    from models.kpi.api import TicketFilter, compute_kpis, load_policy_set, load_store

    db = open_database(db_url)
    try:
        try:
            vendors = resolve_ids(db, "vendor", args.vendor)
            sites = resolve_ids(db, "site", args.site)
        except BadInput as exc:
            print(f"servicelens kpi: error: {exc}", file=sys.stderr)
            return EXIT_BAD_INPUT
        filt = TicketFilter(
            start=start, end=end, vendor_ids=vendors, site_ids=sites, priorities=priorities
        )
        result = compute_kpis(load_store(db), filt, as_of, load_policy_set(db, args.tz))
    finally:
        db.dispose()
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False))
    else:
        span = f"{args.start or '…'} – {args.end or '…'}"
        print_table(result, span)
    return 0
