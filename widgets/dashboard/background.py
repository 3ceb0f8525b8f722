"""A private worker thread for the store's upkeep (change polls and refreshes).

The application's task runner has two threads that the dashboard keeps busy with
recomputations, sparklines and alerts (and a first open with the older tickets' read,
several seconds on a million). Noticing another
process's change and folding it into the store must not queue behind them, or the
"within 5 s" promise breaks; so the :class:`~widgets.dashboard.store_holder.StoreHolder`
runs that upkeep on its own single thread. Results come back to the GUI thread through
a short timer that collects finished futures — no blocking, no cross-thread signals.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, QTimer

PUMP_INTERVAL_MS = 50


class UpkeepThread(QObject):
    """``run(fn, on_result, on_error)``: ``fn()`` on the private thread, callbacks in the
    GUI thread (never called after :meth:`shutdown`)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="store-upkeep")
        self._jobs: list[tuple[Future[Any], Callable[[Any], None],
                               Callable[[BaseException], None]]] = []
        self._pump = QTimer(self)
        self._pump.setInterval(PUMP_INTERVAL_MS)
        self._pump.timeout.connect(self._on_pump_timeout)
        self._closed = False

    @property
    def busy(self) -> bool:
        return bool(self._jobs)

    def run(self, fn: Callable[[], Any], on_result: Callable[[Any], None],
            on_error: Callable[[BaseException], None]) -> None:
        if self._closed:
            return
        self._jobs.append((self._executor.submit(fn), on_result, on_error))
        self._pump.start()

    def _on_pump_timeout(self) -> None:
        done = [job for job in self._jobs if job[0].done()]
        self._jobs = [job for job in self._jobs if not job[0].done()]
        if not self._jobs:
            self._pump.stop()
        for future, on_result, on_error in done:
            if self._closed:
                return
            error = future.exception()
            if error is not None:
                on_error(error)
            else:
                on_result(future.result())

    def shutdown(self) -> None:
        """Drop pending work and stop delivering results (a running job finishes alone)."""
        self._closed = True
        self._pump.stop()
        self._jobs.clear()
        self._executor.shutdown(wait=False, cancel_futures=True)


__all__ = ["UpkeepThread"]
