"""The in-memory ticket store, loaded once per database and shared by the pages.

:class:`StoreHolder` owns the KPI engine's columnar :class:`~models.kpi.store.TicketStore`
together with the SLA policies, KPI targets and filter choices read alongside it. It loads
them once off the GUI thread (``load_store``), refreshes them incrementally
(``store.refresh(db)``) when the bus says tickets or settings changed, and — while
:meth:`start_watching` is on — polls :class:`models.change_watch.ChangeWatcher` every
couple of seconds, so a change by another process reaches every page within a few
seconds without blocking the window. Polls and refreshes run on the task runner's
``UPKEEP_LANE``, a thread of their own, so they never wait behind recomputations (or the
"within 5 s" promise breaks).

Without a column cache on disk (a database opened for the first time), the first load
is progressive: :meth:`StoreHolder.ensure_loaded` with ``since`` reads only the tickets
created from then on into :attr:`StoreHolder.preview` (``preview_loaded``), enough for
the dashboard's first view, and then the older ones (``loaded``). Pages that need every
ticket (the tickets list, what-if) keep waiting for ``loaded``/:attr:`ready`.

Workers that read the store hold :attr:`StoreHolder.lock` (``with holder.lock:``), a
readers–writer lock: any number of computations read at once, and the refresh waits for
them and keeps them out while it swaps the columns, so none sees a half-refreshed store.
"""

from __future__ import annotations

import datetime as dt
import threading
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal

from models.change_watch import ChangeWatcher
from models.db import Database
from models.kpi.api import (
    KpiTargetSpec,
    PolicySet,
    TicketFilter,
    complete_store,
    load_policy_set,
    load_store,
    load_store_preview,
    load_targets,
    previous_period,
)
from models.kpi.store_preview import covers
from models.progress import Progress
from models.queries.listings import list_sites, list_vendors
from widgets.common.context import PageContext

UPKEEP_LANE = "store-upkeep"  # the runner lane for change polls and refreshes
WATCH_INTERVAL_MS = 2000
CONTINUE_AFTER_MS = 1500  # the older tickets at the latest this long after the preview
RELOAD_TABLES = {
    "tickets", "vendors", "sites", "sla_policies", "kpi_targets", "business_calendars",
    "calendars", "import_batches", "alert_acks",
}
EXTERNAL_CHANGE = {
    "tickets", "vendors", "sites", "sla_policies", "kpi_targets", "business_calendars",
    "alert_acks", "import_batches", "external",
}


@dataclass(frozen=True)
class FilterChoices:
    """What the filter bar offers: (id, name) of vendors and sites, channel/category labels."""

    vendors: tuple[tuple[int, str], ...] = ()
    sites: tuple[tuple[int, str], ...] = ()
    channels: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Loaded:
    store: Any
    policies: PolicySet
    targets: tuple[KpiTargetSpec, ...]
    choices: FilterChoices
    changed: bool = True  # a refresh: whether the tickets changed
    complete: bool = True  # a first load: False when ``store`` is only the preview


def read_choices(db: Database, store: Any) -> FilterChoices:
    """Vendors and sites from the database; channels and categories known to the store."""
    return FilterChoices(
        vendors=tuple((v.id, v.name) for v in list_vendors(db)),
        sites=tuple((s[0], s[2]) for s in list_sites(db)),
        channels=tuple(sorted(label for label in store.channel_labels if label)),
        categories=tuple(sorted(label for label in store.category_labels if label)),
    )


class StoreLock:
    """Many readers at once (``with lock:``), one writer alone (``with lock.writing():``)."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._readers = 0
        self._writing = False

    def __enter__(self) -> StoreLock:
        with self._cond:
            while self._writing:
                self._cond.wait()
            self._readers += 1
        return self

    def __exit__(self, *_exc: object) -> None:
        with self._cond:
            self._readers -= 1
            if self._readers == 0:
                self._cond.notify_all()

    @contextmanager
    def writing(self) -> Iterator[None]:
        with self._cond:
            while self._writing or self._readers:
                self._cond.wait()
            self._writing = True
        try:
            yield
        finally:
            with self._cond:
                self._writing = False
                self._cond.notify_all()


class StoreHolder(QObject):
    """One per open database; see the module docstring. Get it with :func:`store_holder`."""

    loaded = Signal()  # first load done
    preview_loaded = Signal()  # the recent tickets are in ``preview`` (progressive load)
    refreshed = Signal(bool)  # after a refresh: whether tickets changed
    failed = Signal(str)
    load_progress = Signal(int, object)  # rows read so far, total (None when unknown)

    def __init__(self, context: PageContext) -> None:
        super().__init__(context.bus)
        self.context = context
        self.lock = StoreLock()
        self.store: Any = None
        self.preview: Any = None  # recent tickets only, while the full store loads
        self.policies: PolicySet | None = None
        self.targets: tuple[KpiTargetSpec, ...] = ()
        self.choices = FilterChoices()
        self.generation = 0  # bumped after every load or refresh that changed something
        self._loading = False
        self._completing = False
        self._refresh_again = False
        self._refreshing = False
        self._watcher: ChangeWatcher | None = None
        self._watching = False
        self._upkeep_tasks: list[Any] = []  # handles of running polls and refreshes
        self._timer = QTimer(self)
        self._timer.setInterval(WATCH_INTERVAL_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        context.bus.data_changed.connect(self._on_bus_data_changed)

    @property
    def ready(self) -> bool:
        return self.store is not None and self.policies is not None

    def store_for(self, filt: TicketFilter) -> Any:
        """The full store; before it, the preview if it computes ``filt`` (its period and
        the previous one, for deltas) exactly; else ``None``."""
        if self.ready:
            return self.store
        since = self.preview_since(filt)
        if self.preview is None or self.policies is None or since is None:
            return None
        return self.preview if covers(self.preview, since) else None

    @staticmethod
    def preview_since(filt: TicketFilter) -> dt.datetime | None:
        """Where a preview serving ``filt`` must start: its previous period's start
        (``None`` for an open period)."""
        if filt.start is None or filt.end is None:
            return None
        return previous_period(filt).start

    # -- loading ---------------------------------------------------------------------
    def ensure_loaded(self, since: dt.datetime | None = None) -> None:
        """Start the one-off load unless it is done or under way (``loaded`` follows).

        With ``since``, and no column cache on disk, the tickets created from ``since``
        on come first (``preview_loaded``), the rest after (module docstring).
        """
        if self.preview is not None:
            self.continue_loading()  # someone needs more than the preview
        if self.ready or self._loading:
            return
        self._loading = True
        db = self.context.db

        def work(progress: Progress) -> _Loaded:
            preview = None if since is None else load_store_preview(db, since, progress)
            store = load_store(db, progress) if preview is None else preview
            return _Loaded(store, load_policy_set(db), load_targets(db), read_choices(db, store),
                           complete=preview is None)

        self.context.runner.submit(
            work, on_result=self._on_first_part, on_error=self._on_error,
            on_progress=lambda done, total, _stage: self.load_progress.emit(done, total),
            key=f"store-load-{id(self)}", owner=self,
        )

    def _on_first_part(self, result: _Loaded) -> None:
        if result.complete:  # no preview: the full store already
            self._on_loaded(result)
            return
        self.preview, self.policies, self.targets = result.store, result.policies, result.targets
        self.choices = result.choices
        self._refresh_again = True  # catch up with anything written during the two reads
        # the older tickets are read once the first view is shown (``continue_loading``),
        # so the first computation does not share the processor with that read
        QTimer.singleShot(CONTINUE_AFTER_MS, self, self.continue_loading)
        self.preview_loaded.emit()

    def continue_loading(self) -> None:
        """Read the tickets older than the preview now (once; ``loaded`` follows)."""
        preview, db = self.preview, self.context.db
        if preview is None or self._completing:
            return
        self._completing = True

        def rest(progress: Progress) -> _Loaded:
            store = complete_store(db, preview, progress)
            return _Loaded(store, load_policy_set(db), load_targets(db), read_choices(db, store))

        self.context.runner.submit(rest, on_result=self._on_loaded, on_error=self._on_error,
                                   key=f"store-complete-{id(self)}", owner=self)

    def _on_loaded(self, result: _Loaded) -> None:
        self._loading = False
        self.store, self.policies, self.targets = result.store, result.policies, result.targets
        self.preview, self._completing = None, False
        self.choices = result.choices
        self.generation += 1
        self.loaded.emit()
        if self._refresh_again:
            self.refresh()

    def _on_error(self, error: BaseException) -> None:
        self._loading = self._refreshing = self._completing = False
        self.failed.emit(str(error) or type(error).__name__)

    def refresh(self) -> None:
        """Bring the store, policies and targets up to date on a worker (``refreshed``)."""
        if self._loading or self._refreshing:
            self._refresh_again = True
            return
        if not self.ready:
            self.ensure_loaded()
            return
        self._refreshing, self._refresh_again = True, False
        db, store, lock = self.context.db, self.store, self.lock

        choices = self.choices

        def work(_progress: Progress) -> _Loaded:
            with lock.writing():
                changed = bool(store.refresh(db))
            return _Loaded(store, load_policy_set(db), load_targets(db),
                           read_choices(db, store) if changed else choices, changed)

        self._run_upkeep(work, self._on_refreshed, self._on_error)

    def _on_refreshed(self, result: _Loaded) -> None:
        self._refreshing = False
        changed = result.changed or result.policies != self.policies or (
            result.targets != self.targets)
        self.policies, self.targets, self.choices = result.policies, result.targets, result.choices
        if changed:
            self.generation += 1
        self.refreshed.emit(changed)
        if self._refresh_again:
            self.refresh()

    def _on_bus_data_changed(self, tables: object) -> None:
        if isinstance(tables, set | frozenset) and not tables & RELOAD_TABLES:
            return
        if self.ready or self._loading:
            self.refresh()

    # -- watching other processes ----------------------------------------------------
    def start_watching(self, interval_ms: int = WATCH_INTERVAL_MS) -> None:
        """Poll the database for commits by others every ``interval_ms`` (on a worker)."""
        if self._watcher is None:
            self._watcher = ChangeWatcher(self.context.db)
        self._timer.setInterval(interval_ms)
        self._timer.start()
        self._on_timer_timeout()

    def stop_watching(self) -> None:
        self._timer.stop()

    def _on_timer_timeout(self) -> None:
        if self._watching or self._watcher is None:
            return
        self._watching = True
        watcher = self._watcher
        self._run_upkeep(lambda _progress: watcher.changed(), self._on_watch_result,
                         lambda _error: self._on_watch_result(False))

    def _run_upkeep(self, fn: Any, on_result: Any, on_error: Any) -> None:
        """Run ``fn`` on the upkeep lane; :meth:`close` cancels what is still running."""
        handle = self.context.runner.submit(fn, on_result=on_result, on_error=on_error,
                                            owner=self, lane=UPKEEP_LANE)
        self._upkeep_tasks = [h for h in self._upkeep_tasks if not h.done] + [handle]

    def _on_watch_result(self, changed: bool) -> None:
        self._watching = False
        if changed and self.ready:
            self.context.bus.data_changed.emit(set(EXTERNAL_CHANGE))

    def close(self) -> None:
        """Stop polling, drop pending upkeep and release the watcher's connection."""
        self._timer.stop()
        for handle in self._upkeep_tasks:
            handle.cancel()
        self._upkeep_tasks.clear()
        if self._watcher is not None:
            self._watcher.close()


_HOLDERS: weakref.WeakKeyDictionary[Database, StoreHolder] = weakref.WeakKeyDictionary()


def store_holder(context: PageContext) -> StoreHolder:
    """The holder shared by every page built on ``context.db`` (created on first use)."""
    old = _HOLDERS.get(context.db)
    if old is not None and shiboken6.isValid(old) and old.context.bus is context.bus:
        return old
    holder = StoreHolder(context)
    if old is not None and old.ready:
        # a rebuilt window (another language) on the same database: keep the loaded
        # store instead of reading a million tickets again
        holder.store, holder.policies, holder.targets = old.store, old.policies, old.targets
        holder.choices, holder.generation = old.choices, old.generation
    if old is not None and shiboken6.isValid(old):
        old.close()
    _HOLDERS[context.db] = holder
    return holder


__all__ = ["FilterChoices", "StoreHolder", "StoreLock", "store_holder"]
