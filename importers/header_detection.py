"""Find the table inside a grid of cells: its header row, its columns and its data rows.

Real sheets put a title block above the header (a merged title in row 1, a blank row,
headers in row 3), start the table at ``B4``, split a header over two merged rows,
wrap header text (``'Ben \\nAshley'``), leave blank columns, end with a totals row or a
note. :func:`detect_table` handles these on the first rows only and then treats the
data column by column, so a million rows cost a few C-level passes, not a Python loop
per cell.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import chain, compress
from operator import itemgetter, not_
from typing import Any

SCAN_ROWS = 30  # rows searched for the header
CHUNK_ROWS = 50_000  # rows a streaming reader hands to detect_text_table at a time
TOTAL_WORDS = frozenset(
    {"合计", "总计", "小计", "共计", "总和", "合計", "總計", "total", "totals", "sum",
     "grand total", "subtotal", "sub total", "summe", "gesamt", "totaal", "somme", "suma"}
)
_SPACE = re.compile(r"\s+")


@dataclass
class DetectedTable:
    """A table found in a grid. Row numbers are 1-based, as the spreadsheet shows them."""

    headers: list[str]
    columns: list[list[Any]]
    row_numbers: list[int]
    header_row: int | None  # None when the table has no header row (names are synthesized)
    source_columns: list[int] = field(default_factory=list)  # 0-based index in the grid rows
    skipped: list[tuple[int, str]] = field(default_factory=list)  # (row, why) e.g. totals


def is_empty(value: Any) -> bool:
    return value is None or (type(value) is str and not value.strip())


def clean_header(value: Any) -> str:
    """Header text without surrounding or inner runs of whitespace/newlines."""
    if value is None:
        return ""
    if type(value) is float and value.is_integer():
        value = int(value)
    elif isinstance(value, dt.datetime) and value.time() == dt.time():
        value = value.date()  # a month or day heading, shown as Excel shows it
    if isinstance(value, dt.date):
        return value.isoformat()
    return _SPACE.sub(" ", str(value)).strip()


def column_name(index: int) -> str:
    """0 → ``"A"``, 27 → ``"AB"`` (spreadsheet letters)."""
    out, n = "", index + 1
    while n:
        n, rem = divmod(n - 1, 26)
        out = chr(65 + rem) + out
    return out


def detect_table(
    rows: Sequence[list[Any]],
    *,
    first_row: int = 1,
    first_col: int = 0,
    merged: Sequence[tuple[tuple[int, int], tuple[int, int]]] = (),
) -> DetectedTable | None:
    """Locate header and data in ``rows`` (row-major, ``''``/``None`` for empty cells).

    ``rows[i]`` (a list) is spreadsheet row ``first_row + i`` and cell ``j`` column
    ``first_col + j`` (0-based); ``merged`` holds 0-based absolute ((r0, c0), (r1, c1))
    ranges. Returns None when no row holds any value. Columns keep the cell objects
    exactly as given (``''`` included); normalising values is the reader's job.
    """
    filled = _filled_rows(rows)
    if not filled:
        return None
    header_cells, data_start, header_i = _locate_header(rows, filled, first_row, first_col,
                                                        merged)
    body = [i for i in filled if i >= data_start]
    picked = _pick(rows, body)
    width = max(len(header_cells), max(map(len, picked), default=0))
    columns = _columns(picked, width)
    own = rows[header_i] if header_i is not None else []
    return _assemble(header_cells, own, columns, body, first_row, first_col, header_i, rows)


def detect_text_table(
    chunks: Iterable[list[list[Any]]], *, first_row: int = 1, first_col: int = 0,
    merged: Sequence[tuple[tuple[int, int], tuple[int, int]]] = (),
) -> DetectedTable | None:
    """:func:`detect_table` for rows streamed in chunks (a CSV file, a workbook sheet).

    The header is searched in the first chunks (until more than :data:`SCAN_ROWS` rows
    hold values); every chunk is then turned into columns and dropped, so the rows of
    the whole file never exist at once. Empty text becomes None and the values of
    columns with few distinct texts (priorities, channels, teams) are shared objects
    (bench/import_tickets.py, 1M rows × 13 columns: the whole import's peak RSS fell
    from ≈ 1.9 GB to ≈ 1.1 GB).
    """
    it = iter(chunks)
    head: list[list[str]] = []
    for chunk in it:
        head += chunk
        if len(_filled_rows(head)) > SCAN_ROWS + 2:
            break
    filled = _filled_rows(head)
    if not filled:
        return None
    header_cells, data_start, header_i = _locate_header(head, filled, first_row, first_col,
                                                        merged)
    own = head[header_i] if header_i is not None else []
    builder = _TextColumns(len(header_cells))
    body: list[int] = []
    offset = 0
    for chunk in chain([head], it):
        picked = [i for i in _filled_rows(chunk) if i + offset >= data_start]
        builder.add(_pick(chunk, picked))
        if picked and picked[-1] - picked[0] + 1 == len(picked):
            body.extend(range(offset + picked[0], offset + picked[-1] + 1))
        else:
            body.extend(i + offset for i in picked)
        offset += len(chunk)
        del chunk, picked
        head = []
    return _finish_text(header_cells, own, builder.columns, body, first_row, header_i,
                        first_col)


def text_table_from_columns(head: list[list[str]], columns: list[list[Any]],
                            body: list[int]) -> DetectedTable:
    """The :func:`detect_text_table` result for a text file whose data rows a column
    parser read already: ``columns`` (full width, None for empty) hold the records
    ``body`` (0-based indices in the file, all holding a value); the header is found
    again in ``head``, the file's first records (as :func:`detect_text_table` found it)."""
    filled = _filled_rows(head)
    header_cells, _, header_i = _locate_header(head, filled, 1, 0, ())
    own = head[header_i] if header_i is not None else []
    return _finish_text(header_cells, own, columns, body, 1, header_i)


def _finish_text(header_cells: list[str], own: Sequence[Any], columns: list[list[Any]],
                 body: list[int], first_row: int, header_i: int | None,
                 first_col: int = 0) -> DetectedTable:
    # the rows the totals and notes rules look at: the first and the last ones
    ends = sorted({0, *range(max(0, len(body) - _TAIL_ROWS), len(body))}) if body else []
    rows = _Rows({body[k]: [c[k] for c in columns] for k in ends})
    return _assemble(header_cells, own, columns, body, first_row, first_col, header_i, rows)


_TAIL_ROWS = 1000  # trailing rows of a streamed table examined for notes and totals
SHARE_MAX = 50_000  # a column with more distinct texts stops sharing its values
_BLANK: dict[Any, None] = {"": None}
_TEXT = {str}


class _Rows(dict[int, list[Any]]):
    """Some rows by index; any other row reads as empty."""

    def __missing__(self, key: int) -> list[Any]:
        return []


class _TextColumns:
    """Columns grown chunk by chunk from rows: ``''`` → None, repeated texts shared (only
    in a chunk of nothing but text: ``1``, ``1.0`` and ``True`` would share a key)."""

    def __init__(self, width: int) -> None:
        self.columns: list[list[str | None]] = [[] for _ in range(width)]
        self._shared: list[dict[Any, Any] | None] = [{"": None} for _ in range(width)]
        self._n = 0

    def add(self, rows: Sequence[list[str]]) -> None:
        """Append ``rows`` (ragged rows are padded, a wider row adds columns)."""
        if not rows:
            return
        width = max(len(self.columns), max(map(len, rows)))
        while len(self.columns) < width:
            self.columns.append([None] * self._n)
            self._shared.append({"": None})
        if set(map(len, rows)) - {width}:
            rows = [r + [""] * (width - len(r)) if len(r) < width else r for r in rows]
        for j, col in enumerate(self.columns):
            values = list(map(itemgetter(j), rows))  # C speed, as _columns
            shared = self._shared[j]
            if shared is None or not set(map(type, values)) <= _TEXT:
                # no hashing unless there is an empty cell to replace
                col += map(_BLANK.get, values, values) if "" in values else values
            else:
                col += map(shared.setdefault, values, values)
                if len(shared) > SHARE_MAX or (
                        self._n + len(rows) >= 10_000 and len(shared) * 4 > self._n + len(rows)):
                    self._shared[j] = None  # ids, times, names: sharing would not pay
        self._n += len(rows)


def _locate_header(
    rows: Sequence[list[Any]], filled: list[int], first_row: int, first_col: int,
    merged: Sequence[tuple[tuple[int, int], tuple[int, int]]],
) -> tuple[list[str], int, int | None]:
    """(header names by column, index of the first data row, index of the header row or
    None) from the first :data:`SCAN_ROWS` filled rows."""
    head = filled[:SCAN_ROWS]
    counts = {i: _count(rows[i]) for i in head}
    widest = max(counts.values())
    header_i = _header_index(rows, head, counts, widest)
    if len(filled) == 1:
        header_i = None  # a lone row is data: a header without rows tells nothing
    if header_i is None:
        return [], filled[0], None
    merged_rel = [((r0 - first_row + 1, c0 - first_col), (r1 - first_row + 1, c1 - first_col))
                  for (r0, c0), (r1, c1) in merged]
    header_cells, data_start = _header_names(rows, header_i, filled, merged_rel)
    return header_cells, data_start, header_i


def _assemble(header_cells: list[str], own_row: Sequence[Any], columns: list[list[Any]],
              body: list[int], first_row: int, first_col: int, header_i: int | None,
              rows: Sequence[list[Any]] | dict[int, list[Any]]) -> DetectedTable:
    """The table from full-width columns: empty columns left out, names made unique,
    totals and notes skipped (``rows[i]`` is row ``i`` of the grid)."""
    width = len(columns)
    own = [not is_empty(v) for v in own_row]
    keep = [j for j in range(width) if (j < len(own) and own[j])
            or any(not is_empty(v) for v in columns[j])]
    if header_i is not None:
        lo = min((j for j in keep if j < len(header_cells) and header_cells[j]), default=0)
        keep = [j for j in keep if j >= lo]
    names = [header_cells[j] if j < len(header_cells) and header_cells[j]
             else f"Column {column_name(first_col + j)}" for j in keep]
    table = DetectedTable(
        headers=_unique(names),
        columns=[columns[j] for j in keep],
        row_numbers=[first_row + i for i in body],
        header_row=None if header_i is None else first_row + header_i,
        source_columns=keep,
    )
    _drop_totals_and_notes(table, rows, body)
    return table


def truncate(table: DetectedTable, n: int) -> None:
    """Keep the first ``n`` data rows (previews); totals found beyond them are forgotten."""
    del table.row_numbers[n:]
    for col in table.columns:
        del col[n:]


def _filled_rows(rows: Sequence[list[Any]]) -> list[int]:
    """Indices of rows with at least one value, in C-level passes (no per-cell Python).

    Rows must be lists; ``''`` and None count as empty (a cell of spaces counts as a value
    here and is dropped later with its column if nothing else is in it).
    """
    truthy = list(map(any, rows))  # C speed; a falsy row may still hold 0 or False
    if all(truthy):
        return list(range(len(rows)))
    out = list(compress(range(len(rows)), truthy))
    zeros = [i for i in compress(range(len(rows)), map(not_, truthy))
             if rows[i].count("") + rows[i].count(None) != len(rows[i])]
    return sorted(out + zeros) if zeros else out


def _count(row: Sequence[Any]) -> int:
    return sum(1 for v in row if not is_empty(v))


def _is_text(v: Any) -> bool:
    return type(v) is str and bool(v.strip()) and not _looks_numeric(v)


def _looks_numeric(v: str) -> bool:
    try:
        float(v.strip().replace(",", ""))
    except ValueError:
        return False
    return True


def _header_index(
    rows: Sequence[list[Any]], head: list[int], counts: dict[int, int], widest: int
) -> int | None:
    """First row wide enough (≥ half the widest row) whose cells are mostly header-like:
    text, or a period heading (a year such as 2024, a date) above plain numbers."""
    for k, i in enumerate(head):
        n = counts[i]
        if widest >= 2 and n < max(2, (widest + 1) // 2):
            continue  # a title, a note or a stray value above the table
        below = rows[head[k + 1]] if k + 1 < len(head) else []
        texts = sum(1 for v in rows[i] if _is_text(v))
        periods = sum(1 for j, v in enumerate(rows[i]) if _is_period(v) and j < len(below)
                      and _is_plain_number(below[j]))
        if texts and texts + periods >= 0.8 * n:
            return i
        return None  # the first wide row holds data: no header row
    return None


def _is_period(v: Any) -> bool:
    """A year (1900-2100, integral) or a date: how wide tables head their period columns."""
    if isinstance(v, (dt.date, dt.datetime)):
        return True
    return type(v) in (int, float) and float(v).is_integer() and 1900 <= v <= 2100


def _is_plain_number(v: Any) -> bool:
    return type(v) in (int, float) and not _is_period(v)


def _header_names(
    rows: Sequence[list[Any]], hi: int, filled: list[int],
    merged: list[tuple[tuple[int, int], tuple[int, int]]],
) -> tuple[list[str], int]:
    """Header names from row ``hi`` (and the row below when merged cells span both).

    Returns the names (by column index) and the index of the first data row.
    """
    top = [clean_header(v) for v in rows[hi]]
    spans = [m for m in merged if m[0][0] <= hi <= m[1][0]]
    for (r0, c0), (_r1, c1) in spans:  # a merged header cell names every column it covers
        if r0 == hi and c1 > c0 and c0 < len(top):
            for j in range(c0 + 1, min(c1 + 1, len(top))):
                top[j] = top[j] or top[c0]
    below = next((i for i in filled if i > hi), None)
    after = next((i for i in filled if below is not None and i > below), None)
    two_rows = below is not None and below == hi + 1 and after is not None and any(
        c1 > c0 and r0 == hi for (r0, c0), (_r1, c1) in spans
    )
    if two_rows and below is not None:
        sub = [clean_header(v) for v in rows[below]]
        if sum(1 for v in rows[below] if _is_text(v)) >= max(1, _count(rows[below]) * 0.8):
            width = max(len(top), len(sub))
            top += [""] * (width - len(top))
            sub += [""] * (width - len(sub))
            pairs = zip(top, sub, strict=True)
            names = [f"{t} / {s}" if t and s and t != s else (s or t) for t, s in pairs]
            return names, below + 1
    return top, hi + 1


def _pick(rows: Sequence[list[Any]], body: list[int]) -> Sequence[list[Any]]:
    """The body rows; a contiguous run is a slice (pointer copy), not a Python loop."""
    if body and body[-1] - body[0] + 1 == len(body):
        return rows[body[0] : body[-1] + 1]
    return [rows[i] for i in body]


def _columns(picked: Sequence[list[Any]], width: int) -> list[list[Any]]:
    """Transpose rows to ``width`` columns, padding ragged rows with None."""
    if set(map(len, picked)) - {width}:
        picked = [r + [None] * (width - len(r)) if len(r) < width else r for r in picked]
    # map(itemgetter) per column: ~2.5x faster than zip(*rows), which builds an
    # iterator per row.
    return [list(map(itemgetter(j), picked)) for j in range(width)]


def _unique(names: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for name in names:
        key = name.casefold()
        if key in seen:
            seen[key] += 1
            candidate = f"{name} ({seen[key]})"
            while candidate.casefold() in seen:
                seen[key] += 1
                candidate = f"{name} ({seen[key]})"
            seen[candidate.casefold()] = 1
            out.append(candidate)
        else:
            seen[key] = 1
            out.append(name)
    return out


def _is_total(row: Sequence[Any]) -> bool:
    texts = [v for v in row if not is_empty(v)]
    if not texts or type(texts[0]) is not str:
        return False
    word = clean_header(texts[0]).casefold().rstrip(":：")
    return word in TOTAL_WORDS


def _drop(table: DetectedTable, index: int, why: str) -> None:
    table.skipped.append((table.row_numbers[index], why))
    del table.row_numbers[index]
    for col in table.columns:
        del col[index]


def _drop_totals_and_notes(
    table: DetectedTable, rows: Sequence[list[Any]] | dict[int, list[Any]], body: list[int]
) -> None:
    """Skip a totals row right under the header or at the end, and trailing notes."""
    if not body:
        return
    if _is_total(rows[body[0]]):
        _drop(table, 0, "totals row")
        body = body[1:]
    # Notes after a blank row at the end: rows holding one lone text cell.
    while len(body) >= 2 and len(table.columns) >= 2:
        last, prev = body[-1], body[-2]
        lone = _count(rows[last]) == 1 and any(_is_text(v) for v in rows[last])
        if not (lone and last - prev > 1):
            break
        _drop(table, len(table.row_numbers) - 1, "note below the table")
        body = body[:-1]
    if body and len(body) > 1 and _is_total(rows[body[-1]]):
        _drop(table, len(table.row_numbers) - 1, "totals row")
