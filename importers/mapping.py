"""Propose which column of a file fills which field, and how sure we are.

:func:`propose_mapping` looks at every header of a :class:`RawTable`: an exact
synonym (after normalising case, spaces, underscores and punctuation) is
``"exact"``; a close spelling is ``"fuzzy"``; a required field found only by
looking at the values (a column of unique ids, a column of date-times) is
``"values"``. Values also correct the header: a ``Resolved`` column holding Y/N is a
flag, not a time; a ``First response`` column holding small numbers is a duration.
A unit word in the header (``_Hours``, ``in seconds``, ``(分钟)``) sets the unit of a
duration column. Each field is taken by one column at most (the best match).

A :class:`Mapping` is plain data (picklable, JSON-able through :meth:`Mapping.to_dict`)
so it travels to the import process and into a saved profile.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import re
from dataclasses import dataclass, field
from typing import Any

from importers.fields import DURATION_OF, FIELD_SETS, fields_for, synonym_index
from importers.table import RawTable
from importers.values import (
    BOOLEAN_SYNONYMS,
    code_key,
    is_blank,
    normalise_token,
    parse_naive_datetimes,
)

CONFIDENCE_ORDER = {"profile": 0, "user": 0, "exact": 1, "fuzzy": 2, "values": 3, "none": 9}
SAMPLE_SIZE = 200
_NOT_CREATED = re.compile(r"purchase|birth|due|expir|购买|出生|到期|截止", re.IGNORECASE)
_NUMBER_TEXT = re.compile(r"\s*[+-]?\d+(?:[.,]\d+)?\s*")

_UNIT_WORDS = [
    ("seconds", r"in\s*seconds|seconds|secs?|秒"),
    ("minutes", r"in\s*minutes|minutes|mins?|分钟|分鐘"),
    ("hours", r"in\s*hours|hours|hrs?|小时|小時"),
    ("days", r"in\s*days|days|天数|天"),
]
_UNIT_RE = [(unit, re.compile(rf"(?:^|[\s_\-(（\[])(?:{words})\s*[)）\]]?\s*$", re.IGNORECASE))
            for unit, words in _UNIT_WORDS]


@dataclass
class ColumnMapping:
    """One column: its header, the field it fills (None: ignored), how sure, its unit."""

    header: str
    field: str | None
    confidence: str = "none"
    unit: str | None = None
    # qualified: in this class body ``field`` names the attribute above
    samples: list[str] = dataclasses.field(default_factory=list)


@dataclass
class Mapping:
    """The columns of one file and what they fill, plus import options.

    ``options`` keys: ``value_map`` {field: {file value: code}}, ``csat_scale``
    [min, max], ``dayfirst`` (bool), ``date1904`` (bool), ``tz`` (zone name).
    """

    kind: str
    columns: list[ColumnMapping]
    options: dict[str, Any] = field(default_factory=dict)

    def header_of(self, field_name: str) -> str | None:
        for c in self.columns:
            if c.field == field_name:
                return c.header
        return None

    def unit_of(self, field_name: str) -> str | None:
        for c in self.columns:
            if c.field == field_name:
                return c.unit
        return None

    @property
    def fields(self) -> dict[str, str]:
        """Field → header for the mapped columns."""
        return {c.field: c.header for c in self.columns if c.field}

    def assign(self, header: str, field_name: str | None, unit: str | None = None) -> None:
        """Let ``header`` fill ``field_name`` (the user's choice); any other column that
        filled it is released."""
        for c in self.columns:
            if field_name and c.field == field_name and c.header != header:
                c.field, c.confidence = None, "none"
        for c in self.columns:
            if c.header == header:
                c.field, c.confidence = field_name, ("user" if field_name else "none")
                spec = fields_for(self.kind).get(field_name or "")
                c.unit = unit or (c.unit if spec and spec.kind == "duration" else None)
                if spec and spec.kind == "duration" and not c.unit:
                    c.unit = spec.unit

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "mapping": {c.header: c.field for c in self.columns if c.field},
            "units": {c.header: c.unit for c in self.columns if c.field and c.unit},
            "options": dict(self.options),
        }


def unit_from_header(header: str) -> tuple[str | None, str]:
    """The duration unit a header names (``Resolution_Time_Hours`` → hours) and the
    header without it."""
    for unit, pattern in _UNIT_RE:
        m = pattern.search(header.strip())
        if m:
            return unit, header.strip()[: m.start()]
    return None, header


def _candidates(header: str, index: dict[str, tuple[str, int]]) -> tuple[str, int, str] | None:
    """(field, rank, confidence) for a header, or None."""
    forms = [header, re.sub(r"[(（\[].*?[)）\]]", "", header)]
    unit, bare = unit_from_header(header)
    if unit:
        forms.append(bare)
    for form in forms:
        key = normalise_token(form)
        if key in index:
            name, rank = index[key]
            return name, rank, "exact"
    key = normalise_token(forms[-1])
    if len(key) >= 5:
        best = difflib.get_close_matches(key, [k for k in index if len(k) >= 4], n=1, cutoff=0.88)
        if best:
            name, rank = index[best[0]]
            return name, rank + 100, "fuzzy"
    return None


def _sample(values: list[Any]) -> list[Any]:
    out = []
    for v in values:
        if not is_blank(v):
            out.append(v)
            if len(out) >= SAMPLE_SIZE:
                break
    return out


def _share_booleans(sample: list[Any]) -> float:
    if not sample:
        return 0.0
    return sum(1 for v in sample if (code_key(v) in BOOLEAN_SYNONYMS and not isinstance(
        v, (int, float))) or isinstance(v, bool)) / len(sample)


def _share_datetimes(sample: list[Any]) -> float:
    if not sample:
        return 0.0
    parsed, _ = parse_naive_datetimes(sample)
    numbers = [float(str(v).replace(",", ".")) for v in sample
               if (isinstance(v, (int, float)) and not isinstance(v, bool))
               or (isinstance(v, str) and _NUMBER_TEXT.fullmatch(v))]
    if len(numbers) == len(sample) and max(numbers) < 20_000:
        return 0.0  # small numbers are counts or durations, not Excel dates
    return float(parsed.ok.sum()) / len(sample)


def _share_numbers(sample: list[Any]) -> float:
    if not sample:
        return 0.0
    n = 0
    for v in sample:
        number = isinstance(v, (int, float, dt.timedelta, dt.time)) and not isinstance(v, bool)
        if number or (isinstance(v, str) and _NUMBER_TEXT.fullmatch(v)):
            n += 1
    return n / len(sample)


def _fix_by_values(name: str, sample: list[Any], unit: str | None) -> tuple[str | None, str | None]:
    """Correct a header-based guess with the column's values; (field, unit)."""
    specs = fields_for("tickets")
    spec = specs.get(name)
    if spec is None or not sample:
        return name, unit
    if spec.kind in ("datetime", "date"):
        if _share_booleans(sample) >= 0.9:
            return ("resolved_flag", None) if name == "resolved_at" else (None, None)
        if name in DURATION_OF and (unit or _share_datetimes(sample) < 0.5) and _share_numbers(
                sample) >= 0.9:
            duration = DURATION_OF[name]
            return duration, unit or specs[duration].unit
    if spec.kind == "duration":
        return name, unit or spec.unit
    return name, None


def propose_mapping(table: RawTable, kind: str = "tickets") -> Mapping:
    """The best mapping of ``table``'s columns to ``kind``'s fields (see module doc)."""
    index = synonym_index(kind)
    specs = fields_for(kind)
    claims: list[tuple[int, int, int, str, str | None]] = []  # (conf, rank, col, field, unit)
    samples = [_sample(col) for col in table.columns]
    for j, header in enumerate(table.headers):
        if not header or not str(header).strip():
            continue
        found = _candidates(str(header), index)
        if not found:
            continue
        name, rank, confidence = found
        unit, _ = unit_from_header(str(header))
        if kind == "tickets":
            if unit and name in DURATION_OF:
                name = DURATION_OF[name]
            fixed, unit = _fix_by_values(name, samples[j], unit)
            if fixed is None:
                continue
            if fixed != name:
                name, confidence = fixed, "values"
        elif specs[name].kind != "duration":
            unit = None
        claims.append((CONFIDENCE_ORDER[confidence], rank, j, name, unit))
    claims.sort()
    taken: dict[str, int] = {}
    chosen: dict[int, tuple[str, str, str | None]] = {}
    for conf, _rank, j, name, unit in claims:
        if name in taken or j in chosen:
            continue
        taken[name] = j
        label = next(k for k, v in CONFIDENCE_ORDER.items() if v == conf)
        chosen[j] = (name, label, unit)
    if kind == "tickets":
        _guess_required(table, samples, chosen, taken)
    columns = []
    for j, header in enumerate(table.headers):
        field_name, confidence, unit = chosen.get(j, (None, "none", None))
        shown = [str(v) for v in samples[j][:3]]
        columns.append(ColumnMapping(str(header), field_name, confidence, unit, shown))
    return Mapping(kind, columns)


def _guess_required(table: RawTable, samples: list[list[Any]],
                    chosen: dict[int, tuple[str, str, str | None]], taken: dict[str, int]) -> None:
    """Find an id or a creation time by their values when no header named them."""
    free = [j for j in range(len(table.headers)) if j not in chosen and str(table.headers[j])]
    if "external_id" not in taken:
        for j in free:
            col = table.columns[j]
            if col and all(not is_blank(v) for v in col) and len(set(map(str, col))) == len(col):
                chosen[j] = ("external_id", "values", None)
                taken["external_id"] = j
                free.remove(j)
                break
    # With a first-response time the tickets get their creation time from it
    # (importers.validation); a purchase or birth date is never a creation time.
    if "created_at" not in taken and "created_date" not in taken and \
            "first_response_at" not in taken:
        for j in free:
            if _NOT_CREATED.search(str(table.headers[j])):
                continue
            if _share_datetimes(samples[j]) >= 0.9:
                chosen[j] = ("created_at", "values", None)
                taken["created_at"] = j
                break


def detect_kind(headers: list[str]) -> str | None:
    """The import kind whose synonyms name most of ``headers`` (None: no clear winner)."""
    best, best_hits = None, 0
    for kind in FIELD_SETS:
        index = synonym_index(kind)
        hits = sum(1 for h in headers if h and normalise_token(str(h)) in index)
        if hits > best_hits:
            best, best_hits = kind, hits
    return best if best_hits >= 2 else None


def mapping_from_dict(data: dict[str, Any], headers: list[str]) -> Mapping:
    """Rebuild a :class:`Mapping` for a file's ``headers`` from :meth:`Mapping.to_dict`
    data (a saved profile). Headers are matched normalised; unknown ones are ignored."""
    by_norm = {normalise_token(h): f for h, f in data.get("mapping", {}).items()}
    units = {normalise_token(h): u for h, u in data.get("units", {}).items()}
    columns = []
    for h in headers:
        key = normalise_token(str(h))
        name = by_norm.get(key)
        columns.append(ColumnMapping(str(h), name, "profile" if name else "none",
                                     units.get(key) if name else None))
    return Mapping(data.get("kind", "tickets"), columns, dict(data.get("options") or {}))
