"""The one task runner: Qt-free work on ``QThreadPool`` with results back in the GUI thread.

``runner.submit(fn, on_result=..., on_error=..., on_progress=..., key=..., owner=...)``
runs ``fn(progress)`` in a pool thread. ``progress`` implements
:class:`models.progress.Progress`; updates are throttled to about 20 per second and
delivered, like the result or the failure, through queued signals to the GUI
thread. A task submitted with the ``key`` of a running task cancels the older one,
whose callbacks are then never called. The callbacks of a task whose ``owner`` (the
widget they update) has been deleted are not called either: a page closed while its
task ran must not be touched. A task submitted with a ``lane`` name runs on that
lane's own single thread, in order, never queued behind the shared threads' work (the
dashboard's change polls must not wait behind its chart computations); lane tasks are
background upkeep and do not make the runner ``busy`` (the status bar's indicator).
``shutdown()`` cancels everything and waits.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QDeadlineTimer, QObject, QRunnable, QThreadPool, Signal, Slot

from models.progress import Cancelled

PROGRESS_INTERVAL_S = 0.05


class _ThreadProgress:
    """The Progress a worker sees: a cancel flag and throttled signal emission."""

    def __init__(self, emit: Callable[[int, object, str], None]) -> None:
        self._emit = emit
        self._cancel = threading.Event()
        self._last = 0.0
        self._stage = ""

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def update(self, done: int, total: int | None = None, stage: str = "") -> None:
        now = time.monotonic()
        if stage != self._stage or now - self._last >= PROGRESS_INTERVAL_S or done == total:
            self._stage, self._last = stage, now
            self._emit(done, total, stage)

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()


class TaskHandle(QObject):
    """A submitted task, living in the GUI thread. ``cancel()`` asks the work to stop."""

    progressed = Signal(int, object, str)
    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()  # after success, failure or cancellation

    def __init__(
        self,
        on_result: Callable[[Any], None] | None,
        on_error: Callable[[BaseException], None] | None,
        on_progress: Callable[[int, int | None, str], None] | None,
        owner: QObject | None = None,
    ) -> None:
        super().__init__()
        self._on_result, self._on_error, self._on_progress = on_result, on_error, on_progress
        self._owner = owner
        self.progress = _ThreadProgress(self.progressed.emit)
        self.done = False
        self.progressed.connect(self._on_self_progressed)
        self.succeeded.connect(self._on_self_succeeded)
        self.failed.connect(self._on_self_failed)

    @property
    def cancelled(self) -> bool:
        return self.progress.cancelled

    def cancel(self) -> None:
        self.progress.cancel()

    @property
    def _deliverable(self) -> bool:
        """Callbacks may run: not cancelled, and the owner (if any) still exists."""
        return not self.cancelled and (self._owner is None or shiboken6.isValid(self._owner))

    @Slot(int, object, str)
    def _on_self_progressed(self, done: int, total: object, stage: str) -> None:
        if self._on_progress and self._deliverable:
            self._on_progress(done, total if isinstance(total, int) else None, stage)

    @Slot(object)
    def _on_self_succeeded(self, result: object) -> None:
        self.done = True
        if self._on_result and self._deliverable:
            self._on_result(result)
        self.finished.emit()

    @Slot(object)
    def _on_self_failed(self, error: object) -> None:
        self.done = True
        if self._on_error and self._deliverable and isinstance(error, BaseException):
            self._on_error(error)
        self.finished.emit()


class _Job(QRunnable):
    def __init__(self, fn: Callable[[Any], Any], handle: TaskHandle) -> None:
        super().__init__()
        self._fn, self._handle = fn, handle

    def run(self) -> None:
        handle = self._handle
        if handle.cancelled:  # cancelled while it waited for a thread
            handle.failed.emit(Cancelled())
            return
        try:
            result = self._fn(handle.progress)
        except Cancelled as exc:
            handle.failed.emit(exc)
        except BaseException as exc:  # reported to the GUI thread, never lost
            handle.failed.emit(exc)
        else:
            handle.succeeded.emit(result)


class QtTaskRunner(QObject):
    """Implements ``widgets.common.context.TaskRunner`` on a private thread pool."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, max_threads: int = 2) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._lanes: dict[str, QThreadPool] = {}
        self._by_key: dict[str, TaskHandle] = {}
        self._running: set[TaskHandle] = set()
        self._foreground: set[TaskHandle] = set()  # the running tasks without a lane

    def submit(
        self,
        fn: Callable[[Any], Any],
        *,
        on_result: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int | None, str], None] | None = None,
        key: str | None = None,
        owner: QObject | None = None,
        lane: str | None = None,
    ) -> TaskHandle:
        if key is not None and (older := self._by_key.get(key)) is not None:
            older.cancel()
        handle = TaskHandle(on_result, on_error, on_progress, owner)
        if key is not None:
            self._by_key[key] = handle
        self._running.add(handle)
        handle.finished.connect(lambda h=handle, k=key: self._on_handle_finished(h, k))
        if lane is None:
            self._foreground.add(handle)
            if len(self._foreground) == 1:
                self.busy_changed.emit(True)
        self._pool_for(lane).start(_Job(fn, handle))
        return handle

    def _pool_for(self, lane: str | None) -> QThreadPool:
        if lane is None:
            return self._pool
        if (pool := self._lanes.get(lane)) is None:
            pool = self._lanes[lane] = QThreadPool(self)
            pool.setMaxThreadCount(1)
        return pool

    def _on_handle_finished(self, handle: TaskHandle, key: str | None) -> None:
        self._running.discard(handle)
        was_busy = self.busy
        self._foreground.discard(handle)
        if key is not None and self._by_key.get(key) is handle:
            del self._by_key[key]
        if was_busy and not self.busy:
            self.busy_changed.emit(False)

    @property
    def busy(self) -> bool:
        """Whether a task without a lane is running."""
        return bool(self._foreground)

    def shutdown(self, timeout_ms: int = 30_000) -> bool:
        """Cancel every task and wait for the threads; True when all stopped in time."""
        for handle in list(self._running):
            handle.cancel()
        deadline = QDeadlineTimer(timeout_ms)
        return all(pool.waitForDone(deadline) for pool in (self._pool, *self._lanes.values()))
