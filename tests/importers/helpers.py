"""Small builders for importer tests: RawTables from rows."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from importers.table import RawTable


def table(headers: list[str], rows: list[list[Any]], *, path: str = "tickets.csv",
          first_row: int = 2) -> RawTable:
    """A RawTable as a reader would hand it over (row numbers start below the header)."""
    columns = [[r[j] if j < len(r) else None for r in rows] for j in range(len(headers))]
    return RawTable(Path(path), None, "csv", headers, columns,
                    list(range(first_row, first_row + len(rows))))
