"""Read a workbook sheet (xlsx/xlsm/xls/ods) into a :class:`RawTable` via python-calamine.

Untrusted packages are pre-checked (:mod:`importers.precheck`) before calamine opens
them, so a cell at ``XFD1048576`` or a zip bomb is refused here instead of aborting the
process. The sheet is picked automatically (first visible worksheet holding a table of
two or more columns) unless named. Values keep their native types; blank cells become
None, integral floats in a column with only integral numbers become ``int`` (ids stay
``1001``, never ``1001.0``), error cells become None with a :class:`CellWarning`, and so
does a formula without a cached value (xlsx: found while streaming the sheet XML).
"""

from __future__ import annotations

import datetime as dt
import re
import struct
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

import python_calamine as pc

from importers.header_detection import (
    CHUNK_ROWS,
    SCAN_ROWS,
    DetectedTable,
    column_name,
    detect_table,
    detect_text_table,
    truncate,
)
from importers.limits import DEFAULT_LIMITS, ImportLimits
from importers.precheck import SheetScan, check_package, scan_ods, scan_worksheet, xlsx_sheet_parts
from importers.table import CellWarning, ImportRefused, RawTable
from models.progress import NullProgress, Progress

_MAX_EXACT = 2.0**53  # floats beyond this are not exact integers anyway


@dataclass(frozen=True)
class SheetInfo:
    """One sheet as the workbook lists it."""

    name: str
    visible: bool
    worksheet: bool  # False for chart sheets, dialog and macro sheets


@contextmanager
def open_workbook(path: Path, kind: str, limits: ImportLimits) -> Iterator[pc.CalamineWorkbook]:
    """Pre-check (zip formats) and open ``path`` with calamine; map its errors to refusals."""
    if kind in ("xlsx", "xlsm", "ods"):
        check_package(path, limits)
    if kind == "ods":
        with zipfile.ZipFile(path) as zf:
            scan_ods(path, zf, limits)
    try:
        wb = pc.CalamineWorkbook.from_path(str(path))
    except pc.PasswordError as exc:
        raise ImportRefused(
            "password_protected", path, "the workbook is password protected"
        ) from exc
    except (pc.CalamineError, pc.ZipError, pc.XmlError, OSError, ValueError) as exc:
        raise ImportRefused(
            "damaged", path, f"the file is damaged and cannot be read ({exc})"
        ) from exc
    try:
        yield wb
    finally:
        wb.close()


def sheet_infos(wb: pc.CalamineWorkbook) -> list[SheetInfo]:
    return [
        SheetInfo(
            m.name,
            m.visible == pc.SheetVisibleEnum.Visible,
            m.typ == pc.SheetTypeEnum.WorkSheet,
        )
        for m in wb.sheets_metadata
    ]


def read_workbook(
    path: Path, kind: str, *, sheet: str | None = None, limits: ImportLimits = DEFAULT_LIMITS,
    progress: Progress | None = None, max_data_rows: int | None = None,
) -> RawTable:
    """Read one sheet of a workbook into a :class:`RawTable`.

    ``sheet=None`` picks the first visible worksheet whose table has at least two columns;
    a named sheet may be hidden and may hold a single column. Raises
    :class:`ImportRefused`: ``no_table`` (nothing tabular, or the named sheet is
    missing/empty), ``too_large``/``unsafe`` (pre-check), ``damaged``,
    ``password_protected``. ``max_data_rows`` keeps only the first rows (a preview; the
    pre-check still streams the whole sheet, since calamine parses it whole).
    """
    progress = progress or NullProgress()
    if kind == "xls_old":
        old = read_old_biff(path, limits)
        return RawTable(
            path=path, sheet=None, file_type="xls", headers=old.headers, columns=old.columns,
            row_numbers=old.row_numbers, warnings=_normalise(old, None, limits),
            header_row=old.header_row, skipped_rows=old.skipped,
            notes=["an Excel 2.x-4.0 worksheet (BIFF2-4)"],
        )
    with open_workbook(path, kind, limits) as wb:
        infos = sheet_infos(wb)
        parts: dict[str, str] = {}
        zf = zipfile.ZipFile(path) if kind in ("xlsx", "xlsm") else None
        try:
            if zf is not None:
                parts = xlsx_sheet_parts(path, zf)
            if sheet is not None:
                info = _find_sheet(path, infos, sheet)
                if not info.worksheet:
                    raise ImportRefused(
                        "no_table", path, f"sheet {info.name!r} is a chart, not a table"
                    )
                found, scan = _read_sheet(path, wb, zf, parts, info.name, limits, progress,
                                          max_data_rows)
                if found is None:
                    raise ImportRefused("no_table", path, f"sheet {info.name!r} holds no table")
                table = found
                chosen = info.name
            else:
                chosen, table, scan = _pick_sheet(path, wb, zf, parts, infos, limits, progress,
                                                  max_data_rows)
        finally:
            if zf is not None:
                zf.close()
    warnings = _normalise(table, scan, limits)
    listed = [i.name for i in infos if i.visible and i.worksheet]
    return RawTable(
        path=path, sheet=chosen, file_type=kind, headers=table.headers, columns=table.columns,
        row_numbers=table.row_numbers, sheets=listed, warnings=warnings,
        header_row=table.header_row, skipped_rows=table.skipped,
    )


def _find_sheet(path: Path, infos: list[SheetInfo], name: str) -> SheetInfo:
    for info in infos:
        if info.name == name:
            return info
    for info in infos:  # 'מס הכנסה ' is easy to ask for without its trailing space
        if info.name.strip().casefold() == name.strip().casefold():
            return info
    names = ", ".join(repr(i.name) for i in infos)
    raise ImportRefused("no_table", path, f"there is no sheet {name!r} (sheets: {names})")


def _pick_sheet(
    path: Path, wb: pc.CalamineWorkbook, zf: zipfile.ZipFile | None, parts: dict[str, str],
    infos: list[SheetInfo], limits: ImportLimits, progress: Progress,
    max_data_rows: int | None = None,
) -> tuple[str, DetectedTable, SheetScan | None]:
    checked, only_errors = [], []
    for info in infos:
        if not (info.visible and info.worksheet):
            continue
        checked.append(info.name)
        table, scan = _read_sheet(path, wb, zf, parts, info.name, limits, progress,
                                  max_data_rows)
        if table is not None and len(table.headers) >= 2 and table.row_numbers:
            return info.name, table, scan
        if table is None and scan is not None and scan.errors:
            only_errors.append(f"{info.name!r} holds only error values ({scan.errors[0][2]} …)")
    names = ", ".join(map(repr, checked)) or "none"
    why = f"no visible sheet holds a table of two or more columns (checked: {names})"
    if only_errors:
        why += "; " + "; ".join(only_errors)
    if zf is not None and any(n.startswith("xl/model/") for n in zf.namelist()):
        why += (
            "; the data sits in a Power Pivot model, which cannot be imported"
            " — copy it to a sheet first"
        )
    raise ImportRefused("no_table", path, why)


def _read_sheet(
    path: Path, wb: pc.CalamineWorkbook, zf: zipfile.ZipFile | None, parts: dict[str, str],
    name: str, limits: ImportLimits, progress: Progress, max_data_rows: int | None = None,
) -> tuple[DetectedTable | None, SheetScan | None]:
    """Pre-check, read and locate the table of one sheet; (None, scan) when it has none."""
    scan = None
    if zf is not None:
        progress.update(0, None, "checking")
        if name in parts:
            scan = scan_worksheet(path, zf, parts[name], limits, progress)
        else:  # relationships we could not follow: check every worksheet part instead
            for part in zf.namelist():
                if part.startswith("xl/worksheets/") and part.endswith(".xml"):
                    scan_worksheet(path, zf, part, limits)
    progress.check()
    progress.update(0, None, "reading")
    try:
        sh = wb.get_sheet_by_name(name)
        big = sh.height * max(sh.width, 1) > limits.max_cells
        if big or sh.height > limits.max_rows or sh.width > limits.max_columns:
            raise ImportRefused(
                "too_large", path, f"sheet {name!r} is {sh.height:,} rows × {sh.width:,} columns"
            )
        merged = sh.merged_cell_ranges or []
        if max_data_rows is None:
            table = _stream_sheet(sh, merged, progress)
        else:
            rows = sh.to_python(skip_empty_area=False, nrows=max_data_rows + SCAN_ROWS + 2)
            progress.update(0, None, "finding the header")
            table = detect_table(rows, first_row=1, first_col=0, merged=merged)
            del rows
            if table is not None:
                truncate(table, max_data_rows)
    except (pc.CalamineError, pc.XmlError, pc.ZipError, ValueError) as exc:
        raise ImportRefused("damaged", path, f"sheet {name!r} is damaged ({exc})") from exc
    progress.check()
    return table, scan


def _stream_sheet(sh: pc.CalamineSheet, merged: list[Any], progress: Progress
                  ) -> DetectedTable | None:
    """The table of a whole sheet, its rows turned into columns :data:`CHUNK_ROWS` at a
    time (:func:`detect_text_table`: empty text → None, repeated texts shared), so the
    rows of the whole sheet never exist as Python lists at once (bench/import_tickets.py,
    1M × 13 cells: the import's peak RSS fell from 2.07 GB to 1.35 GB)."""
    first_col = sh.start[1] if sh.start else 0  # rows start at row 1, columns do not
    rows = sh.iter_rows()

    def chunks() -> Iterator[list[list[Any]]]:
        while chunk := list(islice(rows, CHUNK_ROWS)):
            yield chunk
            progress.check()

    table = detect_text_table(chunks(), first_row=1, first_col=first_col, merged=merged)
    if table is not None and first_col:
        table.source_columns = [c + first_col for c in table.source_columns]
    return table


def _normalise(
    table: DetectedTable, scan: SheetScan | None, limits: ImportLimits
) -> list[CellWarning]:
    """Blank → None, integral-float columns → int, long text and errors → None + warning."""
    warnings: list[CellWarning] = []
    row_index = {r: i for i, r in enumerate(table.row_numbers)} if scan and (
        scan.errors or scan.formulas_without_value) else {}
    col_index = {src + 1: j for j, src in enumerate(table.source_columns)}
    for j, col in enumerate(table.columns):
        types = set(map(type, col))
        _cut_long_text(col, types, table.headers[j], table.row_numbers, limits, warnings)
        table.columns[j] = normalise_column(col, types)
    if scan is not None:
        for row, c in scan.formulas_without_value:
            if row in row_index and c in col_index:
                warnings.append(CellWarning(row, table.headers[col_index[c]], None,
                    f"cell {column_name(c - 1)}{row} holds a formula without a saved result; "
                    "open and save the file in Excel to compute it"))
        for row, c, text in scan.errors:
            if row in row_index and c in col_index:
                j = col_index[c]
                table.columns[j][row_index[row]] = None
                warnings.append(CellWarning(row, table.headers[j], text, f"error value {text}"))
    warnings.sort(key=lambda w: w.row)
    return warnings


def normalise_column(col: list[Any], types: set[type] | None = None) -> list[Any]:
    """One column: ``''`` → None; all-integral floats → int. Cost: a few C-level passes
    (per-cell Python only for the floats of a column that mixes types)."""
    types = set(map(type, col)) if types is None else types
    if str in types and "" in col:
        blank: dict[Any, Any] = {"": None}
        col = list(map(blank.get, col, col))  # '' → None at C speed
    if float in types:
        pure = types == {float}
        floats = col if pure else [v for v in col if type(v) is float]
        if all(map(float.is_integer, floats)) and max(map(abs, floats)) < _MAX_EXACT:
            col = list(map(int, col)) if pure else [
                int(v) if type(v) is float else v for v in col]
    return col


def _cut_long_text(col: list[Any], types: set[type], header: str, rows: list[int],
                   limits: ImportLimits, warnings: list[CellWarning]) -> None:
    if str not in types:
        return
    texts = col if types == {str} else (v for v in col if type(v) is str)
    if max(map(len, texts), default=0) <= limits.max_cell_chars:
        return
    for i, v in enumerate(col):
        if type(v) is str and len(v) > limits.max_cell_chars:
            col[i] = None
            warnings.append(CellWarning(rows[i], header, v[:100],
                f"text of {len(v):,} characters is over the limit of {limits.max_cell_chars:,}; "
                "the cell was left empty"))


# --- Excel 2.x-4.0 worksheets (BIFF2-4 without an OLE container); calamine cannot. ---

_EPOCHS = (dt.datetime(1899, 12, 30), dt.datetime(1904, 1, 1))
_QUOTED = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.')


def _is_date_format(fmt: str) -> bool:
    bare = _QUOTED.sub("", fmt).lower()
    return bare != "general" and any(ch in bare for ch in "dmyhs")


def _excel_datetime(value: float, epoch: dt.datetime) -> Any:
    moment = epoch + dt.timedelta(days=value)
    if value < 1:
        return moment.time()
    return moment.date() if float(value).is_integer() else moment


def read_old_biff(path: Path, limits: ImportLimits) -> DetectedTable:
    """Read a BIFF2/3/4 worksheet stream: text, numbers, booleans and cached formula results.

    Dates are recognised through the cell's number format. Raises ``damaged`` on a broken
    record stream and ``no_table`` when nothing tabular is found.
    """
    data = path.read_bytes()
    cells: dict[tuple[int, int], Any] = {}
    formats: list[str] = []
    xf_format: list[int] = []
    codec, epoch = "cp1252", _EPOCHS[0]
    pending: tuple[int, int] | None = None  # a FORMULA whose text result is in STRING
    pos = 0
    while pos + 4 <= len(data):
        rec, length = struct.unpack_from("<HH", data, pos)
        body = data[pos + 4 : pos + 4 + length]
        pos += 4 + length
        if len(body) < length:
            raise ImportRefused("damaged", path, "the file is damaged: truncated record stream")
        if rec == 0x000A:  # EOF
            break
        if rec == 0x0042 and length >= 2:
            cp = struct.unpack_from("<H", body)[0]
            codec = {1200: "utf-16-le", 367: "ascii", 10000: "mac_roman", 32768: "mac_roman",
                     32769: "cp1252"}.get(cp, f"cp{cp}")
        elif rec == 0x0022 and length >= 2:
            epoch = _EPOCHS[struct.unpack_from("<H", body)[0] & 1]
        elif rec in (0x001E, 0x041E):
            off = 2 if rec == 0x041E else 0
            formats.append(body[off + 1 : off + 1 + body[off]].decode("latin-1"))
        elif rec in (0x0243, 0x0443) and length >= 2:
            xf_format.append(body[1])
        elif rec in (0x0007, 0x0207) and pending is not None:
            size, off = (body[0], 1) if rec == 0x0007 else (struct.unpack_from("<H", body)[0], 2)
            cells[pending] = body[off : off + size].decode(codec, "replace")
            pending = None
        elif rec in _BIFF_CELLS and length >= 7:
            row, col = struct.unpack_from("<HH", body)
            biff2 = rec < 0x0100
            xf = struct.unpack_from("<H", body, 4)[0]
            fmt_index = body[5] & 0x3F if biff2 else _xf(xf_format, xf)
            value, is_text = _biff_value(rec, body, biff2, codec)
            if rec in (0x0006, 0x0206, 0x0406) and is_text:
                pending = (row, col)
                continue
            if type(value) is float and 0 <= fmt_index < len(formats) and _is_date_format(
                    formats[fmt_index]) and 0 <= value < 2958466:
                value = _excel_datetime(value, epoch)
            cells[(row, col)] = value
    if not cells:
        raise ImportRefused("no_table", path, "the old Excel worksheet holds no values")
    height = max(r for r, _ in cells) + 1
    width = max(c for _, c in cells) + 1
    if height * width > limits.max_cells:
        raise ImportRefused("too_large", path, f"the sheet is {height:,} × {width:,} cells")
    grid: list[list[Any]] = [[""] * width for _ in range(height)]
    for (r, c), v in cells.items():
        grid[r][c] = v
    table = detect_table(grid)
    if table is None:
        raise ImportRefused("no_table", path, "the old Excel worksheet holds no values")
    return table


_BIFF_CELLS = frozenset({0x0002, 0x0003, 0x0004, 0x0005, 0x0006, 0x0203, 0x0204, 0x0205,
                         0x027E, 0x0206, 0x0406})


def _xf(xf_format: list[int], index: int) -> int:
    return xf_format[index] if index < len(xf_format) else -1


def _biff_value(rec: int, body: bytes, biff2: bool, codec: str) -> tuple[Any, bool]:
    """(value, text_follows) of one BIFF2-4 cell record; None for errors."""
    off = 7 if biff2 else 6
    if rec == 0x0002:
        return float(struct.unpack_from("<H", body, off)[0]), False
    if rec in (0x0003, 0x0203):
        return struct.unpack_from("<d", body, off)[0], False
    if rec == 0x0004:
        return body[off + 1 : off + 1 + body[off]].decode(codec, "replace"), False
    if rec == 0x0204:
        size = struct.unpack_from("<H", body, off)[0]
        return body[off + 2 : off + 2 + size].decode(codec, "replace"), False
    if rec in (0x0005, 0x0205):
        return (None if body[off + 1] else bool(body[off])), False
    if rec == 0x027E:
        rk = struct.unpack_from("<I", body, off)[0]
        num: float = float(rk >> 2 if rk < 2**31 else (rk >> 2) - 2**30) if rk & 2 else \
            struct.unpack("<d", struct.pack("<Q", (rk & 0xFFFFFFFC) << 32))[0]
        return (num / 100 if rk & 1 else num), False
    result = body[off : off + 8]  # FORMULA: the cached result
    if result[6:8] == b"\xff\xff":
        kind = result[0]
        return (bool(result[2]) if kind == 1 else None), kind == 0
    return struct.unpack("<d", result)[0], False
