"""Screenshots of the dashboard and of a drill-down on the Tickets page, on demo data, in
English and Chinese, saved to tests/_artifacts/screenshots/; ``tools/screenshots.py`` copies
them to docs/screenshots/ for the README (people look at them; no pixel comparison)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from app.appearance import apply_theme
from app.gui import DesktopApp, create_qapplication
from app.i18n import install_translations
from app.settings import Settings
from models.db import Database, open_database, sqlite_url
from models.demo import generate_demo
from tests.conftest import SCREENSHOTS
from widgets.dashboard.page import DashboardPage
from widgets.tickets.page import TicketsPage

TIMEOUT = 30_000
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory: pytest.TempPathFactory, migrated_sqlite_template: Path) -> Path:
    path = tmp_path_factory.mktemp("shots") / "demo.db"
    path.write_bytes(migrated_sqlite_template.read_bytes())
    db = open_database(sqlite_url(path))
    now = dt.datetime.now(dt.UTC).replace(minute=0, second=0, microsecond=0)
    generate_demo(db, tickets=20_000, seed=42, now=now)
    db.dispose()
    return path


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_dashboard_and_tickets_screenshots(qapp: QApplication, qtbot: Any, demo_path: Path,
                                           language: str) -> None:
    create_qapplication([])
    apply_theme(qapp, "light")
    install_translations(language)
    db: Database = open_database(sqlite_url(demo_path))
    desktop = DesktopApp(qapp, db, Settings())
    window = desktop.build_window()
    qtbot.addWidget(window)
    window.resize(1440, 900)
    window.show()
    qtbot.waitExposed(window)
    suffix = "en" if language == "en" else "zh"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    try:
        window.show_page("dashboard")
        page = window.page("dashboard")
        assert isinstance(page, DashboardPage)
        qtbot.waitUntil(lambda: page.data is not None and bool(page.alerts.alerts), timeout=TIMEOUT)
        qtbot.waitUntil(lambda: page.cards["volume"].sparkline.values.size > 0, timeout=TIMEOUT)
        qtbot.wait(200)
        image = window.grab().toImage()
        image.save(str(SCREENSHOTS / f"dashboard-{suffix}.png"))
        title = page.findChild(type(page.status), "pageTitle")
        assert title is not None
        assert title.text() == ("仪表盘" if language == "zh_CN" else "Dashboard")

        page.cards["response_sla_met_pct"].clicked.emit("response_sla_met_pct")
        tickets = window.page("tickets")
        assert isinstance(tickets, TicketsPage)
        qtbot.waitUntil(lambda: tickets.banner.isVisible() and tickets.model.rowCount() > 0,
                        timeout=TIMEOUT)
        qtbot.waitUntil(lambda: not desktop.runner.busy, timeout=TIMEOUT)

        def detail_shown() -> bool:
            if tickets.detail.ticket is None:
                tickets.table.selectRow(0)
                return False
            return "…" not in tickets.detail.fields["response_sla"].text()

        qtbot.waitUntil(detail_shown, timeout=TIMEOUT)
        qtbot.wait(100)
        window.grab().toImage().save(str(SCREENSHOTS / f"tickets-{suffix}.png"))
    finally:
        window.close()
        desktop.runner.shutdown()
        install_translations("en")
        db.dispose()


def test_whole_dashboard_content_for_review(qapp: QApplication, qtbot: Any,
                                            demo_path: Path, artifacts: Path) -> None:
    """Every chart of the dashboard at once (scrolled content), for people to look at."""
    from tests.widgets.dashboard.fixtures import make_context
    from widgets.dashboard.filter_state import FilterState
    from widgets.dashboard.store_holder import store_holder

    apply_theme(qapp, "light")
    db = open_database(sqlite_url(demo_path))
    context = make_context(db)
    context.prefs.set("filter", FilterState(preset="last_90").to_json())
    try:
        page = DashboardPage(context)
        qtbot.addWidget(page)
        page.resize(1250, 1500)
        page.show()
        qtbot.waitUntil(lambda: page.data is not None and bool(page.alerts.alerts),
                        timeout=TIMEOUT)
        qtbot.wait(100)
        scroll = page.splitter.widget(0)
        content = scroll.widget()  # type: ignore[attr-defined]
        content.grab().toImage().save(str(artifacts / "dashboard-content.png"))
        for chart in page.charts:
            assert not chart.empty_label.isVisible(), type(chart).__name__
    finally:
        store_holder(context).close()
        context.runner.shutdown()  # type: ignore[attr-defined]
        db.dispose()
