"""The isolated child: results, progress, crashes, memory cap, timeout, cancel."""

from __future__ import annotations

import ctypes
import itertools
import threading
import time
from typing import Any

import pytest

from importers.limits import ImportLimits
from importers.sandbox import run_isolated
from importers.table import ImportRefused
from models.progress import Cancelled, Progress, RecordingProgress

SMALL = ImportLimits(child_memory_mb=512, timeout_s=20)


# Module-level so the spawn child can import them by name.
def staged(n: int, *, progress: Progress) -> dict[str, Any]:
    for i, stage in enumerate(("reading", "checking", "loading")):
        progress.update(i, 3, stage)
    return {"n": n, "rows": list(range(n))}


def segfault(*, progress: Progress) -> None:
    ctypes.string_at(0)


def allocate(mb: int, *, progress: Progress) -> int:
    block = bytearray(mb * 1024 * 1024)
    return len(block)


def hang(*, progress: Progress) -> None:
    """A job that never returns (only the time limit ends it)."""
    threading.Event().wait()


def endless_steps(*, progress: Progress) -> None:
    """A job that reports progress and never ends by itself (PipeProgress sends an
    update at most every 0.1 s)."""
    for i in itertools.count():
        progress.update(i, None, "working")


def refuse(*, progress: Progress) -> None:
    raise ImportRefused("no_table", "/x/y.xlsx", "nothing here")


def fail(*, progress: Progress) -> None:
    raise ValueError("bad value in row 7")


def takes_limits(*, progress: Progress, limits: ImportLimits) -> int:
    return limits.child_memory_mb


def test_result_and_progress_come_back() -> None:
    seen: list[tuple[int, int | None, str]] = []
    report: dict[str, Any] = {}
    result = run_isolated(staged, 5, limits=SMALL, report=report,
                          on_progress=lambda d, t, s: seen.append((d, t, s)))
    assert result == {"n": 5, "rows": [0, 1, 2, 3, 4]}
    assert seen == [(0, 3, "reading"), (1, 3, "checking"), (2, 3, "loading")]
    assert 0 < report["peak_rss_mb"] < 512


def test_a_native_crash_becomes_unsafe() -> None:
    with pytest.raises(ImportRefused) as info:
        run_isolated(segfault, limits=SMALL, label="crash.xlsx")
    assert info.value.code == "unsafe"
    assert str(info.value) == ("crash.xlsx: this file could not be read safely: "
                               "the reader crashed (SIGSEGV)")


def test_memory_cap() -> None:
    with pytest.raises(ImportRefused) as info:
        run_isolated(allocate, 2048, limits=SMALL, label="bomb.xlsx")
    assert info.value.code == "unsafe"
    assert "more than 512 MiB" in info.value.message
    assert run_isolated(allocate, 64, limits=SMALL) == 64 * 1024 * 1024


def test_timeout() -> None:
    start = time.monotonic()
    with pytest.raises(ImportRefused) as info:
        run_isolated(hang, limits=ImportLimits(timeout_s=1.0), label="slow.csv")
    assert info.value.code == "unsafe"
    assert "longer than 1 s" in info.value.message
    assert time.monotonic() - start < 10


def test_cancel_stops_the_child() -> None:
    progress = RecordingProgress(cancel_after=3)
    start = time.monotonic()
    with pytest.raises(Cancelled):
        run_isolated(endless_steps, limits=SMALL, on_progress=progress)
    assert time.monotonic() - start < 8  # the job never ends by itself
    assert len(progress.updates) >= 3


def test_cancel_flag_callable() -> None:
    with pytest.raises(Cancelled):
        run_isolated(endless_steps, limits=SMALL, cancelled=lambda: True)


def test_exceptions_come_back() -> None:
    with pytest.raises(ImportRefused) as info:
        run_isolated(refuse, limits=SMALL)
    assert (info.value.code, info.value.path, info.value.message) == (
        "no_table", "/x/y.xlsx", "nothing here")
    with pytest.raises(ValueError, match="row 7"):
        run_isolated(fail, limits=SMALL)


def test_limits_are_passed_on_when_asked_for() -> None:
    assert run_isolated(takes_limits, limits=SMALL) == 512
