"""Ticket rows: parse every mapped column and apply every validation rule, column-wise.

:func:`validate_tickets` turns a :class:`RawTable` and a :class:`Mapping` into
:class:`TicketData` (columns ready for the database) and a :class:`ValidationReport`.
Rules (reason codes in :data:`importers.report.REASONS`):

* ``missing_required`` — no ticket id, or no creation time;
* ``unparseable`` — a value is there but is not a date/time/duration/number/flag;
* ``duplicate_id`` — an id seen earlier in the file (the first one is kept);
* ``resolved_before_created``, ``first_response_before_created``,
  ``first_response_after_resolution``;
* ``duration_out_of_range`` — a given duration negative or above 366 days;
* ``unknown_priority`` / ``unknown_status`` — listed once with counts in
  ``report.unknown_values`` and mappable via ``options["value_map"]``;
* ``csat_out_of_scale`` (scale declared as ``options["csat_scale"]`` or inferred per
  DESIGN.md), ``nps_out_of_range`` (whole numbers 0–10), ``future_time`` (more than a
  day after ``now``), ``negative_number`` (reopen counts).

Decisions the data forces (recorded here, as DESIGN.md asks):

* Durations stand in for missing timestamps, measured from creation:
  ``first_response_at = created + first_response_duration``, likewise resolution.
* A file without any creation column (the Kaggle support-ticket export) takes the
  first response time as the creation time and records no first response; a warning
  says so. Without even that, every row is rejected as ``missing_required``.
* ``answered`` = N clears the first response. ``resolved_flag`` = Y without a
  resolution time resolves a call when it ends: first response + ``talk_duration``.
  Without a status column the flag sets the status (resolved / open).
* Without a complaint column, a ticket is a complaint when its category says so
  (投诉 / complaint).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from importers.fields import fields_for
from importers.mapping import Mapping
from importers.report import ErrorCollector, ValidationReport
from importers.table import RawTable
from importers.values import (
    PRIORITY_SYNONYMS,
    STATUS_SYNONYMS,
    US_PER_S,
    Parsed,
    infer_csat_scale,
    localize,
    parse_booleans,
    parse_codes,
    parse_dates,
    parse_datetimes,
    parse_durations,
    parse_numbers,
    parse_times_of_day,
    text_values,
)

MAX_DURATION_S = 366 * 86_400
FUTURE_SLACK_US = 86_400 * US_PER_S
TEXT_FIELDS = ("channel", "category", "title", "description", "customer", "agent", "team",
               "site", "vendor")


@dataclass
class TicketData:
    """Parsed ticket columns for all rows (invalid rows flagged in ``reject``).

    Times are ``int64`` µs since the epoch, UTC, with a ``has_<field>`` mask; texts are
    lists with None; ``fields`` names the ticket columns this file provides (an update
    touches only those).
    """

    n: int
    reject: np.ndarray
    external_id: list[str | None]
    times: dict[str, np.ndarray]
    has: dict[str, np.ndarray]
    texts: dict[str, list[str | None]]
    priority: np.ndarray
    status: np.ndarray
    is_complaint: np.ndarray
    csat: np.ndarray
    has_csat: np.ndarray
    csat_scale: tuple[float, float]
    nps: np.ndarray
    has_nps: np.ndarray
    reopened: np.ndarray
    has_reopened: np.ndarray
    fields: set[str] = field(default_factory=set)

    @property
    def valid(self) -> int:
        return int((~self.reject).sum())


class _Ctx:
    def __init__(self, table: RawTable, mapping: Mapping) -> None:
        self.table, self.mapping = table, mapping
        self.fields = mapping.fields
        self.specs = fields_for("tickets")
        self.opt = mapping.options

    def column(self, name: str) -> list[Any] | None:
        header = self.fields.get(name)
        return self.table.column(header) if header is not None else None

    def header(self, name: str) -> str | None:
        return self.fields.get(name)


def validate_tickets(table: RawTable, mapping: Mapping, *, tz: dt.tzinfo,
                     now: dt.datetime | None = None) -> tuple[TicketData, ValidationReport]:
    """Parse and check every row of ``table`` (see the module doc); never raises on data."""
    c = _Ctx(table, mapping)
    n = table.n_rows
    errs = ErrorCollector(str(table.path), table.sheet, table.headers, table.columns,
                          table.row_numbers)
    warnings = errs.report.warnings
    now_us = int((now or dt.datetime.now(dt.UTC)).timestamp() * US_PER_S)
    dayfirst = c.opt.get("dayfirst")
    date1904 = bool(c.opt.get("date1904", False))

    def bad(parsed: Parsed, name: str) -> None:
        errs.add(parsed.invalid, "unparseable", c.header(name))
        if parsed.note:
            warnings.append(f"{c.header(name)}: {parsed.note}")

    # -- id ---------------------------------------------------------------------------
    ids_col = c.column("external_id")
    ids: list[str | None] = text_values(ids_col, 100) if ids_col is not None else [None] * n
    # numpy's stubs reject None as an operand; on an object array it is a plain scalar
    missing_id = (np.equal(np.array(ids, dtype=object), None)  # type: ignore[call-overload]
                  if n else np.zeros(0, bool))
    errs.add(missing_id, "missing_required", c.header("external_id") or "Ticket ID",
             values=ids)
    if len(dict.fromkeys(ids)) == n:  # every id once: no per-row lookup
        dup = np.zeros(n, dtype=bool)
    else:
        first = dict(zip(reversed(ids), range(n - 1, -1, -1), strict=True))  # id → first row
        dup = (np.fromiter(map(first.__getitem__, ids), dtype=np.int64, count=n)
               != np.arange(n)) & ~missing_id
    errs.add(dup, "duplicate_id", c.header("external_id"), values=ids)

    # -- times --------------------------------------------------------------------------
    times: dict[str, np.ndarray] = {}
    has: dict[str, np.ndarray] = {}

    def take(name: str, parsed: Parsed) -> None:
        times[name], has[name] = parsed.values, parsed.ok

    created_header = c.header("created_at")
    if created_header is not None:
        p = parse_datetimes(c.column("created_at") or [], tz, date1904=date1904,
                            dayfirst=dayfirst)
        bad(p, "created_at")
        take("created_at", p)
    elif c.header("created_date") is not None:
        created_header = c.header("created_date")
        day = parse_dates(c.column("created_date") or [], date1904=date1904, dayfirst=dayfirst)
        bad(day, "created_date")
        tod_col = c.column("created_time")
        tod = parse_times_of_day(tod_col) if tod_col is not None else None
        naive = day.values * 86_400 * US_PER_S
        ok = day.ok.copy()
        if tod is not None:
            bad(tod, "created_time")
            naive = naive + np.where(tod.ok, tod.values, 0)
            ok &= ~tod.invalid
        times["created_at"], has["created_at"] = localize(naive, ok, tz), ok
    elif c.header("first_response_at") is not None:
        created_header = c.header("first_response_at")
        p = parse_datetimes(c.column("first_response_at") or [], tz, date1904=date1904,
                            dayfirst=dayfirst)
        bad(p, "first_response_at")
        take("created_at", p)
        warnings.append(f"no creation time column: the creation time is taken from "
                        f"{created_header!r} and the first response is not recorded")
    else:
        times["created_at"], has["created_at"] = np.zeros(n, np.int64), np.zeros(n, bool)
    created, has_created = times["created_at"], has["created_at"]
    empty_created = ~has_created & ~errs.reject
    errs.add(empty_created & ~missing_id, "missing_required", created_header or "Created",
             values=[None] * n if created_header is None else None)

    derived_from_created = c.header("created_at") is None and c.header(
        "created_date") is None and c.header("first_response_at") is not None
    for at, dur in (("first_response_at", "first_response_duration"),
                    ("resolved_at", "resolution_duration")):
        if at == "first_response_at" and derived_from_created:
            times[at], has[at] = np.zeros(n, np.int64), np.zeros(n, bool)
        elif c.header(at) is not None:
            p = parse_datetimes(c.column(at) or [], tz, date1904=date1904, dayfirst=dayfirst)
            bad(p, at)
            take(at, p)
        else:
            times[at], has[at] = np.zeros(n, np.int64), np.zeros(n, bool)
        if c.header(dur) is not None:
            d = parse_durations(c.column(dur) or [], c.mapping.unit_of(dur) or "minutes")
            bad(d, dur)
            out_of_range = d.ok & ((d.values < 0) | (d.values > MAX_DURATION_S))
            errs.add(out_of_range, "duration_out_of_range", c.header(dur))
            fill = d.ok & ~out_of_range & ~has[at] & has_created
            times[at] = np.where(fill, created + np.round(d.values * US_PER_S).astype(np.int64),
                                 times[at])
            has[at] = has[at] | fill
    for name in ("closed_at", "answered_at", "onsite_at"):
        if c.header(name) is not None:
            p = parse_datetimes(c.column(name) or [], tz, date1904=date1904,
                                dayfirst=dayfirst)
            bad(p, name)
            take(name, p)
        else:
            times[name], has[name] = np.zeros(n, np.int64), np.zeros(n, bool)

    _call_flags(c, errs, times, has, bad)

    # -- codes -------------------------------------------------------------------------
    value_map: dict[str, dict[str, Any]] = c.opt.get("value_map") or {}
    codes: dict[str, np.ndarray] = {}
    for name, synonyms, code in (("priority", PRIORITY_SYNONYMS, "unknown_priority"),
                                 ("status", STATUS_SYNONYMS, "unknown_status")):
        col = c.column(name)
        if col is None:
            codes[name] = np.full(n, None, dtype=object)
            continue
        p = parse_codes(col, synonyms, value_map.get(name))
        errs.add(p.invalid, code, c.header(name))
        errs.count_unknown(name, dict(p.unknown))
        # numpy's stubs reject None as a fill value; it becomes an object scalar
        codes[name] = np.where(p.ok, p.values, None)  # type: ignore[call-overload]
    if c.header("status") is None and c.header("resolved_flag") is not None:
        flag = has.pop("_resolved_flag_value", None)
        if flag is not None:
            codes["status"] = np.where(flag.astype(bool), "resolved", "open").astype(object)

    texts: dict[str, list[str | None]] = {
        name: (text_values(col, c.specs[name].max_len) if (col := c.column(name))
               is not None else [None] * n) for name in TEXT_FIELDS}
    if c.header("is_complaint") is not None:
        pb = parse_booleans(c.column("is_complaint") or [], value_map.get("is_complaint"))
        bad(pb, "is_complaint")
        complaint = pb.values & pb.ok
    else:
        says = {v: v is not None and ("投诉" in v or "complaint" in v.casefold())
                for v in dict.fromkeys(texts["category"])}
        complaint = np.fromiter(map(says.__getitem__, texts["category"]), dtype=bool, count=n)

    # -- numbers -----------------------------------------------------------------------
    csat, has_csat, scale = _csat(c, errs, bad, n)
    nps, has_nps = np.zeros(n), np.zeros(n, bool)
    if c.header("nps") is not None:
        p = parse_numbers(c.column("nps") or [])
        bad(p, "nps")
        wrong = p.ok & ((p.values < 0) | (p.values > 10) | (p.values != np.round(p.values)))
        errs.add(wrong, "nps_out_of_range", c.header("nps"))
        nps, has_nps = p.values, p.ok & ~wrong
    reopened, has_reopened = np.zeros(n), np.zeros(n, bool)
    if c.header("reopened_count") is not None:
        p = parse_numbers(c.column("reopened_count") or [])
        bad(p, "reopened_count")
        neg = p.ok & (p.values < 0)
        errs.add(neg, "negative_number", c.header("reopened_count"))
        reopened, has_reopened = p.values, p.ok & ~neg

    # -- cross-field rules ------------------------------------------------------------
    fr, rs = times["first_response_at"], times["resolved_at"]
    both = has_created & has["resolved_at"]
    errs.add(both & (rs < created), "resolved_before_created",
             c.header("resolved_at") or c.header("resolution_duration"))
    both = has_created & has["first_response_at"]
    errs.add(both & (fr < created), "first_response_before_created",
             c.header("first_response_at") or c.header("first_response_duration"))
    for name in ("answered_at", "onsite_at"):
        both = has_created & has[name]
        errs.add(both & (times[name] < created), "time_before_created", c.header(name))
    both = has["first_response_at"] & has["resolved_at"]
    errs.add(both & (fr > rs), "first_response_after_resolution",
             c.header("first_response_at") or c.header("first_response_duration"))
    limit = now_us + FUTURE_SLACK_US
    for name, dur_field in (("created_at", None),
                            ("first_response_at", "first_response_duration"),
                            ("resolved_at", "resolution_duration"), ("closed_at", None),
                            ("answered_at", None), ("onsite_at", None)):
        header = created_header if name == "created_at" else (
            c.header(name) or (c.header(dur_field) if dur_field else None))
        errs.add(has[name] & (times[name] > limit), "future_time", header,
                 values=_iso_list(times[name], has[name] & (times[name] > limit)))

    report = errs.finish()
    provided = {k for k in c.fields if k in c.specs}
    return TicketData(
        n=n, reject=errs.reject, external_id=ids, times=times, has=has, texts=texts,
        priority=codes["priority"], status=codes["status"], is_complaint=complaint,
        csat=csat, has_csat=has_csat, csat_scale=scale, nps=nps, has_nps=has_nps,
        reopened=reopened, has_reopened=has_reopened, fields=_db_fields(provided),
    ), report


def _call_flags(c: _Ctx, errs: ErrorCollector, times: dict[str, np.ndarray],
                has: dict[str, np.ndarray], bad: Any) -> None:
    """Call-centre flags: answered (Y/N) and resolved (Y/N) with the talk time."""
    if c.header("answered") is not None and c.header("answered_at") is None:
        p = parse_booleans(c.column("answered") or [])
        bad(p, "answered")
        unanswered = p.ok & ~p.values
        has["first_response_at"] = has["first_response_at"] & ~unanswered
        answered = p.ok & p.values & has["first_response_at"]
        times["answered_at"], has["answered_at"] = times["first_response_at"].copy(), answered
    if c.header("resolved_flag") is not None:
        p = parse_booleans(c.column("resolved_flag") or [])
        bad(p, "resolved_flag")
        has["_resolved_flag_value"] = p.values & p.ok
        talk_col = c.column("talk_duration")
        if talk_col is not None:
            talk = parse_durations(talk_col, c.mapping.unit_of("talk_duration") or "minutes")
            bad(talk, "talk_duration")
            fill = (p.values & p.ok & ~has["resolved_at"] & has["first_response_at"]
                    & talk.ok & (talk.values >= 0))
            end = times["first_response_at"] + np.round(talk.values * US_PER_S).astype(np.int64)
            times["resolved_at"] = np.where(fill, end, times["resolved_at"])
            has["resolved_at"] = has["resolved_at"] | fill


def _csat(c: _Ctx, errs: ErrorCollector, bad: Any, n: int
          ) -> tuple[np.ndarray, np.ndarray, tuple[float, float]]:
    if c.header("csat") is None:
        return np.zeros(n), np.zeros(n, bool), (1.0, 5.0)
    p = parse_numbers(c.column("csat") or [])
    bad(p, "csat")
    declared = c.opt.get("csat_scale")
    lo, hi = (float(declared[0]), float(declared[1])) if declared else infer_csat_scale(
        p.values[p.ok])
    outside = p.ok & ((p.values < lo) | (p.values > hi))
    errs.add(outside, "csat_out_of_scale", c.header("csat"), scale=f"{lo:g}–{hi:g}")
    return p.values, p.ok & ~outside, (lo, hi)


def _db_fields(provided: set[str]) -> set[str]:
    """Ticket table columns a file with these mapped fields provides."""
    out = {"created_at"}
    simple = {"priority", "status", "channel", "category", "title", "description", "customer",
              "agent", "team", "is_complaint", "csat", "nps", "closed_at"}
    out |= provided & simple
    if provided & {"first_response_at", "first_response_duration"}:
        out.add("first_response_at")
    if provided & {"resolved_at", "resolution_duration", "resolved_flag"}:
        out.add("resolved_at")
    if "resolved_flag" in provided and "status" not in provided:
        out.add("status")
    if provided & {"answered", "answered_at"}:
        out.add("answered_at")
    if "onsite_at" in provided:
        out.add("onsite_at")
    if "reopened_count" in provided:
        out.add("reopened_count")
    if "site" in provided:
        out.add("site_id")
    if "vendor" in provided:
        out.add("vendor_id")
    if "csat" in provided:
        out |= {"csat_scale_min", "csat_scale_max"}
    if "category" in provided and "is_complaint" not in provided:
        out.add("is_complaint")
    return out


def _iso_list(us: np.ndarray, mask: np.ndarray) -> list[str | None]:
    """ISO UTC text of the masked times (for error values of computed times)."""
    out: list[str | None] = [None] * len(us)
    epoch = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
    for i in np.nonzero(mask)[0].tolist():
        out[i] = (epoch + dt.timedelta(microseconds=int(us[i]))).isoformat()
    return out
