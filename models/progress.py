"""A Qt-free way for long work to report progress and notice a cancel request.

Long functions (imports, recomputation, exports, demo generation) take a
``progress: Progress`` argument, call ``progress.update(done, total, stage)`` every
few thousand rows and call ``progress.check()`` (which raises :class:`Cancelled`)
at points where stopping is safe. The application wraps this in a Qt worker; tests
pass a :class:`RecordingProgress`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol


class Cancelled(Exception):
    """The user asked to stop; the work was abandoned and its transaction not committed."""


class Progress(Protocol):
    @property
    def cancelled(self) -> bool: ...

    def update(self, done: int, total: int | None = None, stage: str = "") -> None: ...

    def check(self) -> None:
        """Raise :class:`Cancelled` if a cancel was requested."""


class NullProgress:
    """Progress that goes nowhere and is never cancelled."""

    cancelled = False

    def update(self, done: int, total: int | None = None, stage: str = "") -> None:
        pass

    def check(self) -> None:
        pass


@dataclass
class RecordingProgress:
    """Remembers every update; ``cancel_after`` updates it starts reporting cancelled."""

    cancel_after: int | None = None
    updates: list[tuple[int, int | None, str]] = field(default_factory=list)

    @property
    def cancelled(self) -> bool:
        return self.cancel_after is not None and len(self.updates) >= self.cancel_after

    def update(self, done: int, total: int | None = None, stage: str = "") -> None:
        self.updates.append((done, total, stage))

    def check(self) -> None:
        if self.cancelled:
            raise Cancelled()

    @property
    def stages(self) -> list[str]:
        return list(dict.fromkeys(stage for _, _, stage in self.updates))
