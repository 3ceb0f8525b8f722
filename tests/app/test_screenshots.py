"""Every page on demo data, in both languages, grabbed to PNG for people to look at.

The pictures land in ``tests/_artifacts/screenshots/``; the ones in the README are copied
from there to ``docs/screenshots/``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from app.gui import DesktopApp, create_qapplication
from app.i18n import install_translations
from app.pages import PAGE_KEYS
from app.settings import Settings
from models.db import Database, open_database, sqlite_url
from models.demo import generate_demo
from models.orm import UTC

REPO = Path(__file__).resolve().parents[2]
NOW = dt.datetime(2026, 11, 16, 9, tzinfo=UTC)


@pytest.fixture(scope="module")
def demo_db_path(tmp_path_factory: pytest.TempPathFactory, migrated_sqlite_template: Path) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    path.write_bytes(migrated_sqlite_template.read_bytes())
    db = open_database(sqlite_url(path))
    generate_demo(db, tickets=4000, seed=7, now=NOW)
    db.dispose()
    return path


def _is_blank(image: QImage) -> bool:
    first = image.pixel(image.width() // 2, image.height() // 2)
    step = max(1, image.width() // 40)
    return all(
        image.pixel(x, y) == first
        for x in range(0, image.width(), step)
        for y in range(0, image.height(), step)
    )


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_every_page_on_demo_data(qapp: QApplication, qtbot, demo_db_path: Path,  # type: ignore[no-untyped-def]
                                 artifacts: Path, language: str) -> None:
    create_qapplication([])
    install_translations(language)
    db: Database = open_database(sqlite_url(demo_db_path))
    desktop = DesktopApp(qapp, db, Settings())
    window = desktop.build_window()
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    folder = artifacts / "screenshots"
    folder.mkdir(exist_ok=True)
    try:
        for key in PAGE_KEYS:
            window.show_page(key)
            qtbot.waitUntil(lambda: not desktop.runner.busy, timeout=30_000)
            image = window.grab().toImage()
            assert image.width() == 1280 and image.height() == 800
            assert not _is_blank(image)
            image.save(str(folder / f"page-{key}-{language}.png"))
        nav = window.navigation.item(0).text()
        assert nav == ("仪表盘" if language == "zh_CN" else "Dashboard")
    finally:
        window.close()
        desktop.runner.shutdown()
        install_translations("en")
        db.dispose()


HIGH_DPI_SCRIPT = """
import sys
from app.gui import DesktopApp, create_qapplication
from app.appearance import apply_theme
from app.settings import Settings
from models.db import open_database
qapp = create_qapplication([])
apply_theme(qapp, "dark")
db = open_database(sys.argv[1])
desktop = DesktopApp(qapp, db, Settings())
window = desktop.build_window()
window.resize(1280, 800)
window.show()
qapp.processEvents()
window.show_page("tickets")
qapp.processEvents()
image = window.grab().toImage()
image.save(sys.argv[2])
dark = qapp.palette().color(qapp.palette().ColorRole.Window).lightness() < 128
print(image.width(), image.height(), window.devicePixelRatio(), int(dark))
desktop.runner.shutdown()
db.dispose()
"""


def test_high_dpi_dark_window(tmp_path: Path, demo_db_path: Path, artifacts: Path) -> None:
    """A 2× screen renders the window at full resolution, and the dark theme is dark."""
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [
        {"name": "hidpi", "x": 0, "y": 0, "width": 2880, "height": 1800,
         "logicalDpi": 192, "logicalBaseDpi": 96, "dpr": 1}]}))  # Qt scales 192/96 = 2×
    out = artifacts / "screenshots" / "high-dpi-dark.png"
    out.parent.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
           "XDG_CONFIG_HOME": str(tmp_path / "cfg")}
    result = subprocess.run(
        [sys.executable, "-c", HIGH_DPI_SCRIPT, sqlite_url(demo_db_path), str(out)],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split()[-4:] == ["2560", "1600", "2.0", "1"]
