"""The watched folder imports a spreadsheet dropped into it and logs the result."""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy import text

from app.import_service import AppImportService
from app.tasks import QtTaskRunner
from app.watched_folder import LOG_NAME, WatchedFolder
from models.db import Database
from tests.widgets.imports.conftest import THAI, real, write_tickets
from widgets.common.context import DataBus, MemoryPreferences, PageContext
from widgets.imports.watched_folder_tab import WatchedFolderTab


def test_new_file_is_imported_and_logged(qtbot, db: Database, runner: QtTaskRunner,  # type: ignore[no-untyped-def]
                                         tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    write_tickets(folder / "old.csv", 3)  # there before watching: left alone
    bus = DataBus()
    watcher = WatchedFolder(AppImportService(db, "watcher", isolated=False), runner, bus)
    watcher.watch(folder)
    with qtbot.waitSignal(watcher.file_imported, timeout=30_000) as done:
        write_tickets(folder / "new.csv", 5, bad_rows=1)
    path, outcome = done.args
    assert Path(path).name == "new.csv"
    assert (outcome.inserted, outcome.rejected) == (4, 1)  # skip-invalid by default
    log = (folder / LOG_NAME).read_text(encoding="utf-8")
    assert "new.csv: batch 1: 5 rows, 4 inserted" in log and "old.csv" not in log
    watcher.watch(None)


def test_settings_tab_remembers_and_announces(qtbot, db: Database, runner: QtTaskRunner,  # type: ignore[no-untyped-def]
                                              tmp_path: Path) -> None:
    prefs = MemoryPreferences()
    context = PageContext(db=db, runner=runner, bus=DataBus(), user="t", prefs=prefs)
    tab = WatchedFolderTab(context)
    qtbot.addWidget(tab)
    tab.folder.setText(str(tmp_path))
    with qtbot.waitSignal(tab.settings_changed) as changed:
        tab.enabled.setChecked(True)
    assert changed.args == [str(tmp_path), "skip-invalid"]
    assert prefs.get("watched_folder") == str(tmp_path)
    assert WatchedFolderTab(context).active_folder() == str(tmp_path)
    tab.show_log_line("x.csv: batch 1")
    assert "batch 1" in tab.log.toPlainText()


@real
def test_an_inspection_file_is_imported_as_inspections(qtbot, db: Database,  # type: ignore[no-untyped-def]
                                                       runner: QtTaskRunner,
                                                       tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    watcher = WatchedFolder(AppImportService(db, "watcher", isolated=False), runner, DataBus())
    watcher.watch(folder)
    with qtbot.waitSignal(watcher.file_imported, timeout=60_000) as done:
        shutil.copy(THAI, folder / THAI.name)
    outcome = done.args[1]
    assert (outcome.kind, outcome.inserted) == ("inspections", 7)
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM inspections")).scalar() == 7
        assert conn.execute(text("SELECT count(*) FROM tickets")).scalar() == 0
    watcher.watch(None)
