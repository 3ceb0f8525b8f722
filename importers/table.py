"""The hand-over between reading a file and interpreting it.

A reader turns any accepted file into a :class:`RawTable`: the header row it found and
the data below it, column by column, with each row's number as the spreadsheet shows
it (1-based, counting title rows and the header). Cells keep their native type:
``str``, ``int``/``float``, ``bool``, ``datetime.datetime``/``date``/``time``/
``timedelta`` or ``None`` for empty. Nothing here knows about tickets or the database.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class CellWarning:
    """Something about a cell the user should know, e.g. a formula without a cached value."""

    row: int
    column: str
    value: Any
    reason: str


@dataclass
class RawTable:
    """A table read from ``path`` (sheet ``sheet`` for workbooks)."""

    path: Path
    sheet: str | None
    file_type: str  # "xlsx", "xls", "ods", "csv" ...
    headers: list[str]
    columns: list[list[Any]]  # columns[j][i] is row i of column j
    row_numbers: list[int]  # spreadsheet row number of data row i
    sheets: list[str] = field(default_factory=list)  # every sheet with tabular data
    warnings: list[CellWarning] = field(default_factory=list)
    # Added by the readers (all optional):
    header_row: int | None = None  # spreadsheet row of the header; None = names synthesized
    skipped_rows: list[tuple[int, str]] = field(default_factory=list)  # (row, why): totals, notes
    encoding: str | None = None  # text files: the encoding used ("utf-8-sig", "gb18030" ...)
    delimiter: str | None = None  # text files: the field delimiter found
    decimal_comma: bool = False  # numbers are written 1.234,5 / 12,5: parse "," as decimal
    notes: list[str] = field(default_factory=list)  # file-level remarks for the user

    @property
    def n_rows(self) -> int:
        return len(self.row_numbers)

    def column(self, header: str) -> list[Any]:
        return self.columns[self.headers.index(header)]


class ImportRefused(Exception):
    """The file was refused as a whole (exit status 2 on the command line).

    ``code`` is stable for programs and translations (``password_protected``,
    ``damaged``, ``not_a_spreadsheet``, ``too_large``, ``unsafe``, ``no_table`` ...);
    ``str(error)`` is a one-line English message naming the file.
    """

    def __init__(self, code: str, path: Path | str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.code = code
        self.path = str(path)
        self.message = message
