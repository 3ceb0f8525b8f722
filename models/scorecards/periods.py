"""Evaluation periods: month ``2026-07``, quarter ``2026Q3``, year ``2026`` or custom
``2026-01-15..2026-03-31`` (both days inclusive in the text; stored end-exclusive)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo


class PeriodError(ValueError):
    """A period label that is not a month, quarter, year or custom range."""


@dataclass(frozen=True)
class Period:
    """``[start, end)`` in calendar days; ``label`` is what evaluations store."""

    label: str
    start: dt.date
    end: dt.date

    def bounds(self, tz: str | None = None) -> tuple[dt.datetime, dt.datetime]:
        """Aware instants of local midnight at ``start`` and ``end`` in ``tz`` (None: this
        computer's zone)."""
        def at(day: dt.date) -> dt.datetime:
            naive = dt.datetime(day.year, day.month, day.day)
            return naive.replace(tzinfo=ZoneInfo(tz)) if tz else naive.astimezone()
        return at(self.start), at(self.end)

    def previous(self) -> Period:
        """The period of the same kind just before (custom: the same number of days)."""
        if re.fullmatch(r"\d{4}Q[1-4]", self.label):
            y, q = int(self.label[:4]), int(self.label[5])
            return parse_period(f"{y - (q == 1)}Q{4 if q == 1 else q - 1}")
        if re.fullmatch(r"\d{4}-\d{2}", self.label):
            return parse_period(f"{(self.start - dt.timedelta(days=1)):%Y-%m}")
        if re.fullmatch(r"\d{4}", self.label):
            return parse_period(str(int(self.label) - 1))
        days = self.end - self.start
        return custom_period(self.start - days, self.start - dt.timedelta(days=1))


def _month_start(year: int, month: int) -> dt.date:
    return dt.date(year + (month - 1) // 12, (month - 1) % 12 + 1, 1)


def custom_period(first: dt.date, last: dt.date) -> Period:
    """A custom period from ``first`` to ``last`` inclusive. Raises :class:`PeriodError`."""
    if last < first:
        raise PeriodError(f"the period ends ({last}) before it starts ({first})")
    return Period(f"{first.isoformat()}..{last.isoformat()}", first, last + dt.timedelta(days=1))


def parse_period(text: str) -> Period:
    """Parse a period label; raises :class:`PeriodError` with the accepted forms."""
    s = text.strip()
    try:
        if m := re.fullmatch(r"(\d{4})\s*[Qq]([1-4])", s):
            y, q = int(m[1]), int(m[2])
            return Period(f"{y}Q{q}", dt.date(y, 3 * q - 2, 1), _month_start(y, 3 * q + 1))
        if m := re.fullmatch(r"(\d{4})-(\d{1,2})", s):
            y, mo = int(m[1]), int(m[2])
            return Period(f"{y}-{mo:02d}", dt.date(y, mo, 1), _month_start(y, mo + 1))
        if re.fullmatch(r"\d{4}", s):
            y = int(s)
            return Period(s, dt.date(y, 1, 1), dt.date(y + 1, 1, 1))
        if m := re.fullmatch(r"(\d{4}-\d{2}-\d{2})\s*\.\.\s*(\d{4}-\d{2}-\d{2})", s):
            return custom_period(dt.date.fromisoformat(m[1]), dt.date.fromisoformat(m[2]))
    except ValueError as exc:
        raise PeriodError(f"not a valid period {text!r}: {exc}") from exc
    raise PeriodError(
        f"not a period: {text!r} (use 2026Q3, 2026-07, 2026 or 2026-01-15..2026-03-31)"
    )
