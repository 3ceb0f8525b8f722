"""CSV reading: encodings, delimiters, quoting, line endings, NULs, decimal commas."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from importers.csv_reader import read_csv, sniff_delimiter
from importers.limits import ImportLimits
from importers.reader import read_table
from models.progress import Cancelled, RecordingProgress
from tests.conftest import REAL_DATA

ROWS = [
    ["工单号", "创建时间", "满意度"],
    ["1001", "2024年3月5日 14:30", "5"],
    ["1002", "2024-03-06", "4"],
]


def write(tmp_path: Path, text: str, encoding: str = "utf-8", name: str = "t.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16"])
def test_encodings(tmp_path: Path, encoding: str) -> None:
    text = "\r\n".join(",".join(r) for r in ROWS) + "\r\n"
    table = read_csv(write(tmp_path, text, encoding))
    assert table.headers == ["工单号", "创建时间", "满意度"]
    assert table.column("创建时间") == ["2024年3月5日 14:30", "2024-03-06"]
    assert table.column("工单号") == ["1001", "1002"]  # strings: the value parser converts
    assert table.row_numbers == [2, 3]
    assert table.encoding in {"utf-8", "utf-8-sig", "gb18030", "utf-16"}


@pytest.mark.parametrize(("delimiter", "spaced"), [(",", False), (";", False), ("\t", False),
                                                   ("|", False), (",", True)])
def test_delimiters(tmp_path: Path, delimiter: str, spaced: bool) -> None:
    sep = delimiter + (" " if spaced else "")
    text = "\n".join(sep.join(r) for r in ROWS) + "\n"
    table = read_csv(write(tmp_path, text))
    assert table.delimiter == delimiter
    assert table.headers == ROWS[0]
    assert table.column("满意度") == ["5", "4"]


def test_quoted_newlines_and_cr_only_line_endings(tmp_path: Path) -> None:
    text = 'id,note,score\r1,"first line\nsecond, with comma",90\r2,"say ""hi""",80\r'
    table = read_csv(write(tmp_path, text))
    assert table.column("note") == ["first line\nsecond, with comma", 'say "hi"']
    assert table.row_numbers == [2, 3]


def test_nul_bytes_are_stripped_with_a_warning(tmp_path: Path) -> None:
    table = read_csv(write(tmp_path, "id,name\n1,Al\x00ice\n2,Bob\n"))
    assert table.column("name") == ["Alice", "Bob"]
    found = [(w.row, w.column, w.reason) for w in table.warnings]
    assert found == [(2, "name", "NUL bytes removed")]
    assert any("NUL" in note for note in table.notes)


def test_decimal_commas_stay_text_and_are_flagged(tmp_path: Path) -> None:
    text = "vendor;score;price\nA;12,5;1.234,50\nB;7,25;99,00\nC;8,0;10,10\n"
    table = read_csv(write(tmp_path, text))
    assert table.decimal_comma
    assert table.column("score") == ["12,5", "7,25", "8,0"]


def test_title_block_blank_columns_and_totals(tmp_path: Path) -> None:
    text = ("客服工单导出 2024年3月\n\n工单号,,处理人,工单号\n1,,张伟,x\n2,,王芳,y\n合计,,,\n")
    table = read_csv(write(tmp_path, text))
    assert table.header_row == 3
    assert table.headers == ["工单号", "处理人", "工单号 (2)"]
    assert table.row_numbers == [4, 5]
    assert table.skipped_rows == [(6, "totals row")]


def test_ragged_rows_are_padded(tmp_path: Path) -> None:
    table = read_csv(write(tmp_path, "a,b,c\n1,2\n3,4,5,6\n"))
    assert table.headers == ["a", "b", "c", "Column D"]
    assert table.column("c") == [None, "5"]
    assert table.column("Column D") == [None, "6"]


def test_long_cell_is_emptied_with_a_warning(tmp_path: Path) -> None:
    big = "x" * 40_000
    table = read_csv(write(tmp_path, f"id,text\n1,{big}\n2,short\n"))
    assert table.column("text") == [None, "short"]
    assert table.warnings[0].row == 2
    assert "40,000 characters" in table.warnings[0].reason


def test_sniff_delimiter_prefers_consistent_counts() -> None:
    assert sniff_delimiter("a;b;c\n1,5;2;3\n4;5,5;6\n") == (";", False)
    assert sniff_delimiter("a, b, c\n1, 2, 3\n") == (",", True)


def test_csv_named_xlsx_is_read_with_a_note(tmp_path: Path) -> None:
    path = write(tmp_path, "id,name\n1,a\n", name="export.xlsx")
    table = read_table(path)
    assert table.file_type == "csv"
    assert any("named .xlsx" in note for note in table.notes)


def test_real_austin_file_with_embedded_newlines() -> None:
    name = "austin_food_establishment_inspection_scores_term1830.csv"
    table = read_csv(REAL_DATA / "inspections" / name)
    assert table.encoding == "utf-8-sig"
    assert table.headers[0] == "Restaurant Name"  # the BOM is not part of the header
    assert table.n_rows == 25_243
    assert any("\n" in (a or "") for a in table.column("Address")[:50])


def test_many_rows_read_fast(tmp_path: Path) -> None:
    line = "1000001,2024-03-05 14:30,2024-03-05 15:00,网络故障,高,已解决,张伟,5,电话,"
    line += "12.5,备注文本,x\n"
    path = tmp_path / "big.csv"
    path.write_text("a,b,c,d,e,f,g,h,i,j,k,l\n" + line * 200_000, encoding="utf-8")
    start = time.perf_counter()
    table = read_csv(path, limits=ImportLimits())
    elapsed = time.perf_counter() - start
    assert table.n_rows == 200_000
    assert table.column("h")[-1] == "5"
    assert elapsed < 15  # ≈ 1 s on an idle machine; generous for a shared one


def test_progress_and_cancel(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text("a,b\n" + "1,2\n" * 250_000, encoding="utf-8")
    progress = RecordingProgress()
    read_csv(path, progress=progress)
    parsed = [done for done, _, stage in progress.updates if stage == "parsing"]
    assert parsed[-1] == 250_001
    with pytest.raises(Cancelled):
        read_csv(path, progress=RecordingProgress(cancel_after=3))


@pytest.mark.parametrize(
    ("folder", "name", "first", "n_rows", "n_cols"),
    [
        ("tickets", "nyc311_socrata_api_2024_AnthonyUPF.csv", "unique_key", 1000, 47),
        ("tickets", "kaggle_customer_support_tickets_Mumtaj1012.csv", "Ticket ID", 8469, 17),
        ("tickets", "support_tickets_teresgeo.csv", "Ticket_ID", 1000, 12),
        ("tickets", "support_tickets_AnirudhBabu.csv", "ticket_id", 5000, 20),
        ("inspections", "chicago_food_inspections_GuidoValada.csv", "Inspection ID", 561, 17),
        ("inspections", "sf_restaurant_inspections_yyyymmdd_3innielee.csv", "business_id",
         14_233, 4),
        ("inspections", "safetyculture_iauditor_inspections_export_schema.csv", "audit_id", 3,
         33),
        ("vendors", "kaggle_supply_chain_data_suppliers_Abhinav1018.csv", "Product type", 100,
         24),
    ],
)
def test_real_csv_files(folder: str, name: str, first: str, n_rows: int, n_cols: int) -> None:
    table = read_table(REAL_DATA / folder / name)
    assert (table.header_row, table.headers[0]) == (1, first)
    assert (table.n_rows, len(table.headers)) == (n_rows, n_cols)
    assert table.row_numbers[:2] == [2, 3]


def test_real_csv_quirks() -> None:
    nyc = read_table(REAL_DATA / "tickets" / "nyc311_socrata_api_2024_AnthonyUPF.csv")
    assert "location" in nyc.headers  # the dict-like text with doubled quotes parses
    assert sum(v is None for v in nyc.column("closed_date")) == 323
    kaggle = read_table(
        REAL_DATA / "tickets" / "kaggle_customer_support_tickets_Mumtaj1012.csv"
    )
    assert any("\n" in (v or "") for v in kaggle.column("Ticket Description"))
    sf = read_table(
        REAL_DATA / "inspections" / "sf_restaurant_inspections_yyyymmdd_3innielee.csv"
    )
    assert sf.column("date")[0] == "20171211"  # kept as text for the date parser
    supply = read_table(
        REAL_DATA / "vendors" / "kaggle_supply_chain_data_suppliers_Abhinav1018.csv"
    )
    assert {"Lead times", "Lead time"} <= set(supply.headers)
