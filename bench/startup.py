"""Start-up benchmark: time from process start to the main window painted.

Generates (once, cached under ``bench/out/``) a demo database with 1,000,000 tickets with
the demo generator, and an empty migrated database; then launches
``python -m app --db sqlite:///…`` with ``SERVICELENS_STARTUP_PROBE=1`` — the window prints
``painted <seconds since process start>`` and quits — alternately on the empty and the big
database, after one unmeasured warm-up each. Prints every run, the medians, the ratio and
the generator's time.

Targets (issue 2): median ≤ 2.0 s on 1M tickets, and ≤ 1.5 × the empty database.
Each launch gets a fresh settings folder, so every run is a first start (no restored
page or geometry). A cached database is rebuilt when the schema revision or the demo
generator's source changed.

    .venv/bin/python bench/startup.py [--tickets 1000000] [--runs 5] [--regenerate]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from models.db import open_database, sqlite_url  # noqa: E402
from models.demo import generate_demo  # noqa: E402
from models.migrate import current_revision, head_revision  # noqa: E402

OUT = REPO / "bench" / "out"
TARGET_S = 2.0
TARGET_RATIO = 1.5
RUN_TIMEOUT_S = 120


@dataclass(frozen=True)
class Launch:
    """One launch: the probe's figure (process start → painted) and the wall time seen here
    (spawn → the probe's line arrived), both in seconds."""

    painted_s: float
    wall_s: float


def prepared_database(path: Path, tickets: int, regenerate: bool) -> dict[str, object]:
    """The cached database at ``path`` with ``tickets`` demo tickets (0 = empty), built when
    missing, stale or asked for; returns its sidecar facts (generation seconds …)."""
    facts_path = path.with_suffix(".json")
    wanted = {"tickets": tickets, "revision": head_revision(), "generator": generator_digest()}
    if not regenerate and path.exists() and facts_path.exists():
        facts: dict[str, object] = json.loads(facts_path.read_text(encoding="utf-8"))
        if all(facts.get(key) == value for key, value in wanted.items()):
            return facts
    for stale in path.parent.glob(path.name + "*"):
        stale.unlink()
    print(f"building {path.name} ({tickets:,} tickets) …", flush=True)
    db = open_database(sqlite_url(path))
    started = time.perf_counter()
    cpu = time.process_time()
    if tickets:
        generate_demo(db, tickets=tickets, seed=42)
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu
    revision = current_revision(db)
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()
    assert revision == wanted["revision"]
    facts = {
        **wanted,
        "generate_s": round(seconds, 2),
        "generate_cpu_s": round(cpu_seconds, 2),
        "size_mb": round(path.stat().st_size / 1e6, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "built": time.strftime("%Y-%m-%d %H:%M:%S"),
    }
    facts_path.write_text(json.dumps(facts, indent=1), encoding="utf-8")
    return facts


def generator_digest() -> str:
    """A short hash of the demo generator's source: a changed generator rebuilds the cache."""
    digest = hashlib.sha256()
    for source in sorted((REPO / "models" / "demo").glob("*.py")):
        digest.update(source.read_bytes())
    return digest.hexdigest()[:16]


def launch(db_path: Path) -> Launch:
    """Start the application on ``db_path`` with the start-up probe and wait for its figure."""
    with tempfile.TemporaryDirectory(prefix="servicelens-bench-") as home:
        env = dict(os.environ)
        env.update(
            SERVICELENS_STARTUP_PROBE="1",
            XDG_CONFIG_HOME=str(Path(home) / "config"),
            XDG_DATA_HOME=str(Path(home) / "data"),
            XDG_CACHE_HOME=str(Path(home) / "cache"),
        )
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        env.pop("SERVICELENS_DB", None)
        err_path = Path(home) / "stderr.txt"
        with err_path.open("w") as err_file:
            started = time.perf_counter()
            proc = subprocess.Popen(
                [sys.executable, "-m", "app", "--db", sqlite_url(db_path)],
                cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=err_file, text=True,
            )
            watchdog = threading.Timer(RUN_TIMEOUT_S, proc.kill)  # a hung window is an error
            watchdog.start()
            painted: Launch | None = None
            try:
                assert proc.stdout is not None
                for line in proc.stdout:  # ends when the application exits
                    if line.startswith("painted ") and painted is None:
                        painted = Launch(float(line.split()[1]), time.perf_counter() - started)
                proc.wait()
            finally:
                watchdog.cancel()
        err = err_path.read_text(errors="replace")
    if painted is None:
        tail = (err.strip().splitlines() or ["(no output)"])[-1]
        raise RuntimeError(f"no 'painted' line (exit {proc.returncode}): {tail}")
    return painted


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tickets", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--regenerate", action="store_true", help="rebuild the cached databases")
    args = parser.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    empty_db, big_db = OUT / "startup_empty.db", OUT / f"startup_{args.tickets}.db"
    prepared_database(empty_db, 0, args.regenerate)
    facts = prepared_database(big_db, args.tickets, args.regenerate)
    print(
        f"generator: {args.tickets:,} demo tickets in {facts['generate_s']} s "
        f"(CPU {facts['generate_cpu_s']} s, peak RSS {facts.get('peak_rss_mb')} MB; "
        f"file {facts['size_mb']} MB; built {facts['built']})"
    )
    try:
        launch(empty_db), launch(big_db)  # warm-up: interpreter, Qt and the file cache
        runs: dict[str, list[Launch]] = {"empty": [], "big": []}
        for _ in range(args.runs):  # alternate, so both see the same machine load
            runs["empty"].append(launch(empty_db))
            runs["big"].append(launch(big_db))
    except RuntimeError as exc:
        print(f"startup: error: {exc}", file=sys.stderr)
        return 1
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"machine: {os.cpu_count()} CPUs, load average {load} (other processes share them)")
    medians = {k: statistics.median(r.painted_s for r in v) for k, v in runs.items()}
    for key, label in (("empty", "empty database"), ("big", f"{args.tickets:,} tickets")):
        each = ", ".join(f"{r.painted_s:.2f}" for r in runs[key])
        wall = statistics.median(r.wall_s for r in runs[key])
        print(f"{label:>18}: median {medians[key]:.3f} s to painted  [{each}]"
              f"  (wall from spawn {wall:.2f} s)")
    ratio = medians["big"] / medians["empty"]
    ok_abs, ok_ratio = medians["big"] <= TARGET_S, ratio <= TARGET_RATIO
    print(f"ratio {ratio:.2f} × empty (target ≤ {TARGET_RATIO}: {'met' if ok_ratio else 'MISSED'});"
          f" {medians['big']:.2f} s (target ≤ {TARGET_S} s: {'met' if ok_abs else 'MISSED'})")
    return 0 if ok_abs and ok_ratio else 1


if __name__ == "__main__":
    sys.exit(main())
