"""Calendar periods of a report: ``2026-10`` (month), ``2026Q3`` (quarter), ``2026-W42``
(ISO week, Monday to Sunday) and ``2026`` (year).

A period runs from local midnight of its first day (inclusive) to local midnight of the
day after its last day (exclusive) in the report's zone, so DST and UTC offsets move the
UTC bounds, never the days. :meth:`Period.previous` is the previous *calendar* period
(September before October), not an equally long stretch of time as
``models.kpi.api.previous_period`` would give (Aug 31 – Sep 30 before October).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from models.kpi.localtime import midnight

PeriodKind = Literal["month", "quarter", "week", "year"]
MIN_YEAR, MAX_YEAR = 1970, 9998

_PATTERNS: tuple[tuple[PeriodKind, re.Pattern[str]], ...] = (
    ("year", re.compile(r"(\d{4})")),
    ("month", re.compile(r"(\d{4})-(\d{1,2})")),
    ("quarter", re.compile(r"(\d{4})-?[Qq]([1-4])")),
    ("week", re.compile(r"(\d{4})-?[Ww](\d{1,2})")),
)


class PeriodError(ValueError):
    """The text is not a period (the message says what is accepted)."""


@dataclass(frozen=True)
class Period:
    """One calendar period; ``first``/``last`` are local dates (both inclusive).

    ``label`` is the canonical spelling (``2026-10``, ``2026Q3``, ``2026-W42``, ``2026``).
    """

    kind: PeriodKind
    year: int
    number: int  # month 1–12, quarter 1–4, ISO week 1–53; 1 for a year

    @property
    def label(self) -> str:
        if self.kind == "month":
            return f"{self.year:04d}-{self.number:02d}"
        if self.kind == "quarter":
            return f"{self.year:04d}Q{self.number}"
        if self.kind == "week":
            return f"{self.year:04d}-W{self.number:02d}"
        return f"{self.year:04d}"

    @property
    def first(self) -> dt.date:
        if self.kind == "month":
            return dt.date(self.year, self.number, 1)
        if self.kind == "quarter":
            return dt.date(self.year, 3 * self.number - 2, 1)
        if self.kind == "week":
            return dt.date.fromisocalendar(self.year, self.number, 1)
        return dt.date(self.year, 1, 1)

    @property
    def end_date(self) -> dt.date:
        """The first day after the period (exclusive end)."""
        if self.kind == "week":
            return self.first + dt.timedelta(days=7)
        months = {"month": 1, "quarter": 3, "year": 12}[self.kind]
        index = self.first.year * 12 + self.first.month - 1 + months
        return dt.date(index // 12, index % 12 + 1, 1)

    @property
    def last(self) -> dt.date:
        return self.end_date - dt.timedelta(days=1)

    @property
    def days(self) -> int:
        return (self.end_date - self.first).days

    def bounds(self, tz: str | None) -> tuple[dt.datetime, dt.datetime]:
        """Start (inclusive) and end (exclusive) as aware UTC instants: local midnights
        in ``tz`` (``None`` = this computer's zone). Raises ``PeriodError`` on an
        unknown zone."""
        check_zone(tz)
        return (
            midnight(self.first, tz).astimezone(dt.UTC),
            midnight(self.end_date, tz).astimezone(dt.UTC),
        )

    def previous(self) -> Period:
        """The calendar period of the same kind just before this one."""
        if self.kind == "year":
            return Period("year", self.year - 1, 1)
        if self.kind == "week":
            y, w, _ = (self.first - dt.timedelta(days=7)).isocalendar()
            return Period("week", y, w)
        per_year = 12 if self.kind == "month" else 4
        index = self.year * per_year + self.number - 2
        return Period(self.kind, index // per_year, index % per_year + 1)


def check_zone(tz: str | None) -> None:
    """Raise ``PeriodError`` unless ``tz`` is ``None`` or a known IANA zone name."""
    if tz is None:
        return
    try:
        ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise PeriodError(f"unknown time zone {tz!r}") from exc


def parse_period(text: str) -> Period:
    """The period spelt ``YYYY-MM``, ``YYYYQn``, ``YYYY-Www`` or ``YYYY``.

    ``YYYY-Qn`` and ``YYYYWww`` and lower-case q/w are accepted too. Raises
    ``PeriodError`` for anything else, a month outside 1–12, a week the ISO year does
    not have (53 exists only in long years) or a year outside 1970–9998.
    """
    s = text.strip()
    for kind, pattern in _PATTERNS:
        m = pattern.fullmatch(s)
        if m is None:
            continue
        year = int(m.group(1))
        number = int(m.group(2)) if kind != "year" else 1
        if not MIN_YEAR <= year <= MAX_YEAR:
            raise PeriodError(f"year {year} is out of range ({MIN_YEAR}–{MAX_YEAR})")
        if kind == "month" and not 1 <= number <= 12:
            raise PeriodError(f"no month {number} in {text!r}: give 01–12")
        if kind == "week":
            try:
                dt.date.fromisocalendar(year, number, 1)
            except ValueError as exc:
                raise PeriodError(f"{year} has no ISO week {number}") from exc
        return Period(kind, year, number)
    raise PeriodError(
        f"not a period: {text!r} (give 2026-10, 2026Q3, 2026-W42 or 2026)"
    )
