"""One entry point from a file on disk to a :class:`RawTable`: sniff, pre-check, read,
find the header.

``read_table(path)`` decides the real type from the content (:mod:`importers.sniff`),
routes to the CSV, workbook or HTML reader, and refuses everything else with a stable
code. It does no isolation itself: run it (or the whole import job) through
:func:`importers.sandbox.run_isolated` for untrusted files.
"""

from __future__ import annotations

from datetime import datetime
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
    progress: Progress | None = None, max_data_rows: int | None = None,
) -> RawTable:
    """Read the table in ``path`` (sheet ``sheet`` of a workbook, default: the first
    visible sheet with a table of two or more columns). ``max_data_rows`` keeps only the
    first data rows, for a preview (a CSV then stops reading early).

    Raises :class:`ImportRefused` with code ``password_protected``, ``damaged``,
    ``not_a_spreadsheet``, ``too_large``, ``unsafe``, ``no_table`` or ``unreadable``.
    Memory is bounded by the pre-checks and ``limits``; run it in
    :func:`importers.sandbox.run_isolated` to bound it against native parser bugs too.
    """
    path = Path(path)
    progress = progress or NullProgress()
    progress.update(0, None, "detecting the file type")
    found = sniff(path, limits)
    if found.kind == "csv":
        table = read_csv(path, limits=limits, progress=progress, max_data_rows=max_data_rows)
    elif found.kind in (*_WORKBOOKS, "xls_old"):
        table = read_workbook(path, found.kind, sheet=sheet, limits=limits, progress=progress,
                              max_data_rows=max_data_rows)
    elif found.kind == "html":
        table = read_html(path, limits=limits)
    else:
        table = read_spreadsheetml(path, sheet=sheet, limits=limits)
    if max_data_rows is not None and table.n_rows > max_data_rows:
        del table.row_numbers[max_data_rows:]
        for col in table.columns:
            del col[max_data_rows:]
    if max_data_rows is not None and table.row_numbers:
        table.warnings = [w for w in table.warnings if w.row <= table.row_numbers[-1]]
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
    found = sniff(path, limits)
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


_SS = "{urn:schemas-microsoft-com:office:spreadsheet}"


def read_spreadsheetml(
    path: Path, *, sheet: str | None = None, limits: ImportLimits = DEFAULT_LIMITS
) -> RawTable:
    """Read an Excel 2003 XML spreadsheet (SpreadsheetML) with defusedxml.

    Picks ``sheet`` or the first worksheet with a table of two or more columns. DTDs and
    entities are refused by defusedxml (``unsafe``); files over 256 MiB are ``too_large``.
    """
    from defusedxml import DefusedXmlException, ElementTree

    size = path.stat().st_size
    if size > min(limits.max_file_size, 256 * 1024 * 1024):
        raise ImportRefused("too_large", path, f"the XML file is {size / 2**20:,.0f} MiB")
    try:
        root = ElementTree.parse(path).getroot()
    except DefusedXmlException as exc:
        raise ImportRefused("unsafe", path, f"the XML declares entities or a DTD ({exc})") from exc
    except ElementTree.ParseError as exc:
        raise ImportRefused("damaged", path, f"the XML is damaged ({exc})") from exc
    sheets = [(ws.get(_SS + "Name", ""), ws) for ws in root.iter(_SS + "Worksheet")]
    names = [name for name, _ in sheets]
    for name, ws in sheets:
        if sheet is not None and name.strip() != sheet.strip():
            continue
        rows = _spreadsheetml_rows(path, ws, limits)
        table = detect_table(rows) if rows else None
        if table is not None and (sheet is not None or len(table.headers) >= 2):
            blank = {"": None}
            return RawTable(
                path=path, sheet=name, file_type="xml", headers=table.headers,
                columns=[list(map(blank.get, c, c)) for c in table.columns],
                row_numbers=table.row_numbers, sheets=names, header_row=table.header_row,
                skipped_rows=table.skipped, notes=["an Excel 2003 XML spreadsheet"],
            )
    raise ImportRefused("no_table", path, f"no worksheet holds a table (sheets: {names})")


def _spreadsheetml_rows(path: Path, ws: Any, limits: ImportLimits) -> list[list[Any]]:
    """The cells of one SpreadsheetML worksheet as row lists ('' for empty)."""
    grid: list[list[Any]] = []
    for row in ws.iter(_SS + "Row"):
        r = int(row.get(_SS + "Index", len(grid) + 1)) - 1
        if r >= limits.max_rows:
            raise ImportRefused("too_large", path, f"a row lies beyond {limits.max_rows:,}")
        grid.extend([] for _ in range(r + 1 - len(grid)))
        cells: list[Any] = grid[r]
        for cell in row.iter(_SS + "Cell"):
            c = int(cell.get(_SS + "Index", len(cells) + 1)) - 1
            if c >= limits.max_columns:
                raise ImportRefused("too_large", path, f"a cell lies beyond column {c + 1:,}")
            cells.extend("" for _ in range(c + 1 - len(cells)))
            data = cell.find(_SS + "Data")
            cells[c] = _spreadsheetml_value(data) if data is not None else ""
            cells.extend("" for _ in range(int(cell.get(_SS + "MergeAcross", 0))))
    return grid


def _spreadsheetml_value(data: Any) -> Any:
    text = "".join(data.itertext())
    kind = data.get(_SS + "Type", "String")
    try:
        if kind == "Number":
            number = float(text)
            return int(number) if number.is_integer() and abs(number) < 2**53 else number
        if kind == "Boolean":
            return text.strip() in ("1", "true", "TRUE")
        if kind == "DateTime":
            moment = datetime.fromisoformat(text.strip().rstrip("Z"))
            return moment.date() if moment.time() == datetime.min.time() else moment
        if kind == "Error":
            return ""
    except ValueError:
        return text
    return text
