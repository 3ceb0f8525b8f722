"""Bulk insert of generated tickets inside the caller's transaction.

SQLite: the sqlite3 driver's ``executemany`` on the session's own connection, with
timestamps already as the integer microseconds the schema stores (≈ 10× the ORM), and
CHECK constraints verified by one query afterwards rather than per row.
PostgreSQL through psycopg: ``COPY … FROM STDIN`` with aware UTC datetimes (the server
checks every constraint). Any other database: SQLAlchemy Core ``insert(Ticket.__table__)``
with executemany of plain dicts, so the column types apply.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any, cast

import numpy as np
from sqlalchemy import CheckConstraint, Dialect, Table, insert
from sqlalchemy.orm import Session

from models.demo.org import DemoOrg
from models.demo.reference import CATEGORIES, CHANNELS, DEMO_SOURCE, PRIORITIES, TEAMS
from models.demo.tickets import NO_TIME, TicketColumns
from models.orm import TICKET_TIME_COLUMNS, UTC, Ticket
from models.progress import Progress

TICKETS = cast(Table, Ticket.__table__)
CHUNK = 50_000
"""Rows per executemany call; progress is reported and cancel checked between chunks."""

COLUMNS: tuple[str, ...] = (
    "source", "external_id", "title", "priority", "status", "channel", "category",
    "is_complaint", "customer", "agent", "team", "site_id", "vendor_id", "created_at",
    "first_response_at", "answered_at", "onsite_at", "resolved_at", "closed_at",
    "reopened_count", "csat", "csat_scale_min", "csat_scale_max", "nps",
)
TIME_COLUMNS = frozenset(TICKET_TIME_COLUMNS)


def external_id(number: int) -> str:
    """The demo ticket id for 1-based ``number``: ``DEMO-000001``."""
    return f"DEMO-{number:06d}"


def insert_tickets(
    session: Session, cols: TicketColumns, org: DemoOrg, progress: Progress, stage: str
) -> None:
    """Insert every generated ticket; raises ``Cancelled`` (via ``progress.check``) between
    chunks, leaving the rollback to the caller's transaction."""
    dialect = session.get_bind().dialect
    chunks = _chunks(_Lookups(cols, org), len(cols), progress, stage, dialect.name == "sqlite")
    if dialect.name == "sqlite":
        _insert_sqlite(session, chunks)
    elif dialect.driver == "psycopg":
        _copy_postgresql(session, chunks)
    else:
        _insert_core(session, chunks)


def _insert_core(session: Session, chunks: Iterator[list[list[Any]]]) -> None:
    """Portable path: Core executemany of dicts, through the column types."""
    for values in chunks:
        rows = [dict(zip(COLUMNS, row, strict=True)) for row in zip(*values, strict=True)]
        session.execute(insert(TICKETS), rows)


def _chunks(
    lookups: _Lookups, n: int, progress: Progress, stage: str, epoch_us: bool
) -> Iterator[list[list[Any]]]:
    """Column lists of :data:`CHUNK` tickets at a time, reporting progress after each."""
    for lo in range(0, n, CHUNK):
        progress.check()
        hi = min(n, lo + CHUNK)
        yield lookups.columns(lo, hi, epoch_us)
        progress.update(hi, n, stage)


def _insert_sqlite(session: Session, chunks: Iterator[list[list[Any]]]) -> None:
    raw = session.connection().connection.driver_connection
    assert raw is not None
    sql = (
        f"INSERT INTO {Ticket.__tablename__} ({', '.join(COLUMNS)}) "
        f"VALUES ({', '.join('?' * len(COLUMNS))})"
    )
    cursor = raw.cursor()
    # Per-row CHECKs cost a sixth of the insert; the rows are valid by construction, and
    # one query afterwards verifies every CHECK before the caller can commit.
    cursor.execute("PRAGMA ignore_check_constraints = ON")
    try:
        for values in chunks:
            cursor.executemany(sql, zip(*values, strict=True))
    finally:
        cursor.execute("PRAGMA ignore_check_constraints = OFF")
    bad = cursor.execute(_violations_sql(session.get_bind().dialect)).fetchone()[0]
    cursor.close()
    if bad:
        raise RuntimeError(f"{bad} generated demo tickets violate a CHECK constraint")


def _copy_postgresql(session: Session, chunks: Iterator[list[list[Any]]]) -> None:
    """``COPY … FROM STDIN`` through psycopg: several times faster than batched INSERTs."""
    raw = session.connection().connection.driver_connection
    assert raw is not None
    sql = f"COPY {Ticket.__tablename__} ({', '.join(COLUMNS)}) FROM STDIN"
    with raw.cursor() as cursor:
        for values in chunks:
            with cursor.copy(sql) as copy:
                for row in zip(*values, strict=True):
                    copy.write_row(row)


def _violations_sql(dialect: Dialect) -> str:
    """Counts demo tickets that break any CHECK constraint of the table (as the ORM declares
    them; a constraint passes when TRUE or NULL, so only FALSE counts). One scan, ~1 s per
    million rows, a fraction of what per-row checking costs the insert."""
    checks = [
        str(c.sqltext.compile(dialect=dialect, compile_kwargs={"literal_binds": True}))
        for c in TICKETS.constraints
        if isinstance(c, CheckConstraint)
    ]
    broken = " OR ".join(f"NOT ({check})" for check in checks) or "0"
    return (
        f"SELECT count(*) FROM {Ticket.__tablename__} "
        f"WHERE source = '{DEMO_SOURCE}' AND ({broken})"
    )


class _Lookups:
    """Turns slices of the generated arrays into per-column Python lists for the driver."""

    def __init__(self, cols: TicketColumns, org: DemoOrg) -> None:
        self.c = cols
        self.priority = np.array(PRIORITIES, dtype=object)
        self.channel = np.array(CHANNELS, dtype=object)
        self.category = np.array([c.name for c in CATEGORIES], dtype=object)
        self.title = np.array([t for c in CATEGORIES for t in c.titles], dtype=object)
        self.n_titles = len(CATEGORIES[0].titles)
        self.customer = np.array(cols.customer_names, dtype=object)
        self.agent = np.array([a for t in TEAMS for a in t.agents], dtype=object)
        self.team = np.array([t.name for t in TEAMS], dtype=object)
        self.site_id = np.array(org.site_ids, dtype=object)
        self.vendor_id = np.array([*org.vendor_ids, None], dtype=object)  # −1 → None

    def columns(self, lo: int, hi: int, sqlite: bool) -> list[list[Any]]:
        c = self.c
        s = slice(lo, hi)
        resolved = c.resolved[s]
        status = np.where(
            resolved != NO_TIME,
            np.where(c.closed[s] != NO_TIME, "closed", "resolved"),
            np.where(c.first_response[s] != NO_TIME, "in_progress", "open"),
        ).astype(object)
        answered_csat = c.csat[s] > 0
        time: Callable[[np.ndarray], list[Any]] = _epoch_us if sqlite else _datetimes
        values: dict[str, list[Any]] = {
            "source": [DEMO_SOURCE] * (hi - lo),
            "external_id": [f"DEMO-{i:06d}" for i in range(lo + 1, hi + 1)],  # external_id()
            "title": self.title[c.category[s] * self.n_titles + c.title[s]].tolist(),
            "priority": self.priority[c.priority[s]].tolist(),
            "status": status.tolist(),
            "channel": self.channel[c.channel[s]].tolist(),
            "category": self.category[c.category[s]].tolist(),
            "is_complaint": (
                c.complaint[s].astype(np.int64).tolist() if sqlite else c.complaint[s].tolist()
            ),
            "customer": self.customer[c.customer[s]].tolist(),
            "agent": self.agent[c.agent[s]].tolist(),
            "team": self.team[c.team[s]].tolist(),
            "site_id": self.site_id[c.site[s]].tolist(),
            "vendor_id": self.vendor_id[c.vendor[s]].tolist(),
            "created_at": time(c.created[s]),
            "first_response_at": time(c.first_response[s]),
            "answered_at": time(c.answered[s]),
            "onsite_at": time(c.onsite[s]),
            "resolved_at": time(resolved),
            "closed_at": time(c.closed[s]),
            "reopened_count": c.reopened[s].tolist(),
            "csat": _nullable(c.csat[s].astype(np.float64), ~answered_csat),
            "csat_scale_min": _nullable(np.full(hi - lo, 1.0), ~answered_csat),
            "csat_scale_max": _nullable(np.full(hi - lo, 5.0), ~answered_csat),
            "nps": _nullable(c.nps[s], c.nps[s] < 0),
        }
        return [values[name] for name in COLUMNS]


def _nullable(values: np.ndarray, missing: np.ndarray) -> list[Any]:
    out = values.astype(object)
    out[missing] = None
    return list(out.tolist())


def _epoch_us(values: np.ndarray) -> list[Any]:
    return _nullable(values, values == NO_TIME)


def _datetimes(values: np.ndarray) -> list[Any]:
    missing = values == NO_TIME
    naive = np.where(missing, 0, values).astype("datetime64[us]").astype(object)
    out: list[dt.datetime | None] = [d.replace(tzinfo=UTC) for d in naive.tolist()]
    for i in np.flatnonzero(missing).tolist():
        out[i] = None
    return out
