"""Writing tables to xlsx and csv, safe to open in a spreadsheet.

Text that came from outside is neutralised when a spreadsheet would run it as a
formula (a leading ``=``, ``+``, ``-``, ``@``, tab or carriage return). In xlsx such
text is stored as a string cell, so it keeps its exact value and never runs; in csv,
which has no cell types, it gets a leading single quote, as OWASP recommends.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    """``value`` unchanged unless it is text a spreadsheet would treat as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def _csv_cell(value: Any) -> Any:
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        return value.replace(tzinfo=None)  # spreadsheets have no time zones; caller converts
    return neutralise(value)


def write_table(path: Path, headers: Sequence[str], rows: Iterable[Sequence[Any]],
                sheet: str = "Data") -> Path:
    """Write ``rows`` under ``headers`` to ``path`` (.xlsx or .csv, by its suffix).

    Raises ``ValueError`` for another suffix and ``OSError`` when the file can't be written.
    """
    suffix = path.suffix.lower()
    if suffix == ".csv":
        with path.open("w", newline="", encoding="utf-8-sig") as f:
            writer = csv.writer(f)
            writer.writerow([neutralise(h) for h in headers])
            for row in rows:
                writer.writerow(["" if v is None else _csv_cell(v) for v in row])
        return path
    if suffix != ".xlsx":
        raise ValueError(f"cannot export to {path.name}: use .xlsx or .csv")
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(sheet[:31])
    ws.append([text_cell(ws, h) for h in headers])
    for row in rows:
        ws.append([text_cell(ws, v) for v in row])
    wb.save(path)
    return path


def text_cell(ws: Any, value: Any) -> Any:
    """An openpyxl value for ``value`` in a write-only sheet: formula-looking text as text."""
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        return value.replace(tzinfo=None)
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        from openpyxl.cell import WriteOnlyCell

        cell = WriteOnlyCell(ws, value=value)
        cell.data_type = "s"
        return cell
    return value
