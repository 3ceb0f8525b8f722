"""Helpers for the reader tests: hand-built xlsx packages (raw XML, so hostile shapes are
possible) and a guard that each hostile read stays bounded."""

from __future__ import annotations

import zipfile
from pathlib import Path

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    'package/2006/content-types"><Default Extension="rels" ContentType="application/'
    'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
    '"application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName='
    '"/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
    'spreadsheetml.worksheet+xml"/></Types>'
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats'
    '.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
    'openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>'
)
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/'
    'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats'
    '.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
    'openxmlformats.org/officeDocument/2006/relationships/worksheet" '
    'Target="worksheets/sheet1.xml"/></Relationships>'
)
SHEET_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
    'spreadsheetml/2006/main">'
)


def inline(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def number(ref: str, value: float) -> str:
    return f'<c r="{ref}"><v>{value}</v></c>'


def write_xlsx(path: Path, sheet_data: str | bytes, *, prolog: str = "",
               extra: dict[str, bytes] | None = None) -> Path:
    """A minimal xlsx whose only sheet holds ``sheet_data`` (the ``<sheetData>`` body)."""
    body = sheet_data.encode() if isinstance(sheet_data, str) else sheet_data
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        zf.writestr("_rels/.rels", ROOT_RELS)
        zf.writestr("xl/workbook.xml", WORKBOOK)
        zf.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        head = (prolog + SHEET_HEAD.split("?>", 1)[1]) if prolog else SHEET_HEAD
        zf.writestr("xl/worksheets/sheet1.xml",
                    head.encode() + b"<sheetData>" + body + b"</sheetData></worksheet>")
        for name, data in (extra or {}).items():
            zf.writestr(name, data)
    return path


def simple_rows(n: int) -> str:
    """Header ``id, name`` and ``n`` data rows."""
    rows = ['<row r="1">' + inline("A1", "id") + inline("B1", "name") + "</row>"]
    for i in range(2, n + 2):
        cells = number(f"A{i}", 1000 + i) + inline(f"B{i}", f"n{i}")
        rows.append(f'<row r="{i}">{cells}</row>')
    return "".join(rows)
