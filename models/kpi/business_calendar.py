"""Business time: working hours per weekday, holidays and make-up working days.

A :class:`BusinessClock` turns a :class:`~models.kpi.policy_types.CalendarSpec` into
per-day arrays over a range of local days: the UTC instant each day starts, its working
intervals (as UTC microseconds, so DST days are exact) and the business microseconds
accumulated before it. Then, for a million instants at once:

- ``elapsed(t)``: business µs from the range start to ``t``;
- ``minutes_between(a, b)``: business minutes from ``a`` to ``b``;
- ``breach_at(created, target_min)``: the last instant at which a ticket created at
  ``created`` is still within ``target_min`` business minutes — a response at or
  before it is "within T", and ``as_of`` after it means "more than T has passed".

Day rules: a holiday has no working time; a make-up working day (调休) has the hours of
the first configured weekday (Monday in the usual patterns); other days follow the
weekly pattern. Instants outside the range are clamped to it, so the range is built
with a year of margin on each side of the data (see :func:`clock_for`).
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from zoneinfo import ZoneInfo

import numpy as np
import numpy.typing as npt

from models.kpi.policy_types import CalendarSpec

I64 = npt.NDArray[np.int64]
US_PER_MIN = 60_000_000
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def _us(moment: dt.datetime) -> int:
    delta = moment - EPOCH
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


def _parse_hhmm(text: str) -> dt.timedelta:
    hours, minutes = text.strip().split(":")
    h, m = int(hours), int(minutes)
    if not (0 <= h <= 24 and 0 <= m < 60) or (h == 24 and m):
        raise ValueError(f"not a time of day: {text!r}")
    return dt.timedelta(hours=h, minutes=m)


class BusinessClock:
    """Business time of one calendar over local days ``first`` … ``last`` (inclusive)."""

    def __init__(self, spec: CalendarSpec, first: dt.date, last: dt.date) -> None:
        zone = ZoneInfo(spec.timezone)
        exceptions = {d.day: d.is_workday for d in spec.days}
        weekdays = sorted(wd for wd, iv in spec.working_hours if iv)
        makeup = spec.hours_for(weekdays[0]) if weekdays else ()
        n_days = (last - first).days + 1
        k = max([len(iv) for _, iv in spec.working_hours] + [len(makeup), 1])
        starts = np.zeros(n_days + 1, dtype=np.int64)
        iv_s = np.zeros((n_days, k), dtype=np.int64)
        iv_e = np.zeros((n_days, k), dtype=np.int64)
        for i in range(n_days + 1):
            day = first + dt.timedelta(days=i)
            midnight = dt.datetime.combine(day, dt.time(), zone)
            starts[i] = _us(midnight)
            if i == n_days:
                break
            workday = exceptions.get(day)
            if workday is None:
                hours = spec.hours_for(day.isoweekday())
            else:
                hours = makeup if workday else ()
            for j, (a, b) in enumerate(hours):
                # aware + timedelta is wall-clock arithmetic: correct on DST days
                iv_s[i, j] = _us(midnight + _parse_hhmm(a))
                iv_e[i, j] = max(iv_s[i, j], _us(midnight + _parse_hhmm(b)))
        self.first, self.last = first, last
        self.day_start = starts
        self.iv_start, self.iv_end = iv_s, iv_e
        lengths = iv_e - iv_s
        self._prefix = np.concatenate(
            (np.zeros((n_days, 1), np.int64), np.cumsum(lengths, axis=1)), axis=1
        )
        self.cum = np.concatenate(([0], np.cumsum(lengths.sum(axis=1)))).astype(np.int64)

    def covers(self, lo_us: int, hi_us: int) -> bool:
        return bool(self.day_start[0] <= lo_us and hi_us < self.day_start[-1])

    def elapsed(self, t: npt.ArrayLike) -> I64:
        """Business µs from the start of the range to each instant (µs, clamped)."""
        tt = np.clip(np.asarray(t, dtype=np.int64), self.day_start[0], self.day_start[-1] - 1)
        d = np.searchsorted(self.day_start, tt, "right") - 1
        within = np.zeros(tt.shape, dtype=np.int64)
        for j in range(self.iv_start.shape[1]):
            s, e = self.iv_start[d, j], self.iv_end[d, j]
            within += np.clip(tt - s, 0, e - s)
        out: I64 = self.cum[d] + within
        return out

    def minutes_between(self, a: npt.ArrayLike, b: npt.ArrayLike) -> npt.NDArray[np.float64]:
        """Business minutes from ``a`` to ``b`` (negative when ``b`` is before ``a``)."""
        return (self.elapsed(b) - self.elapsed(a)) / US_PER_MIN

    def breach_at(self, created: npt.ArrayLike, target_min: npt.ArrayLike) -> I64:
        """Last instant still within ``target_min`` business minutes of ``created`` (µs).

        That is the point after which the business time since ``created`` exceeds the
        target: when the target is used up exactly at the end of a working interval, it
        is the start of the next one. Beyond the range: the range end.
        """
        c = np.asarray(created, dtype=np.int64)
        target = np.rint(np.asarray(target_min, dtype=np.float64) * US_PER_MIN).astype(np.int64)
        v = self.elapsed(c) + target
        i = np.searchsorted(self.cum, v, "right")  # first day boundary with cum > v
        beyond = i >= self.cum.size
        d = np.clip(i - 1, 0, self.iv_start.shape[0] - 1)
        r = v - self.cum[d]
        out = np.full(c.shape, self.day_start[-1] - 1, dtype=np.int64)
        found = np.zeros(c.shape, dtype=bool)
        for j in range(self.iv_start.shape[1]):
            lo, hi = self._prefix[d, j], self._prefix[d, j + 1]
            hit = ~found & ~beyond & (lo <= r) & (r < hi)
            out[hit] = self.iv_start[d[hit], j] + (r[hit] - lo[hit])
            found |= hit
        return out


def _year_range(lo_us: int, hi_us: int) -> tuple[int, int]:
    lo = (EPOCH + dt.timedelta(microseconds=lo_us)).year - 1
    hi = (EPOCH + dt.timedelta(microseconds=hi_us)).year + 1
    return max(lo, 1971), min(hi, 9998)


@lru_cache(maxsize=16)
def _clock(spec: CalendarSpec, y0: int, y1: int) -> BusinessClock:
    return BusinessClock(spec, dt.date(y0, 1, 1), dt.date(y1, 12, 31))


def clock_for(spec: CalendarSpec, lo_us: int, hi_us: int) -> BusinessClock:
    """A (cached) clock covering the instants ``lo_us`` … ``hi_us`` with a year of margin."""
    y0, y1 = _year_range(lo_us, hi_us)
    # widen to whole decades so that nearby requests share one clock
    return _clock(spec, y0 - y0 % 5, y1 + (4 - y1 % 5))


def business_minutes(spec: CalendarSpec, start: dt.datetime, end: dt.datetime) -> float:
    """Business minutes between two aware instants (negative when ``end`` < ``start``)."""
    a, b = _us(start), _us(end)
    clock = clock_for(spec, min(a, b), max(a, b))
    return float(clock.minutes_between(np.array([a]), np.array([b]))[0])


def business_deadline(spec: CalendarSpec, start: dt.datetime, minutes: float) -> dt.datetime:
    """``start`` + ``minutes`` business minutes (the last instant still within them), UTC."""
    a = _us(start)
    clock = clock_for(spec, a, a + int(minutes * US_PER_MIN) + 400 * 86_400_000_000)
    out = int(clock.breach_at(np.array([a]), np.array([minutes]))[0])
    return EPOCH + dt.timedelta(microseconds=out)
