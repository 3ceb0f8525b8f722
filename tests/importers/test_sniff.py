"""Content sniffing: the real type wins over the extension."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from importers.sniff import sniff
from importers.table import ImportRefused
from tests.conftest import REAL_DATA
from tests.importers.conftest import simple_rows, write_xlsx

WEIRD = REAL_DATA / "weird"


def refused(path: Path) -> ImportRefused:
    with pytest.raises(ImportRefused) as info:
        sniff(path)
    return info.value


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("calamine_any_sheets.xlsx", "xlsx"),
        ("calamine_merged_cells.ods", "ods"),
        ("calamine_merge_cells.xls", "xls"),
        ("xlrd_biff4_no_format_no_window2.xls", "xls_old"),
        ("sheetjs_crlf_CRLFX5_2.XLS", "xls_old"),
        ("calamine_strict_iso_paths.xlsx", "xlsx"),
    ],
)
def test_real_workbooks_are_recognised(name: str, kind: str) -> None:
    assert sniff(WEIRD / name).kind == kind


def test_encrypted_workbooks_are_password_protected() -> None:
    assert refused(WEIRD / "calamine_pass_protected.xlsx").code == "password_protected"
    err = refused(WEIRD / "sheetjs_password_2002_40_xor.xls")
    assert err.code == "password_protected"
    assert "password" in err.message


def test_text_posing_as_xls_is_damaged() -> None:
    err = refused(WEIRD / "calamine_too_small.xls")
    assert err.code == "damaged"
    assert "68 bytes of plain text" in err.message


def test_empty_and_truncated_files_are_damaged(tmp_path: Path) -> None:
    empty = tmp_path / "empty.xlsx"
    empty.write_bytes(b"")
    assert refused(empty).code == "damaged"
    good = write_xlsx(tmp_path / "good.xlsx", simple_rows(50))
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    assert refused(cut).code == "damaged"


@pytest.mark.parametrize(
    ("head", "what"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "a PDF document"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "a JPEG image"),
        (b"\x1f\x8b\x08\x00", "a gzip archive"),
    ],
)
def test_foreign_files_are_named(tmp_path: Path, head: bytes, what: str) -> None:
    path = tmp_path / "report.xlsx"
    path.write_bytes(head + bytes(range(256)) * 4)
    err = refused(path)
    assert err.code == "not_a_spreadsheet"
    assert err.message == f"this file is {what}, not a spreadsheet"


def test_word_document_in_a_zip_is_not_a_spreadsheet(tmp_path: Path) -> None:
    path = tmp_path / "letter.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("[Content_Types].xml", '<Types><Override ContentType="application/vnd.'
                    'openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
    err = refused(path)
    assert err.code == "not_a_spreadsheet"
    assert "Word" in err.message


def test_plain_zip_is_not_a_spreadsheet(tmp_path: Path) -> None:
    path = tmp_path / "data.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("readme.txt", "hello")
    assert "zip archive" in refused(path).message


def test_text_kinds(tmp_path: Path) -> None:
    html = tmp_path / "export.xls"
    html.write_text("<html><body><table><tr><td>a</td></tr></table></body></html>")
    assert sniff(html).kind == "html"
    xml2003 = tmp_path / "old.xls"
    xml2003.write_text('<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:'
                       'office:spreadsheet"></Workbook>')
    assert sniff(xml2003).kind == "spreadsheetml2003"
    csv_as_xlsx = tmp_path / "tickets.xlsx"
    csv_as_xlsx.write_text("id,name\n1,a\n2,b\n")
    assert sniff(csv_as_xlsx).kind == "csv"
    utf16 = tmp_path / "u16.csv"
    utf16.write_bytes("id\tname\n1\t张\n".encode("utf-16"))
    assert sniff(utf16).detail == "UTF-16 text"
