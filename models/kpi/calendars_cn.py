"""The Chinese public-holiday calendar (法定节假日与调休) shipped as data, 2026 and 2027.

2026 is the State Council schedule (国务院办公厅关于2026年部分节假日安排的通知): every day
of each holiday block, and the weekend days worked instead (调休上班). It agrees with
``holidays.China(years=2026)`` (whose "substituted from" days name the same make-up days).

2027: the official schedule was not known when this file was written. The holidays
are taken from ``holidays.China(years=2027)`` (statutory days and the package's
observed days); **no make-up working days are included for 2027** — add them on the
Settings page (or here) once the State Council publishes the notice.

Working hours of the default calendar: Monday–Friday 09:00–18:00, Asia/Shanghai.
"""

from __future__ import annotations

import datetime as dt

from models.kpi.policy_types import CalendarDaySpec, CalendarSpec

DEFAULT_CALENDAR_NAME = "中国法定节假日 (China)"
TIMEZONE = "Asia/Shanghai"
WORKING_HOURS: tuple[tuple[int, tuple[tuple[str, str], ...]], ...] = tuple(
    (wd, (("09:00", "18:00"),)) for wd in range(1, 6)
)

# (first day, last day, name) of each holiday block
HOLIDAY_BLOCKS: tuple[tuple[str, str, str], ...] = (
    ("2026-01-01", "2026-01-03", "元旦"),
    ("2026-02-15", "2026-02-23", "春节"),
    ("2026-04-04", "2026-04-06", "清明节"),
    ("2026-05-01", "2026-05-05", "劳动节"),
    ("2026-06-19", "2026-06-21", "端午节"),
    ("2026-09-25", "2026-09-27", "中秋节"),
    ("2026-10-01", "2026-10-07", "国庆节"),
    # 2027 from holidays.China (no official schedule yet, see the module docstring)
    ("2027-01-01", "2027-01-01", "元旦"),
    ("2027-02-05", "2027-02-10", "春节"),
    ("2027-04-05", "2027-04-05", "清明节"),
    ("2027-05-01", "2027-05-04", "劳动节"),
    ("2027-06-09", "2027-06-09", "端午节"),
    ("2027-09-15", "2027-09-15", "中秋节"),
    ("2027-10-01", "2027-10-05", "国庆节"),
)

MAKEUP_WORKDAYS: tuple[tuple[str, str], ...] = (
    ("2026-01-04", "元旦调休上班"),
    ("2026-02-14", "春节调休上班"),
    ("2026-02-28", "春节调休上班"),
    ("2026-05-09", "劳动节调休上班"),
    ("2026-09-20", "国庆节调休上班"),
    ("2026-10-10", "国庆节调休上班"),
)


def china_days() -> tuple[CalendarDaySpec, ...]:
    """Every holiday and make-up working day above, sorted by date."""
    days: list[CalendarDaySpec] = []
    for first, last, name in HOLIDAY_BLOCKS:
        d, end = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
        while d <= end:
            days.append(CalendarDaySpec(d, False, name))
            d += dt.timedelta(days=1)
    days.extend(CalendarDaySpec(dt.date.fromisoformat(d), True, n) for d, n in MAKEUP_WORKDAYS)
    return tuple(sorted(days, key=lambda x: x.day))


def china_calendar() -> CalendarSpec:
    """The default Chinese business calendar (not saved; see ``ensure_default_calendar``)."""
    return CalendarSpec(DEFAULT_CALENDAR_NAME, TIMEZONE, WORKING_HOURS, china_days())


def calendar_from_holidays_package(
    country: str, years: tuple[int, ...], timezone: str, name: str | None = None
) -> CalendarSpec:
    """A Monday–Friday 09:00–18:00 calendar with the public holidays of ``country``
    (ISO code, e.g. ``"DE"``) from the ``holidays`` package; no make-up working days.

    Raises ``NotImplementedError`` for a country the package does not know.
    """
    import holidays

    table = holidays.country_holidays(country, years=list(years))
    days = tuple(CalendarDaySpec(d, False, str(n)) for d, n in sorted(table.items()))
    return CalendarSpec(name or f"{country} public holidays", timezone, WORKING_HOURS, days)
