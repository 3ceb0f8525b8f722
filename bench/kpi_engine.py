"""Benchmark of the KPI engine on a million tickets.

Builds an SQLite database with N synthetic tickets (numpy straight into the driver's
``executemany``), then prints: the store's load time, the median time to compute all
cards + a trend + the Pareto + three breakdowns for one filter change, and the process
RSS. Reference measured in the same run: one plain SQL median-FRT query.

    .venv/bin/python bench/kpi_engine.py [--tickets 1000000] [--keep PATH]
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

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from models.db import open_database, sqlite_url

CHANNELS = ["phone", "email", "web", "wechat", "onsite"]
CATEGORIES = [f"类别{i:02d}" for i in range(40)]
START_US = int(dt.datetime(2025, 1, 1, tzinfo=dt.UTC).timestamp() * 1_000_000)
SPAN_US = 700 * 86_400 * 1_000_000


def build_database(path: Path, n: int, seed: int = 7) -> None:
    """Write ``n`` synthetic tickets (plus 20 vendors and 200 sites) into a fresh DB."""
    db = open_database(sqlite_url(path))
    rng = np.random.default_rng(seed)
    raw = db.engine.raw_connection()
    try:
        cur = raw.cursor()
        now = START_US
        cur.executemany(
            "INSERT INTO vendors (id, code, name, service_category, status, version,"
            " created_at, updated_at) VALUES (?, ?, ?, 'it', 'active', 1, ?, ?)",
            [(i, f"V{i:03d}", f"供应商{i}", now, now) for i in range(1, 21)],
        )
        cur.executemany(
            "INSERT INTO sites (id, code, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
            [(i, f"S{i:03d}", f"门店{i}", now, now) for i in range(1, 201)],
        )
        created = np.sort(START_US + rng.integers(0, SPAN_US, n))
        pri = rng.choice(4, n, p=[0.05, 0.2, 0.5, 0.25])
        frt = (rng.lognormal(3.5, 1.0, n) * 60e6).astype(np.int64)
        res = frt + (rng.lognormal(2.0, 1.2, n) * 3600e6).astype(np.int64)
        has_frt = rng.random(n) < 0.97
        has_res = rng.random(n) < 0.92
        csat = rng.integers(1, 6, n)
        has_csat = rng.random(n) < 0.3
        nps = rng.integers(0, 11, n)
        has_nps = rng.random(n) < 0.1
        complaint = rng.random(n) < 0.08
        chan = rng.integers(0, len(CHANNELS), n)
        cat = np.minimum(rng.zipf(1.6, n) - 1, len(CATEGORIES) - 1)
        vendor = rng.integers(1, 21, n)
        site = rng.integers(1, 201, n)
        agent = rng.integers(0, 300, n)
        cust = rng.integers(0, 200_000, n)
        reopen = rng.poisson(0.05, n)
        chunk = 100_000
        for lo in range(0, n, chunk):
            hi = min(n, lo + chunk)
            rows = [
                (
                    "bench",
                    f"T{i}",
                    f"P{pri[i] + 1}",
                    "resolved" if has_res[i] else "open",
                    CHANNELS[chan[i]],
                    CATEGORIES[cat[i]],
                    int(complaint[i]),
                    f"C{cust[i]}",
                    f"agent{agent[i]}",
                    int(site[i]),
                    int(vendor[i]),
                    int(created[i]),
                    int(created[i] + frt[i]) if has_frt[i] else None,
                    int(created[i] + res[i]) if has_res[i] else None,
                    int(reopen[i]),
                    float(csat[i]) if has_csat[i] else None,
                    1.0 if has_csat[i] else None,
                    5.0 if has_csat[i] else None,
                    int(nps[i]) if has_nps[i] else None,
                )
                for i in range(lo, hi)
            ]
            cur.executemany(
                "INSERT INTO tickets (source, external_id, priority, status, channel, category,"
                " is_complaint, customer, agent, site_id, vendor_id, created_at,"
                " first_response_at, resolved_at, reopened_count, csat, csat_scale_min,"
                " csat_scale_max, nps) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                rows,
            )
        raw.commit()
    finally:
        raw.close()
        db.dispose()


def rss_mb() -> float:
    import psutil

    return float(psutil.Process().memory_info().rss) / 1e6


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tickets", type=int, default=1_000_000)
    parser.add_argument("--keep", type=Path, help="build (or reuse) the database at this path")
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()

    from models.kpi.api import (
        TicketFilter,
        breakdown,
        compute_kpis,
        load_store,
        pareto,
        trend,
    )
    from models.kpi.sla import default_policy_set

    tmp = tempfile.TemporaryDirectory()
    path = args.keep or Path(tmp.name) / "bench.db"
    if not path.exists():
        t0 = time.perf_counter()
        build_database(path, args.tickets)
        print(f"built {args.tickets:,} tickets in {time.perf_counter() - t0:.1f} s")
    db = open_database(sqlite_url(path))

    raw = db.engine.raw_connection()
    t0 = time.perf_counter()
    cur = raw.cursor()
    cur.execute(
        "SELECT first_response_at - created_at AS d FROM tickets"
        " WHERE first_response_at IS NOT NULL ORDER BY d"
        " LIMIT 1 OFFSET (SELECT count(first_response_at) FROM tickets) / 2"
    )
    cur.fetchall()
    ref = time.perf_counter() - t0
    raw.close()
    print(f"reference: plain SQL median FRT {ref * 1000:.0f} ms")

    rss0 = rss_mb()
    t0, c0 = time.perf_counter(), time.process_time()
    store = load_store(db)
    load_s, load_cpu = time.perf_counter() - t0, time.process_time() - c0
    print(
        f"load {store.size:,} tickets: {load_s:.2f} s wall, {load_cpu:.2f} s CPU (both threads);"
        f" RSS {rss0:.0f} -> {rss_mb():.0f} MB"
    )

    policies = default_policy_set()
    as_of = dt.datetime(2026, 12, 1, tzinfo=dt.UTC)
    compute_kpis(store, TicketFilter(), as_of, policies)  # SLA evaluation, cached per policy set
    month_start = dt.datetime(2026, 9, 1, tzinfo=dt.UTC)
    month_end = dt.datetime(2026, 10, 1, tzinfo=dt.UTC)
    filters = {
        "all history": TicketFilter(),
        "one month": TicketFilter(start=month_start, end=month_end),
        "P2 + 3 vendors": TicketFilter(priorities=("P2",), vendor_ids=(1, 2, 3)),
        "quarter, complaints": TicketFilter(
            start=dt.datetime(2026, 7, 1, tzinfo=dt.UTC), end=month_end, complaints_only=True
        ),
    }
    for name, filt in filters.items():
        times, cpu = [], []
        for _ in range(args.repeat):
            t0, c0 = time.perf_counter(), time.process_time()
            compute_kpis(store, filt, as_of, policies)
            trend(store, filt, "response_sla_met_pct", "week", as_of, policies, "Asia/Shanghai")
            pareto(store, filt)
            for by in ("vendor", "site", "channel"):
                breakdown(store, filt, by, as_of, policies)
            times.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
        print(
            f"compute all for '{name}' ({compute_kpis(store, filt, as_of, policies).volume:,}"
            f" tickets): median {statistics.median(times) * 1000:.0f} ms wall,"
            f" {statistics.median(cpu) * 1000:.0f} ms CPU"
        )
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"RSS after compute: {rss_mb():.0f} MB (peak {peak:.0f} MB)")
    print(f"machine load average while measuring: {os.getloadavg()}")
    db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
