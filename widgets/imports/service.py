"""What the import widgets need from the application, as plain data and a Protocol.

Widgets never import ``importers``; ``app/import_service.py`` implements
:class:`ImportService` on top of them and the main window hands it to the page as
``context.services["imports"]``. All methods are blocking and Qt-free: the page runs
them through ``context.runner`` (the work itself runs in a sandboxed child process).

A mapping travels as a plain dict::

    {"kind": "tickets", "mapping": {header: field}, "units": {header: unit},
     "options": {"value_map": {field: {file value: code}}, "event_log": "reduce", ...}}

Inspections and vendor metrics take no column mapping (their importers recognise the
shapes); they run with ``kind`` and plain ``options`` instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from models.progress import Progress


@dataclass(frozen=True)
class FieldChoice:
    """A field a column can fill; ``kind`` tells whether a unit applies (``duration``)."""

    name: str
    label: str
    kind: str
    required: bool = False


@dataclass
class ColumnPreview:
    header: str
    field: str | None
    confidence: str  # profile | user | exact | fuzzy | values | none
    unit: str | None
    samples: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ProblemRow:
    """One row error: spreadsheet row, the file's header, the value, reason code, English."""

    row: int
    column: str
    value: str
    code: str
    message: str


@dataclass
class ImportPreview:
    """A file read, mapped and validated, nothing written."""

    path: Path
    kind: str
    sheet: str | None
    rows: int
    columns: list[ColumnPreview]
    mapping: dict[str, Any]
    errors: list[ProblemRow]
    rejected: int
    unknown_values: dict[str, dict[str, int]]
    warnings: list[str]
    profile: str | None
    duplicate_of: int | None
    headers: list[str] = field(default_factory=list)
    rejected_rows: dict[int, list[Any]] = field(default_factory=dict)
    detected_kind: str | None = None  # tickets | inspections | vendor-metrics, from headers
    event_log_rows: int = 0  # > 0: looks like an event log of this many rows …
    event_log_tickets: int = 0  # … for this many tickets
    has_period: bool = False  # vendor metrics: the file has a period or date column


@dataclass
class ImportOutcome:
    """What an import did; ``batch`` None when nothing was written."""

    path: Path
    batch: int | None
    rows: int
    inserted: int
    updated: int
    rejected: int
    errors: list[ProblemRow]
    warnings: list[str]
    duplicate_of: int | None
    seconds: float
    kind: str = "tickets"


class ImportRefusal(Exception):
    """A file refused as a whole; ``code`` is translated by the widgets."""

    def __init__(self, code: str, path: str, message: str) -> None:
        super().__init__(message)
        self.code, self.path, self.message = code, path, message


class ImportService(Protocol):
    """Implemented by ``app.import_service.AppImportService``."""

    def fields(self, kind: str) -> list[FieldChoice]: ...

    def codes(self, field_name: str) -> list[str]:
        """The values an unknown ``priority``/``status`` value can be mapped to."""
        ...

    def preview(self, path: Path, *, mapping: dict[str, Any] | None,
                progress: Progress) -> ImportPreview:
        """Raises :class:`ImportRefusal`."""
        ...

    def run(self, path: Path, *, mapping: dict[str, Any] | None, mode: str,
            progress: Progress, force: bool = False, kind: str = "tickets",
            options: dict[str, Any] | None = None) -> ImportOutcome:
        """Import ``path`` as ``kind``; ``mapping`` is for tickets, ``options`` for the
        other kinds (``period`` for vendor metrics). Raises :class:`ImportRefusal` or
        ``models.progress.Cancelled``."""
        ...

    def period_label(self, text: str) -> str | None:
        """The period ``text`` names (``2026Q1``, ``2026-03``, ``2026年3月``) as its label,
        or None when it is not one."""
        ...

    def save_profile(self, name: str, mapping: dict[str, Any], headers: list[str],
                     source: str) -> None: ...

    def undo(self, batch_id: int) -> None:
        """Raises :class:`ImportRefusal` (code ``newer_batch`` …) when it can't."""
        ...

    def batch_errors(self, batch_id: int) -> tuple[list[ProblemRow], list[str]]:
        """The stored errors and warnings of a batch."""
        ...
