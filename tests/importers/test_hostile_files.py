"""A hostile corpus built here: each file is refused or read correctly, in bounded time and
memory (read in the sandbox with a 1 GiB cap; its peak RSS is measured), and this test
process stays alive."""

from __future__ import annotations

import random
import string
import time
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from importers.limits import ImportLimits
from importers.reader import read_table
from importers.sandbox import run_isolated
from importers.table import ImportRefused, RawTable
from tests.importers.conftest import inline, number, simple_rows, write_xlsx

CAPPED = ImportLimits(child_memory_mb=1024, timeout_s=30)
BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">'
              for i in range(1, 10))
    + "]>"
)
XXE = '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'


def isolated(
    path: Path, limits: ImportLimits = CAPPED
) -> tuple[RawTable | ImportRefused, dict[str, Any]]:
    """Read ``path`` in the capped child; return the table or the refusal, and the report."""
    report: dict[str, Any] = {}
    start = time.monotonic()
    try:
        outcome: RawTable | ImportRefused = run_isolated(read_table, path, limits=limits,
                                                         report=report)
    except ImportRefused as exc:
        outcome = exc
    report["elapsed"] = time.monotonic() - start
    assert report["elapsed"] < 10, report
    if "peak_rss_mb" in report:
        assert report["peak_rss_mb"] < 1024, report
    return outcome, report


def refused(path: Path, code: str, limits: ImportLimits = CAPPED) -> ImportRefused:
    outcome, _ = isolated(path, limits)
    assert isinstance(outcome, ImportRefused), outcome
    assert outcome.code == code, outcome
    assert str(path) in str(outcome)
    return outcome


def test_zip_bomb_is_refused_before_inflating(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xlsx"
    write_xlsx(path, simple_rows(2))
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as zf, \
            zf.open("xl/worksheets/sheet2.xml", "w", force_zip64=True) as fh:
        block = b"<row><c><v>1</v></c></row>" * 40_000  # ~1 MiB
        for _ in range(300):  # ~300 MiB of XML, ~0.3 MiB compressed
            fh.write(block)
    err = refused(path, "unsafe")
    assert "zip bomb" in err.message


def test_package_over_the_total_size_is_refused(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "big.xlsx", simple_rows(20_000))
    err = refused(path, "too_large", ImportLimits(max_total_uncompressed=200_000))
    assert "inflate" in err.message


@pytest.mark.parametrize(
    ("ref", "row"),
    [("XFD1048576", 1048576), ("XFE1", 1), ("A1048577", 1048577), ("SS2", 2)],
)
def test_far_and_beyond_grid_cells_are_refused(tmp_path: Path, ref: str, row: int) -> None:
    body = simple_rows(2) + f'<row r="{row}">{number(ref, 1)}</row>'
    path = write_xlsx(tmp_path / "far.xlsx", body)
    err = refused(path, "too_large")
    assert "beyond the allowed grid" in err.message


def test_far_empty_styled_cells_are_harmless(tmp_path: Path) -> None:
    body = simple_rows(2) + '<row r="1048576"><c r="XFD1048576" s="0"/></row>'
    outcome, report = isolated(write_xlsx(tmp_path / "styled.xlsx", body))
    assert isinstance(outcome, RawTable)
    assert outcome.column("id") == [1002, 1003]
    assert report["peak_rss_mb"] < 300, report


@pytest.mark.parametrize("prolog", [BILLION_LAUGHS, XXE], ids=["billion_laughs", "xxe"])
def test_dtds_are_refused_in_any_part(tmp_path: Path, prolog: str) -> None:
    sheet = write_xlsx(tmp_path / "sheet.xlsx", inline("A1", "&lol9;"), prolog=prolog)
    assert "DTD" in refused(sheet, "unsafe").message
    strings = write_xlsx(tmp_path / "sst.xlsx", simple_rows(2),
                         extra={"xl/sharedStrings.xml": (prolog + "<sst/>").encode()})
    refused(strings, "unsafe")


def test_truncated_xlsx_is_damaged(tmp_path: Path) -> None:
    good = write_xlsx(tmp_path / "good.xlsx", simple_rows(500))
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(good.read_bytes()[:-300])  # the central directory is gone
    refused(cut, "damaged")


def test_encrypted_package_is_password_protected(tmp_path: Path) -> None:
    path = tmp_path / "secret.xlsx"
    names = b"".join(n.encode("utf-16-le") + b"\0\0" + b"\0" * 40 for n in
                     ("Root Entry", "EncryptionInfo", "EncryptedPackage"))
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + names + b"\0" * 2048)
    assert "password" in refused(path, "password_protected").message


def test_html_saved_as_xls_is_read(tmp_path: Path) -> None:
    path = tmp_path / "export.xls"
    path.write_text("<html><head><meta charset='utf-8'></head><body><table>"
                    "<tr><th>工单号</th><th>状态</th></tr><tr><td>1001</td><td>已解决</td></tr>"
                    "<tr><td>1002</td><td>处理中<br>待回访</td></tr></table></body></html>",
                    encoding="utf-8")
    outcome, _ = isolated(path)
    assert isinstance(outcome, RawTable)
    assert outcome.file_type == "html"
    assert outcome.headers == ["工单号", "状态"]
    assert outcome.column("工单号") == ["1001", "1002"]
    assert outcome.column("状态")[1] == "处理中\n待回访"


def test_csv_named_xlsx_is_read(tmp_path: Path) -> None:
    path = tmp_path / "tickets.xlsx"
    path.write_text("id;name\n1;a\n2;b\n", encoding="utf-8")
    outcome, _ = isolated(path)
    assert isinstance(outcome, RawTable)
    assert (outcome.file_type, outcome.delimiter) == ("csv", ";")
    assert outcome.column("name") == ["a", "b"]


def test_megabyte_cell_is_emptied_with_a_warning(tmp_path: Path) -> None:
    big = "".join(random.Random(1).choices(string.ascii_letters, k=1_048_576))  # no bomb
    body = simple_rows(1) + f'<row r="3">{number("A3", 7)}{inline("B3", big)}</row>'
    outcome, _ = isolated(write_xlsx(tmp_path / "bigcell.xlsx", body))
    assert isinstance(outcome, RawTable)
    assert outcome.column("name") == ["n2", None]
    [warning] = outcome.warnings
    assert warning.row == 3
    assert "1,048,576 characters" in warning.reason
    csv_path = tmp_path / "bigcell.csv"
    csv_path.write_text(f"id,name\n1,{big}\n", encoding="utf-8")
    outcome, _ = isolated(csv_path)
    assert isinstance(outcome, RawTable)
    assert outcome.column("name") == [None]


def test_formula_without_cached_value(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["id", "sum"])
    ws["A2"] = 1
    ws["B2"] = "=1+1"
    path = tmp_path / "formula.xlsx"
    wb.save(path)
    outcome, _ = isolated(path)
    assert isinstance(outcome, RawTable)
    assert outcome.column("sum") == [None]
    assert "formula without a saved result" in outcome.warnings[0].reason


def test_nul_bytes_in_csv(tmp_path: Path) -> None:
    path = tmp_path / "nul.csv"
    path.write_bytes(b"id,name\n1,a\x00b\n2,\x00\x00\n")
    outcome, _ = isolated(path)
    assert isinstance(outcome, RawTable)
    assert outcome.column("name") == ["ab", None]
    assert [w.row for w in outcome.warnings] == [2, 3]


def test_cells_without_references_are_bounded(tmp_path: Path) -> None:
    wide = "<row>" + "<c><v>1</v></c>" * 600 + "</row>"  # no r: placed left to right
    path = write_xlsx(tmp_path / "wide.xlsx", wide)
    assert "beyond the allowed grid" in refused(path, "too_large").message


def test_dtd_hidden_behind_a_long_prolog_or_in_utf16(tmp_path: Path) -> None:
    padded = '<?xml version="1.0"?>' + "<!-- pad -->" * 8000 + XXE.split("?>", 1)[1]
    path = write_xlsx(tmp_path / "padded.xlsx", simple_rows(2), prolog=padded)
    assert "root element" in refused(path, "unsafe").message
    utf16 = (XXE + "<sst/>").replace('<?xml version="1.0"?>',
                                     '<?xml version="1.0" encoding="UTF-16"?>')
    path = write_xlsx(tmp_path / "utf16.xlsx", simple_rows(2),
                      extra={"xl/sharedStrings.xml": utf16.encode("utf-16")})
    assert "DTD" in refused(path, "unsafe").message


def ods(path: Path, rows: str) -> Path:
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        '<office:body><office:spreadsheet><table:table table:name="S">'
        f"{rows}</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        zf.writestr("META-INF/manifest.xml",
                    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest='
                    '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry '
                    'manifest:full-path="/" manifest:media-type="application/vnd.oasis.'
                    'opendocument.spreadsheet"/></manifest:manifest>')
    return path


def cell(text: str, repeat: int = 1) -> str:
    rep = f' table:number-columns-repeated="{repeat}"' if repeat > 1 else ""
    return (f'<table:table-cell office:value-type="string"{rep}><text:p>{text}</text:p>'
            "</table:table-cell>")


def test_ods_repeated_cells_with_values_are_bounded(tmp_path: Path) -> None:
    header = f"<table:table-row>{cell('id')}{cell('name')}</table:table-row>"
    wide = f"<table:table-row>{cell('1')}{cell('x', 16_000)}</table:table-row>"
    assert "repeats across 16,000 columns" in refused(ods(tmp_path / "w.ods", header + wide),
                                                      "too_large").message
    tall = (f'<table:table-row table:number-rows-repeated="2000000">{cell("1")}{cell("x")}'
            "</table:table-row>")
    refused(ods(tmp_path / "t.ods", header + tall), "too_large")
    tail = ('<table:table-row table:number-rows-repeated="1048000"><table:table-cell '
            'table:number-columns-repeated="1024"/></table:table-row>')  # LibreOffice's empty tail
    outcome, _ = isolated(ods(tmp_path / "ok.ods", header + f"<table:table-row>{cell('1')}"
                              f"{cell('a')}</table:table-row>" + tail))
    assert isinstance(outcome, RawTable)
    assert outcome.columns == [["1"], ["a"]]


def test_too_many_zip_entries_refused_before_parsing(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "many.xlsx", simple_rows(2),
                      extra={f"xl/media/p{i}.bin": b"" for i in range(300)})
    err = refused(path, "unsafe", ImportLimits(max_zip_entries=100))
    assert "305 entries" in err.message


def test_reference_like_text_is_not_a_cell(tmp_path: Path) -> None:
    body = simple_rows(1) + f'<row r="3">{number("A3", 5)}{inline("B3", "r=&quot;XFD9&quot;")}'
    body += '<c r="C3" t="inlineStr"><is><t xml:space="preserve"> r="XFD1048576" x</t></is></c>'
    body += "</row>"
    outcome, _ = isolated(write_xlsx(tmp_path / "text.xlsx", body))
    assert isinstance(outcome, RawTable)
    assert outcome.column("Column C") == [None, ' r="XFD1048576" x']
