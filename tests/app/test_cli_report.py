"""``servicelens report`` through the real entry point, and the File ▸ Period report action."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from app.cli import main
from app.i18n import install_translations
from app.main_window import MainWindow
from models.db import Database
from tests.models.reports.scenario import build

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # offscreen platform


def pdf_pages(data: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", data))


# Each command test uses ``qapp``: a QApplication must exist before the command runs (it
# would otherwise start a QGuiApplication, which later widget tests cannot use).
@pytest.mark.usefixtures("qapp")
def test_pdf(capsys: pytest.CaptureFixture[str], db: Database, tmp_path: Path) -> None:
    build(db)
    out = tmp_path / "october.pdf"
    assert main(["--db", db.url, "report", "--period", "2026-10", "--tz", "UTC",
                 "--out", str(out)]) == 0
    printed = capsys.readouterr().out.strip()
    n = int(re.fullmatch(rf"wrote {re.escape(str(out))} \((\d+) pages\)", printed).group(1))  # type: ignore[union-attr]
    data = out.read_bytes()
    assert data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")
    assert n >= 2 and pdf_pages(data) == n
    assert b"NotoSansCJK" in data  # the CJK font is embedded (as a subset)
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                              check=True).stdout
        assert "Monthly service quality report — 2026-10" in text
        assert "EXT-OVERDUE" in text and f"Page 1 of {n}" in text
        # Qt maps a few CJK glyphs to radicals in the text layer (民 → ⺠); the page is right
        assert "噪" in text and "/ Noise" in text


@pytest.mark.usefixtures("qapp")
def test_pdf_in_chinese(capsys: pytest.CaptureFixture[str], db: Database, tmp_path: Path) -> None:
    build(db)
    out = tmp_path / "十月.pdf"
    try:
        assert main(["--db", db.url, "--lang", "zh_CN", "report", "--period", "2026-10",
                     "--tz", "Asia/Shanghai", "--out", str(out)]) == 0
    finally:
        install_translations("en")
    assert "pages)" in capsys.readouterr().out
    data = out.read_bytes()
    assert data.startswith(b"%PDF") and b"NotoSansCJK" in data
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                              check=True).stdout
        # CJK fonts map some glyphs to compatibility code points (⽉ for 月): normalise
        text = unicodedata.normalize("NFKC", text).replace("―", "—")
        assert "服务质量月报 — 2026-10" in text and "响应 SLA 达成率" in text


@pytest.mark.usefixtures("qapp")
def test_xlsx_with_filters(capsys: pytest.CaptureFixture[str], db: Database,
                           tmp_path: Path) -> None:
    build(db)
    out = tmp_path / "alpha.xlsx"
    assert main(["--db", db.url, "report", "--period", "2026Q4", "--tz", "UTC",
                 "--vendor", "Alpha", "--site", "S1", "--as-of", "2027-01-01",
                 "--out", str(out)]) == 0
    assert capsys.readouterr().out.strip() == f"wrote {out} (7 sheets)"
    ws = openpyxl.load_workbook(out)["Summary"]
    rows = {r[0].value: r for r in ws.iter_rows() if r[0].value}
    assert rows["Service quality report — 2026Q4"]
    assert rows["Vendors"][1].value == "Alpha" and rows["Sites"][1].value == "Store 1"
    assert rows["Volume (tickets)"][1].value == 1  # ticket a: Alpha at Store 1


@pytest.mark.usefixtures("qapp")
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--period", "2026-13"], "no month 13"),
        (["--period", "next month"], "not a period"),
        (["--period", "2025-W53"], "no ISO week 53"),
        (["--period", "2026-10", "--tz", "Mars/Olympus"], "unknown time zone"),
        (["--period", "2026-10", "--as-of", "yesterday"], "not a date"),
        (["--period", "2026-10", "--vendor", "Nobody"], "unknown vendor"),
        (["--period", "2026-10", "--out-suffix", ".docx"], "use .pdf or .xlsx"),
        (["--period", "2026-10", "--out-suffix", "/missing/r.pdf"], "no folder"),
    ],
)
def test_bad_input_is_one_line_exit_2(
    capsys: pytest.CaptureFixture[str], db: Database, tmp_path: Path, args: list[str],
    message: str,
) -> None:
    out = str(tmp_path / "r.pdf")
    if "--out-suffix" in args:
        i = args.index("--out-suffix")
        value = args[i + 1]
        out = value if value.startswith("/") else str(tmp_path / f"r{value}")
        args = args[:i]
    assert main(["--db", db.url, "report", *args, "--out", out]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("servicelens report: error: ")
    assert message in err
    assert not Path(out).exists()


@pytest.mark.usefixtures("qapp")
def test_unwritable_folder(capsys: pytest.CaptureFixture[str], db: Database,
                           tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        code = main(["--db", db.url, "report", "--period", "2026", "--out",
                     str(folder / "r.xlsx")])
    finally:
        folder.chmod(0o700)
    err = capsys.readouterr().err
    if code == 0:  # root ignores permissions
        pytest.skip("running as root: the folder is writable anyway")
    assert code == 2 and err.count("\n") == 1 and "permission denied" in err


@pytest.mark.usefixtures("qapp")
@pytest.mark.skipif(not Path("/proc/self").exists(), reason="needs Linux /proc")
@pytest.mark.parametrize("name", ["r.pdf", "r.xlsx"])
def test_write_failure_is_one_line_exit_2(
    capsys: pytest.CaptureFixture[str], db: Database, name: str
) -> None:
    # /proc takes no new files, not even from root
    assert main(["--db", db.url, "report", "--period", "2026-10", "--out", f"/proc/{name}"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("servicelens report: error: cannot write")


def test_file_menu_period_report(qtbot: Any, window: MainWindow, db: Database,
                                 tmp_path: Path) -> None:
    build(db)
    file_menu = window.menuBar().actions()[0].menu()
    assert window.report_action in file_menu.actions()  # type: ignore[union-attr]
    assert window.report_action.text() == "Period &report…"
    window.report_action.trigger()
    dialog = window.show_period_report()
    dialog.set_period("2026-10")
    out = tmp_path / "menu.xlsx"
    dialog.path.setText(str(out))
    with qtbot.waitSignal(dialog.report_written, timeout=60_000):
        dialog.write_report()
    assert openpyxl.load_workbook(out).sheetnames[0] == "Summary"
    assert window.status.currentMessage() == f"Wrote {out}"
    for w in window.findChildren(type(dialog)):
        w.close()
