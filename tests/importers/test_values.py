"""Column-wise value parsing: date-times in every accepted form, durations, codes."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from importers import values as vp
from models.orm.base import from_epoch_us

SHANGHAI = vp.resolve_timezone("Asia/Shanghai")


def utc(parsed: vp.Parsed) -> list[str | None]:
    return [from_epoch_us(int(v)).strftime("%Y-%m-%d %H:%M:%S.%f") if ok else None
            for v, ok in zip(parsed.values, parsed.ok, strict=True)]


def test_datetimes_in_every_accepted_form_become_utc() -> None:
    cells = [
        "2024-05-27T02:08:51.000",          # ISO with T and milliseconds (311 export)
        "2024-10-30 15:15:11.744884",       # microseconds
        "2024-01-01T08:00:00+08:00",        # with an offset: kept
        "2024-01-01T00:00:00Z",
        "2024年3月5日 14:30",                # Chinese
        "2024/3/5 14:30",
        "20171211",                         # 8-digit yyyymmdd
        45231.5,                            # Excel serial (1900 system)
        dt.datetime(2024, 1, 1, 8, 0),      # a real Excel date-time
        dt.datetime(2024, 1, 1, 9, 0, tzinfo=dt.UTC),
        dt.date(2024, 1, 2),
    ]
    got = utc(vp.parse_datetimes(cells, SHANGHAI))
    assert got == [
        "2024-05-26 18:08:51.000000", "2024-10-30 07:15:11.744884",
        "2024-01-01 00:00:00.000000", "2024-01-01 00:00:00.000000",
        "2024-03-05 06:30:00.000000", "2024-03-05 06:30:00.000000",
        "2017-12-10 16:00:00.000000", "2023-11-01 04:00:00.000000",
        "2024-01-01 00:00:00.000000", "2024-01-01 09:00:00.000000",
        "2024-01-01 16:00:00.000000",
    ]


def test_excel_1904_serials() -> None:
    p = vp.parse_datetimes([43830.0], dt.UTC, date1904=True)
    assert utc(p) == ["2024-01-01 00:00:00.000000"]


def test_blank_and_garbage_are_missing_and_invalid() -> None:
    p = vp.parse_datetimes(["2024-01-01", None, "  ", "not a date", True], dt.UTC)
    assert p.missing.tolist() == [False, True, True, False, False]
    assert p.invalid.tolist() == [False, False, False, True, True]


@pytest.mark.parametrize(("cells", "expected_day"), [
    (["01-06-2023 12:15", "22-03-2021 10:00"], 1),      # a first part > 12: day first
    (["06/01/2023 12:15", "03/22/2021 10:00"], 1),      # a second part > 12: month first
    (["01-06-2023", "02-07-2023"], 1),                  # ambiguous '-': day first
    (["06/01/2023", "07/02/2023"], 1),                  # ambiguous '/': month first
])
def test_day_month_order_is_decided_per_column(cells: list[str], expected_day: int) -> None:
    p = vp.parse_datetimes(cells, dt.UTC)
    first = from_epoch_us(int(p.values[0]))
    assert (first.day, first.month) == (expected_day, 6)


def test_ambiguous_order_is_noted() -> None:
    assert vp.parse_datetimes(["01/02/2024"], dt.UTC).note
    assert vp.parse_datetimes(["13/02/2024"], dt.UTC).note is None


def test_naive_times_follow_daylight_saving() -> None:
    ny = vp.resolve_timezone("America/New_York")
    got = utc(vp.parse_datetimes(["2024-01-15 12:00", "2024-07-15 12:00"], ny))
    assert got == ["2024-01-15 17:00:00.000000", "2024-07-15 16:00:00.000000"]


def test_timezone_names() -> None:
    assert vp.resolve_timezone("+08:00").utcoffset(None) == dt.timedelta(hours=8)
    assert vp.resolve_timezone("UTC") is dt.UTC
    assert vp.resolve_timezone(None) is not None
    with pytest.raises(ValueError):
        vp.resolve_timezone("Mars/Olympus")


def test_date_plus_time_columns() -> None:
    days = vp.parse_dates(["2021-01-01", dt.date(2021, 1, 2)])
    tod = vp.parse_times_of_day([dt.time(9, 12, 58), "14:30", 0.5, "25:99"])
    assert days.values.tolist() == [18628, 18629]
    assert tod.values[:3].tolist() == [33178000000, 52200000000, 43200000000]
    assert tod.invalid.tolist() == [False, False, False, True]


def test_durations() -> None:
    cells = [90, "1.5", "1:20", "1小时20分", "90分钟", "2天", "1h 20m", "45秒",
             dt.timedelta(minutes=3), dt.time(0, 2, 23), "4,5", "soon", None]
    p = vp.parse_durations(cells, "minutes")
    assert p.values[:11].tolist() == [5400, 90, 4800, 4800, 5400, 172800, 4800, 45, 180, 143,
                                      270]
    assert p.invalid.tolist()[11:] == [True, False]
    assert p.missing.tolist()[12]
    assert vp.parse_durations([2], "hours").values[0] == 7200


def test_numbers_with_decimal_commas_and_thousands() -> None:
    p = vp.parse_numbers(["4,5", "1,234.5", 3, "x", ""])
    assert p.values[:3].tolist() == [4.5, 1234.5, 3.0]
    assert p.invalid.tolist() == [False, False, False, True, False]


def test_priorities_booleans_statuses() -> None:
    pr = vp.parse_codes(["紧急", "urgent", "Critical", "P1", 1, 1.0, "高", "High", "2", "中",
                        "普通", "normal", "Medium", "低", "low", "P4", "Blocker?"],
                       vp.PRIORITY_SYNONYMS)
    assert pr.values.tolist()[:16] == ["P1"] * 6 + ["P2"] * 3 + ["P3"] * 4 + ["P4"] * 3
    assert dict(pr.unknown) == {"Blocker?": 1}
    extra = vp.parse_codes(["Blocker?"], vp.PRIORITY_SYNONYMS, {"Blocker?": "P1"})
    assert extra.values.tolist() == ["P1"]
    st = vp.parse_codes(["新建", "Open", "in progress", "Pending", "Escalated", "已解决",
                        "Solved", "已关闭", "Closed", "In_Progress"], vp.STATUS_SYNONYMS)
    assert st.values.tolist() == ["open", "open", "in_progress", "in_progress", "in_progress",
                                  "resolved", "resolved", "closed", "closed", "in_progress"]
    b = vp.parse_booleans(["是", "否", "Y", "n", "yes", "No", "TRUE", "false", 1, 0, "maybe"])
    assert b.values.tolist()[:10] == [True, False] * 5
    assert b.invalid.tolist()[10]


def test_csat_scale_inference() -> None:
    assert vp.infer_csat_scale(np.array([1, 5, 3.0])) == (1, 5)
    assert vp.infer_csat_scale(np.array([0, 9.0])) == (0, 10)
    assert vp.infer_csat_scale(np.array([55, 100.0])) == (0, 100)


def test_text_keeps_integral_ids_exact() -> None:
    assert vp.text_values([1001.0, " a ", "", None, 7]) == ["1001", "a", None, None, "7"]


def test_a_million_iso_times_parse_fast() -> None:
    import time

    cells = [f"2024-{i % 12 + 1:02d}-{i % 28 + 1:02d} {i % 24:02d}:{i % 60:02d}:00"
             for i in range(1_000_000)]
    started = time.perf_counter()
    p = vp.parse_datetimes(cells, SHANGHAI)
    assert p.ok.all()
    assert time.perf_counter() - started < 5  # ~0.4 s here; generous for shared cores
