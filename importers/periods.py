"""Reporting periods for vendor metrics: months, quarters and years from spreadsheet cells.

A :class:`Period` is a half-open date range ``[start, end)`` with a canonical label:
``2026-03`` (month), ``2026Q1`` (quarter), ``2026`` (year). Accepted cell values:

- a ``date``/``datetime`` (or an Excel serial number of a day) → the month containing it;
- ISO-like dates as text (``2026-03-15``, ``2026/3/15``, ``2026年3月15日``) → their month;
- months: ``2026-03``, ``2026/3``, ``202603``, ``2026年3月``, ``Mar 2026``, ``March 2026``,
  ``2026 Mar``, ``03/2026``;
- quarters: ``2026Q1``, ``2026 Q1``, ``2026-Q1``, ``Q1 2026``, ``Q1/2026``,
  ``2026年第1季度``, ``2026年一季度``, ``2026年Q1``;
- half years: ``2026H1``, ``2026年上半年``; years: ``2026``, ``2026年``, ``FY2026``.

Anything else is ``None`` (the caller turns it into a row error naming the value).
Numbers between 1900 and 2200 are years; larger numbers up to 2958465 are Excel day
serials (1900 date system); ``yyyymm`` integers are months.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

_MONTHS = {
    name: i
    for i, names in enumerate(
        (
            ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
            ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
            ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_EXCEL_EPOCH = dt.date(1899, 12, 30)

_RE_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T].*)?$")
_RE_YM = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?(?:份)?$")
_RE_YYYYMM = re.compile(r"^(\d{4})(\d{2})$")
_RE_MY = re.compile(r"^(\d{1,2})\s*[-/.]\s*(\d{4})$")
_RE_NAMED_MONTH = re.compile(r"^([a-z]+)\.?[\s,\-/]*(\d{4})$|^(\d{4})[\s,\-/]*([a-z]+)\.?$")
_RE_QUARTER = re.compile(
    r"^(?:fy)?(\d{4})\s*(?:[-/年])?\s*(?:第)?\s*(?:q\s*([1-4])|([1-4一二三四])\s*季度?)$"
    r"|^q\s*([1-4])\s*[-/\s,]*(?:fy)?\s*(\d{4})$"
)
_RE_HALF = re.compile(r"^(\d{4})\s*[-/年]?\s*(?:h([12])|([上下])半年)$")
_RE_YEAR = re.compile(r"^(?:fy\s*)?(\d{4})\s*(?:年|年度)?$")


@dataclass(frozen=True, order=True)
class Period:
    """A reporting period ``[start, end)``; ``label`` is canonical (``2026-03``, ``2026Q1``)."""

    start: dt.date
    end: dt.date  # exclusive
    label: str


def month(year: int, month_no: int) -> Period:
    """The calendar month ``year-month_no`` (raises ``ValueError`` outside 1–12)."""
    start = dt.date(year, month_no, 1)
    end = dt.date(year + (month_no == 12), month_no % 12 + 1, 1)
    return Period(start, end, f"{year:04d}-{month_no:02d}")


def quarter(year: int, q: int) -> Period:
    """Quarter ``q`` (1–4) of ``year``, e.g. ``2026Q1`` = 2026-01-01 … 2026-04-01."""
    if not 1 <= q <= 4:
        raise ValueError(f"quarter {q} is not 1-4")
    start = dt.date(year, 3 * q - 2, 1)
    end = dt.date(year + (q == 4), (3 * q) % 12 + 1, 1)
    return Period(start, end, f"{year:04d}Q{q}")


def half_year(year: int, h: int) -> Period:
    """First (``h=1``) or second half of ``year``, labelled ``2026H1``."""
    start = dt.date(year, 1 if h == 1 else 7, 1)
    end = dt.date(year, 7, 1) if h == 1 else dt.date(year + 1, 1, 1)
    return Period(start, end, f"{year:04d}H{h}")


def year(year_no: int) -> Period:
    """The calendar year, labelled ``2026``."""
    return Period(dt.date(year_no, 1, 1), dt.date(year_no + 1, 1, 1), f"{year_no:04d}")


def current_quarter(today: dt.date | None = None) -> Period:
    """The quarter containing ``today`` (default: the local date now)."""
    day = today or dt.date.today()
    return quarter(day.year, (day.month - 1) // 3 + 1)


def month_of(day: dt.date) -> Period:
    """The calendar month containing ``day``."""
    return month(day.year, day.month)


def parse_period(value: Any) -> Period | None:
    """The period a cell names, or ``None`` when it names none (see the module docstring).

    Never raises: impossible months/quarters (``2026-13``, ``2026Q5``) give ``None``.
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, dt.datetime):
        return month_of(value.date())
    if isinstance(value, dt.date):
        return month_of(value)
    try:
        if isinstance(value, int | float):
            return _from_number(float(value))
        if isinstance(value, str):
            return _from_text(value)
    except (ValueError, OverflowError):
        return None
    return None


def _from_number(number: float) -> Period | None:
    if number != number or not number.is_integer():  # NaN or a fraction of a day
        if 20_000 < number < 2_958_466:  # Excel serial with a time part
            return month_of(_EXCEL_EPOCH + dt.timedelta(days=int(number)))
        return None
    n = int(number)
    if 1900 <= n <= 2200:
        return year(n)
    if 190001 <= n <= 220012:
        return month(n // 100, n % 100)
    if 19000101 <= n <= 22001231:
        return month(n // 10000, n // 100 % 100) if _valid_ymd(n) else None
    if 20_000 < n < 2_958_466:
        return month_of(_EXCEL_EPOCH + dt.timedelta(days=n))
    return None


def _valid_ymd(n: int) -> bool:
    try:
        dt.date(n // 10000, n // 100 % 100, n % 100)
    except ValueError:
        return False
    return True


def _from_text(text: str) -> Period | None:
    s = " ".join(text.strip().lower().replace("，", ",").split())
    if not s:
        return None
    if s.isdigit():
        return _from_number(float(s))
    if m := _RE_DATE.match(s):
        dt.date(int(m[1]), int(m[2]), int(m[3]))  # validates, raises ValueError
        return month(int(m[1]), int(m[2]))
    if m := _RE_YM.match(s):
        return month(int(m[1]), int(m[2]))
    if m := _RE_YYYYMM.match(s):
        return month(int(m[1]), int(m[2]))
    if m := _RE_MY.match(s):
        return month(int(m[2]), int(m[1]))
    if (m := _RE_NAMED_MONTH.match(s)) and (m[1] or m[4]) in _MONTHS:
        name, yr = (m[1], m[2]) if m[1] else (m[4], m[3])
        return month(int(yr), _MONTHS[name])
    if m := _RE_QUARTER.match(s):
        if m[5]:
            return quarter(int(m[5]), int(m[4]))
        return quarter(int(m[1]), _CN_DIGITS[m[2] or m[3]])
    if m := _RE_HALF.match(s):
        return half_year(int(m[1]), int(m[2]) if m[2] else (1 if m[3] == "上" else 2))
    if m := _RE_YEAR.match(s):
        return year(int(m[1]))
    return _from_iso_datetime(s)


def _from_iso_datetime(s: str) -> Period | None:
    try:
        return month_of(dt.datetime.fromisoformat(s.upper()).date())
    except ValueError:
        return None
