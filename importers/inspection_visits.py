"""Turning the rows of a wide inspection table into validated visit records.

One :class:`VisitRecord` per row; rows that cannot become a visit are reported as
``(row, column, value, code, message)`` errors, the row numbered as the spreadsheet shows it.

Rules (decisions recorded here, DESIGN.md is silent on them):

* ``visited_at`` is required; naive times are read in the import's zone, stored UTC.
* The overall score is 0–100: ``100 · score / max_score`` when a maximum column is present
  and positive (SafetyCulture exports carry ``score_percentage = 0`` even when
  ``score = 59, max_score = 141``, so the percentage column is used only without a
  maximum); otherwise the score column itself, which must lie in 0–100.
* ``passed`` comes from a result column: yes/pass words → passed, no/fail words → failed,
  ``Pass w/ Conditions`` → passed; other verdicts (``Out of Business``, ``No Entry``) keep
  ``passed`` empty and are stored as the visit's ``result`` text.
* A row with no score, no verdict and no answered item is not a visit (the Thai
  street-light log's empty first row): it is skipped and the report lists its row.
* A row flagged deleted in the source (``deleted = true``) is skipped and counted.
* Visits are keyed by the file's inspection id; an id seen earlier in the file rejects
  the later row (DESIGN.md "Imports"). Without an id column the key is site + visit time +
  visit type: a row repeating an earlier row cell for cell is the same visit listed twice
  and is skipped (reported); a different row with the same key is another visit that day
  (Austin lists two scores for one restaurant on one day) and gets ``#2``, ``#3`` …
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import uuid as uuid_module
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from importers.inspection_items import ItemBinding, answer_value
from importers.inspection_shapes import ColumnPlan, parse_choice
from importers.table import RawTable
from importers.values import code_key, parse_booleans, parse_datetimes, parse_numbers, text_values
from models.checklists.scoring import AnswerValue
from models.orm.base import EPOCH
from models.orm.checklists import Choice

UUID_NAMESPACE = uuid_module.UUID("6f1c3d52-7a0e-4d8e-9a55-3b1f3c1e0a11")
_NS_BYTES = UUID_NAMESPACE.bytes
Error = tuple[int, str, Any, str, str]  # row, column, value, code, message


@dataclass
class VisitRecord:
    """One visit as the file describes it (times aware UTC, score 0–100)."""

    row: int
    ref: str
    uuid: str
    visited_at: dt.datetime
    inspector: str | None = None
    site_code: str | None = None
    site_name: str | None = None
    address: str | None = None
    city: str | None = None
    site_kind: str | None = None
    score: float | None = None
    passed: bool | None = None
    result: str | None = None
    visit_type: str | None = None
    notes: str | None = None
    answers: dict[int, AnswerValue] = field(default_factory=dict)  # item position → answer


@dataclass
class ParsedVisits:
    visits: list[VisitRecord]
    errors: list[Error]
    skipped_deleted: int = 0
    notes: list[str] = field(default_factory=list)


def visit_uuid(source: str, ref: str) -> str:
    """The stable UUID of the visit ``ref`` from ``source`` (same file, same UUID):
    ``uuid5(UUID_NAMESPACE, source + "\\x1f" + ref)``, computed without building a
    :class:`uuid.UUID` (a 25,000-row file asks for 25,000 of them)."""
    h = bytearray(hashlib.sha1(_NS_BYTES + f"{source}\x1f{ref}".encode()).digest()[:16])
    h[6] = (h[6] & 0x0F) | 0x50
    h[8] = (h[8] & 0x3F) | 0x80
    x = h.hex()
    return f"{x[:8]}-{x[8:12]}-{x[12:16]}-{x[16:20]}-{x[20:]}"


def site_code_for(source: str, value: str) -> str:
    """A site code from a file's site identifier: codes with letters are kept as they are
    (``S012``, ``RFID-AEER-12``); bare numbers (a licence number, a city's facility id) are
    namespaced by the source (``austin-food-inspections:10555469``), so two cities'
    number 19 stay two sites."""
    value = value.strip()
    return f"{source}:{value}"[:64] if re.fullmatch(r"[\d.\-/ ]+", value) else value[:64]


def parse_result(text: str | None) -> bool | None:
    """Passed (True), failed (False) or neither for a verdict text."""
    if not text:
        return None
    choice = parse_choice(text)
    if choice is Choice.YES:
        return True
    if choice is Choice.NO:
        return False
    key = code_key(text)
    if key.startswith("pass") or key.startswith("合格"):
        return True
    if key.startswith("fail") or key.startswith("不合格"):
        return False
    return None


def _texts(table: RawTable, plan: ColumnPlan, role: str, max_len: int) -> list[str | None]:
    j = plan.roles.get(role)
    return [None] * table.n_rows if j is None else text_values(table.columns[j], max_len)


def parse_visits(table: RawTable, plan: ColumnPlan, binding: ItemBinding | None, *,
                 source: str, tz: dt.tzinfo) -> ParsedVisits:
    """Validate every row of a wide ``table`` into visits (see the module docstring)."""
    n = table.n_rows
    errors: list[Error] = []
    bad = np.zeros(n, dtype=bool)
    rows = table.row_numbers

    def reject(mask: np.ndarray, role: str, code: str, reason: str) -> None:
        j = plan.roles[role]
        for i in np.flatnonzero(mask & ~bad):
            errors.append((rows[i], table.headers[j], table.columns[j][i], code, reason))
        bad[mask] = True

    if "visited_at" not in plan.roles:
        why = "no visit date column (e.g. 检查日期 / Inspection Date)"  # as tickets do
        return ParsedVisits([], [(r, "Inspection date", None, "missing_required", why)
                                 for r in rows], 0)
    when = parse_datetimes(table.columns[plan.roles["visited_at"]], tz)
    reject(when.missing, "visited_at", "missing_required", "the visit date is missing")
    reject(when.invalid, "visited_at", "unparseable", "not a date or time")

    score = _score(table, plan, reject, n)
    deleted = np.zeros(n, dtype=bool)
    if "deleted" in plan.roles:
        flags = parse_booleans(table.columns[plan.roles["deleted"]])
        deleted = flags.ok & flags.values & ~bad
    results = _texts(table, plan, "result", 100)
    refs = _texts(table, plan, "ref", 200)
    codes = _texts(table, plan, "site_code", 200)
    names = _texts(table, plan, "site_name", 200)
    types = _texts(table, plan, "visit_type", 200)
    inspectors = _texts(table, plan, "inspector", 200)
    notes = _texts(table, plan, "notes", None)  # type: ignore[arg-type]
    addresses = _texts(table, plan, "address", 400)
    cities = _texts(table, plan, "city", 100)
    kinds = _texts(table, plan, "site_kind", 64)

    stamps = np.datetime_as_string(when.values.astype("datetime64[us]"), unit="s").tolist()
    visits: list[VisitRecord] = []
    seen: dict[str, int] = {}
    rows_seen: set[tuple[Any, ...]] = set()
    skipped: dict[str, list[int]] = {"empty": [], "repeated": []}
    for i in range(n):
        if bad[i] or deleted[i]:
            continue
        answers, answer_errors = _answers(table, binding, i)
        if answer_errors:
            errors.extend(answer_errors)
            continue
        visited = EPOCH + dt.timedelta(microseconds=int(when.values[i]))
        site_id = codes[i]
        code = site_code_for(source, site_id) if site_id else None
        ref = refs[i] or _derived_ref(code or names[i], stamps[i], types[i])
        if not refs[i]:
            cells = tuple(c[i] for c in table.columns)  # cells are hashable natives
            if cells in rows_seen:  # the same visit listed twice: one visit
                skipped["repeated"].append(rows[i])
                continue
            rows_seen.add(cells)
            base, k = ref, 2
            while ref in seen:  # another visit at the same site, time and type
                ref, k = f"{base}#{k}", k + 1
        if ref in seen:
            j = plan.roles["ref"]
            errors.append((rows[i], table.headers[j], table.columns[j][i], "duplicate_id",
                           f"duplicate inspection id: row {seen[ref]} is kept"))
            continue
        s = None if np.isnan(score[i]) else float(score[i])
        if s is None and not results[i] and not answers:
            skipped["empty"].append(rows[i])
            continue
        seen[ref] = rows[i]
        visits.append(VisitRecord(
            row=rows[i], ref=ref, uuid=visit_uuid(source, ref), visited_at=visited,
            inspector=inspectors[i], site_code=code, site_name=names[i], address=addresses[i],
            city=cities[i], site_kind=kinds[i], score=s, passed=parse_result(results[i]),
            result=results[i], visit_type=types[i], notes=notes[i], answers=answers))
    return ParsedVisits(visits, errors, int(deleted.sum()), _skip_notes(skipped))


def _skip_notes(skipped: dict[str, list[int]]) -> list[str]:
    def rows(found: list[int]) -> str:
        return ", ".join(map(str, found[:10])) + (" …" if len(found) > 10 else "")
    notes = []
    if skipped["empty"]:
        notes.append(f"{len(skipped['empty'])} row(s) with nothing recorded (no score, "
                     f"result or answer) were skipped: rows {rows(skipped['empty'])}")
    if skipped["repeated"]:
        notes.append(f"{len(skipped['repeated'])} row(s) repeating an earlier row cell for "
                     f"cell were skipped: rows {rows(skipped['repeated'])}")
    return notes


def _derived_ref(site: str | None, stamp: str, kind: str | None) -> str:
    return "|".join((site or "", stamp + "Z", kind or ""))[:200]


def _score(table: RawTable, plan: ColumnPlan, reject: Any, n: int) -> np.ndarray:
    """Scores on 0–100 (NaN where none), rejecting unusable cells."""
    out = np.full(n, np.nan)
    if "score" in plan.roles:
        raw = parse_numbers(table.columns[plan.roles["score"]])
        reject(raw.invalid, "score", "unparseable", "not a number")
        out = np.where(raw.ok, raw.values, np.nan)
        if "max_score" in plan.roles:
            top = parse_numbers(table.columns[plan.roles["max_score"]])
            usable = top.ok & (top.values > 0)
            with np.errstate(divide="ignore", invalid="ignore"):
                out = np.where(usable, 100.0 * out / np.where(usable, top.values, 1.0), out)
    elif "score_pct" in plan.roles:
        raw = parse_numbers(table.columns[plan.roles["score_pct"]])
        reject(raw.invalid, "score_pct", "unparseable", "not a number")
        out = np.where(raw.ok, raw.values, np.nan)
    role = "score" if "score" in plan.roles else "score_pct"
    if role in plan.roles:
        reject(~np.isnan(out) & ((out < 0) | (out > 100)), role, "score_out_of_range",
               "score outside 0–100")
    return out


def _answers(table: RawTable, binding: ItemBinding | None, i: int
             ) -> tuple[dict[int, AnswerValue], list[Error]]:
    if binding is None:
        return {}, []
    answers: dict[int, AnswerValue] = {}
    errors: list[Error] = []
    for j in binding.columns:
        value = table.columns[j][i]
        got = answer_value(binding.item(j), value)
        if isinstance(got, str):
            errors.append((table.row_numbers[i], table.headers[j], value, "invalid_answer", got))
        elif got is not None:
            answers.setdefault(binding.columns[j], got)  # the first column given wins
    return answers, errors
