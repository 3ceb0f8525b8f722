"""Live updates from another process, alerts with acknowledgement, and no event-loop stall
while the dashboard recomputes on a 100,000-ticket store."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import time
from typing import Any

import numpy as np
import pytest
from PySide6.QtCore import QTimer

from models.db import Database
from models.demo import generate_demo
from models.kpi.api import list_alerts, load_targets
from tests.widgets.dashboard.fixtures import (
    NOW,
    TIMEOUT,
    USER,
    engine_view,
    make_context,
    open_dashboard,
)
from widgets.common.context import PageContext
from widgets.dashboard.store_holder import store_holder
from widgets.tickets.page import TicketsPage

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

INSERT_TICKETS = """
import sqlite3, sys, time
con = sqlite3.connect(sys.argv[1], timeout=10)
now = int(time.time() * 1_000_000)
rows = [("other-process", f"OP-{i}", "P2", "phone", 0, now - i * 60_000_000) for i in range(25)]
con.executemany(
    "INSERT INTO tickets (source, external_id, priority, channel, is_complaint, created_at)"
    " VALUES (?, ?, ?, ?, ?, ?)", rows)
con.commit()
con.close()
"""


def test_dashboard_follows_another_process_within_5_s(qtbot: Any, context: PageContext) -> None:
    page = open_dashboard(qtbot, context)
    assert page.data is not None
    before = page.data.kpis.volume
    path = context.db.sqlite_path
    assert path is not None
    started = time.monotonic()
    subprocess.run([sys.executable, "-c", INSERT_TICKETS, str(path)], check=True)
    qtbot.waitUntil(lambda: page.data is not None and page.data.kpis.volume == before + 25,
                    timeout=5000)
    assert time.monotonic() - started < 5.5
    assert page.cards["volume"].value_number == before + 25


def test_alert_opens_tickets_and_acknowledging_records_who(qtbot: Any,
                                                          context: PageContext) -> None:
    page = open_dashboard(qtbot, context, "last_30")
    tickets = TicketsPage(context)
    qtbot.addWidget(tickets)
    context.bus.open_tickets.connect(tickets.apply_filter)
    qtbot.waitUntil(lambda: page.alerts.model.rowCount() > 0, timeout=TIMEOUT)
    panel = page.alerts
    assert str(panel.model.rowCount()) in page.badge.text()
    with_tickets = next(i for i, a in enumerate(panel.alerts) if a.ticket_ids)
    panel.select_row(with_tickets)
    alert = panel.current_alert()
    assert alert is not None
    with qtbot.waitSignal(tickets.ids_shown, timeout=TIMEOUT):
        panel.open_button.click()
    assert set(tickets.model.ids.tolist()) == set(alert.ticket_ids)

    count = panel.model.rowCount()
    with qtbot.waitSignal(panel.acknowledged, timeout=TIMEOUT):
        panel.ack_button.click()
    assert alert.key not in [a.key for a in panel.alerts]
    assert panel.model.rowCount() == count - 1
    assert str(count - 1) in page.badge.text()
    store, policies = engine_view(context.db)
    everything = list_alerts(context.db, store, dt.datetime.now(dt.UTC), policies,
                             load_targets(context.db), include_acknowledged=True)
    acked = next(a for a in everything if a.key == alert.key)
    assert acked.acknowledged_by == USER
    assert acked.acknowledged_at is not None
    # after the recomputation the bus triggers, it stays gone
    with qtbot.waitSignal(page.alerts_updated, timeout=TIMEOUT):
        pass
    assert alert.key not in [a.key for a in panel.alerts]


def test_no_event_loop_stall_while_recomputing(qtbot: Any, db: Database) -> None:
    generate_demo(db, tickets=100_000, seed=3, now=NOW)
    context = make_context(db)
    try:
        page = open_dashboard(qtbot, context, "last_90")
        gaps: list[float] = []
        last = [time.perf_counter()]

        def beat() -> None:
            now = time.perf_counter()
            gaps.append(now - last[0])
            last[0] = now

        timer = QTimer()
        timer.setInterval(10)
        timer.timeout.connect(beat)
        timer.start()
        bar = page.filter_bar
        durations = []
        for change in (
            lambda: bar.priority.setCurrentIndex(2),
            lambda: bar.period.setCurrentIndex(bar.period.findData("all")),
            lambda: bar.complaints.setChecked(True),
            lambda: bar.priority.setCurrentIndex(0),
            lambda: bar.site.setCurrentIndex(3),
        ):
            with qtbot.waitSignal(page.updated, timeout=TIMEOUT):
                change()
            assert page.last_compute_ms is not None
            durations.append(page.last_compute_ms)
        with qtbot.waitSignal(page.sparklines_updated, timeout=TIMEOUT):
            pass
        timer.stop()
        assert len(gaps) > 10
        # the target is "no stall over 100 ms"; on a shared, overloaded test machine the
        # OS may deschedule the process now and then, so one late beat is tolerated here
        # (bench/dashboard.py measures the real figure on a quiet machine)
        late = sorted(gaps[1:])[-2:]
        assert late[0] < 0.100, f"event-loop stalls {[round(g * 1000) for g in late]} ms"
        assert late[1] < 0.250, f"longest event-loop stall {late[1] * 1000:.0f} ms"
        assert float(np.median(durations)) < 1000
    finally:
        store_holder(context).close()
        context.runner.shutdown()  # type: ignore[attr-defined]
