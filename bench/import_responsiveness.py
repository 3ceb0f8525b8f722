"""Benchmark: the window's responsiveness while it imports 1,000,000 tickets (issue 3,
"In the application": no event-loop stall over 100 ms during a 1,000,000-row import).

    .venv/bin/python bench/import_responsiveness.py [--rows 1000000]

Uses the csv of ``bench/import_tickets.py`` (generated there, cached in ``bench/out/``).
Opens the real main window offscreen on a fresh SQLite file, shows the Imports page and
imports the file as a user would: File → Import… (``ImportsPage.import_files``), the
mapping dialog confirmed as proposed, "import valid rows" in the validation report. A
10 ms heartbeat timer runs the whole time, until the views have refreshed after the
import (the dashboard reloads its store). Prints the time of each step, the longest
event-loop stall, its 99th percentile and how many stalls exceeded 50 and 100 ms.
The machine is shared (2 cores): run it twice before believing a figure.

Figures of 2026-11-21 (1M rows, quiet machine), after the dialogs were made light
(mapping dialog 43–54 ms, validation report 64–79 ms to build) and the report opens on
the turn after the mapping dialog closes: preview (read + validate in the sandboxed
child) 9.3 s, the confirmed mapping reused (no second read), import 17.4 s, 26.7 s from
the file chosen to the views refreshed; 997,860 inserted, 2,140 rejected. Heartbeat:
median gap 10 ms, p99 12 ms, longest 63 ms (target ≤ 100 ms: met); two gaps over 50 ms
(the window's first paint, the mapping dialog). Before that work: 104 ms (mapping
dialog), 201 ms (report dialog with 2,140 rows), 120 ms (end of the import).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from dashboard import OUT, Heartbeat, wait_for  # noqa: E402  (sets the offscreen platform)
from import_tickets import ensure_files, fresh_db  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402

from models.db import open_database  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    args = parser.parse_args(argv)
    csv_path, _ = ensure_files(args.rows, want_xlsx=False)
    db_url = fresh_db("import_responsiveness.db")

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(OUT / "cfg-import"))
    from app.gui import DesktopApp, create_qapplication
    from app.i18n import install_translations
    from app.settings import Settings

    qapp = create_qapplication([])
    install_translations("en")
    db = open_database(db_url)
    db.cache_dir = OUT / "cache" / "import_responsiveness"
    settings = Settings()
    settings.last_page = "imports"
    desktop = DesktopApp(qapp, db, settings)
    window = desktop.build_window()
    window.resize(1440, 900)
    window.show()
    wait_for(lambda: "imports" in window.pages)
    page = window.pages["imports"]
    finished: list[object] = []
    page.import_finished.connect(finished.append)  # type: ignore[attr-defined]

    beat = Heartbeat()
    steps: dict[str, float] = {}
    stalls: dict[str, float] = {}  # step → its longest heartbeat gap (ms)

    def step(name: str, since: float, first_tick: int) -> None:
        steps[name] = time.perf_counter() - since
        stalls[name] = max(beat.gaps[first_tick:], default=0.0) * 1000.0
    beat.start()
    started = time.perf_counter()
    page.import_files([csv_path])  # type: ignore[attr-defined]
    wait_for(lambda: page.mapping_dialog is not None or page.report_dialog is not None  # type: ignore[attr-defined]
             or bool(finished), timeout_s=900)
    step("reading and validating (preview)", started, 0)
    if page.mapping_dialog is not None:  # type: ignore[attr-defined]
        t, tick = time.perf_counter(), len(beat.gaps)
        page.mapping_dialog.accept()  # type: ignore[attr-defined]
        wait_for(lambda: page.report_dialog is not None or bool(finished),  # type: ignore[attr-defined]
                 timeout_s=900)
        step("checking the confirmed mapping", t, tick)
    if page.report_dialog is not None:  # type: ignore[attr-defined]
        t, tick = time.perf_counter(), len(beat.gaps)
        page.report_dialog.import_valid_button.click()  # type: ignore[attr-defined]
        wait_for(lambda: bool(finished), timeout_s=900)
        step("importing the valid rows", t, tick)
    t, tick = time.perf_counter(), len(beat.gaps)
    wait_for(lambda: bool(finished), timeout_s=900)
    wait_for(lambda: not desktop.runner.busy, timeout_s=900)  # views refreshed
    step("views refreshed after the import", t, tick)
    total = time.perf_counter() - started
    beat.timer.stop()

    outcome = finished[0]
    gaps_ms = sorted(g * 1000.0 for g in beat.gaps)
    p99 = gaps_ms[int(0.99 * (len(gaps_ms) - 1))] if gaps_ms else 0.0
    print(f"{args.rows:,} rows from {csv_path.name}; 2 shared cores: expect noise")
    for name, seconds in steps.items():
        print(f"  {name:<40} {seconds:7.1f} s   longest stall {stalls[name]:5.0f} ms")
    print(f"  {'total, file chosen → views refreshed':<40} {total:7.1f} s")
    print(f"inserted {outcome.inserted:,}, rejected {outcome.rejected:,}")  # type: ignore[attr-defined]
    print(f"heartbeat ticks: {len(gaps_ms):,}; median gap {statistics.median(gaps_ms):.0f} ms, "
          f"p99 {p99:.0f} ms, longest {gaps_ms[-1]:.0f} ms  (target: no stall over 100 ms: "
          f"{'OK' if gaps_ms[-1] <= 100 else 'MISSED'})")
    print(f"stalls over 50 ms: {sum(g > 50 for g in gaps_ms)}, "
          f"over 100 ms: {sum(g > 100 for g in gaps_ms)}")
    at, marks = 0.0, []
    for gap in beat.gaps:
        at += gap
        if gap > 0.05:
            marks.append(f"{gap * 1000:.0f} ms at {at:.1f} s")
    if marks:
        print("  the stalls over 50 ms: " + "; ".join(marks))
    window.close()
    desktop.runner.shutdown()
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
