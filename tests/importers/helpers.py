"""Small builders for importer tests: RawTables and CSV files from rows."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from importers.table import RawTable


def table(headers: list[str], rows: list[list[Any]], *, path: str = "tickets.csv",
          first_row: int = 2) -> RawTable:
    """A RawTable as a reader would hand it over (row numbers start below the header)."""
    columns = [[r[j] if j < len(r) else None for r in rows] for j in range(len(headers))]
    return RawTable(Path(path), None, "csv", headers, columns,
                    list(range(first_row, first_row + len(rows))))


def write_rows(path: Path, rows: list[list[Any]], *, encoding: str = "utf-8",
               terminator: str = "\r\n", delimiter: str = ",") -> Path:
    """``rows`` (header included) written as the csv module writes them; ``path``."""
    with path.open("w", newline="", encoding=encoding) as fh:
        csv.writer(fh, lineterminator=terminator, delimiter=delimiter).writerows(rows)
    return path
