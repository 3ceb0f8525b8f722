"""What validation found and what an import did — plain, picklable data for every kind.

:class:`RowError` names one problem: the row as the spreadsheet numbers it, the
file's own column header, the original value and a stable reason ``code`` (the GUI
translates codes; ``message`` is English for the command line and logs).
:class:`ValidationReport` collects them for one file with the unknown coded values
(listed once with counts) and keeps the rejected rows' original cells so they can be
exported (:func:`export_rejected`) after the table itself is gone.
:class:`ImportReport` is the result of :func:`importers.job.import_file`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from models.export import write_table

MAX_KEPT_REJECTED_ROWS = 200_000
"""Rejected rows whose cells are kept for export; beyond that only the errors remain."""

REASONS: dict[str, str] = {
    "missing_required": "{column} is required but empty",
    "unparseable": "{column}: cannot read {value!r}",
    "duplicate_id": "the id {value!r} appears earlier in the file (the first one is kept)",
    "resolved_before_created": "resolved before it was created",
    "first_response_before_created": "first response before it was created",
    "first_response_after_resolution": "first response after the resolution",
    "time_before_created": "{column}: {value!r} is before the creation time",
    "duration_out_of_range": "{column}: duration {value!r} is negative or longer than a year",
    "unknown_priority": "unknown priority {value!r}",
    "unknown_status": "unknown status {value!r}",
    "unknown_value": "{column}: unknown value {value!r}",
    "csat_out_of_scale": "satisfaction {value!r} is outside the scale {scale}",
    "nps_out_of_range": "NPS {value!r} is not a whole number from 0 to 10",
    "future_time": "{column}: {value!r} is more than a day in the future",
    "negative_number": "{column}: {value!r} must not be negative",
}
"""Reason code → English message template (``column``, ``value``, ``scale``)."""


def json_value(value: Any) -> Any:
    """A cell value as JSON: text, number, bool or None; dates as ISO text."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return value if np.isfinite(value) else str(value)
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    return str(value)


@dataclass(frozen=True)
class RowError:
    """One rejected cell: spreadsheet row, the file's header, original value, reason code."""

    row: int
    column: str
    value: Any
    code: str
    message: str

    def to_json(self) -> dict[str, Any]:
        """The ``{row, column, value, reason}`` object of ``servicelens import --json``."""
        return {"row": self.row, "column": self.column, "value": json_value(self.value),
                "reason": self.code, "message": self.message}


@dataclass
class ValidationReport:
    """Everything wrong with one file. ``rejected_rows`` maps spreadsheet row → its cells
    (for the first :data:`MAX_KEPT_REJECTED_ROWS`), ``headers`` are the file's headers."""

    file: str
    sheet: str | None
    rows: int
    headers: list[str] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    unknown_values: dict[str, dict[str, int]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    rejected_rows: dict[int, list[Any]] = field(default_factory=dict)
    rejected: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors

    def errors_by_row(self) -> dict[int, list[RowError]]:
        out: dict[int, list[RowError]] = {}
        for e in self.errors:
            out.setdefault(e.row, []).append(e)
        return out


class ErrorCollector:
    """Builds a :class:`ValidationReport` from boolean masks over a table's rows."""

    def __init__(self, file: str, sheet: str | None, headers: Sequence[str],
                 columns: Sequence[Sequence[Any]], row_numbers: Sequence[int]) -> None:
        self.headers, self.columns, self.row_numbers = list(headers), columns, row_numbers
        self.n = len(row_numbers)
        self.reject = np.zeros(self.n, dtype=bool)
        self.report = ValidationReport(file, sheet, self.n, [str(h) for h in headers])

    def add(self, mask: np.ndarray, code: str, header: str | None, *,
            values: Sequence[Any] | None = None, **fmt: Any) -> None:
        """Reject the rows where ``mask`` is set; ``values`` default to the column's cells."""
        rows = np.nonzero(mask)[0]
        if rows.size == 0:
            return
        self.reject[rows] = True
        column = header or ""
        if values is None and header is not None and header in self.headers:
            values = self.columns[self.headers.index(header)]
        template = REASONS.get(code, code)
        errors = self.report.errors
        for i in rows.tolist():
            value = values[i] if values is not None else None
            errors.append(RowError(self.row_numbers[i], column, json_value(value), code,
                                   template.format(column=column, value=value, **fmt)))

    def count_unknown(self, field_name: str, counts: dict[str, int]) -> None:
        if counts:
            merged = self.report.unknown_values.setdefault(field_name, {})
            for k, v in counts.items():
                merged[k] = merged.get(k, 0) + v

    def finish(self) -> ValidationReport:
        """Sort the errors by row and keep the rejected rows' cells for export."""
        report = self.report
        report.errors.sort(key=lambda e: e.row)
        bad = np.nonzero(self.reject)[0][:MAX_KEPT_REJECTED_ROWS].tolist()
        report.rejected = int(self.reject.sum())
        report.rejected_rows = {self.row_numbers[i]: [json_value(c[i]) for c in self.columns]
                                for i in bad}
        return report


def export_rejected(report: ValidationReport, path: Path) -> Path:
    """Write the rejected rows with their row number and an error column to xlsx/csv.

    Text that a spreadsheet would run as a formula is neutralised
    (:func:`models.export.write_table`). Raises ``OSError`` when the file can't be written.
    """
    by_row = report.errors_by_row()
    headers = ["Row", *report.headers, "Errors"]
    rows = []
    for row in sorted(report.rejected_rows):
        reasons = "; ".join(e.message for e in by_row.get(row, []))
        rows.append([row, *report.rejected_rows[row], reasons])
    return write_table(path, headers, rows, sheet="Rejected rows")


@dataclass
class ImportReport:
    """The result of one import (picklable; ``to_json`` is the CLI's ``--json`` object).

    ``batch`` is None when nothing was written (row errors in all-or-nothing mode, or
    no valid row); ``duplicate_of`` is the batch that already imported this very file
    (same SHA-256), in which case nothing was read or written.
    """

    file: str
    kind: str
    batch: int | None = None
    rows: int = 0
    inserted: int = 0
    updated: int = 0
    rejected: int = 0
    errors: list[RowError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    unknown_values: dict[str, dict[str, int]] = field(default_factory=dict)
    duplicate_of: int | None = None
    seconds: float = 0.0
    source: str = ""
    sheet: str | None = None
    mode: str = "all-or-nothing"
    validation: ValidationReport | None = None

    @property
    def imported(self) -> bool:
        return self.batch is not None and self.duplicate_of is None

    def to_json(self) -> dict[str, Any]:
        return {
            "batch": self.batch, "rows": self.rows, "inserted": self.inserted,
            "updated": self.updated, "rejected": self.rejected,
            "errors": [e.to_json() for e in self.errors],
            "duplicate_of": self.duplicate_of, "warnings": list(self.warnings),
            "seconds": round(self.seconds, 3),
        }

    def summary(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("validation", None)
        return data
