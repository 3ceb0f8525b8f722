"""Pre-checks on an untrusted zip package before any parser touches it.

Native parsers trust what a package says: python-calamine 0.9.1 allocates the whole
used rectangle densely (one cell at ``XFD1048576`` aborts the process) and inflates a
zip bomb into gigabytes. So we look first, streaming and bounded:

* :func:`check_package` — entry count, total/per-part uncompressed size, compression
  ratio, and ``<!DOCTYPE``/``<!ENTITY`` in the first bytes of every XML part
  (entity expansion, external entities).
* :func:`scan_worksheet` — the *real* used range of one xlsx worksheet from its cell
  references (never ``<dimension>``), plus the facts calamine hides: formulas without a
  cached value and error cells (``t="e"``).

Everything raises :class:`ImportRefused` (``too_large``, ``unsafe``, ``damaged``).
Memory stays around two chunks (16 MiB each) whatever the part size.
"""

from __future__ import annotations

import functools
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from importers.limits import ImportLimits
from importers.table import ImportRefused
from models.progress import Progress

CHUNK = 16 * 1024 * 1024  # bytes of inflated XML scanned at a time
MAX_REPORTED = 10_000  # formula/error cells remembered per sheet
_ROOT = re.compile(rb"<[A-Za-z_]")
_DTD = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)


@dataclass
class SheetScan:
    """What streaming one worksheet part found. Rows/columns are 1-based."""

    part: str
    max_row: int = 0
    max_col: int = 0
    formulas_without_value: list[tuple[int, int]] = field(default_factory=list)
    errors: list[tuple[int, int, str]] = field(default_factory=list)
    slow: bool = False  # rows/cells without ``r``: every tag is walked


def col_number(letters: bytes | str) -> int:
    """``"A"`` → 1, ``"XFD"`` → 16384."""
    n = 0
    for ch in letters.encode() if isinstance(letters, str) else letters:
        n = n * 26 + (ch - 64)
    return n


def col_letters(n: int) -> str:
    """1 → ``"A"``, 512 → ``"SR"``."""
    out = ""
    while n > 0:
        n, rem = divmod(n - 1, 26)
        out = chr(65 + rem) + out
    return out


def check_package(path: Path, limits: ImportLimits) -> None:
    """Refuse zip bombs, oversized packages and XML parts that declare a DTD."""
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            if len(infos) > limits.max_zip_entries:
                raise ImportRefused(
                    "unsafe", path,
                    f"the package holds {len(infos):,} entries (limit {limits.max_zip_entries:,})",
                )
            total = 0
            for info in infos:
                _check_entry(path, info, limits)
                total += info.file_size
                if total > limits.max_total_uncompressed:
                    raise ImportRefused(
                        "too_large", path,
                        f"the package would inflate to more than "
                        f"{limits.max_total_uncompressed / 2**30:.1f} GiB",
                    )
            for info in infos:
                if info.filename.endswith((".xml", ".rels", ".vml")) or info.filename in (
                    "[Content_Types].xml",
                ):
                    _check_prolog(path, zf, info, limits)
    except zipfile.BadZipFile as exc:
        raise ImportRefused("damaged", path, f"the file is damaged ({exc})") from exc
    except (EOFError, zipfile.LargeZipFile, NotImplementedError, OSError) as exc:
        raise ImportRefused("damaged", path, f"the file is damaged or truncated ({exc})") from exc


def _check_entry(path: Path, info: zipfile.ZipInfo, limits: ImportLimits) -> None:
    if info.file_size > limits.max_part_uncompressed:
        raise ImportRefused(
            "too_large", path,
            f"part {info.filename} inflates to {info.file_size / 2**20:,.0f} MiB "
            f"(limit {limits.max_part_uncompressed / 2**20:,.0f} MiB)",
        )
    if info.file_size > limits.ratio_floor:
        ratio = info.file_size / max(info.compress_size, 1)
        if ratio > limits.max_compression_ratio:
            raise ImportRefused(
                "unsafe", path,
                f"part {info.filename} is compressed {ratio:,.0f}:1 "
                f"(limit {limits.max_compression_ratio:,.0f}:1); this looks like a zip bomb",
            )


def _check_prolog(
    path: Path, zf: zipfile.ZipFile, info: zipfile.ZipInfo, lim: ImportLimits
) -> None:
    """Refuse a DTD; it can only sit before the root element, so the head suffices —
    unless the prolog is longer than the head (padding to hide it), which is refused too."""
    with zf.open(info) as fh:
        head = fh.read(lim.xml_prolog_scan)
    if head[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in head[:4]:
        head = head.decode("utf-16", "replace").encode("utf-8")  # UTF-16 XML
    if not _ROOT.search(head) and info.file_size > lim.xml_prolog_scan:
        raise ImportRefused(
            "unsafe", path,
            f"part {info.filename} has no root element in its first "
            f"{lim.xml_prolog_scan // 1024} KiB; a padded prolog may hide a DTD",
        )
    if _DTD.search(head):
        raise ImportRefused(
            "unsafe", path,
            f"part {info.filename} declares a DTD or entities (<!DOCTYPE/<!ENTITY>); "
            "spreadsheets never need one and it can expand without bound",
        )


def iter_part(zf: zipfile.ZipFile, name: str, limit: int) -> _Chunks:
    """Inflate ``name`` in chunks, never more than ``limit`` bytes in total."""
    return _Chunks(zf, name, limit)


class _Chunks:
    def __init__(self, zf: zipfile.ZipFile, name: str, limit: int) -> None:
        self.zf, self.name, self.limit = zf, name, limit

    def __iter__(self) -> Iterator[bytes]:
        seen = 0
        with self.zf.open(self.name) as fh:
            while True:
                block = fh.read(CHUNK)
                if not block:
                    return
                seen += len(block)
                if seen > self.limit:
                    raise ImportRefused(
                        "too_large", self.zf.filename or "", f"part {self.name} is too large"
                    )
                yield block


def _patterns(prefix: bytes) -> dict[str, re.Pattern[bytes]]:
    p = re.escape(prefix)
    return {
        "anomaly": re.compile(rb"<" + p + rb"(?:c|row)(?:>|\s(?!r=))"),
        "tag": re.compile(rb"<" + p + rb"(c|row)\b([^>]*)>"),
        "row_r": re.compile(rb"<" + p + rb"row\b[^>]*?\sr=[\"'](\d+)"),
        "formula": re.compile(
            rb"<" + p + rb"c\b([^>]*)>\s*(?:<" + p + rb"f\b[^>]*/>|<" + p + rb"f\b[^>]*>[^<]*</"
            + p + rb"f>)\s*(<" + p + rb"v\s*/>|<" + p + rb"v>\s*</" + p + rb"v>)?\s*</" + p
            + rb"c>"
        ),
        "error": re.compile(
            rb"<" + p + rb"c\b([^>]*\bt=[\"']e[\"'][^>]*)>.*?<" + p + rb"v>([^<]*)<", re.DOTALL
        ),
    }


_REF = re.compile(rb"\br=[\"']([A-Z]+)(\d+)[\"']")
_STR_TYPE = re.compile(rb"\bt=[\"']str[\"']")
_ROW_R = re.compile(rb"\br=[\"'](\d+)[\"']")
_PREFIX = re.compile(rb"<(\w+:)?sheetData\b")


def scan_worksheet(
    path: Path, zf: zipfile.ZipFile, part: str, limits: ImportLimits,
    progress: Progress | None = None,
) -> SheetScan:
    """Stream one worksheet part: real used range, formulas without value, error cells.

    Refuses (``too_large``) a cell beyond ``limits.max_rows``/``max_columns`` or a used
    rectangle over ``limits.max_cells``. Cost: one inflate plus a few C-level substring
    scans per 16 MiB chunk; regex matches only for the rare wide/far/formula cells.
    ``progress`` gets (inflated bytes, part size, "checking") per chunk and may cancel.
    """
    scan = SheetScan(part)
    pat: dict[str, re.Pattern[bytes]] | None = None
    prefix = b""
    carry = b""
    first = True
    size, done = zf.getinfo(part).file_size, 0
    for block in iter_part(zf, part, limits.max_part_uncompressed):
        data = carry + block
        if pat is None:
            m = _PREFIX.search(data)
            prefix = (m.group(1) or b"") if m else b""
            pat = _patterns(prefix)
        cut = data.rfind(b"</" + prefix + b"row>")
        if cut < 0:
            cut = data.rfind(b">")
        if cut < 0 or len(data) - cut > 4 * CHUNK:
            cut = len(data) - 1
        chunk, carry = data[: cut + 1], data[cut + 1 :]
        _scan_chunk(path, chunk, pat, prefix, scan, limits, first)
        first = False
        done += len(block)
        if progress is not None:
            progress.update(done, size, "checking")
            progress.check()
    if carry.strip() and pat is not None:
        _scan_chunk(path, carry, pat, prefix, scan, limits, first)
    if scan.max_row * scan.max_col > limits.max_cells:
        raise ImportRefused(
            "too_large", path,
            f"the sheet uses {scan.max_row:,} rows × {scan.max_col:,} columns "
            f"({scan.max_row * scan.max_col:,} cells, limit {limits.max_cells:,})",
        )
    return scan


def _scan_chunk(
    path: Path, chunk: bytes, pat: dict[str, re.Pattern[bytes]], prefix: bytes,
    scan: SheetScan, limits: ImportLimits, first: bool,
) -> None:
    """Update ``scan`` from one chunk that ends at an element boundary."""
    if scan.slow or (first and pat["anomaly"].search(chunk)):
        # Writers are consistent, so the first chunk decides; a hostile file that drops
        # ``r`` only later is stopped by the child's memory cap (sandbox.py) instead.
        scan.slow = True
        _scan_slow(path, chunk, pat, scan, limits)
    else:
        last = chunk.rfind(b"<" + prefix + b"row ")
        if last >= 0 and (m := pat["row_r"].match(chunk, last)):
            scan.max_row = max(scan.max_row, int(m.group(1)))
        _scan_refs(path, chunk, prefix, scan, limits)
    if scan.max_row > limits.max_rows or scan.max_col > limits.max_columns:
        raise _beyond(path, f"row {scan.max_row}, column {scan.max_col}".encode(), limits)
    if b"<" + prefix + b"f" in chunk and len(scan.formulas_without_value) < MAX_REPORTED:
        for m in pat["formula"].finditer(chunk):
            ref = _REF.search(m.group(1))
            if m.group(2) and _STR_TYPE.search(m.group(1)):
                continue  # an empty <v/> on a text formula is a cached "" (Excel writes it)
            if ref and len(scan.formulas_without_value) < MAX_REPORTED:
                scan.formulas_without_value.append((int(ref.group(2)), col_number(ref.group(1))))
    if (b't="e"' in chunk or b"t='e'" in chunk) and len(scan.errors) < MAX_REPORTED:
        for m in pat["error"].finditer(chunk):
            ref = _REF.search(m.group(1))
            if ref and len(scan.errors) < MAX_REPORTED:
                text = m.group(2).decode("utf-8", "replace")
                scan.errors.append((int(ref.group(2)), col_number(ref.group(1)), text))


def _scan_refs(
    path: Path, chunk: bytes, prefix: bytes, scan: SheetScan, limits: ImportLimits
) -> None:
    """Fast path: every row and cell carries ``r``; look only at refs beyond the maxima.

    One regex per quote style finds refs right of the widest column or below the row
    limit; each pattern starts with the literal `` r="`` so the engine skips ahead at
    memchr speed, and Python looks only at those few matches. Empty cells (``<c .../>``,
    styled but valueless, as Gnumeric writes to ``XFD1048576``) do not count: calamine
    skips them too.
    """
    close = b"</" + prefix + b"c>"
    open_tag = b"<" + prefix + b"c "
    for q in (b'"', b"'"):
        lead = b" r=" + q
        if q == b"'" and lead not in chunk:
            continue
        if not _far_refs(lead, q, scan.max_col, limits.max_rows, quick=True).search(chunk):
            continue  # the usual chunk: nothing right of the widest column, no 7-digit row
        pos, rx = 0, _far_refs(lead, q, scan.max_col, limits.max_rows)
        while m := rx.search(chunk, pos):
            pos = m.end()
            gt = chunk.find(b">", pos)
            if gt < 0 or chunk[gt - 1] == 47 or chunk.startswith(close, gt + 1):  # 47 = "/"
                continue
            lt = chunk.rfind(b"<", 0, m.start())
            if not chunk.startswith(open_tag, lt) or b">" in chunk[lt : m.start()]:
                continue  # ' r="XFD1"' inside some text, not a cell reference
            col, row = col_number(m.group(1)), int(m.group(2))
            if col > limits.max_columns or row > limits.max_rows:
                raise _beyond(path, f"cell {m.group(1).decode()}{row}".encode(), limits)
            scan.max_col = max(scan.max_col, col)
            rx = _far_refs(lead, q, scan.max_col, limits.max_rows)


@functools.lru_cache(maxsize=64)
def _far_refs(
    lead: bytes, q: bytes, max_col: int, max_rows: int, quick: bool = False
) -> re.Pattern[bytes]:
    """Regex for refs ``lead`` + LETTERS DIGITS + ``q`` with column > max_col or row > max_rows.

    ``quick``: a looser, twice as fast pre-filter (rows with as many digits as the limit);
    only chunks it matches get the exact pattern.
    """
    letters = col_letters(max_col) if max_col else ""
    cols = rb"[A-Z]{%d,}" % (len(letters) + 1)
    for i, ch in enumerate(letters):
        if ch != "Z":
            rest = len(letters) - i - 1
            cols += rb"|%s[%s-Z][A-Z]{%d}" % (letters[:i].encode(), chr(ord(ch) + 1).encode(), rest)
    digits = str(max_rows)
    if quick:
        return re.compile(re.escape(lead) + rb"(?:%s|[A-Z]+\d{%d})" % (cols, len(digits)))
    rows = rb"[1-9]\d{%d,}" % len(digits)
    for i, ch in enumerate(digits):
        if ch != "9":
            rest = len(digits) - i - 1
            lo = chr(ord(ch) + 1)
            rows += rb"|%s[%s-9]\d{%d}" % (digits[:i].encode(), lo.encode(), rest)
    ahead = rb"(?=(?:%s)\d|[A-Z]+(?:%s)%s)" % (cols, rows, q)
    return re.compile(re.escape(lead) + ahead + rb"([A-Z]+)(\d+)" + q)


def _scan_slow(
    path: Path, chunk: bytes, pat: dict[str, re.Pattern[bytes]], scan: SheetScan,
    limits: ImportLimits,
) -> None:
    """Exact path for rows/cells without ``r`` (or with ``r`` not first): walk each tag.

    A cell without a reference sits right of its left neighbour, a row without one below
    the previous row, which is how parsers place them.
    """
    row, col = scan.max_row, 0
    for m in pat["tag"].finditer(chunk):
        is_row, attrs = m.group(1) == b"row", m.group(2)
        ref = _ROW_R.search(attrs) if is_row else _REF.search(attrs)
        if is_row:
            row = int(ref.group(1)) if ref else row + 1
            col = 0
            if row > limits.max_rows:
                raise _beyond(path, f"row {row}".encode(), limits)
        else:
            col = col_number(ref.group(1)) if ref else col + 1
            if ref:
                row = max(row, int(ref.group(2)))
            if col > limits.max_columns or row > limits.max_rows:
                raise _beyond(path, f"row {row}, column {col}".encode(), limits)
            scan.max_col = max(scan.max_col, col)
        scan.max_row = max(scan.max_row, row)


def _beyond(path: Path, what: bytes, limits: ImportLimits) -> ImportRefused:
    return ImportRefused(
        "too_large", path,
        f"a cell lies beyond the allowed grid ({what.decode('ascii', 'replace').strip()}; "
        f"limit {limits.max_rows:,} rows × {limits.max_columns:,} columns)",
    )


def xlsx_sheet_parts(path: Path, zf: zipfile.ZipFile) -> dict[str, str]:
    """Map each sheet name of an xlsx package to its part (``xl/worksheets/sheet1.xml``).

    Parsed with defusedxml (DTDs already refused by :func:`check_package`), bounded to
    16 MiB per part. Chartsheets map to their ``xl/chartsheets/...`` part. Works for
    Strict OOXML namespaces too, since only local names are compared.
    """
    from defusedxml import ElementTree

    def local(tag: str) -> str:
        return tag.rsplit("}", 1)[-1]

    def load(name: str) -> Any:
        with zf.open(name) as fh:
            return ElementTree.fromstring(fh.read(16 * 1024 * 1024))

    names = set(zf.namelist())
    wb_part = next((n for n in ("xl/workbook.xml", "xl/Workbook.xml") if n in names), None)
    if wb_part is None:
        return {}
    try:
        rels = {}
        rel_part = "xl/_rels/" + wb_part.rsplit("/", 1)[1] + ".rels"
        if rel_part in names:
            for rel in load(rel_part):
                target = rel.get("Target", "")
                target = target.lstrip("/") if target.startswith("/") else "xl/" + target
                rels[rel.get("Id")] = target
        out: dict[str, str] = {}
        for el in load(wb_part).iter():
            if local(el.tag) == "sheet":
                rid = next((v for k, v in el.attrib.items() if local(k) == "id"), None)
                if rid in rels:
                    out[el.get("name", "")] = rels[rid]
        return out
    except ElementTree.ParseError as exc:
        raise ImportRefused("damaged", path, f"the workbook part is damaged ({exc})") from exc


_ODS_REPEAT = re.compile(rb"number-(rows|columns)-repeated=[\"'](\d{4,})[\"']")


def scan_ods(path: Path, zf: zipfile.ZipFile, limits: ImportLimits) -> None:
    """Refuse ODS cells or rows that repeat beyond the grid while holding a value.

    LibreOffice writes ``number-rows-repeated="1048000"`` for the empty tail of a sheet;
    that is harmless. A repeated cell *with* a value (``office:value-type`` or text)
    would be expanded densely by the parser, so it counts against the limits.
    """
    if "content.xml" not in zf.namelist():
        raise ImportRefused("damaged", path, "the OpenDocument file has no content.xml")
    for block in iter_part(zf, "content.xml", limits.max_part_uncompressed):
        for m in _ODS_REPEAT.finditer(block):
            n = int(m.group(2))
            start = block.rfind(b"<", 0, m.start())
            end = block.find(b">", m.end())
            tag = block[start : end + 1]
            if m.group(1) == b"columns":
                holds = b"value-type" in tag or not tag.endswith(b"/>")
                if holds and n > limits.max_columns:
                    raise ImportRefused(
                        "too_large", path,
                        f"a cell repeats across {n:,} columns (limit {limits.max_columns:,})",
                    )
            else:
                close = block.find(b"table-row>", end)
                body = block[end : close if close > 0 else end + CHUNK // 16]
                if b"value-type" in body and n > limits.max_rows:
                    raise ImportRefused(
                        "too_large", path,
                        f"a row with values repeats {n:,} times (limit {limits.max_rows:,})",
                    )
