"""Numbers and durations, column-wise (see :mod:`importers.values`)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

import numpy as np

from importers.parsed import Parsed, blank_mask, by_distinct, float_fast

# -- durations and numbers -------------------------------------------------------------
UNIT_SECONDS = {"seconds": 1.0, "minutes": 60.0, "hours": 3600.0, "days": 86400.0}
_DURATION_UNITS = {
    "天": 86400.0, "日": 86400.0, "d": 86400.0, "day": 86400.0, "days": 86400.0,
    "小时": 3600.0, "小時": 3600.0, "时": 3600.0, "h": 3600.0, "hr": 3600.0, "hrs": 3600.0,
    "hour": 3600.0, "hours": 3600.0,
    "分钟": 60.0, "分鐘": 60.0, "分": 60.0, "m": 60.0, "min": 60.0, "mins": 60.0,
    "minute": 60.0, "minutes": 60.0,
    "秒": 1.0, "秒钟": 1.0, "s": 1.0, "sec": 1.0, "secs": 1.0, "second": 1.0, "seconds": 1.0,
}
_DURATION_PART = re.compile(r"(\d+(?:[.,]\d+)?)\s*(" + "|".join(
    sorted(map(re.escape, _DURATION_UNITS), key=len, reverse=True)) + r")", re.IGNORECASE)
_CLOCK = re.compile(r"(?:(\d+)[. ])?(\d+):(\d{1,2})(?::(\d{1,2})(?:[.,](\d+))?)?")


def parse_number_text(text: str) -> float | None:
    """A number written as text: ``12``, ``4.5``, ``4,5`` (decimal comma), ``1,234.5``."""
    t = text.strip().replace("\u00a0", "").replace(" ", "")
    if not t:
        return None
    if re.fullmatch(r"[+-]?\d{1,3}(,\d{3})+(\.\d+)?", t):
        t = t.replace(",", "")
    elif re.fullmatch(r"[+-]?\d+,\d+", t):
        t = t.replace(",", ".")
    t = t.rstrip("%")
    try:
        return float(t)
    except ValueError:
        return None


def _duration_text(text: str, unit_s: float) -> float | None:
    t = text.strip()
    number = parse_number_text(t)
    if number is not None:
        return number * unit_s
    m = _CLOCK.fullmatch(t)
    if m:
        days = int(m[1]) if m[1] else 0
        secs = int(m[4]) if m[4] else 0
        frac = float("0." + m[5]) if m[5] else 0.0
        return days * 86400.0 + int(m[2]) * 3600.0 + int(m[3]) * 60.0 + secs + frac
    pos, total, found = 0, 0.0, False
    compact = t.replace(" ", "")
    for part in _DURATION_PART.finditer(compact):
        if part.start() != pos:
            return None
        total += float(part[1].replace(",", ".")) * _DURATION_UNITS[part[2].lower()]
        pos, found = part.end(), True
    return total if found and pos == len(compact) else None


def parse_durations(values: Sequence[Any], unit: str = "minutes") -> Parsed:
    """Seconds for a column of durations; bare numbers are in ``unit``.

    Accepts numbers, ``timedelta``, Excel time values (``time``), ``h:mm[:ss]``,
    ``d hh:mm``, Chinese and English unit text (``1小时20分``, ``90分钟``, ``2天``, ``1h 20m``).
    Negative results are kept (validation reports them as out of range).
    """
    shared = by_distinct(values, lambda distinct: parse_durations(distinct, unit))
    if shared is not None:
        return shared
    unit_s = UNIT_SECONDS[unit]
    n = len(values)
    out = np.zeros(n, dtype=np.float64)
    missing, invalid = blank_mask(values), np.zeros(n, dtype=bool)
    fast = float_fast(values, missing)
    if fast is not None:
        return Parsed(fast * unit_s, missing, ~missing & ~np.isfinite(fast))
    if set(map(type, values)) <= {str, type(None)}:  # text: parse each distinct value once
        present = np.nonzero(~missing)[0]
        cells = values if len(present) == n else list(map(values.__getitem__,
                                                          present.tolist()))
        distinct = {v: _duration_text(v, unit_s) for v in dict.fromkeys(cells)}
        for v, r in distinct.items():
            distinct[v] = np.nan if r is None else r  # not understood: NaN, invalid below
        out[present] = np.fromiter(map(distinct.__getitem__, cells), dtype=np.float64,
                                   count=len(cells))
        invalid = ~missing & ~np.isfinite(out)
        out[invalid] = 0.0
        return Parsed(out, missing, invalid)
    cache: dict[str, float | None] = {}
    for i, v in enumerate(values):
        if missing[i]:
            continue
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            out[i] = float(v) * unit_s
        elif isinstance(v, dt.timedelta):
            out[i] = v.total_seconds()
        elif isinstance(v, dt.time):
            out[i] = v.hour * 3600.0 + v.minute * 60.0 + v.second + v.microsecond / 1e6
        elif isinstance(v, str):
            r = cache.get(v, False)
            if r is False:
                r = cache[v] = _duration_text(v, unit_s)
            if r is None:
                invalid[i] = True
            else:
                out[i] = r
        else:
            invalid[i] = True
    invalid |= ~np.isfinite(out)
    return Parsed(out, missing, invalid)


def parse_numbers(values: Sequence[Any]) -> Parsed:
    """``float64`` for a column of numbers (numbers or number text, decimal comma allowed)."""
    shared = by_distinct(values, parse_numbers)
    if shared is not None:
        return shared
    n = len(values)
    out = np.zeros(n, dtype=np.float64)
    missing, invalid = blank_mask(values), np.zeros(n, dtype=bool)
    fast = float_fast(values, missing)
    if fast is not None:
        return Parsed(fast, missing, ~missing & ~np.isfinite(fast))
    cache: dict[str, float | None] = {}
    for i, v in enumerate(values):
        if missing[i]:
            continue
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            out[i] = v
        elif isinstance(v, str):
            r = cache.get(v, False)
            if r is False:
                r = cache[v] = parse_number_text(v)
            if r is None:
                invalid[i] = True
            else:
                out[i] = r
        else:
            invalid[i] = True
    invalid |= ~np.isfinite(out)
    return Parsed(out, missing, invalid)


