"""Tell what a file really is from its first bytes, whatever its extension says.

:func:`sniff` returns a :class:`Sniffed` kind for files a reader can take, and raises
:class:`ImportRefused` for the rest with a message that names what the file really is
("this file is a PDF document, not a spreadsheet"). It reads at most a few hundred
kilobytes and never decompresses anything big: the zip checks only read
``[Content_Types].xml`` / ``mimetype`` (bounded), the OLE checks scan for stream names.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from importers.limits import DEFAULT_LIMITS, ImportLimits
from importers.table import ImportRefused

_HEAD = 512 * 1024  # bytes read for text and OLE checks
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
# First record of an old (BIFF2-4, no OLE container) workbook: BOF with its version.
_OLD_BIFF = {b"\x09\x00": "BIFF2", b"\x09\x02": "BIFF3", b"\x09\x04": "BIFF4"}
_FOREIGN: list[tuple[bytes, str]] = [
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"BM", "a bitmap image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"RIFF", "a RIFF media file"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\x7fELF", "a program (ELF executable)"),
    (b"MZ", "a Windows program"),
    (b"SQLite format 3", "an SQLite database"),
    (b"{\\rtf", "an RTF document"),
]
_ZIP_KINDS = {
    "spreadsheetml.sheet.main": "xlsx",
    "ms-excel.sheet.macroEnabled.main": "xlsm",
    "spreadsheetml.template.main": "xlsx",
    "ms-excel.template.macroEnabled.main": "xlsm",
    "ms-excel.sheet.binary.macroEnabled.main": "xlsb",
    "wordprocessingml.document": "a Word document (docx)",
    "presentationml.presentation": "a PowerPoint presentation (pptx)",
}


@dataclass(frozen=True)
class Sniffed:
    """What the content says the file is.

    ``kind`` is one of ``xlsx``, ``xlsm``, ``ods``, ``xls`` (BIFF5/8 in OLE),
    ``xls_old`` (BIFF2-4, no container), ``csv`` (any delimited text), ``html``,
    ``spreadsheetml2003``. ``detail`` is a short human note ("BIFF4", "UTF-16 text").
    """

    kind: str
    detail: str = ""


def sniff(path: Path, limits: ImportLimits = DEFAULT_LIMITS) -> Sniffed:
    """Detect the real type of ``path`` from its content.

    Raises :class:`ImportRefused` with ``damaged`` (empty, truncated, corrupt),
    ``password_protected`` (encrypted OOXML or BIFF with FILEPASS) or
    ``not_a_spreadsheet`` (PDF, image, archive, Word file ...).
    """
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(_HEAD)
    except OSError as exc:
        raise ImportRefused(
            "unreadable", path, f"the file cannot be opened ({exc.strerror})"
        ) from exc
    if size == 0:
        raise ImportRefused("damaged", path, "the file is empty (0 bytes)")
    if head.startswith(_ZIP_MAGIC):
        entries = zip_entry_count(path)
        if entries > limits.max_zip_entries:  # before zipfile builds an object per entry
            raise ImportRefused(
                "unsafe", path,
                f"the package holds {entries:,} entries (limit {limits.max_zip_entries:,})",
            )
        return _sniff_zip(path)
    if head.startswith(_OLE_MAGIC):
        return _sniff_ole(path, head, size)
    if head[:2] in _OLD_BIFF and len(head) >= 8 and head[2:4] in (b"\x04\x00", b"\x06\x00"):
        return Sniffed("xls_old", _OLD_BIFF[head[:2]])
    for magic, what in _FOREIGN:
        if head.startswith(magic):
            raise ImportRefused(
                "not_a_spreadsheet", path, f"this file is {what}, not a spreadsheet"
            )
    return _sniff_text(path, head, size)


def zip_entry_count(path: Path) -> int:
    """Entries a zip declares in its end-of-central-directory record (zip64 too), read
    from the file's last 64 KiB; 0 when the record is missing (zipfile then says why)."""
    size = path.stat().st_size
    with path.open("rb") as fh:
        fh.seek(max(0, size - 65_557))
        tail = fh.read()
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) < at + 12:
        return 0
    count = int.from_bytes(tail[at + 10 : at + 12], "little")
    z64 = tail.rfind(b"PK\x06\x06", 0, at)
    if count == 0xFFFF and z64 >= 0 and len(tail) >= z64 + 40:
        count = int.from_bytes(tail[z64 + 32 : z64 + 40], "little")
    return count


def _sniff_zip(path: Path) -> Sniffed:
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            if "mimetype" in names:
                mime = _read_small(zf, "mimetype").decode("ascii", "replace").strip()
                if mime == "application/vnd.oasis.opendocument.spreadsheet":
                    return Sniffed("ods")
                raise ImportRefused(
                    "not_a_spreadsheet", path,
                    f"this file is an OpenDocument file of type {mime!r}, not a spreadsheet",
                )
            if "[Content_Types].xml" not in names:
                raise ImportRefused(
                    "not_a_spreadsheet", path, "this file is a zip archive, not a spreadsheet"
                )
            types = _read_small(zf, "[Content_Types].xml").decode("utf-8", "replace")
    except zipfile.BadZipFile as exc:
        raise ImportRefused(
            "damaged", path, f"the file is damaged: its zip structure is broken ({exc})"
        ) from exc
    for marker, kind in _ZIP_KINDS.items():
        if marker in types:
            if kind == "xlsb":
                raise ImportRefused(
                    "unreadable", path,
                    "this is an Excel binary workbook (.xlsb); save it as .xlsx and import again",
                )
            if " " in kind:
                raise ImportRefused(
                    "not_a_spreadsheet", path, f"this file is {kind}, not a spreadsheet"
                )
            return Sniffed(kind)
    if "/xl/workbook.xml" in types or "xl/workbook.xml" in names:
        return Sniffed("xlsx", "unusual content types")
    raise ImportRefused(
        "not_a_spreadsheet", path, "this file is an Office package without a workbook"
    )


def _read_small(zf: zipfile.ZipFile, name: str, limit: int = 1024 * 1024) -> bytes:
    """Read at most ``limit`` bytes of a small zip member (never a bomb)."""
    with zf.open(name) as fh:
        return fh.read(limit)


def _sniff_ole(path: Path, head: bytes, size: int) -> Sniffed:
    if size < 1024:
        raise ImportRefused("damaged", path, f"the file is damaged: truncated ({size} bytes)")
    data = path.read_bytes() if size <= 64 * 1024 * 1024 else head
    if _stream(data, "EncryptedPackage") or _stream(data, "EncryptionInfo"):
        raise ImportRefused(
            "password_protected", path,
            "the workbook is password protected; remove the password in Excel and import again",
        )
    if _biff_filepass(data):
        raise ImportRefused(
            "password_protected", path,
            "the .xls workbook is password protected (encrypted); remove the password and "
            "import again",
        )
    if _stream(data, "Workbook") or _stream(data, "Book"):
        return Sniffed("xls", "BIFF5/8")
    for stream, what in (("WordDocument", "a Word document (.doc)"),
                         ("PowerPoint Document", "a PowerPoint presentation (.ppt)")):
        if _stream(data, stream):
            raise ImportRefused(
                "not_a_spreadsheet", path, f"this file is {what}, not a spreadsheet"
            )
    raise ImportRefused(
        "not_a_spreadsheet", path, "this file is an OLE compound document without a workbook"
    )


def _stream(data: bytes, name: str) -> bool:
    """True when an OLE directory entry called ``name`` appears in ``data`` (UTF-16 names)."""
    return (name + "\0").encode("utf-16-le") in data


# BIFF5/8 BOF record (0x0809, 8 or 16 bytes) followed directly by FILEPASS (0x002F).
_FILEPASS = re.compile(rb"\x09\x08(\x08|\x10)\x00")


def _biff_filepass(data: bytes) -> bool:
    """True when a BIFF globals BOF is followed by a FILEPASS record (encrypted .xls)."""
    for m in _FILEPASS.finditer(data):
        pos = m.end() + data[m.start() + 2]
        for _ in range(8):  # FILEPASS comes within the first records (after WRITEPROT ...)
            rec, length = data[pos : pos + 2], int.from_bytes(data[pos + 2 : pos + 4], "little")
            if rec == b"\x2f\x00":
                return True
            if len(rec) < 2 or rec in (b"\x0a\x00", b"\x09\x08"):  # EOF / next BOF
                break
            pos += 4 + length
    return False


def _sniff_text(path: Path, head: bytes, size: int) -> Sniffed:
    """Classify text: HTML, SpreadsheetML 2003, delimited text, or damaged binary."""
    text = _decode_head(head)
    if text is None:
        raise ImportRefused(
            "not_a_spreadsheet", path,
            "this file is binary data of an unknown kind, not a spreadsheet",
        )
    lowered = text[:4096].lstrip("\ufeff \t\r\n").lower()
    if lowered.startswith("<?xml") or lowered.startswith("<workbook"):
        if "urn:schemas-microsoft-com:office:spreadsheet" in text[:8192]:
            return Sniffed("spreadsheetml2003")
        raise ImportRefused(
            "not_a_spreadsheet", path, "this file is an XML document, not a spreadsheet"
        )
    if lowered.startswith(("<!doctype html", "<html", "<table", "<meta", "<head", "<body")) or (
        "<html" in lowered[:1024] or "<table" in lowered[:4096]
    ):
        return Sniffed("html")
    suffix = path.suffix.lower()
    lines = [ln for ln in re.split(r"\r\n|\r|\n", text[:65536]) if ln.strip()]
    one_cell = len(lines) <= 1 and not any(d in text[:65536] for d in ",;\t|")
    if suffix in (".xls", ".xlsx", ".xlsm", ".ods") and one_cell:
        raise ImportRefused(
            "damaged", path,
            f"the file is damaged: it holds {size} bytes of plain text, not a {suffix} workbook",
        )
    detail = "UTF-16 text" if head[:2] in (b"\xff\xfe", b"\xfe\xff") else "text"
    return Sniffed("csv", detail)


def _decode_head(head: bytes) -> str | None:
    """Decode the head for sniffing, or None when it looks binary."""
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return head.decode("utf-16", "replace")
    sample = head[:65536]
    if sample.count(b"\x00") > len(sample) * 3 // 10:
        return None  # a few NULs are stripped by the CSV reader; many mean binary
    ctrl = sum(sample.count(bytes([c])) for c in range(1, 32) if c not in (9, 10, 12, 13))
    if ctrl > len(sample) // 20:
        return None
    for enc in ("utf-8-sig", "gb18030"):
        try:
            return sample.decode(enc)
        except UnicodeDecodeError as exc:
            if exc.start > len(sample) - 4:  # cut mid-character at the sample end
                return sample[: exc.start].decode(enc, "replace")
    return sample.decode("latin-1")
