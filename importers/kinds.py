"""The import kinds ``import_file`` can run: tickets, inspections, vendor metrics.

Each kind is a :class:`KindHandler`: ``run(table, db, job, progress) -> ImportReport``
validates and loads one :class:`RawTable`; ``undo(db, batch_id)`` reverses a batch.
Register another kind with :func:`register_kind`; the inspection and vendor-metric
importers return an :class:`ImportReport` themselves.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from importers.mapping import Mapping
from importers.report import ImportReport
from importers.table import RawTable
from models.db import Database
from models.progress import Progress


@dataclass
class JobOptions:
    """Everything an import run needs besides the table (picklable)."""

    path: Path
    kind: str = "tickets"
    sheet: str | None = None
    profile: str | None = None
    tz: str | None = None
    mode: str = "all-or-nothing"  # or "skip-invalid"
    source: str | None = None
    user: str | None = None
    mapping: Mapping | None = None
    force: bool = False
    file_sha256: str = ""
    options: dict[str, Any] = field(default_factory=dict)

    @property
    def skip_invalid(self) -> bool:
        return self.mode == "skip-invalid"


@dataclass(frozen=True)
class KindHandler:
    run: Callable[[RawTable, Database, JobOptions, Progress], ImportReport]
    undo: Callable[[Database, int], Any]


KINDS: dict[str, KindHandler] = {}


def register_kind(name: str, handler: KindHandler) -> None:
    """Make ``servicelens import --kind NAME`` (and the GUI) run ``handler``."""
    KINDS[name] = handler


def get_kind(name: str) -> KindHandler:
    """The handler of ``name``; ``KeyError`` for an unknown kind."""
    if not KINDS:
        _register_builtin()
    return KINDS[name]


def source_from_path(path: Path) -> str:
    """A source name from a file name: lower case, digits and separators dropped, so
    ``export_2024-05-01.xlsx`` and ``export_2024-05-08.xlsx`` share ``export``."""
    stem = re.sub(r"[\d_\-\s.()]+", "-", Path(path).stem.lower()).strip("-")
    return (stem or "file")[:100]


def _run_inspections(table: RawTable, db: Database, job: JobOptions,
                     progress: Progress) -> ImportReport:
    from importers.inspections import run_inspection_job

    return run_inspection_job(table, db, job, progress)


def _run_vendor_metrics(table: RawTable, db: Database, job: JobOptions,
                        progress: Progress) -> ImportReport:
    from importers.vendor_metrics import run_vendor_metric_job

    return run_vendor_metric_job(table, db, job, progress)


def _register_builtin() -> None:
    from importers.batches import undo_batch
    from importers.ticket_job import run_tickets

    register_kind("tickets", KindHandler(run_tickets, undo_batch))

    def undo_inspections(db: Database, batch_id: int) -> None:
        from importers.inspections import undo_inspection_import

        undo_inspection_import(db, batch_id)

    def undo_vendor_metrics(db: Database, batch_id: int) -> None:
        from importers.vendor_metrics import undo_vendor_metric_import

        undo_vendor_metric_import(db, batch_id)

    register_kind("inspections", KindHandler(_run_inspections, undo_inspections))
    register_kind("vendor-metrics", KindHandler(_run_vendor_metrics, undo_vendor_metrics))
