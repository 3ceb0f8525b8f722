"""Evaluation periods: month, quarter, year and custom ranges."""

from __future__ import annotations

import datetime as dt

import pytest

from models.scorecards.periods import PeriodError, parse_period

D = dt.date


@pytest.mark.parametrize("text, label, start, end", [
    ("2026Q3", "2026Q3", D(2026, 7, 1), D(2026, 10, 1)),
    ("2026 q4", "2026Q4", D(2026, 10, 1), D(2027, 1, 1)),
    ("2026-2", "2026-02", D(2026, 2, 1), D(2026, 3, 1)),
    ("2026-12", "2026-12", D(2026, 12, 1), D(2027, 1, 1)),
    ("2025", "2025", D(2025, 1, 1), D(2026, 1, 1)),
    ("2026-01-15..2026-03-31", "2026-01-15..2026-03-31", D(2026, 1, 15), D(2026, 4, 1)),
])
def test_forms(text: str, label: str, start: dt.date, end: dt.date) -> None:
    p = parse_period(text)
    assert (p.label, p.start, p.end) == (label, start, end)


def test_previous_periods() -> None:
    assert parse_period("2026Q1").previous().label == "2025Q4"
    assert parse_period("2026-01").previous().label == "2025-12"
    assert parse_period("2026").previous().label == "2025"
    custom = parse_period("2026-03-01..2026-03-10").previous()
    assert (custom.start, custom.end) == (D(2026, 2, 19), D(2026, 3, 1))


@pytest.mark.parametrize("text", ["2026Q5", "2026-13", "26Q1", "2026-03-10..2026-03-01", ""])
def test_bad_periods_are_refused(text: str) -> None:
    with pytest.raises(PeriodError):
        parse_period(text)


def test_bounds_are_local_midnight_in_the_given_zone() -> None:
    start, end = parse_period("2026Q3").bounds("Asia/Shanghai")
    assert start.isoformat() == "2026-07-01T00:00:00+08:00"
    assert end.isoformat() == "2026-10-01T00:00:00+08:00"
