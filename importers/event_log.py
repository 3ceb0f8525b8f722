"""Event logs: files with one row per state change of a ticket, reduced to one row each.

A help-desk audit export repeats a ticket id on every change (status, assignee …) with
an update time (the ``updated_at`` field). :func:`detect_event_log` recognises such a
file: some ids repeat and, within each id, the update times never go back in file
order. :func:`reduce_event_log` collapses the rows of each id into one row *before*
validation, so the rest of the pipeline sees an ordinary ticket table:

* rows are ordered per id by update time (rows without a readable update time first,
  ties in file order); the **last** row is the ticket's state: status, priority, agent,
  team, category, channel, CSAT, NPS, title … and every other column come from it, and
  its spreadsheet row number is the row number of the ticket in error reports;
* ``created_at`` (or ``created_date`` + ``created_time``) is the earliest readable
  creation of the id; without a creation column, the earliest update time;
* ``first_response_at`` is the first non-empty value in time order; ``resolved_at`` and
  ``closed_at`` likewise, but counted from the ticket's last reopen: a ticket resolved,
  reopened and still open has no resolution (its last state wins), one resolved again
  has the first resolution after the reopen;
* ``reopened_count``, when the file has a status column and no reopen column, counts
  the changes from a resolved/closed status back to an open one.

Rows without an id are kept as they are (validation rejects them). Everything works on
whole columns with numpy (a stable sort by id code, update time and row), so a million
rows reduce in about a second.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from importers.mapping import ColumnMapping, Mapping
from importers.table import RawTable
from importers.values import (
    STATUS_SYNONYMS,
    US_PER_DAY,
    blank_mask,
    parse_codes,
    parse_dates,
    parse_datetimes,
    parse_times_of_day,
    text_values,
)

CHOICES = ("keep", "reduce")
CLOSED_CODES = ("resolved", "closed")
CREATED_HEADER = "Created (earliest update)"
REOPENED_HEADER = "Reopened (counted from the status changes)"
_OLDEST = np.iinfo(np.int64).min
_NEWEST = np.iinfo(np.int64).max


@dataclass(frozen=True)
class EventLogInfo:
    """What :func:`detect_event_log` found: ``rows`` file rows for ``tickets`` distinct
    ids, ``repeated`` of which occur more than once; ``ordered``: the update times never
    decrease within an id (file order)."""

    rows: int
    tickets: int
    repeated: int
    ordered: bool

    @property
    def looks_like_event_log(self) -> bool:
        return self.repeated > 0 and self.ordered

    def describe(self) -> str:
        return f"looks like an event log: {self.rows:,} rows for {self.tickets:,} tickets"


@dataclass
class _Groups:
    """Rows sorted by (id code, update time, row): ``order`` (sorted position → source
    row), ``group`` (sorted position → group), ``first``/``last`` (group → sorted
    position of its first/last row)."""

    order: np.ndarray
    group: np.ndarray
    first: np.ndarray
    last: np.ndarray
    tickets: int
    repeated: int
    update_ok: np.ndarray  # by source row


def event_log_choice(job_options: dict[str, Any], mapping: Mapping) -> str:
    """``reduce`` or ``keep``: the job's option (command line), else the mapping's (the
    dialog, a saved profile), else ``keep``. ``ValueError`` for anything else."""
    choice = job_options.get("event_log") or mapping.options.get("event_log") or "keep"
    if choice not in CHOICES:
        raise ValueError(f"unknown event-log choice {choice!r}: use keep or reduce")
    return str(choice)


def _datetime_options(mapping: Mapping) -> dict[str, Any]:
    return {"date1904": bool(mapping.options.get("date1904", False)),
            "dayfirst": mapping.options.get("dayfirst")}


def _column(table: RawTable, mapping: Mapping, name: str) -> list[Any] | None:
    header = mapping.header_of(name)
    return table.column(header) if header is not None and header in table.headers else None


def _groups(table: RawTable, mapping: Mapping, tz: dt.tzinfo) -> _Groups | None:
    ids_col = _column(table, mapping, "external_id")
    if ids_col is None:
        return None
    n = table.n_rows
    ids = text_values(ids_col, 100)
    codes: dict[str | None, int] = dict.fromkeys(ids, -1)
    codes.update(zip([k for k in codes if k is not None], range(len(codes)), strict=False))
    code = np.fromiter(map(codes.__getitem__, ids), dtype=np.int64, count=n)
    named = code >= 0
    # rows without an id get a code of their own: they stay single rows
    code[~named] = len(codes) + np.arange(int((~named).sum()))
    update_col = _column(table, mapping, "updated_at")
    if update_col is not None:
        parsed = parse_datetimes(update_col, tz, **_datetime_options(mapping))
        update_ok = parsed.ok
        key = np.where(update_ok, parsed.values, _OLDEST)
    else:
        update_ok, key = np.zeros(n, bool), np.zeros(n, np.int64)
    order = np.lexsort((np.arange(n), key, code))
    sorted_code = code[order]
    starts = np.ones(n, bool)
    starts[1:] = sorted_code[1:] != sorted_code[:-1]
    first = np.nonzero(starts)[0]
    last = np.append(first[1:] - 1, n - 1) if n else first
    group = np.cumsum(starts) - 1
    sizes = np.diff(np.append(first, n))
    repeated = int(((sizes > 1) & named[order[first]]).sum()) if n else 0
    tickets = int(named[order[first]].sum()) if n else 0
    return _Groups(order, group, first, last, tickets, repeated, update_ok)


def _ordered(g: _Groups) -> bool:
    """True when, within every id, the update times never go back in file order."""
    # In the sorted order a group's timed rows are in time order (ties by row); their
    # file order then increases exactly when the times never decrease in the file.
    pos = np.nonzero(g.update_ok[g.order])[0]
    same = g.group[pos[1:]] == g.group[pos[:-1]]
    return bool((g.order[pos[1:]][same] > g.order[pos[:-1]][same]).all())


def detect_event_log(table: RawTable, mapping: Mapping, tz: dt.tzinfo) -> EventLogInfo | None:
    """How far ``table`` looks like an event log (see the module doc); None when it has
    no id or no update-time column mapped."""
    if mapping.header_of("updated_at") is None:
        return None
    g = _groups(table, mapping, tz)
    if g is None:
        return None
    return EventLogInfo(table.n_rows, g.tickets, g.repeated, _ordered(g))


def _first_where(mask_sorted: np.ndarray, g: _Groups, since: np.ndarray | None = None
                 ) -> np.ndarray:
    """Per group, the source row of the first sorted row where ``mask_sorted`` is set
    (at or after sorted position ``since[group]``), or -1."""
    n = len(mask_sorted)
    positions = np.arange(n)
    ok = mask_sorted if since is None else mask_sorted & (positions >= since[g.group])
    best = np.minimum.reduceat(np.where(ok, positions, n), g.first)
    return np.where(best < n, g.order[np.minimum(best, n - 1)], -1)


def _earliest(values: np.ndarray, ok: np.ndarray, g: _Groups) -> np.ndarray:
    """Per group, the source row holding the smallest readable value (first on ties), or -1."""
    key = np.where(ok, values, _NEWEST)[g.order]
    lowest = np.minimum.reduceat(key, g.first)
    return _first_where((key == lowest[g.group]) & ok[g.order], g)


def _reopens(table: RawTable, mapping: Mapping, g: _Groups) -> tuple[np.ndarray, np.ndarray]:
    """(reopen count per group, sorted position per group from which a resolution or
    closing time counts: 0, or for a reopened ticket its first resolved/closed row
    after the last reopen — ``len(rows)`` when it is still open)."""
    n, n_groups = len(g.order), len(g.first)
    col = _column(table, mapping, "status")
    if col is None:
        return np.zeros(n_groups, np.int64), np.zeros(n_groups, np.int64)
    value_map = (mapping.options.get("value_map") or {}).get("status")
    p = parse_codes(col, STATUS_SYNONYMS, value_map)
    known = p.ok[g.order]
    closed = known & np.isin(p.values[g.order], CLOSED_CODES)
    pos = np.nonzero(known)[0]
    turn = (g.group[pos[1:]] == g.group[pos[:-1]]) & closed[pos[:-1]] & ~closed[pos[1:]]
    reopen = np.zeros(n, bool)
    reopen[pos[1:][turn]] = True
    positions = np.arange(n)
    count = np.add.reduceat(reopen.astype(np.int64), g.first)
    last = np.maximum.reduceat(np.where(reopen, positions, -1), g.first)
    after = closed & (positions > last[g.group]) & (last[g.group] >= 0)
    resolved_again = np.minimum.reduceat(np.where(after, positions, n), g.first)
    return count, np.where(last >= 0, resolved_again, 0)


def _take(column: Sequence[Any], rows: np.ndarray) -> list[Any]:
    """``column[i]`` for each source row ``i`` (None for -1)."""
    if not rows.size or rows.min() >= 0:
        return list(map(column.__getitem__, rows.tolist()))
    return [column[i] if i >= 0 else None for i in rows.tolist()]


def reduce_event_log(table: RawTable, mapping: Mapping, tz: dt.tzinfo
                     ) -> tuple[RawTable, Mapping, EventLogInfo]:
    """One row per ticket id (see the module doc): the reduced table (row numbers of
    the winning rows), the mapping to validate it with (plus any column made here) and
    what was found. A table without an id column comes back unchanged."""
    g = _groups(table, mapping, tz) if table.n_rows else None
    if g is None:
        return table, mapping, EventLogInfo(table.n_rows, 0, 0, False)
    info = EventLogInfo(table.n_rows, g.tickets, g.repeated, _ordered(g))
    winner = g.order[g.last]
    out = np.argsort(winner, kind="stable")  # tickets in the order of their last row
    rows = {j: winner for j in range(len(table.headers))}  # column → source row per group
    fields = mapping.fields
    index = {h: j for j, h in enumerate(table.headers)}
    opts = _datetime_options(mapping)

    def use(names: Sequence[str], picked: np.ndarray) -> None:
        for name in names:
            if name in fields and fields[name] in index:
                rows[index[fields[name]]] = picked

    if "created_at" in fields:
        p = parse_datetimes(_column(table, mapping, "created_at") or [], tz, **opts)
        use(["created_at"], _fallback(_earliest(p.values, p.ok, g), p.missing, g))
    elif "created_date" in fields:
        day = parse_dates(_column(table, mapping, "created_date") or [], **opts)
        tod_col = _column(table, mapping, "created_time")
        tod = parse_times_of_day(tod_col) if tod_col is not None else None
        moment = day.values * US_PER_DAY + (np.where(tod.ok, tod.values, 0) if tod else 0)
        use(["created_date", "created_time"],
            _fallback(_earliest(moment, day.ok, g), day.missing, g))
    count, since = _reopens(table, mapping, g)
    for name, after in (("first_response_at", None), ("resolved_at", since),
                        ("closed_at", since)):
        col = _column(table, mapping, name)
        if col is not None:
            use([name], _first_where(~blank_mask(col)[g.order], g, after))
    headers, columns = list(table.headers), [_take(col, rows[j][out])
                                             for j, col in enumerate(table.columns)]
    added: list[ColumnMapping] = []
    no_created = not ({"created_at", "created_date"} & fields.keys())
    if no_created and "updated_at" in fields:
        first_update = _first_where(g.update_ok[g.order], g)
        headers.append(_unique(CREATED_HEADER, headers))
        columns.append(_take(table.column(fields["updated_at"]), first_update[out]))
        added.append(ColumnMapping(headers[-1], "created_at", "values"))
    if "status" in fields and "reopened_count" not in fields:
        headers.append(_unique(REOPENED_HEADER, headers))
        columns.append(count[out].tolist())
        added.append(ColumnMapping(headers[-1], "reopened_count", "values"))
    reduced = dataclasses.replace(
        table, headers=headers, columns=columns,
        row_numbers=_take(table.row_numbers, winner[out]))
    return reduced, Mapping(mapping.kind, [*mapping.columns, *added],
                            dict(mapping.options)), info


def _fallback(picked: np.ndarray, missing: np.ndarray, g: _Groups) -> np.ndarray:
    """``picked``, or where a group has no readable value, its first non-empty (so an
    unreadable value is reported, not lost), else its last row."""
    first_present = _first_where(~missing[g.order], g)
    chosen = np.where(picked >= 0, picked, first_present)
    return np.where(chosen >= 0, chosen, g.order[g.last])


def _unique(header: str, headers: list[str]) -> str:
    while header in headers:
        header += " "
    return header


def apply_event_log_choice(table: RawTable, mapping: Mapping, tz: dt.tzinfo, choice: str
                           ) -> tuple[RawTable, Mapping, EventLogInfo | None, list[str]]:
    """The table and mapping to validate for ``choice`` (``reduce``/``keep``), what
    detection found and the notes for the report: what was reduced, or — kept — that
    the file looks like an event log and how to reduce it."""
    info: EventLogInfo | None
    if choice == "reduce":
        reduced, used, info = reduce_event_log(table, mapping, tz)
        return reduced, used, info, [
            f"event log: {info.rows:,} rows reduced to {reduced.n_rows:,} tickets "
            "(the last state of each wins)"]
    info = detect_event_log(table, mapping, tz)
    if info is None or not info.looks_like_event_log:
        return table, mapping, info, []
    return table, mapping, info, [
        f"{info.describe()}; each repeated id is rejected as a duplicate unless the file "
        "is imported as an event log (--event-log reduce, or the mapping dialog's "
        "event-log box), which keeps the last state of each ticket"]
