"""Benchmark of loading the KPI store: from the database vs. from the on-disk cache.

Works on a copy of a demo database with N tickets (``models.demo.generate_demo``; pass
``--db`` to reuse one built earlier, it is copied, never changed) and prints:

- the plain database load (``TicketStore.load_from_db``) — the reference;
- the first load with an empty cache folder (database load + writing the cache);
- a cache load with nothing new;
- a cache load after 1,000 new tickets were inserted (cache + incremental refresh);
- the engine's part of the first dashboard after a cache load: load + the first
  computation of the cards, a trend, the Pareto and three breakdowns for the last 30 days
  (the target for the whole first dashboard is 3 s, issue 4);
- the cache file size, the process RSS and the machine's load average (2 shared cores).

With ``--variants`` it first times ways of reading one column out of SQLite (the
choices behind ``models.kpi.store_loading``).

    .venv/bin/python bench/kpi_store.py [--tickets 1000000] [--db PATH] [--repeat 3]
                                        [--variants]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from models.db import Database, copy_file, open_database, sqlite_url
from models.kpi.store import TicketStore
from models.kpi.store_cache import cache_file

NEW_TICKETS = 1_000


def first_dashboard(db: Database) -> float:
    """Seconds for a cache load plus the first computation of a 30-day dashboard."""
    from models.kpi.api import TicketFilter, breakdown, compute_kpis, pareto, trend
    from models.kpi.sla import default_policy_set

    t0 = time.perf_counter()
    store = TicketStore.load(db)
    policies = default_policy_set()
    last = store.time_range()
    as_of = dt.datetime.fromtimestamp((last[1] if last else 0) / 1e6, dt.UTC)
    filt = TicketFilter(start=as_of - dt.timedelta(days=30), end=as_of)
    compute_kpis(store, filt, as_of, policies)
    compute_kpis(store, TicketFilter(start=as_of - dt.timedelta(days=60),
                                     end=as_of - dt.timedelta(days=30)), as_of, policies)
    trend(store, filt, "response_sla_met_pct", "day", as_of, policies, "Asia/Shanghai")
    pareto(store, filt)
    for by in ("vendor", "site", "channel"):
        breakdown(store, filt, by, as_of, policies)
    return time.perf_counter() - t0


def timed(fn: object, repeat: int) -> tuple[float, object]:
    """Median wall time in seconds of ``fn()`` over ``repeat`` runs, and its last result."""
    times: list[float] = []
    result: object = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()  # type: ignore[operator]
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


def insert_tickets(db: Database, n: int, start: int) -> None:
    """Insert ``n`` plain tickets (one hour apart after the newest one) outside any batch."""
    raw = db.engine.raw_connection()
    try:
        cur = raw.cursor()
        last = int(cur.execute("SELECT max(created_at) FROM tickets").fetchone()[0])
        rows = [
            ("bench", f"NEW{start + i}", "P3", "web", "bench", 0, last + (i + 1) * 3_600_000_000,
             last + (i + 1) * 3_600_000_000 + 600_000_000)
            for i in range(n)
        ]
        cur.executemany(
            "INSERT INTO tickets (source, external_id, priority, channel, category,"
            " is_complaint, created_at, first_response_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        raw.commit()
    finally:
        raw.close()


def loader_variants(path: Path) -> None:
    """Seconds to read one integer column and one text column by several methods."""
    import operator
    import sqlite3

    import numpy as np

    con = sqlite3.connect(path)
    cur = con.cursor()
    n = int(cur.execute("SELECT count(*) FROM tickets").fetchone()[0])

    def gc(sql: str) -> object:
        return np.fromstring(cur.execute(sql).fetchone()[0], sep=",", dtype=np.int64)

    def text_codes(col: str) -> object:
        labels = [r[0] for r in cur.execute(f"SELECT DISTINCT {col} FROM tickets")]
        cur.execute("CREATE TEMP TABLE IF NOT EXISTS lab (label TEXT PRIMARY KEY, code INT)")
        cur.execute("DELETE FROM lab")
        cur.executemany("INSERT INTO lab VALUES (?, ?)",
                        [(lab, i) for i, lab in enumerate(labels)])
        return gc(f"SELECT group_concat(coalesce(l.code, -1)) FROM tickets t"
                  f" LEFT JOIN temp.lab l ON l.label = t.{col}")

    col = "created_at"
    variants = {
        "int: group_concat, ORDER BY id subquery (current)":
            lambda: gc(f"SELECT group_concat(v) FROM (SELECT {col} AS v FROM tickets ORDER BY id)"),
        "int: group_concat, NOT INDEXED scan":
            lambda: gc(f"SELECT group_concat({col}) FROM tickets NOT INDEXED"),
        "int: np.fromiter over the cursor":
            lambda: np.fromiter(map(operator.itemgetter(0), cur.execute(
                f"SELECT {col} FROM tickets ORDER BY id")), np.int64, count=n),
        "int: fetchall -> np.array":
            lambda: np.array(cur.execute(f"SELECT {col} FROM tickets ORDER BY id").fetchall()),
        "text: group_concat + split (current, before encoding)":
            lambda: cur.execute("SELECT group_concat(v, char(31)) FROM (SELECT coalesce(agent,"
                                " char(30)) AS v FROM tickets ORDER BY id)").fetchone()[0]
            .split("\x1f"),
        "text: DISTINCT + temp-table join to codes":
            lambda: text_codes("agent"),
    }
    for name, fn in variants.items():
        t, _ = timed(fn, 1)
        print(f"  {name:55s} {t:6.2f} s")
    con.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tickets", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, help="an existing demo database to copy")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--variants", action="store_true", help="time SQLite read methods")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kpi-store-") as tmp:
        work = Path(tmp) / "bench.db"
        if args.db:
            copy_file(args.db, work)
            db = open_database(sqlite_url(work))
        else:
            from models.demo import generate_demo

            db = open_database(sqlite_url(work))
            t0 = time.perf_counter()
            generate_demo(db, tickets=args.tickets)
            print(f"built {args.tickets:,} demo tickets in {time.perf_counter() - t0:.1f} s")
        if args.variants:
            print("reading one column of every ticket out of SQLite:")
            loader_variants(work)
        n = TicketStore.load_from_db(db).size
        print(f"tickets: {n:,}")

        t_db, _ = timed(lambda: TicketStore.load_from_db(db), args.repeat)
        print(f"database load (reference, median of {args.repeat}): {t_db:6.2f} s")

        db.cache_dir = Path(tmp) / "cache"
        t0 = time.perf_counter()
        TicketStore.load(db)
        t_first = time.perf_counter() - t0
        path = cache_file(db)
        assert path is not None and path.exists()
        print(f"first load, empty cache (db + write):     {t_first:6.2f} s")
        print(f"cache file: {path.stat().st_size / 1e6:.0f} MB")

        t_cache, store = timed(lambda: TicketStore.load(db), args.repeat)
        assert isinstance(store, TicketStore) and store.size == n
        print(f"cache load, nothing new (median):         {t_cache:6.2f} s")

        refresh_times: list[float] = []
        for r in range(args.repeat):
            insert_tickets(db, NEW_TICKETS, r * NEW_TICKETS)
            t0 = time.perf_counter()
            store = TicketStore.load(db)
            refresh_times.append(time.perf_counter() - t0)
            assert store.size == n + (r + 1) * NEW_TICKETS
        t_ref = statistics.median(refresh_times)
        print(f"cache load + refresh of {NEW_TICKETS:,} new (median): {t_ref:6.2f} s")
        print(f"speed-up of the cache load vs. the database load: {t_db / t_cache:.0f}x")
        t_dash, _ = timed(lambda: first_dashboard(db), args.repeat)
        print(f"cache load + first 30-day dashboard computation (median): {t_dash:6.2f} s")
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"load average: {os.getloadavg()}; peak RSS {peak:.0f} MiB")
        print(f"RSS: {psutil.Process().memory_info().rss / 2**20:.0f} MiB")
        db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
