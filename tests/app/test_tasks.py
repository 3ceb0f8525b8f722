"""The task runner: results, progress and failures arrive in the GUI thread; keys cancel."""

from __future__ import annotations

import threading

import pytest
import shiboken6
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QLabel

from app.tasks import QtTaskRunner
from models.progress import Cancelled, Progress


@pytest.fixture
def runner(qapp):  # type: ignore[no-untyped-def]
    r = QtTaskRunner()
    yield r
    assert r.shutdown(10_000)


def test_result_and_progress_arrive_in_gui_thread(qtbot, runner: QtTaskRunner) -> None:  # type: ignore[no-untyped-def]
    seen: dict[str, object] = {}
    progress_calls: list[tuple[int, int | None, str]] = []
    gui_thread = QThread.currentThread()

    def work(progress: Progress) -> int:
        seen["worker"] = threading.current_thread() is not threading.main_thread()
        for i in range(3):
            progress.update(i + 1, 3, "counting")
        return 42

    def on_result(value: int) -> None:
        seen["result"] = value
        seen["gui"] = QThread.currentThread() is gui_thread

    handle = runner.submit(work, on_result=on_result,
                           on_progress=lambda *a: progress_calls.append(a))
    with qtbot.waitSignal(handle.finished, timeout=5000):
        pass
    assert seen == {"worker": True, "result": 42, "gui": True}
    assert progress_calls and progress_calls[-1] == (3, 3, "counting")


def test_failure_is_reported(qtbot, runner: QtTaskRunner) -> None:  # type: ignore[no-untyped-def]
    errors: list[BaseException] = []

    def work(_progress: Progress) -> None:
        raise ValueError("row 7, column Priority: 'P9' is not a priority")

    handle = runner.submit(work, on_error=errors.append)
    with qtbot.waitSignal(handle.finished, timeout=5000):
        pass
    assert [str(e) for e in errors] == ["row 7, column Priority: 'P9' is not a priority"]


def test_same_key_cancels_the_older_task(qtbot, runner: QtTaskRunner) -> None:  # type: ignore[no-untyped-def]
    release = threading.Event()
    results: list[str] = []

    def slow(progress: Progress) -> str:
        while not progress.cancelled:
            release.wait(0.01)
        progress.check()
        return "old"

    first = runner.submit(slow, on_result=results.append, key="kpi")
    second = runner.submit(lambda _p: "new", on_result=results.append, key="kpi")
    with qtbot.waitSignals([first.finished, second.finished], timeout=5000):
        pass
    assert first.cancelled
    assert results == ["new"]


def test_callbacks_of_a_deleted_owner_are_not_called(qtbot, runner: QtTaskRunner) -> None:  # type: ignore[no-untyped-def]
    release = threading.Event()
    label = QLabel()
    shown: list[str] = []

    def work(_progress: Progress) -> str:
        release.wait(5)
        raise OSError("the database went away")

    handle = runner.submit(work, on_error=lambda e: label.setText(str(e)),
                           on_result=shown.append, owner=label)
    shiboken6.delete(label)  # the page closed while its task ran
    release.set()
    with qtbot.waitSignal(handle.finished, timeout=5000):
        pass  # pytest-qt fails the test on an exception raised in a callback
    assert shown == []
    assert handle.done


def test_a_lane_task_does_not_wait_behind_busy_shared_threads(qtbot, runner: QtTaskRunner) -> None:  # type: ignore[no-untyped-def]
    release = threading.Event()
    results: list[str] = []

    def blocking(_progress: Progress) -> str:
        release.wait(10)
        return "chart"

    busy: list[bool] = []
    runner.busy_changed.connect(busy.append)
    alone = runner.submit(lambda _p: "upkeep", lane="upkeep")
    with qtbot.waitSignal(alone.finished, timeout=5000):
        pass
    assert busy == []  # background upkeep does not light the status bar's indicator
    charts = [runner.submit(blocking, on_result=results.append) for _ in range(3)]
    poll = runner.submit(lambda _p: "poll", on_result=results.append, lane="upkeep")
    with qtbot.waitSignal(poll.finished, timeout=5000):
        pass
    assert results == ["poll"]  # the shared threads are all still blocked
    assert busy == [True] and runner.busy
    release.set()
    with qtbot.waitSignals([c.finished for c in charts], timeout=5000):
        pass
    assert results == ["poll", "chart", "chart", "chart"]
    assert busy == [True, False] and not runner.busy


def test_a_task_cancelled_before_it_starts_never_runs(qtbot, runner: QtTaskRunner) -> None:  # type: ignore[no-untyped-def]
    release = threading.Event()
    ran: list[str] = []
    first = runner.submit(lambda _p: release.wait(10), lane="one")
    queued = runner.submit(lambda _p: ran.append("queued"), lane="one")
    queued.cancel()
    release.set()
    with qtbot.waitSignals([first.finished, queued.finished], timeout=5000):
        pass
    assert ran == []


def test_busy_signal_and_shutdown_cancels(qtbot, runner: QtTaskRunner) -> None:  # type: ignore[no-untyped-def]
    started = threading.Event()
    stopped: list[bool] = []

    def endless(progress: Progress) -> None:
        started.set()
        try:
            while True:
                progress.check()
                threading.Event().wait(0.005)
        except Cancelled:
            stopped.append(True)
            raise

    with qtbot.waitSignal(runner.busy_changed, timeout=2000) as busy:
        runner.submit(endless)
    assert busy.args == [True]
    assert started.wait(5)
    assert runner.shutdown(5000)
    assert stopped == [True]
