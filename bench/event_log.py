"""Benchmark: an event log of 1,000,000 rows (250,000 tickets × 4 state changes).

    python bench/event_log.py [--rows N]

Generates the csv once (cached in ``bench/out/``): ticket id, creation time, update time,
status (新建 → 处理中 → 已解决 → 已关闭 or a reopen), agent, priority, resolution time.
Then measures, in this process:

(a) the reference: reading the csv and validating all N rows as they are (``keep``);
(b) :func:`importers.event_log.reduce_event_log` alone on the read table;
(c) the whole ``import_file(..., options={"event_log": "reduce"})`` into a fresh SQLite
    file (read, reduce, validate the tickets, load).

Prints seconds and rows/s. Target: (b) a few seconds for a million rows. The machine
is shared (2 cores): run it twice before believing one figure.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "bench" / "out"
STEPS = [("新建", False), ("处理中", False), ("已解决", True), ("已关闭", False)]


def write_log(path: Path, rows: int) -> Path:
    """Four rows per ticket, update times increasing; every 10th ticket is reopened."""
    start = dt.datetime(2025, 1, 1)
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["工单号", "创建时间", "更新时间", "状态", "处理人", "优先级", "解决时间"])
        for i in range(rows):
            ticket, step = divmod(i, 4)
            created = start + dt.timedelta(minutes=ticket)
            updated = created + dt.timedelta(hours=3 * step)
            status, resolving = STEPS[step]
            if step == 3 and ticket % 10 == 0:
                status = "重新打开"
            w.writerow([f"E{ticket:07d}", f"{created:%Y-%m-%d %H:%M}", f"{updated:%Y-%m-%d %H:%M}",
                        status, f"坐席{(ticket + step) % 97}", "中",
                        f"{updated:%Y-%m-%d %H:%M}" if resolving else ""])
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"event_log_{args.rows}.csv"
    if not path.exists():
        write_log(path, args.rows)

    from importers.event_log import reduce_event_log
    from importers.job import import_file, read_file
    from importers.mapping import propose_mapping
    from importers.validation import validate_tickets

    tz = dt.UTC
    t0 = time.perf_counter()
    table = read_file(path)
    t_read = time.perf_counter() - t0
    mapping = propose_mapping(table)
    t0 = time.perf_counter()
    validate_tickets(table, mapping, tz=tz)
    t_keep = time.perf_counter() - t0
    t0 = time.perf_counter()
    reduced, _, info = reduce_event_log(table, mapping, tz)
    t_reduce = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp:
        from models.db import open_database

        url = f"sqlite:///{tmp}/bench.db"
        open_database(url).dispose()
        t0 = time.perf_counter()
        report = import_file(path, url, tz="UTC", options={"event_log": "reduce"})
        t_import = time.perf_counter() - t0
    n = table.n_rows
    print(f"rows {n:,} → tickets {reduced.n_rows:,} (ids {info.tickets:,})")
    print(f"(a) read {t_read:.2f} s + validate as is {t_keep:.2f} s "
          f"({n / (t_read + t_keep):,.0f} rows/s)")
    print(f"(b) reduce {t_reduce:.2f} s ({n / t_reduce:,.0f} rows/s)")
    print(f"(c) import with reduce {t_import:.2f} s ({n / t_import:,.0f} rows/s): "
          f"{report.inserted:,} inserted, {report.rejected:,} rejected")


if __name__ == "__main__":
    main()
