"""The fast path of the CSV reader: pyarrow's C++ parser straight into columns of text.

The csv module parses about 60,000 records/s here (1M ticket rows: ≈ 17 s before any
other work); pyarrow parses the same file in ≈ 1.3 s and hands the columns over in
≈ 3 s more (bench/import_tickets.py). It is used for the common file only, and
:func:`read_columns` answers None for anything else, so the caller reads the file
with the csv module as before:

* UTF-8 text without NUL bytes and without spaces after the delimiter, read whole
  (not a preview);
* the header found by :mod:`importers.header_detection` in the first records, and
  every record below it there holding as many fields as the first data record;
* no blank or ragged record anywhere below (pyarrow refuses those; the csv module
  reader numbers and skips them), and pyarrow's first records equal the csv module's
  (the same quoting and line endings).

Records whose fields are all empty are left out, as the csv module reader does.
Columns with few distinct texts share one ``str`` object per text (bounded memory,
as :class:`importers.header_detection._TextColumns` does) and come as
:class:`importers.coded_column.CodedColumn` (the validation reuses the encoding);
empty text is None.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from importers.coded_column import CodedColumn
from importers.header_detection import (
    SHARE_MAX,
    DetectedTable,
    detect_text_table,
    text_table_from_columns,
)
from importers.limits import ImportLimits
from importers.table import ImportRefused
from models.progress import Progress

MIN_BYTES = 1024 * 1024  # smaller files: the csv module is quick and pyarrow's import is not
BLOCK_BYTES = 8 * 1024 * 1024  # text parsed per batch (≈ 60,000 ticket records)
_CHECKED = 50  # first data records compared with the csv module's


def read_columns(path: Path, head: list[list[str]], delimiter: str, limits: ImportLimits,
                 progress: Progress) -> DetectedTable | None:
    """The table of ``path`` parsed by pyarrow, or None when the file is not the common
    kind (module doc). ``head``: the first records as the csv module parsed them (a
    complete record each). Raises :class:`ImportRefused` ``too_large`` past
    ``limits.max_rows`` records, and :class:`models.progress.Cancelled`."""
    found = detect_text_table([head])
    if found is None or found.header_row is None or not found.row_numbers or any(
            row < found.row_numbers[0] for row, _ in found.skipped):
        return None  # no header, or a totals row under it: the csv module reader
    start = found.row_numbers[0] - 1  # first data record, 0-based
    width = len(head[start])
    if width < 2 or any(len(r) != width for r in head[start:]):
        return None
    expected = [i for i in range(start, len(head)) if any(head[i])][:_CHECKED]
    import pyarrow as pa
    import pyarrow.csv as pacsv

    try:
        reader = pacsv.open_csv(
            path,
            read_options=pacsv.ReadOptions(skip_rows=start, autogenerate_column_names=True,
                                           block_size=BLOCK_BYTES),
            parse_options=pacsv.ParseOptions(delimiter=delimiter, newlines_in_values=True,
                                             ignore_empty_lines=False),
            convert_options=pacsv.ConvertOptions(
                column_types={f"f{j}": pa.string() for j in range(width)},
                strings_can_be_null=True, quoted_strings_can_be_null=True))
        columns, body = _convert(reader, start, width, limits, path, progress)
    except (pa.ArrowInvalid, UnicodeDecodeError, _LongCell):
        return None  # a ragged or blank record, bad UTF-8, a cell over the limit: the csv
        # module reader decides
    if body[:len(expected)] != expected or not _same_start(columns, [head[i] for i in expected]):
        return None
    return text_table_from_columns(head, columns, body)


def _convert(reader: Any, start: int, width: int, limits: ImportLimits, path: Path,
             progress: Progress) -> tuple[list[list[Any]], list[int]]:
    """Every batch into Python columns; (columns, 0-based record index of each row)."""
    import pyarrow.compute as pc

    columns: list[list[Any]] = [[] for _ in range(width)]
    shared: list[_Shared | None] = [_Shared() for _ in range(width)]
    body: list[int] = []
    seen = start
    for batch in reader:
        if batch.num_columns != width:
            raise _ragged()
        n = batch.num_rows
        empty = pc.is_null(batch.column(0))
        for j in range(1, width):
            empty = pc.and_(empty, pc.is_null(batch.column(j)))
        blank = empty.to_numpy(zero_copy_only=False)
        if blank.any():
            batch = batch.filter(pc.invert(empty))
            body += (seen + np.nonzero(~blank)[0]).tolist()
        else:
            body += range(seen, seen + n)
        seen += n
        if seen > limits.max_rows:
            raise ImportRefused("too_large", path, f"the file has over {limits.max_rows:,} records")
        for j, array in enumerate(batch.columns):
            longest = pc.max(pc.utf8_length(array)).as_py()
            if longest is not None and longest > limits.max_cell_chars:
                raise _LongCell  # cut with a warning per cell by the csv module reader
            columns[j] += _texts(array, shared, j)
        progress.update(seen, None, "parsing")
        progress.check()
    return [pool.column(col) if pool is not None and pool.codes else col
            for col, pool in zip(columns, shared, strict=True)], body


class _Shared:
    """A column's distinct texts so far (first seen first; one ``str`` object each) and
    each batch's codes into them."""

    def __init__(self) -> None:
        self.index: dict[str | None, int] = {}
        self.codes: list[np.ndarray] = []

    def column(self, cells: list[Any]) -> CodedColumn:
        return CodedColumn(cells, list(self.index), np.concatenate(self.codes))


def _texts(array: Any, shared: list[_Shared | None], j: int) -> list[Any]:
    """One batch of a column as ``str``/None; few distinct texts → shared objects, coded."""
    pool = shared[j]
    if pool is not None:
        coded = array.dictionary_encode()
        distinct = coded.dictionary.to_pylist()
        if len(distinct) * 4 <= max(len(array), 40) and len(pool.index) <= SHARE_MAX:
            index = pool.index
            remap = [index.setdefault(v, len(index)) for v in distinct]
            remap.append(index.setdefault(None, len(index)) if coded.null_count else -1)
            codes = np.array(remap, dtype=np.int64)[
                coded.indices.fill_null(len(distinct)).to_numpy()]
            pool.codes.append(codes)
            lookup = np.empty(len(index), dtype=object)
            lookup[:] = list(index)
            cells: list[Any] = lookup[codes].tolist()
            return cells
        shared[j] = None  # ids, times, names: sharing would not pay
    values: list[Any] = array.to_pylist()
    return values


def _same_start(columns: list[list[Any]], rows: list[list[str]]) -> bool:
    """pyarrow's first records read as the csv module read ``rows`` ('' = None)."""
    return all(col[:len(rows)] == [v or None for v in (r[j] for r in rows)]
               for j, col in enumerate(columns))


class _LongCell(Exception):
    """A cell longer than ``limits.max_cell_chars``."""


def _ragged() -> Exception:
    import pyarrow as pa

    error: Exception = pa.ArrowInvalid("a record with another number of fields")
    return error
