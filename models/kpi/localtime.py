"""Local days, weeks and months as UTC microsecond boundaries (vectorised bucketing).

``tz`` is an IANA zone name; ``None`` means this computer's zone.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import numpy as np
import numpy.typing as npt

from models.kpi.types import Grain

I64 = npt.NDArray[np.int64]
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def zone(tz: str | None) -> dt.tzinfo | None:
    return None if tz is None else ZoneInfo(tz)


def midnight(day: dt.date, tz: str | None) -> dt.datetime:
    """00:00 of ``day`` in ``tz`` as an aware datetime."""
    if tz is None:
        return dt.datetime.combine(day, dt.time()).astimezone()
    return dt.datetime.combine(day, dt.time(), ZoneInfo(tz))


def to_us(moment: dt.datetime) -> int:
    delta = moment - EPOCH
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


def local_date(us: int, tz: str | None) -> dt.date:
    moment = EPOCH + dt.timedelta(microseconds=int(us))
    return moment.astimezone(zone(tz)).date() if tz else moment.astimezone().date()


def day_starts(first: dt.date, last: dt.date, tz: str | None) -> I64:
    """UTC µs of 00:00 of each local day ``first`` … ``last + 1`` (one more than days)."""
    n = (last - first).days + 2
    return np.array(
        [to_us(midnight(first + dt.timedelta(days=i), tz)) for i in range(n)], dtype=np.int64
    )


def bucket_bounds(
    start_us: int, end_us: int, grain: Grain, tz: str | None
) -> tuple[list[dt.datetime], I64]:
    """Buckets covering [start, end): their local starts and the UTC µs edges.

    Days start at local midnight, weeks on Monday, months on the 1st. The first bucket
    is the one containing ``start``; the last one contains ``end − 1 µs``.
    """
    first = local_date(start_us, tz)
    last = local_date(max(start_us, end_us - 1), tz)
    if grain == "week":
        first -= dt.timedelta(days=first.weekday())
    elif grain == "month":
        first = first.replace(day=1)
    elif grain != "day":
        raise ValueError(f"unknown grain {grain!r}")
    days: list[dt.date] = []
    d = first
    while d <= last:
        days.append(d)
        if grain == "day":
            d += dt.timedelta(days=1)
        elif grain == "week":
            d += dt.timedelta(days=7)
        else:
            d = (d.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    days.append(d)
    starts = [midnight(x, tz) for x in days]
    return starts, np.array([to_us(s) for s in starts], dtype=np.int64)


def weekday_hour(t: I64, tz: str | None) -> tuple[I64, I64]:
    """Local weekday (0 = Monday) and hour (0–23) of each instant (µs).

    On DST change days the hour is counted from local midnight in real time.
    """
    if t.size == 0:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    first = local_date(int(t.min()), tz)
    last = local_date(int(t.max()), tz)
    starts = day_starts(first, last, tz)
    d = np.searchsorted(starts, t, "right") - 1
    weekday = (first.weekday() + d) % 7
    hour = np.clip((t - starts[d]) // 3_600_000_000, 0, 23)
    return weekday.astype(np.int64), hour.astype(np.int64)
