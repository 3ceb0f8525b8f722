"""The main window: navigation, menus, shortcuts, status bar, restored state."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QTableView

from app.gui import DesktopApp
from app.main_window import MainWindow
from app.pages import PAGE_KEYS
from models.db import Database
from models.orm import UTC, Priority, Ticket, Vendor


def _add_tickets(db: Database, n: int) -> None:
    base = dt.datetime(2026, 1, 5, 9, tzinfo=UTC)
    with db.transaction() as s:
        s.add(Vendor(code="V1", name="洁净服务 Clean Co", service_category="cleaning"))
        for i in range(n):
            s.add(Ticket(source="t", external_id=f"T{i}", priority=Priority.P3,
                         created_at=base + dt.timedelta(hours=i), title=f"ticket {i}"))


def test_navigation_offers_every_page_in_order(window: MainWindow) -> None:
    labels = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    assert labels == ["Dashboard", "Tickets", "Inspections", "Checklists", "Vendors",
                      "Scorecards", "Imports", "Settings"]


def test_every_page_can_be_visited(window: MainWindow) -> None:
    for index, key in reversed(list(enumerate(PAGE_KEYS))):  # by the navigation list
        window.navigation.setCurrentRow(index)
        assert window.stack.currentWidget() is window.pages[key]
        assert window.current_page_key() == key
    for action, key in zip(window.page_actions, PAGE_KEYS, strict=True):  # by the View menu
        action.trigger()
        assert window.stack.currentWidget() is window.pages[key]
        assert window.navigation.currentRow() == PAGE_KEYS.index(key)


def test_pages_are_built_only_when_shown(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: bool(window.pages))  # the first page follows the first paint
    assert set(window.pages) == {"dashboard"}


def test_menus_and_standard_shortcuts(window: MainWindow) -> None:
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&File", "&View", "&Help"]
    file_actions = [a.text() for a in window.menuBar().actions()[0].menu().actions() if a.text()]
    assert file_actions == ["&Import…", "&Open database…", "&Export…", "Period &report…", "&Quit"]
    assert window.quit_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Quit)
    assert window.open_db_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Open)
    assert window.page_actions[4].shortcut() == QKeySequence("Ctrl+5")


def test_view_shortcut_switches_page(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_key() == "vendors"


def test_status_bar_names_database_and_counts(db: Database, desktop: DesktopApp, qtbot) -> None:  # type: ignore[no-untyped-def]
    _add_tickets(db, 3)
    window = desktop.build_window()
    qtbot.addWidget(window)
    assert str(db.sqlite_path) in window.status.database_label.text()
    assert "3 tickets" in window.status.counts_label.text()
    assert "1 vendors" in window.status.counts_label.text()


def test_tickets_page_lists_tickets_from_the_database(db: Database, desktop: DesktopApp,
                                                      qtbot) -> None:  # type: ignore[no-untyped-def]
    _add_tickets(db, 250)
    window = desktop.build_window()
    qtbot.addWidget(window)
    window.show_page("tickets")
    table = window.pages["tickets"].findChild(QTableView)
    model = table.model()
    qtbot.waitUntil(lambda: model.rowCount() == 250, timeout=10_000)  # loads off the GUI thread
    # newest first; the last row is the oldest ticket, fetched on demand
    assert model.index(0, 0).data() == "T249"
    assert model.index(249, 0).data() == "T0"


def test_vendors_page_lists_vendors(db: Database, desktop: DesktopApp, qtbot) -> None:  # type: ignore[no-untyped-def]
    _add_tickets(db, 1)
    window = desktop.build_window()
    qtbot.addWidget(window)
    window.show_page("vendors")
    table = window.pages["vendors"].findChild(QTableView)
    texts = {table.model().index(r, c).data() for r in range(table.model().rowCount())
             for c in range(table.model().columnCount())}
    assert "洁净服务 Clean Co" in texts


def test_geometry_and_last_page_are_restored(desktop: DesktopApp, qtbot) -> None:  # type: ignore[no-untyped-def]
    first = desktop.build_window()
    qtbot.addWidget(first)
    first.resize(1100, 700)
    first.show()
    first.show_page("vendors")
    first.close()
    second = desktop.build_window()
    qtbot.addWidget(second)
    assert second.current_page_key() == "vendors"
    assert (second.width(), second.height()) == (1100, 700)


def test_language_switch_rebuilds_the_window_in_chinese(desktop: DesktopApp, qtbot) -> None:  # type: ignore[no-untyped-def]
    import subprocess
    import sys

    subprocess.run([sys.executable, "tools/i18n.py", "compile"], check=True)
    first = desktop.build_window()
    qtbot.addWidget(first)
    first.show()
    first.show_page("settings")
    settings_page = first.pages["settings"]
    combo = settings_page.general.language
    combo.setCurrentIndex(combo.findData("zh_CN"))
    combo.activated.emit(combo.currentIndex())
    window = desktop.window
    assert window is not None and window is not first
    qtbot.addWidget(window)
    try:
        assert window.navigation.item(0).text() == "仪表盘"
        assert window.current_page_key() == "settings"
        assert desktop.settings.language == "zh_CN"
    finally:
        desktop.change_language("en")
        qtbot.addWidget(desktop.window)


def test_open_database_switches_to_another_file(desktop: DesktopApp, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    first = desktop.build_window()
    qtbot.addWidget(first)
    first.show()
    other = tmp_path / "other.db"
    desktop.settings.demo_offered = True  # no first-start question in this test
    first.open_database_requested.emit(f"sqlite:///{other}")
    window = desktop.window
    assert window is not None and window is not first
    qtbot.addWidget(window)
    assert desktop.db.sqlite_path == other
    assert str(other) in window.status.database_label.text()
    assert other.exists()


def test_watched_folder_from_settings_imports_new_files(
    desktop: DesktopApp, qtbot, tmp_path, db: Database  # type: ignore[no-untyped-def]
) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    window = desktop.build_window()
    qtbot.addWidget(window)
    window.show_page("settings")
    tab = window.pages["settings"].watched_folder
    tab.folder.setText(str(folder))
    tab.enabled.setChecked(True)  # emits settings_changed → the app's watcher follows
    assert desktop.watcher is not None and desktop.watcher.folder == folder
    (folder / "week.csv").write_text(
        "工单号,创建时间,优先级\nW-1,2026-03-02 09:00,高\nW-2,2026-03-02 10:30,低\n",
        encoding="utf-8",
    )
    with qtbot.waitSignal(desktop.watcher.file_imported, timeout=60_000):
        pass
    from models.queries.overview import table_counts

    assert table_counts(db).tickets == 2
    qtbot.waitUntil(lambda: "week.csv" in tab.log.toPlainText(), timeout=5000)
    assert "2 tickets" in window.status.counts_label.text()


def test_open_vendor_request_shows_that_vendor(db: Database, desktop: DesktopApp,
                                               qtbot) -> None:  # type: ignore[no-untyped-def]
    _add_tickets(db, 1)
    window = desktop.build_window()
    qtbot.addWidget(window)
    from sqlalchemy import select

    with db.session() as s:
        vendor_id = s.scalars(select(Vendor.id)).one()
    window.bus.open_vendor.emit(vendor_id)  # e.g. from an expiring-licence alert
    assert window.current_page_key() == "vendors"
    assert window.pages["vendors"].selected_id() == vendor_id
