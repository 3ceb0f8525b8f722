"""Plain, hashable descriptions of SLA policies, business calendars and KPI targets.

These are what the Settings page edits and what the engine measures with; they are
loaded from and saved to the database by :mod:`models.kpi.settings_store`. Targets are
in minutes; dates are local calendar dates.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

# ISO weekday (1 = Monday … 7 = Sunday) → working intervals ("HH:MM", "HH:MM"), local time.
WorkingHours = tuple[tuple[int, tuple[tuple[str, str], ...]], ...]


@dataclass(frozen=True)
class SlaPolicySpec:
    """Targets for one priority, optionally narrowed to a channel and/or a category.

    ``first_response_min``/``onsite_min``/``resolution_min`` are minutes (``None`` = no
    target). ``calendar_id`` names a business calendar (``None`` = calendar time).
    In force from ``effective_from`` (inclusive) to ``effective_to`` (exclusive), local
    dates. ``id``/``version`` are ``None`` for a policy not yet saved.
    """

    name: str
    priority: str
    first_response_min: float | None
    resolution_min: float | None
    effective_from: dt.date
    channel: str | None = None
    category: str | None = None
    onsite_min: float | None = None
    calendar_id: int | None = None
    effective_to: dt.date | None = None
    id: int | None = None
    version: int | None = None

    @property
    def specificity(self) -> int:
        """0 = priority only, 1 = priority + channel or category, 2 = both."""
        return int(self.channel is not None) + int(self.category is not None)


@dataclass(frozen=True)
class CalendarDaySpec:
    """A holiday (``is_workday`` false) or a make-up working day (调休, true)."""

    day: dt.date
    is_workday: bool
    name: str | None = None


@dataclass(frozen=True)
class CalendarSpec:
    """A business calendar: working hours per ISO weekday plus exception days.

    A make-up working day uses the hours of the first configured weekday (Monday in
    the usual patterns). ``timezone`` is an IANA name.
    """

    name: str
    timezone: str
    working_hours: WorkingHours
    days: tuple[CalendarDaySpec, ...] = ()
    id: int | None = None

    def __post_init__(self) -> None:
        # stay hashable (the engine caches per calendar) even when given lists
        hours = tuple(
            (int(wd), tuple((str(a), str(b)) for a, b in iv)) for wd, iv in self.working_hours
        )
        object.__setattr__(self, "working_hours", hours)
        object.__setattr__(self, "days", tuple(self.days))

    def hours_for(self, iso_weekday: int) -> tuple[tuple[str, str], ...]:
        for wd, intervals in self.working_hours:
            if wd == iso_weekday:
                return intervals
        return ()


@dataclass(frozen=True)
class PolicySet:
    """Everything SLA measurement needs: the policies and the calendars they name.

    ``timezone`` decides on which local date a ticket was created when matching
    ``effective_from``/``effective_to`` for calendar-time policies (``None`` = this
    computer's zone); a policy with a calendar uses the calendar's zone.
    """

    policies: tuple[SlaPolicySpec, ...]
    calendars: tuple[CalendarSpec, ...] = ()
    timezone: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "policies", tuple(self.policies))
        object.__setattr__(self, "calendars", tuple(self.calendars))

    def calendar(self, calendar_id: int | None) -> CalendarSpec | None:
        for c in self.calendars:
            if c.id == calendar_id:
                return c
        return None


@dataclass(frozen=True)
class KpiTargetSpec:
    """A target for one KPI key (a ``kpi --json`` key), optionally per priority.

    ``higher_is_better`` false means the KPI should stay at or below ``target``.
    """

    kpi: str
    target: float
    higher_is_better: bool = True
    priority: str | None = None
    effective_from: dt.date = dt.date(2000, 1, 1)
    id: int | None = None
