"""What every page is given when it is built: the database, the task runner, the bus.

Pages receive their collaborators through the constructor (never through a global
main window), so a test can build any page on its own database.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import QObject, Signal

from models.db import Database
from models.progress import Progress

T = TypeVar("T")


class TaskRunner(Protocol):
    """Runs Qt-free work off the GUI thread (implemented in ``app.tasks``).

    ``fn(progress)`` runs in a worker thread with its own database sessions. The
    callbacks run in the GUI thread. Submitting a task with the same ``key`` as a
    running one cancels the older one (its callbacks are never called), and once
    ``owner`` (the widget the callbacks update) is deleted they are not called either.
    Tasks with a ``lane`` name run one at a time on that lane's own thread, never
    waiting behind the other tasks.
    """

    def submit(
        self,
        fn: Callable[[Progress], T],
        *,
        on_result: Callable[[T], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int | None, str], None] | None = None,
        key: str | None = None,
        owner: QObject | None = None,
        lane: str | None = None,
    ) -> Any: ...


class DataBus(QObject):
    """Application-wide notifications between pages.

    ``data_changed`` carries a set of table names that changed (e.g. ``{"tickets"}``);
    each page decides whether to reload. ``open_tickets`` asks the main window to show
    the Tickets page filtered by the given ``models`` filter object; ``open_vendor``
    and ``open_page`` likewise.
    """

    data_changed = Signal(object)
    open_tickets = Signal(object)
    open_vendor = Signal(int)
    open_page = Signal(str)
    status_message = Signal(str)


class Preferences(Protocol):
    """A page's own remembered preferences (implemented by ``app.settings.PageSettings``)."""

    def get(self, key: str, default: Any = None) -> Any: ...

    def set(self, key: str, value: Any) -> None: ...


class MemoryPreferences:
    """Preferences kept in memory only (tests, previews)."""

    def __init__(self) -> None:
        self._values: dict[str, Any] = {}

    def get(self, key: str, default: Any = None) -> Any:
        return self._values.get(key, default)

    def set(self, key: str, value: Any) -> None:
        self._values[key] = value


@dataclass
class PageContext:
    """The collaborators of a page. ``prefs`` is per page when built by the main window."""

    db: Database
    runner: TaskRunner
    bus: DataBus
    user: str  # the name written to audit entries and acknowledgements
    prefs: Preferences = field(default_factory=MemoryPreferences)
    services: dict[str, Any] = field(default_factory=dict)  # e.g. "imports": ImportService
