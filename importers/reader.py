"""One entry point from a file on disk to a :class:`RawTable`: sniff, pre-check, read,
find the header.

``read_table(path)`` decides the real type from the content (:mod:`importers.sniff`),
routes to the CSV, workbook or HTML reader, and refuses everything else with a stable
code. It does no isolation itself: run it (or the whole import job) through
:func:`importers.sandbox.run_isolated` for untrusted files.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from importers.csv_reader import read_csv
from importers.header_detection import detect_table
from importers.limits import DEFAULT_LIMITS, ImportLimits
from importers.sniff import sniff
from importers.table import ImportRefused, RawTable
from importers.workbook_reader import open_workbook, read_workbook, sheet_infos
from models.progress import NullProgress, Progress

_NAMES = {"xlsx": ".xlsx", "xlsm": ".xlsm", "xls": ".xls", "xls_old": ".xls", "ods": ".ods",
          "csv": ".csv"}
_WORKBOOKS = ("xlsx", "xlsm", "xls", "ods")


def read_table(
    path: Path | str, *, sheet: str | None = None, limits: ImportLimits = DEFAULT_LIMITS,
    progress: Progress | None = None,
) -> RawTable:
    """Read the table in ``path`` (sheet ``sheet`` of a workbook, default: the first
    visible sheet with a table of two or more columns).

    Raises :class:`ImportRefused` with code ``password_protected``, ``damaged``,
    ``not_a_spreadsheet``, ``too_large``, ``unsafe``, ``no_table`` or ``unreadable``.
    Memory is bounded by the pre-checks and ``limits``; run it in
    :func:`importers.sandbox.run_isolated` to bound it against native parser bugs too.
    """
    path = Path(path)
    progress = progress or NullProgress()
    progress.update(0, None, "detecting the file type")
    found = sniff(path)
    if found.kind == "csv":
        table = read_csv(path, limits=limits, progress=progress)
    elif found.kind in (*_WORKBOOKS, "xls_old"):
        table = read_workbook(path, found.kind, sheet=sheet, limits=limits, progress=progress)
    elif found.kind == "html":
        table = read_html(path, limits=limits)
    else:  # spreadsheetml2003
        raise ImportRefused(
            "unreadable", path,
            "this is an Excel 2003 XML spreadsheet; open it in Excel and save it as .xlsx",
        )
    claimed = path.suffix.lower()
    real = _NAMES.get(found.kind, found.kind)
    if claimed and claimed not in (real, ".tsv", ".txt") and not (
        found.kind == "xlsx" and claimed in (".xlsm", ".xltx")
    ):
        table.notes.append(f"the file is named {claimed} but holds {real.lstrip('.')} content")
    progress.update(table.n_rows, table.n_rows, "read")
    return table


def list_sheets(path: Path | str, *, limits: ImportLimits = DEFAULT_LIMITS) -> list[str]:
    """Names of the visible worksheets a user may choose from (empty for text files).

    Hidden sheets and chart sheets are left out. Same refusals as :func:`read_table`.
    """
    path = Path(path)
    found = sniff(path)
    if found.kind not in _WORKBOOKS:
        return []
    with open_workbook(path, found.kind, limits) as wb:
        return [i.name for i in sheet_infos(wb) if i.visible and i.worksheet]


class _TableParser(HTMLParser):
    """Collects the rows of every ``<table>`` (cell text only; spans ignored)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[list[list[str]]] = []
        self._depth = 0
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self._depth += 1
            self.tables.append([])
        elif tag == "tr" and self._depth:
            self.tables[-1].append([])
        elif tag in ("td", "th") and self._depth and self.tables[-1]:
            self._cell = []
        elif tag == "br" and self._cell is not None:
            self._cell.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.tables[-1][-1].append("".join(self._cell).strip())
            self._cell = None
        elif tag == "table" and self._depth:
            self._depth -= 1

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def read_html(path: Path, *, limits: ImportLimits = DEFAULT_LIMITS) -> RawTable:
    """Read the largest ``<table>`` of an HTML page saved as ``.xls`` (a common export)."""
    size = path.stat().st_size
    if size > min(limits.max_file_size, 512 * 1024 * 1024):
        raise ImportRefused("too_large", path, f"the HTML file is {size / 2**20:,.0f} MiB")
    raw = path.read_bytes()
    for enc in ("utf-8-sig", "gb18030", "cp1252"):
        try:
            text = raw.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    parser = _TableParser()
    parser.feed(text)
    parser.close()
    rows: list[list[Any]] = max(parser.tables, key=len, default=[])
    table = detect_table(rows) if rows else None
    if table is None:
        raise ImportRefused("no_table", path, "the web page (HTML) holds no table")
    blank = {"": None}
    columns = [list(map(blank.get, c, c)) for c in table.columns]
    return RawTable(
        path=path, sheet=None, file_type="html", headers=table.headers, columns=columns,
        row_numbers=table.row_numbers, header_row=table.header_row,
        skipped_rows=table.skipped, notes=["the file is a web page (HTML table)"],
    )
