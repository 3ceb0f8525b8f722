"""Loading validated tickets: one transaction, driver-level bulk statements, undo.

:func:`load_tickets` writes an :class:`ImportBatch` and upserts the valid rows of a
:class:`TicketData` by (source, external id) in **one transaction** on a raw driver
connection (``executemany`` of sqlite3, of apsw in the import process — see
:mod:`models.bulk_sqlite` — or of psycopg; the ORM is ~15x slower here):

1. ids already stored for the source are read once and the rows split into new and
   known;
2. the previous values of the known rows are copied into ``import_row_backups``
   inside the database (``json_object`` / ``row_to_json``), so :func:`undo_batch` can
   restore them;
3. known rows are updated (only the columns this file provides), new rows inserted,
   in chunks with ``progress.check()`` between them.

A cancel (:class:`models.progress.Cancelled`), any error or a killed process leaves
the database as it was: nothing is committed until the end. Sites and vendors named
in the file are matched by code or name and created when unknown.

SQLite speed (bench/import_tickets.py, 1M rows into the migrated table: 26.6 s →
10.7 s; a plain table without constraints or indexes takes 5.7 s): the rows were
validated in code, so the load runs with ``foreign_keys`` off and
``ignore_check_constraints`` on (the references are the batch and the sites/vendors
resolved here; the codes are checked again below before the checks are waived), and a
batch at least as big as the table drops the secondary indexes and builds them again
at the end — inside the same transaction, so a rollback or a killed process keeps
them. The unique (source, external_id) index stays and keeps guarding the upsert.

No worker thread builds the next chunk while a chunk inserts: sqlite3 frees the GIL
only inside each row's step, so any Python running beside ``executemany`` makes every
row wait for the GIL (measured slower; docs/decisions.md, "Import performance").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import repeat
from typing import Any, cast

import numpy as np

from importers.validation import TicketData
from models.bulk_sqlite import bulk_available, bulk_connection
from models.db import Database
from models.orm import TICKET_DATA_COLUMNS, TICKET_TIME_COLUMNS, Priority, TicketStatus
from models.orm.base import from_epoch_us, to_epoch_us
from models.progress import Progress

CHUNK = 50_000


@dataclass(frozen=True)
class BatchInfo:
    """What the batch row records about the import."""

    kind: str
    file_name: str
    file_sha256: str
    source: str
    sheet: str | None = None
    profile: str | None = None
    user: str | None = None
    rows: int = 0
    rejected: int = 0
    report: dict[str, Any] | None = None


@dataclass(frozen=True)
class LoadResult:
    batch: int
    inserted: int
    updated: int


class _Sql:
    """The few dialect differences: placeholders, time values, booleans, JSON of a row."""

    def __init__(self, dialect: str) -> None:
        self.pg = dialect == "postgresql"
        self.p = "%s" if self.pg else "?"

    def time(self, us: int | None) -> Any:
        if us is None:
            return None
        return from_epoch_us(us) if self.pg else us

    def now(self) -> Any:
        now = dt.datetime.now(dt.UTC)
        return now if self.pg else to_epoch_us(now)

    def flag(self, value: bool) -> Any:
        return bool(value) if self.pg else int(value)

    def row_json(self, alias: str) -> str:
        if self.pg:
            return f"row_to_json({alias})"
        pairs = ", ".join(f"'{c}', {alias}.{c}" for c in (*TICKET_DATA_COLUMNS, "import_batch_id"))
        return f"json_object({pairs})"


def _column_values(data: TicketData, keep: np.ndarray, sql: _Sql, site_ids: list[int | None],
                   vendor_ids: list[int | None], wanted: set[str]) -> dict[str, list[Any]]:
    """The ``wanted`` ticket columns as lists of driver values for the kept rows."""
    idx = np.nonzero(keep)[0]
    il = idx.tolist() if len(idx) < len(keep) else None  # None: every row
    out: dict[str, list[Any]] = {}

    def rows_of(col: list[Any]) -> list[Any]:
        return col if il is None else list(map(col.__getitem__, il))  # C-level map

    def masked(values: np.ndarray, mask: np.ndarray, conv: Any = None) -> list[Any]:
        vals: list[Any] = values[idx].tolist()
        for k in np.nonzero(~mask[idx])[0].tolist():
            vals[k] = None
        if conv is not None:
            vals = [None if v is None else conv(v) for v in vals]
        return vals

    for name in TICKET_TIME_COLUMNS:
        if name in wanted:
            out[name] = masked(data.times[name], data.has[name], sql.time if sql.pg else None)
    for name in ("channel", "category", "title", "description", "customer", "agent", "team"):
        if name in wanted:
            out[name] = rows_of(data.texts[name])
    out["priority"] = data.priority[idx].tolist()
    out["status"] = data.status[idx].tolist()
    complaint = data.is_complaint[idx]
    out["is_complaint"] = complaint.tolist() if sql.pg else complaint.astype(np.int64).tolist()
    if "csat" in wanted:
        out["csat"] = masked(data.csat, data.has_csat)
        lo, hi = data.csat_scale
        out["csat_scale_min"] = masked(np.full(data.n, lo), data.has_csat)
        out["csat_scale_max"] = masked(np.full(data.n, hi), data.has_csat)
    if "nps" in wanted:
        out["nps"] = masked(data.nps, data.has_nps, int)
    if "reopened_count" in wanted:
        out["reopened_count"] = masked(data.reopened, data.has_reopened, int)
    if "site_id" in wanted:
        out["site_id"] = rows_of(site_ids)
    if "vendor_id" in wanted:
        out["vendor_id"] = rows_of(vendor_ids)
    return out


def _resolve_refs(cur: Any, sql: _Sql, table: str, names: list[str | None],
                  extra: dict[str, Any]) -> list[int | None]:
    """Ids of sites/vendors named in the file (by code, then name), creating unknown ones."""
    wanted = {v for v in names if v}
    if not wanted:
        return [None] * len(names)
    cur.execute(f"SELECT id, code, name FROM {table}")
    by_key: dict[str, int] = {}
    for rid, code, name in cur.fetchall():
        by_key.setdefault(code, rid)
        by_key.setdefault(name, rid)
    p = sql.p
    for name in sorted(wanted - by_key.keys()):
        cols = ["code", "name", "created_at", "updated_at", *extra]
        vals = [name[:64], name, sql.now(), sql.now(), *extra.values()]
        cur.execute(f"INSERT INTO {table} ({', '.join(cols)}) VALUES "
                    f"({', '.join([p] * len(cols))}) RETURNING id", vals)
        by_key[name] = cur.fetchone()[0]
    return [by_key[v] if v else None for v in names]


def load_tickets(db: Database, data: TicketData, keep: np.ndarray, info: BatchInfo,
                 progress: Progress) -> LoadResult:
    """Write the ``keep`` rows of ``data`` as one batch, in one transaction (module doc).

    Raises :class:`models.progress.Cancelled` on cancel and the driver's error on a
    database failure; in both cases nothing was written.
    """
    sql = _Sql(db.dialect)
    with _write_cursor(db, checked=sql.pg or _checked_in_code(data, keep)) as cur:
        result = _load(cur, sql, data, keep, info, progress)
        progress.check()
    return result


@contextmanager
def _write_cursor(db: Database, *, checked: bool) -> Iterator[Any]:
    """A driver cursor in one write transaction: committed when the block ends, rolled
    back when it raises. SQLite: a big page cache; foreign keys and CHECKs waived when
    the rows were ``checked`` in code; apsw in the import process
    (:mod:`models.bulk_sqlite`), else the engine's ``sqlite3`` connection, handed back
    to the pool as it came."""
    if bulk_available(db):
        with bulk_connection(db) as con:
            cur = con.cursor()
            cur.execute(_sqlite_setup(checked))
            yield cur
            cur.execute("COMMIT")  # on an exception the close rolls back
        return
    raw = db.engine.raw_connection()
    driver = raw.driver_connection
    assert driver is not None  # None only once the checked-out connection is closed
    try:
        cur = driver.cursor()
        if db.dialect == "sqlite":
            cur.executescript(_sqlite_setup(checked))
        yield cur
        raw.commit()
    except BaseException:
        raw.rollback()
        raise
    finally:
        if db.dialect == "sqlite":
            driver.execute("PRAGMA ignore_check_constraints = OFF")
            driver.execute("PRAGMA foreign_keys = ON")
        raw.close()


def _sqlite_setup(checked: bool) -> str:
    """The statements that open a SQLite load: a page cache big enough for the unique
    index of a million rows, the waived checks, ``BEGIN IMMEDIATE``."""
    keys = "OFF" if checked else "ON"  # foreign_keys is a no-op inside a transaction
    return (f"PRAGMA cache_size = -262144; PRAGMA foreign_keys = {keys}; "
            f"PRAGMA ignore_check_constraints = {'ON' if checked else 'OFF'}; "
            "BEGIN IMMEDIATE")


def _checked_in_code(data: TicketData, keep: np.ndarray) -> bool:
    """True when the kept rows satisfy every CHECK constraint of the tickets table
    (codes, CSAT within its scale, NPS 0–10, reopen counts ≥ 0, resolution not before
    creation), tested here with array operations (≈ 0.1 s per million rows), so the
    database need not test them row by row. Validation ensures all of it already;
    this guards against a caller that did not validate."""
    codes = set(data.priority[keep].tolist()) | set(data.status[keep].tolist())
    lo, hi = data.csat_scale
    csat = data.csat[keep & data.has_csat]
    nps = data.nps[keep & data.has_nps]
    both = keep & data.has["created_at"] & data.has["resolved_at"]
    return (codes <= _ALLOWED_CODES and bool(((csat >= lo) & (csat <= hi)).all())
            and bool(((nps >= 0) & (nps < 11)).all())
            and bool((data.reopened[keep & data.has_reopened] >= 0).all())
            and bool((data.times["resolved_at"][both] >= data.times["created_at"][both]).all()))


_ALLOWED_CODES = {None, *(p.value for p in Priority), *(s.value for s in TicketStatus)}
_INDEX_REBUILD_MIN = 50_000  # rows; below this the index upkeep costs little


def _secondary_indexes(cur: Any, new_rows: int) -> list[str]:
    """Drop the tickets table's own indexes before a big insert (SQLite; more rows than
    the table holds, and at least :data:`_INDEX_REBUILD_MIN`); their ``CREATE`` text,
    to run after the insert, inside the same transaction."""
    if new_rows < _INDEX_REBUILD_MIN:
        return []
    cur.execute("SELECT count(*) FROM tickets")
    if cur.fetchone()[0] > new_rows:
        return []
    cur.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' "
                "AND tbl_name = 'tickets' AND sql IS NOT NULL")  # not the UNIQUE autoindex
    found = cur.fetchall()
    for name, _ in found:
        cur.execute(f'DROP INDEX "{name}"')
    return [ddl for _, ddl in found]


def _load(cur: Any, sql: _Sql, data: TicketData, keep: np.ndarray, info: BatchInfo,
          progress: Progress) -> LoadResult:
    p = sql.p
    import json

    cur.execute(
        "INSERT INTO import_batches (kind, file_name, file_sha256, source, sheet, profile, "
        '"user", started_at, rows, inserted, updated, rejected, status, report) VALUES '
        f"({', '.join([p] * 14)}) RETURNING id",
        (info.kind, info.file_name[:500], info.file_sha256, info.source[:100], info.sheet,
         info.profile, info.user, sql.now(), info.rows, 0, 0, info.rejected, "committed",
         json.dumps(info.report) if info.report is not None else None))
    batch_id = int(cur.fetchone()[0])
    site_ids = _resolve_refs(cur, sql, "sites", data.texts["site"], {})
    vendor_ids = _resolve_refs(cur, sql, "vendors", data.texts["vendor"],
                               {"service_category": "other", "status": "active"})
    progress.check()
    wanted = data.fields | {"is_complaint", "priority", "status"}
    cols = _column_values(data, keep, sql, site_ids, vendor_ids, wanted)
    # every kept row has an id: validation rejects a row without one (missing_required)
    ids = cast(list[str], list(map(data.external_id.__getitem__, np.nonzero(keep)[0].tolist())))
    total = len(ids)
    cur.execute(f"SELECT external_id, id FROM tickets WHERE source = {p}", (info.source,))
    known: dict[str, int] = dict(cur.fetchall())
    if known:
        new_rows = [k for k, e in enumerate(ids) if e not in known]
        old_rows = [k for k, e in enumerate(ids) if e in known]
    else:  # a new source: every row is new
        new_rows, old_rows = list(range(total)), []
    progress.update(0, total, "loading")
    if old_rows:
        _backup(cur, sql, batch_id, [known[ids[k]] for k in old_rows])
        update_cols = [c for c in TICKET_DATA_COLUMNS if c in data.fields]
        assignments = ", ".join(f"{c} = {p}" for c in (*update_cols, "import_batch_id"))
        statement = f"UPDATE tickets SET {assignments} WHERE id = {p}"
        for start in range(0, len(old_rows), CHUNK):
            part = old_rows[start:start + CHUNK]
            rows = [(*(cols[c][k] for c in update_cols), batch_id, known[ids[k]]) for k in part]
            cur.executemany(statement, rows)
            progress.update(start + len(part), total, "loading")
            progress.check()
    if new_rows:
        # only the columns this file provides: fewer values to bind per row
        provided = [c for c in TICKET_DATA_COLUMNS if c in data.fields or c == "is_complaint"]
        names = ("source", "external_id", *provided, "import_batch_id")
        statement = (f"INSERT INTO tickets ({', '.join(names)}) "
                     f"VALUES ({', '.join([p] * len(names))})")
        source = info.source
        everything = len(new_rows) == total
        rebuild = [] if sql.pg else _secondary_indexes(cur, len(new_rows))
        for start in range(0, len(new_rows), CHUNK):
            part = new_rows[start:start + CHUNK]
            if everything:  # column slices zipped in C: no Python work per cell
                end = start + len(part)
                new_values = zip(repeat(source), ids[start:end],
                                 *(cols[c][start:end] for c in provided), repeat(batch_id))
            else:
                new_values = zip(repeat(source), [ids[k] for k in part],
                                 *([cols[c][k] for k in part] for c in provided),
                                 repeat(batch_id))
            cur.executemany(statement, new_values)
            progress.update(len(old_rows) + start + len(part), total, "loading")
            progress.check()
        if rebuild:
            progress.update(total, total, "indexing")
        for ddl in rebuild:
            cur.execute(ddl)
    cur.execute(f"UPDATE import_batches SET inserted = {p}, updated = {p}, finished_at = {p} "
                f"WHERE id = {p}", (len(new_rows), len(old_rows), sql.now(), batch_id))
    return LoadResult(batch_id, len(new_rows), len(old_rows))


def _backup(cur: Any, sql: _Sql, batch_id: int, row_ids: list[int]) -> None:
    """Copy the current values of ``row_ids`` into import_row_backups, inside the DB."""
    p = sql.p
    if sql.pg:
        cur.execute("CREATE TEMP TABLE IF NOT EXISTS _sl_ids (id bigint PRIMARY KEY) "
                    "ON COMMIT DROP")
    else:
        cur.execute("CREATE TEMP TABLE IF NOT EXISTS _sl_ids (id INTEGER PRIMARY KEY)")
    cur.execute("DELETE FROM _sl_ids")
    cur.executemany(f"INSERT INTO _sl_ids (id) VALUES ({p})", [(i,) for i in row_ids])
    cur.execute(
        "INSERT INTO import_row_backups (batch_id, table_name, row_id, previous) "
        f"SELECT {p}, 'tickets', t.id, {sql.row_json('t')} FROM tickets t "
        "JOIN _sl_ids ON _sl_ids.id = t.id", (batch_id,))
    cur.execute("DELETE FROM _sl_ids")
