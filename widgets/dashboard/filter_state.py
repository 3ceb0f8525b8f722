"""The dashboard's filter as the user set it, and the period presets behind it.

:class:`FilterState` is what the filter bar shows and remembers (as JSON in the page's
preferences); :meth:`FilterState.to_filter` turns it into the KPI engine's
:class:`~models.kpi.api.TicketFilter` for a given "today". Periods are whole local days:
start at local midnight (inclusive), end at local midnight after the last day
(exclusive), as DESIGN.md's "start inclusive, end exclusive" requires.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass, replace
from typing import Any

from models.kpi.api import TicketFilter

PRESETS: tuple[str, ...] = (
    "this_week", "last_7", "last_30", "last_90", "this_month", "last_month", "this_quarter",
    "all", "custom",
)


def _local_midnight(day: dt.date, tz: dt.tzinfo) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), tzinfo=tz)


def _month_start(day: dt.date, months_back: int = 0) -> dt.date:
    index = day.year * 12 + day.month - 1 - months_back
    return dt.date(index // 12, index % 12 + 1, 1)


def preset_days(preset: str, today: dt.date) -> tuple[dt.date, dt.date] | None:
    """First and last local day (both inclusive) of ``preset``; None for "all"/"custom"."""
    if preset == "this_week":
        return today - dt.timedelta(days=today.weekday()), today
    if preset in ("last_7", "last_30", "last_90"):
        return today - dt.timedelta(days=int(preset.split("_")[1]) - 1), today
    if preset == "this_month":
        return _month_start(today), today
    if preset == "last_month":
        first = _month_start(today, 1)
        return first, _month_start(today) - dt.timedelta(days=1)
    if preset == "this_quarter":
        return dt.date(today.year, 3 * ((today.month - 1) // 3) + 1, 1), today
    return None


@dataclass(frozen=True)
class FilterState:
    """The filter bar's choices; ``None``/empty means "all"."""

    preset: str = "last_30"
    custom_from: dt.date | None = None
    custom_to: dt.date | None = None  # inclusive
    vendor_id: int | None = None
    site_id: int | None = None
    priority: str | None = None
    channel: str | None = None
    category: str | None = None
    complaints_only: bool = False

    def days(self, today: dt.date) -> tuple[dt.date, dt.date] | None:
        """First and last local day of the period, or None for all time."""
        if self.preset == "custom":
            if self.custom_from is None or self.custom_to is None:
                return None
            return min(self.custom_from, self.custom_to), max(self.custom_from, self.custom_to)
        return preset_days(self.preset, today)

    def to_filter(self, today: dt.date, tz: dt.tzinfo) -> TicketFilter:
        """The engine's filter for this state, periods in local time zone ``tz``."""
        days = self.days(today)
        start = end = None
        if days is not None:
            start = _local_midnight(days[0], tz)
            end = _local_midnight(days[1] + dt.timedelta(days=1), tz)
        return TicketFilter(
            start=start,
            end=end,
            vendor_ids=(self.vendor_id,) if self.vendor_id is not None else (),
            site_ids=(self.site_id,) if self.site_id is not None else (),
            priorities=(self.priority,) if self.priority else (),
            channels=(self.channel,) if self.channel else (),
            categories=(self.category,) if self.category else (),
            complaints_only=self.complaints_only,
        )

    def to_json(self) -> str:
        values = asdict(self)
        for key in ("custom_from", "custom_to"):
            if values[key] is not None:
                values[key] = values[key].isoformat()
        return json.dumps(values)

    @classmethod
    def from_json(cls, text: Any) -> FilterState:
        """The state saved by :meth:`to_json`; defaults for anything unreadable."""
        try:
            values = json.loads(str(text))
            if not isinstance(values, dict):
                return cls()
            for key in ("custom_from", "custom_to"):
                if values.get(key):
                    values[key] = dt.date.fromisoformat(values[key])
            known = {k: v for k, v in values.items() if k in cls.__dataclass_fields__}
            state = cls(**known)
        except (ValueError, TypeError):
            return cls()
        return state if state.preset in PRESETS else replace(state, preset="last_30")


def local_zone() -> dt.tzinfo:
    """This computer's time zone (a fixed offset when it has no IANA name)."""
    tz = dt.datetime.now().astimezone().tzinfo
    assert tz is not None
    return tz


def as_of_for(filt: TicketFilter, now: dt.datetime) -> dt.datetime:
    """``now``, or the period end when the period is already over (DESIGN.md ``as_of``)."""
    if filt.end is not None and filt.end < now:
        return filt.end.astimezone(dt.UTC)
    return now


__all__ = ["PRESETS", "FilterState", "as_of_for", "local_zone", "preset_days"]
