"""Read delimited text (CSV/TSV/semicolon/pipe) into a :class:`RawTable` of strings.

Encodings: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030 (a superset of GBK
and GB2312); anything else falls back to Windows-1252 with a note. The delimiter is
sniffed from the first records; quoted fields may hold newlines; CR-only line endings
work. NUL bytes are stripped with a :class:`CellWarning`. Values stay ``str`` (None
for empty) — converting them is the value parser's job; decimal commas (``12,5`` in a
semicolon file) are left as text and flagged with ``RawTable.decimal_comma``.

Speed and memory: a common file (UTF-8, 1 MiB or more, a plain table) is parsed by
pyarrow (:mod:`importers.arrow_csv`, ≈ 4x faster); otherwise the csv module parses
chunks of row lists, which :func:`importers.header_detection.detect_text_table` turns
into columns (empty text → None, repeated texts shared) before the next chunk is
read; there is no Python work per cell beyond C-level ``map`` calls.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Iterator
from itertools import islice
from pathlib import Path

from importers import arrow_csv
from importers.header_detection import (
    CHUNK_ROWS,
    SCAN_ROWS,
    DetectedTable,
    detect_text_table,
    truncate,
)
from importers.limits import DEFAULT_LIMITS, ImportLimits
from importers.table import CellWarning, ImportRefused, RawTable
from models.progress import NullProgress, Progress

DELIMITERS = (",", ";", "\t", "|")
_SAMPLE = 256 * 1024  # characters examined for the delimiter
_DECIMAL_COMMA = re.compile(r"^-?(\d{1,3}(\.\d{3})+|\d+),\d+$")


def encodings_to_try(head: bytes) -> list[str]:
    """Encodings to try, in order, from the first bytes (a BOM decides alone)."""
    if head.startswith(b"\xef\xbb\xbf"):
        return ["utf-8-sig"]
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return ["utf-16"]
    return ["utf-8", "gb18030", "cp1252"]


def _count_nul(path: Path) -> int:
    """NUL bytes in the file, counted in 4 MiB blocks (C speed, bounded memory)."""
    total = 0
    with path.open("rb") as fh:
        while block := fh.read(4 * 1024 * 1024):
            total += block.count(b"\x00")
    return total


def sniff_delimiter(sample: str) -> tuple[str, bool]:
    """Pick the delimiter giving the most consistent field count > 1 over the sample.

    Returns (delimiter, skip_initial_space); the latter is True for ``", "`` files.
    """
    lines = sample.splitlines()[:-1] or sample.splitlines()
    text = "\n".join(lines[:200])
    best, best_score = ",", -1.0
    for d in DELIMITERS:
        try:
            counts = [len(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter=d) if r]
        except csv.Error:
            continue
        if not counts:
            continue
        mode, freq = Counter(counts).most_common(1)[0]
        if mode < 2:
            continue
        score = freq / len(counts) * 1000 + mode
        if score > best_score:
            best, best_score = d, score
    spaced = text.count(best + " ") > 0.8 * max(text.count(best), 1) and best in ",;|"
    return best, spaced


def read_csv(
    path: Path, *, limits: ImportLimits = DEFAULT_LIMITS, progress: Progress | None = None,
    max_data_rows: int | None = None,
) -> RawTable:
    """Read a delimited text file. Raises :class:`ImportRefused` (``too_large``,
    ``no_table``, ``unreadable``). ``max_data_rows`` stops early, for a preview."""
    progress = progress or NullProgress()
    size = path.stat().st_size
    if size > limits.max_file_size:
        raise ImportRefused("too_large", path, f"the file is {size / 2**20:,.0f} MiB")
    progress.update(0, None, "reading")
    with path.open("rb") as fh:
        head = fh.read(_SAMPLE)
    candidates = encodings_to_try(head)
    nul = _count_nul(path) if candidates[0] != "utf-16" else 0
    # Long cells are reported per cell below; the csv module's own cap would refuse the file.
    csv.field_size_limit(max(csv.field_size_limit(), 2**31 - 1))
    for encoding in candidates:
        try:
            stop = None if max_data_rows is None else max_data_rows + SCAN_ROWS + 2
            fast = stop is None and nul == 0 and size >= arrow_csv.MIN_BYTES
            table, delimiter, cells_checked = _read(path, encoding, limits, progress, stop,
                                                    fast)
            break
        except UnicodeDecodeError:
            continue  # streamed, so a late bad byte costs a re-read, not a second copy
    notes = [] if encoding != "cp1252" else [
        "the text is not UTF-8, UTF-16 or GB18030; it was read as Windows-1252"]
    progress.check()
    if table is not None and max_data_rows is not None:
        truncate(table, max_data_rows)
    if table is None or not table.headers:
        raise ImportRefused("no_table", path, "the file holds no values")
    if len(table.headers) > limits.max_columns:
        raise ImportRefused("too_large", path, f"the file has {len(table.headers):,} columns")
    warnings: list[CellWarning] = []
    for j, col in enumerate(table.columns):  # '' is None already (detect_text_table)
        if not cells_checked:
            _cut_long(col, table.headers[j], table.row_numbers, limits, warnings)
        if nul:
            _strip_nul(col, table.headers[j], table.row_numbers, warnings)
    decimal_comma = delimiter != "," and _decimal_commas(table.columns)
    if decimal_comma:
        notes.append("numbers use a decimal comma (12,5); they are kept as text for the parser")
    if nul:
        notes.append(f"{nul:,} NUL bytes were removed")
    return RawTable(
        path=path, sheet=None, file_type="csv", headers=table.headers, columns=table.columns,
        row_numbers=table.row_numbers, warnings=warnings, header_row=table.header_row,
        skipped_rows=table.skipped, encoding=encoding, delimiter=delimiter,
        decimal_comma=decimal_comma, notes=notes,
    )


def _read(
    path: Path, encoding: str, limits: ImportLimits, progress: Progress, stop: int | None,
    fast: bool = False,
) -> tuple[DetectedTable | None, str, bool]:
    """Stream-decode, parse and find the table; raises UnicodeDecodeError for a wrong
    encoding. Returns (table, delimiter, whether every cell is known to be within
    ``limits.max_cell_chars``). ``fast``: try :mod:`importers.arrow_csv` first (UTF-8
    only; it declines a file with a longer cell). Otherwise
    the records go to :func:`detect_text_table` in chunks of :data:`CHUNK_ROWS`, so only
    one chunk of row lists exists at a time."""
    errors = "replace" if encoding == "cp1252" else "strict"
    with path.open(encoding=encoding, errors=errors, newline="") as fh:
        sample = fh.read(_SAMPLE)
        delimiter, spaced = sniff_delimiter(sample)
        if fast and not spaced and encoding in ("utf-8", "utf-8-sig"):
            progress.update(0, None, "parsing")
            table = arrow_csv.read_columns(path, _head(sample, delimiter, fh.read(1) == ""),
                                           delimiter, limits, progress)
            if table is not None:
                return table, delimiter, True
        fh.seek(0)
        progress.check()
        progress.update(0, None, "parsing")
        reader = csv.reader(fh, delimiter=delimiter, skipinitialspace=spaced, strict=False)
        try:
            table = detect_text_table(_chunks(reader, path, limits, progress, stop))
        except csv.Error as exc:
            raise ImportRefused(
                "unreadable", path, f"the text cannot be parsed as CSV ({exc})"
            ) from exc
    return table, delimiter, False


def _head(sample: str, delimiter: str, whole: bool) -> list[list[str]]:
    """The complete records in the sample (the last one may be cut unless ``whole``)."""
    try:
        records = list(csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter,
                                  strict=False))
    except csv.Error:
        return []
    return records if whole else records[:-1]


def _chunks(reader: Iterator[list[str]], path: Path, limits: ImportLimits, progress: Progress,
            stop: int | None) -> Iterator[list[list[str]]]:
    """Records in lists of up to :data:`CHUNK_ROWS` (C speed), with a cancel point per
    chunk; ``stop`` records at most. Refuses a file over ``limits.max_rows`` records."""
    seen = 0
    while batch := list(islice(reader, CHUNK_ROWS if stop is None
                               else min(CHUNK_ROWS, stop - seen))):
        seen += len(batch)
        if seen > limits.max_rows:
            raise ImportRefused("too_large", path, f"the file has over {limits.max_rows:,} records")
        yield batch
        del batch
        if stop is not None and seen >= stop:
            return
        progress.update(seen, None, "parsing")
        progress.check()


def _strip_nul(col: list[str | None], header: str, rows: list[int],
               warnings: list[CellWarning]) -> None:
    for i, v in enumerate(col):
        if v is not None and "\x00" in v:
            col[i] = v.replace("\x00", "") or None
            warnings.append(CellWarning(rows[i], header, col[i], "NUL bytes removed"))


def _cut_long(col: list[str | None], header: str, rows: list[int], limits: ImportLimits,
              warnings: list[CellWarning]) -> None:
    """Empty (with a warning) cells longer than the limit; one C-level pass when none is."""
    longest = max(map(len, filter(None, col)), default=0)
    if longest <= limits.max_cell_chars:
        return
    for i, v in enumerate(col):
        if v is not None and len(v) > limits.max_cell_chars:
            col[i] = None
            warnings.append(CellWarning(rows[i], header, v[:100],
                f"text of {len(v):,} characters is over the limit of {limits.max_cell_chars:,}; "
                "the cell was left empty"))


def _decimal_commas(columns: list[list[str | None]]) -> bool:
    """True when the first rows hold numbers like ``12,5`` and none like ``12.5``."""
    hits = dots = 0
    for col in columns:
        for v in col[:200]:
            if v is None:
                continue
            if _DECIMAL_COMMA.match(v):
                hits += 1
            elif re.fullmatch(r"-?\d+\.\d+", v):
                dots += 1
    return hits >= 3 and dots == 0
