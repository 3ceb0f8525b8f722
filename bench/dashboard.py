"""Benchmark: the supervisor's dashboard and tickets page on a million tickets (issue 4).

    .venv/bin/python bench/dashboard.py [--tickets 1000000] [--keep] [--cold]

Builds (or, with ``--keep``, reuses) ``bench/out/dashboard_<N>.db`` with the demo
generator (``models.demo.generate_demo``), then opens the real main window offscreen and
measures, with a 10 ms heartbeat timer running the whole time:

- first dashboard on screen: from ``window.show()`` to the first complete dashboard
  (store loaded off the GUI thread, all cards and charts shown) — target ≤ 3 s; with
  ``--cold`` (no column cache) the first view comes from the recent tickets
  (``models.kpi.store_preview``) and the line after it says when all tickets were in;
- alerts over all tickets (``list_alerts``, the badge and panel) — target ≤ 0.5 s;
- filter changes: median time from a change in the filter bar to all cards and charts
  recomputed and shown (``DashboardPage.last_compute_ms``) — target ≤ 150 ms;
- the longest event-loop stall (heartbeat gap) while recomputing — target ≤ 100 ms;
- the process RSS — target ≤ 1 GB;
- opening the Tickets page (all tickets, newest first) and jumping to the last row —
  target ≤ 300 ms.

Reference measured in the same run: one plain SQL query for the median first-response
time. The machine is shared (2 cores): run twice before believing a figure.

Latest figures (21 Nov 2026, 04:05 UTC, after the alerts panel moved to a list model and
the trend chart got an event-loop turn of its own; nothing else running, but the SQL
reference took 3.2–3.4 s, twice its quiet time):

=====================================  ==================  ==================
                                       ``--keep``          ``--keep --cold``
=====================================  ==================  ==================
SQL reference (median FRT)             3425 ms             3170 ms
first dashboard on screen              2142 ms             2508 ms
  longest stall until then             619 ms              456 ms
  all tickets loaded after             1511 ms             6620 ms
alerts (list_alerts, 2nd call)         148 ms              88 ms
filter change, median of 16            148 ms              146 ms
longest stall while recomputing        62 ms               78 ms
RSS                                    615 MB              826 MB
tickets page + last row                118 ms              85 ms
=====================================  ==================  ==================

Before those two changes, the alerts panel filled a QListWidget with 3,517 items on
the GUI thread (63–108 ms plus 60–74 ms of paint), which was the 208–294 ms recompute
stall of a cold open; the trend chart shared a turn with two others (124 ms).

Earlier figures of the same day:

Figures of 21 Nov 2026 (issue 4 follow-up, final runs at 03:20 UTC; the machine busy
with other work: the SQL reference took 2.4–3.3 s instead of ≈ 1.6 s when quiet),
1M demo tickets, two runs each:

=====================================  ==================  ==================
                                       ``--keep``          ``--keep --cold``
=====================================  ==================  ==================
SQL reference (median FRT)             2351 / 2392 ms      3272 / 3193 ms
first dashboard on screen              1663 / 1878 ms      3830 / 3372 ms
  longest stall until then             816 / 474 ms        1080 / 599 ms
  all tickets loaded after             1169 / 1285 ms      9212 / 8256 ms
  longest stall after the first view   117 / 92 ms         164 / 198 ms
alerts (list_alerts, 2nd call)         243 / 207 ms        87 / 117 ms
filter change, median of 16            107 / 117 ms        103 / 130 ms
longest stall while recomputing        114 / 110 ms        190 / 243 ms
RSS                                    597 / 610 MB        821 / 825 MB
tickets page + last row                137 / 128 ms        91 / 146 ms
=====================================  ==================  ==================

After these, the cards of a new result were split over two event-loop turns: warm runs
then gave a recompute stall of 122 / 68 ms, filter median 120 / 107 ms, first dashboard
2785 / 2286 ms (reference 4284 / 3769 ms). Earlier runs the same day, quieter moments:
cold first dashboard 2586 / 2483 ms (reference 3313 / 2462 ms), warm 2139 / 2312 ms. The
figures move by ±40 % with the other work on the machine.

The stall until the first view is the chart library's import plus the page's
construction and first paint on the GUI thread (measured alone: import ≈ 0.5–0.8 s,
construction ≈ 0.25–0.45 s, paint ≈ 0.2–0.35 s); importing it on a worker thread
deadlocked Qt and was dropped. Before this round: cold first dashboard 8.7 s, alerts
≈ 6 s (2.7 s measured here before the fix).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import psutil  # noqa: E402
from PySide6.QtCore import QEventLoop, QSettings, QTimer  # noqa: E402

from models.db import open_database, sqlite_url  # noqa: E402

OUT = REPO / "bench" / "out"


def build(path: Path, tickets: int) -> float:
    """A fresh demo database with ``tickets`` tickets; returns the seconds it took."""
    from models.demo import generate_demo

    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    started = time.perf_counter()
    db = open_database(sqlite_url(path))
    generate_demo(db, tickets=tickets, seed=42)
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()
    return time.perf_counter() - started


def sql_median_frt_s(path: Path) -> float:
    """Reference: the median first-response time by one plain SQL query."""
    import sqlite3

    con = sqlite3.connect(str(path))
    started = time.perf_counter()
    n = con.execute("SELECT count(*) FROM tickets WHERE first_response_at IS NOT NULL").fetchone()
    con.execute(
        "SELECT first_response_at - created_at AS d FROM tickets WHERE first_response_at"
        " IS NOT NULL ORDER BY d LIMIT 1 OFFSET ?", (n[0] // 2,)).fetchone()
    con.close()
    return time.perf_counter() - started


class Heartbeat:
    """A 10 ms timer remembering the gaps between its ticks (event-loop stalls)."""

    def __init__(self) -> None:
        self.gaps: list[float] = []
        self._last = time.perf_counter()
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append(now - self._last)
        self._last = now

    def start(self) -> None:
        self.gaps.clear()
        self._last = time.perf_counter()
        self.timer.start()

    def max_ms(self) -> float:
        return max(self.gaps, default=0.0) * 1000.0


def wait_for(condition: Callable[[], bool], timeout_s: float = 120.0) -> None:
    """Run the event loop until ``condition()`` holds (raises on timeout)."""
    deadline = time.perf_counter() + timeout_s
    loop = QEventLoop()
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("benchmark step timed out")
        QTimer.singleShot(2, loop.quit)
        loop.exec()


def verdict(value: float, target: float) -> str:
    return "OK" if value <= target else "MISSED"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tickets", type=int, default=1_000_000)
    parser.add_argument("--keep", action="store_true", help="reuse the database if present")
    parser.add_argument("--cold", action="store_true",
                        help="start without the column cache (a database opened for the first "
                        "time); default: the cache exists, as on every later start")
    args = parser.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"dashboard_{args.tickets}.db"
    if args.keep and path.exists():
        print(f"database: {path} (reused)")
    else:
        print(f"database: {path} — generating {args.tickets:,} demo tickets …", flush=True)
        print(f"  generated in {build(path, args.tickets):.1f} s")
    reference = sql_median_frt_s(path)

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(OUT / "cfg"))
    from app.appearance import apply_theme
    from app.gui import DesktopApp, create_qapplication
    from app.i18n import install_translations
    from app.settings import Settings
    from widgets.dashboard.filter_state import FilterState

    qapp = create_qapplication([])
    apply_theme(qapp, "light")
    install_translations("en")
    db = open_database(sqlite_url(path))
    db.cache_dir = OUT / "cache" / path.stem  # as app.gui does with the user's cache folder
    if args.cold:
        shutil.rmtree(db.cache_dir, ignore_errors=True)
    else:
        from models.kpi.api import load_store

        load_store(db)  # writes the cache if it is missing; not timed
    settings = Settings()
    settings.last_page = "dashboard"
    settings.page("dashboard").set("filter", FilterState(preset="last_30").to_json())
    desktop = DesktopApp(qapp, db, settings)
    window = desktop.build_window()
    window.resize(1440, 900)
    beat = Heartbeat()
    beat.start()
    opened = time.perf_counter()
    window.show()
    wait_for(lambda: "dashboard" in window.pages)
    page = window.pages["dashboard"]
    page_built_s, build_stall_ms = time.perf_counter() - opened, beat.max_ms()
    holder = page.holder  # type: ignore[attr-defined]
    loaded_at: list[float] = []
    holder.loaded.connect(lambda: loaded_at.append(time.perf_counter()))
    wait_for(lambda: page.computations >= 1)  # type: ignore[attr-defined]
    qapp.processEvents()  # the frame with the dashboard is painted
    first_s = time.perf_counter() - opened
    load_stall_ms = beat.max_ms()
    from_preview = not holder.ready
    beat.start()
    wait_for(lambda: holder.ready)
    full_s = (loaded_at[0] if loaded_at else time.perf_counter()) - opened
    wait_for(lambda: not desktop.runner.busy)
    background_stall_ms = beat.max_ms()

    bar = page.filter_bar  # type: ignore[attr-defined]
    changes: list[Callable[[], None]] = [
        lambda: bar.priority.setCurrentIndex(2),
        lambda: bar.vendor.setCurrentIndex(1),
        lambda: bar.vendor.setCurrentIndex(0),
        lambda: bar.period.setCurrentIndex(bar.period.findData("last_90")),
        lambda: bar.complaints.setChecked(True),
        lambda: bar.site.setCurrentIndex(3),
        lambda: bar.site.setCurrentIndex(0),
        lambda: bar.complaints.setChecked(False),
        lambda: bar.channel.setCurrentIndex(1),
        lambda: bar.priority.setCurrentIndex(0),
        lambda: bar.period.setCurrentIndex(bar.period.findData("this_month")),
        lambda: bar.channel.setCurrentIndex(0),
        lambda: bar.period.setCurrentIndex(bar.period.findData("all")),
        lambda: bar.category.setCurrentIndex(2),
        lambda: bar.period.setCurrentIndex(bar.period.findData("last_30")),
        lambda: bar.category.setCurrentIndex(0),
    ]
    wait_for(lambda: not desktop.runner.busy)  # sparklines and alerts of the first view done
    beat.start()
    durations = []
    for change in changes:  # every change really recomputed: the result cache is emptied
        page._results.clear()  # type: ignore[attr-defined]
        before = page.computations  # type: ignore[attr-defined]
        change()
        wait_for(lambda b=before: page.computations > b)  # type: ignore[attr-defined]
        durations.append(page.last_compute_ms)  # type: ignore[attr-defined]
    recompute_stall_ms = beat.max_ms()
    median_ms = statistics.median(durations)
    cached = []
    for change in changes:  # the same round again, as a user going back and forth would
        before = page.computations  # type: ignore[attr-defined]
        change()
        wait_for(lambda b=before: page.computations > b)  # type: ignore[attr-defined]
        cached.append(page.last_compute_ms)  # type: ignore[attr-defined]
    rss_mb = psutil.Process().memory_info().rss / 2**20
    from models.kpi.api import list_alerts

    now = dt.datetime.now(dt.UTC)
    list_alerts(db, holder.store, now, holder.policies, holder.targets)
    started = time.perf_counter()
    list_alerts(db, holder.store, now, holder.policies, holder.targets)
    alerts_ms = (time.perf_counter() - started) * 1000.0

    beat.start()
    started = time.perf_counter()
    window.show_page("tickets")
    tickets = window.pages["tickets"]
    store_size = page.holder.store.size  # type: ignore[attr-defined]
    wait_for(lambda: tickets.model.rowCount() == store_size)  # type: ignore[attr-defined]
    tickets.table.scrollToBottom()  # type: ignore[attr-defined]
    last = tickets.model.rowCount() - 1  # type: ignore[attr-defined]
    tickets.table.selectRow(last)  # type: ignore[attr-defined]
    qapp.processEvents()
    tickets_ms = (time.perf_counter() - started) * 1000.0
    row = tickets.model.ticket(last)  # type: ignore[attr-defined]
    tickets_stall_ms = beat.max_ms()

    print(f"tickets in the store: {store_size:,} "
          f"({'cold: no column cache yet' if args.cold else 'column cache present'})")
    print(f"reference: plain SQL median first-response time      {reference * 1000:8.0f} ms"
          "   (issue 4: ≈ 1600 ms on this machine class when it is quiet)")
    print(f"first dashboard on screen after the window opens      {first_s * 1000:8.0f} ms"
          f"   target ≤ 3000 ms  {verdict(first_s * 1000, 3000)}")
    print(f"   (longest event-loop stall while loading            {load_stall_ms:8.0f} ms;"
          f" page built after {page_built_s * 1000:.0f} ms, stall until then"
          f" {build_stall_ms:.0f} ms)")
    print(f"   (first view from {'the recent tickets' if from_preview else 'all tickets'};"
          f" all tickets loaded after {full_s * 1000:.0f} ms; longest stall from the first"
          f" view until then and idle {background_stall_ms:.0f} ms)")
    print(f"alerts over all tickets (list_alerts, second call)     {alerts_ms:8.0f} ms"
          f"   target ≤ 500 ms   {verdict(alerts_ms, 500)}")
    print(f"filter change, all cards + charts (median of {len(durations)})    "
          f"{median_ms:8.0f} ms   target ≤ 150 ms   {verdict(median_ms, 150)}")
    print(f"   (min {min(durations):.0f} ms, max {max(durations):.0f} ms; second round with "
          f"the result cache: median {statistics.median(cached):.0f} ms)")
    print(f"longest event-loop stall while recomputing            {recompute_stall_ms:8.0f} ms"
          f"   target ≤ 100 ms   {verdict(recompute_stall_ms, 100)}")
    print(f"RSS                                                   {rss_mb:8.0f} MB"
          f"   target ≤ 1024 MB  {verdict(rss_mb, 1024)}")
    print(f"tickets page open + jump to last row                  {tickets_ms:8.0f} ms"
          f"   target ≤ 300 ms   {verdict(tickets_ms, 300)}")
    print(f"   (last row: {row.external_id if row else '?'}; "
          f"longest stall {tickets_stall_ms:.0f} ms)")
    window.close()
    desktop.runner.shutdown()
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
