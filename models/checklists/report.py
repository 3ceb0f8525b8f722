"""Writing one inspection to xlsx: a summary sheet (score first) and an answers sheet.

The caller (the widget layer) supplies translated labels and display values; this module
only writes them, neutralising formula-looking text like every other export.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from models.export import text_cell


def write_inspection_xlsx(path: Path, summary: Sequence[tuple[str, Any]],
                          headers: Sequence[str], rows: Sequence[Sequence[Any]],
                          sheet_names: tuple[str, str] = ("Summary", "Answers")) -> Path:
    """Write ``summary`` (label, value) rows and the answer ``rows`` under ``headers``.

    Raises ``OSError`` when the file can't be written.
    """
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    first = wb.create_sheet(sheet_names[0][:31])
    for label, value in summary:
        first.append([text_cell(first, label), text_cell(first, value)])
    second = wb.create_sheet(sheet_names[1][:31])
    second.append([text_cell(second, h) for h in headers])
    for row in rows:
        second.append([text_cell(second, v) for v in row])
    wb.save(path)
    return path
