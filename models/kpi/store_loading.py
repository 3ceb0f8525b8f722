"""Reading the tickets table into numpy columns (SQLite fast path, PostgreSQL, merge).

The SQLite path asks the driver for one ``group_concat`` string per column (in id
order) and parses it with numpy: no Python object per value. Text columns are
dictionary-encoded (labels in order of first appearance). Missing times become
:data:`NONE`. CSAT ratings are mapped to 0–100 here, with the scale of their import
(or, undeclared, inferred per import batch as DESIGN.md says: all values in 1–5 → 1–5,
in 0–10 → 0–10, else 0–100). On SQLite, reopen counts above 254 are read as 254 (the
KPIs only ask "never" or "at least once").
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from models.progress import Progress

if TYPE_CHECKING:
    from models.db import Database

NONE = -(2**62)  # "no time": below every real instant, and exact through SQLite text
TEXT_COLUMNS = ("channel", "category", "agent", "customer")
PRIORITY_CASE = (
    "CASE priority WHEN 'P1' THEN 0 WHEN 'P2' THEN 1 WHEN 'P3' THEN 2 WHEN 'P4' THEN 3 ELSE -1 END"
)
Where = tuple[str, dict[str, Any]] | None
ENCODE_CHUNK = 50_000  # texts encoded per call (≈ 5 ms each)

MISSING_DELTA = -1  # answer / on-site delay (µs) of a ticket without that time
# integer columns, read in two scans of the table (a scan costs more than a column)
_SQLITE_INT = {
    "id": "id",
    "created": "created_at",
    # deltas print shorter than instants; NONE marks a missing time
    "frt_us": f"coalesce(first_response_at - created_at, {NONE})",
    "res_us": f"coalesce(resolved_at - created_at, {NONE})",
}
_SQLITE_INT_2 = {
    # mostly missing: a short marker (a delay of −1 µs reads as "none")
    "ans_us": f"coalesce(answered_at - created_at, {MISSING_DELTA})",
    "onsite_us": f"coalesce(onsite_at - created_at, {MISSING_DELTA})",
    # priority+1 (3 bits) | complaint (1) | nps+1 (4) | reopened+1, capped at 255 (8)
    # | vendor id+1 (23) | site id+1 (23): one value per ticket instead of seven
    "small": f"({PRIORITY_CASE} + 1) + 8 * coalesce(is_complaint, 0)"
    " + 16 * (coalesce(nps, -1) + 1)"
    " + 256 * (min(coalesce(reopened_count, -1), 254) + 1)"
    " + 65536 * (coalesce(vendor_id, -1) + 1)"
    " + 549755813888 * (coalesce(site_id, -1) + 1)",
}


def load_columns(
    db: Database, where: Where, progress: Progress, threads: int = 2
) -> dict[str, Any]:
    """The tickets matching ``where`` (SQL condition + parameters; ``None`` = all).

    On SQLite the column scans run on ``threads`` threads (1 leaves the other processor
    to the window while it is being built)."""
    progress.update(0, None, "tickets")
    if db.dialect == "sqlite" and _ids_fit_packing(db):
        # the columns come from several connections: bound them by the last id now, so
        # rows inserted meanwhile cannot shift one column against another; a deletion
        # meanwhile shows as unequal lengths, and the read is repeated
        for _ in range(3):
            bound = max_ticket_id(db)
            cond, params = where if where else ("1 = 1", {})
            bounded = (f"({cond}) AND id <= :_kpi_bound", {**params, "_kpi_bound": bound})
            cols = _load_sqlite(db, bounded, progress, threads)
            if _consistent(cols):
                break
        else:
            cols = _load_rows(db, where, progress)  # one connection, one snapshot
    else:
        cols = _load_rows(db, where, progress)
    progress.check()
    return cols


def max_ticket_id(db: Database) -> int:
    """The highest ticket id (0 for none): a bound for reads, and a size hint."""
    from sqlalchemy import text

    with db.engine.connect() as conn:
        return int(conn.execute(text("SELECT coalesce(max(id), 0) FROM tickets")).scalar_one())


def _consistent(cols: dict[str, Any]) -> bool:
    n = cols["id"].size
    return all(v.size == n for v in cols.values() if isinstance(v, np.ndarray))


# -- SQLite ------------------------------------------------------------------------------


def _load_sqlite(db: Database, where: Where, progress: Progress, threads: int) -> dict[str, Any]:
    cond, params = where if where else ("1 = 1", {})

    def scan(cur: Any, exprs: Sequence[str], dtype: Any, extra: str = "") -> list[Any]:
        """``exprs`` of the matching rows (``extra``: one more condition) as arrays in id
        order: one ``group_concat`` per expression, one pass over the table."""
        inner = ", ".join(f"{e} AS v{i}" for i, e in enumerate(exprs))
        outer = ", ".join(f"group_concat(v{i})" for i in range(len(exprs)))
        sql = (f"SELECT {outer} FROM (SELECT {inner} FROM tickets"
               f" WHERE ({cond}){extra} ORDER BY id)")
        return [_parse(v, dtype) for v in cur.execute(sql, params).fetchone()]

    def ints(exprs: dict[str, str]) -> Callable[[Any], dict[str, npt.NDArray[np.int64]]]:
        def run(cur: Any) -> dict[str, npt.NDArray[np.int64]]:
            return dict(zip(exprs, scan(cur, list(exprs.values()), np.int64), strict=True))

        return run

    def texts(cols: tuple[str, ...]) -> Callable[[Any], dict[str, str | None]]:
        def run(cur: Any) -> dict[str, str | None]:
            inner = ", ".join(f"coalesce({c}, char(30)) AS {c}" for c in cols)
            outer = ", ".join(f"group_concat({c}, char(31))" for c in cols)
            sql = f"SELECT {outer} FROM (SELECT {inner} FROM tickets WHERE {cond} ORDER BY id)"
            row = cur.execute(sql, params).fetchone()
            return dict(zip(cols, row, strict=True))

        return run

    def csat(cur: Any) -> list[npt.NDArray[Any]]:
        # the rated rows only (one scan, five columns); scales mapped in numpy
        exprs = ("id", "csat", "coalesce(csat_scale_min, 'nan')",
                 "coalesce(csat_scale_max, 'nan')", "coalesce(import_batch_id, -1)")
        return scan(cur, exprs, np.float64, " AND csat IS NOT NULL")

    def customers(cur: Any) -> list[tuple[Any, ...]]:
        sql = (
            f"SELECT id, customer FROM tickets WHERE ({cond}) AND is_complaint = 1"
            " AND customer IS NOT NULL"
        )
        return list(cur.execute(sql, params))

    jobs: dict[str, Callable[[Any], Any]] = {
        "ints": ints(_SQLITE_INT),
        "texts": texts(("channel", "category", "agent")),
        "ints_2": ints(_SQLITE_INT_2),
    }
    jobs["csat"] = csat
    jobs["customers"] = customers

    def run_job(job: Callable[[Any], Any]) -> Any:
        raw = db.engine.raw_connection()
        try:
            cur = raw.cursor()
            try:
                return job(cur)
            finally:
                cur.close()
        finally:
            raw.close()

    done: dict[str, Any] = {}
    with ThreadPoolExecutor(max_workers=threads) as pool:
        futures = {name: pool.submit(run_job, job) for name, job in jobs.items()}
        for i, (name, fut) in enumerate(futures.items()):
            done[name] = fut.result()
            progress.update(i + 1, len(futures), "tickets")
            if progress.cancelled:
                for f in futures.values():
                    f.cancel()
                progress.check()
    num = {**done["ints"], **done["ints_2"]}
    ids = num["id"]
    n = ids.size
    created = num["created"]
    cols: dict[str, Any] = {"id": ids, "created": created}
    for name, delta, missing in (
        ("first_response", "frt_us", NONE),
        ("resolved", "res_us", NONE),
        ("answered", "ans_us", MISSING_DELTA),
        ("onsite", "onsite_us", MISSING_DELTA),
    ):
        d = num[delta]
        cols[name] = np.where(d == missing, NONE, created + d)
    _unpack_small(cols, num["small"])
    for col in ("channel", "category", "agent"):
        s = done["texts"][col]
        parts = [] if s is None else s.split("\x1f")
        if len(parts) == n:
            cols[col], cols[f"{col}_labels"] = encode_marked(parts, "\x1e")
        else:  # a label containing the separator: read it plainly
            cols[col], cols[f"{col}_labels"] = encode(_plain_text(db, col, cond, params))
    cust = done["customers"]
    cols["customer"], cols["customer_labels"] = _sparse_codes(ids, cust)
    _csat(cols, ids, *done["csat"])
    return cols


def _parse(s: str | None, dtype: type) -> npt.NDArray[Any]:
    if not s:
        return np.empty(0, dtype=dtype)
    return np.fromstring(s, sep=",", dtype=dtype)


def _plain_text(db: Database, col: str, cond: str, params: dict[str, Any]) -> list[str | None]:
    raw = db.engine.raw_connection()
    try:
        cur = raw.cursor()
        rows = cur.execute(f"SELECT {col} FROM tickets WHERE {cond} ORDER BY id", params)
        return [r[0] for r in rows]
    finally:
        raw.close()


def _unpack_small(cols: dict[str, Any], small: npt.NDArray[np.int64]) -> None:
    cols["priority"] = ((small % 8) - 1).astype(np.int8)
    cols["complaint"] = ((small // 8) % 2).astype(bool)
    nps = ((small // 16) % 16) - 1
    cols["nps"] = np.where(nps >= 0, nps, np.nan).astype(np.float64)
    cols["reopened"] = ((small // 256) % 256) - 1
    cols["vendor"] = ((small // 65536) % 8388608) - 1
    cols["site"] = (small // 549755813888) - 1


def _ids_fit_packing(db: Database) -> bool:
    """Vendor and site ids below 2²³ − 1 fit the packed column (always, in practice)."""
    from sqlalchemy import text

    with db.engine.connect() as conn:
        top = conn.execute(
            text(
                "SELECT max(coalesce((SELECT max(id) FROM vendors), 0),"
                " coalesce((SELECT max(id) FROM sites), 0))"
            )
        ).scalar_one()
    return int(top) < 8_388_607


# -- PostgreSQL (and any other dialect) ----------------------------------------------------


def _load_rows(db: Database, where: Where, progress: Progress) -> dict[str, Any]:
    from sqlalchemy import text

    cond, params = where if where else ("1 = 1", {})

    def us(col: str) -> str:
        if db.dialect == "sqlite":  # already integer microseconds
            return f"coalesce({col}, {NONE})"
        return f"coalesce((extract(epoch from {col}) * 1000000)::bigint, {NONE})"

    sql = (
        f"SELECT id, {us('created_at')}, {us('first_response_at')}, {us('resolved_at')},"
        f" {PRIORITY_CASE}, coalesce(vendor_id, -1), coalesce(site_id, -1),"
        " coalesce(is_complaint, false), coalesce(reopened_count, -1), nps, channel, category,"
        " agent, CASE WHEN is_complaint THEN customer END, csat, csat_scale_min,"
        f" csat_scale_max, import_batch_id, {us('answered_at')}, {us('onsite_at')}"
        f" FROM tickets WHERE {cond} ORDER BY id"
    )
    parts: list[list[tuple[Any, ...]]] = []
    with db.engine.connect() as conn:
        result = conn.execution_options(stream_results=True, yield_per=50_000).execute(
            text(sql), params
        )
        for chunk in result.partitions():
            parts.append([tuple(r) for r in chunk])
            progress.update(sum(len(p) for p in parts), None, "tickets")
            progress.check()
    rows = [r for p in parts for r in p]
    cols_t = list(zip(*rows, strict=True)) if rows else [()] * 20

    def arr(i: int, dtype: type = np.int64) -> npt.NDArray[Any]:
        return np.fromiter(cols_t[i], dtype=dtype, count=len(rows))

    ids = arr(0)
    cols: dict[str, Any] = {
        "id": ids,
        "created": arr(1),
        "first_response": arr(2),
        "resolved": arr(3),
        "priority": arr(4, np.int8),
        "vendor": arr(5),
        "site": arr(6),
        "complaint": arr(7, bool),
        "reopened": arr(8),
        "answered": arr(18),
        "onsite": arr(19),
        "nps": np.array([np.nan if v is None else v for v in cols_t[9]], dtype=np.float64),
    }
    for i, name in ((10, "channel"), (11, "category"), (12, "agent"), (13, "customer")):
        cols[name], cols[f"{name}_labels"] = encode(cols_t[i])
    rated = [r for r in rows if r[14] is not None]

    def col(i: int) -> npt.NDArray[np.float64]:
        return np.array([np.nan if r[i] is None else float(r[i]) for r in rated], np.float64)

    batch = np.array([-1 if r[17] is None else r[17] for r in rated], dtype=np.float64)
    _csat(cols, ids, col(0), col(14), col(15), col(16), batch)
    return cols


# -- shared --------------------------------------------------------------------------------


def encode(values: Iterable[str | None]) -> tuple[npt.NDArray[np.int32], tuple[str, ...]]:
    """Dictionary-encode text: codes (−1 for ``None``) and labels by first appearance."""
    table: dict[str | None, int] = {None: -1}
    codes = np.fromiter((table.setdefault(v, len(table) - 1) for v in values), dtype=np.int32)
    labels = tuple(k for k in table if k is not None)
    return codes, labels


def encode_marked(
    values: Sequence[str], missing: str
) -> tuple[npt.NDArray[np.int32], tuple[str, ...]]:
    """Like :func:`encode` for text where ``missing`` marks ``None``; runs at C speed, in
    chunks of :data:`ENCODE_CHUNK` so that other threads (the window) get the
    interpreter between them."""
    table: defaultdict[str, int] = defaultdict(itertools.count().__next__)
    codes = np.empty(len(values), dtype=np.int32)
    for lo in range(0, len(values), ENCODE_CHUNK):
        part = values[lo:lo + ENCODE_CHUNK]
        codes[lo:lo + len(part)] = np.fromiter(map(table.__getitem__, part), np.int32, len(part))
    labels = list(table)
    if missing in table:
        gone = table[missing]
        codes = np.where(codes == gone, -1, codes - (codes > gone)).astype(np.int32)
        labels.remove(missing)
    return codes, tuple(labels)


def _sparse_codes(
    ids: npt.NDArray[np.int64], pairs: list[tuple[Any, ...]]
) -> tuple[npt.NDArray[np.int32], tuple[str, ...]]:
    codes = np.full(ids.size, -1, dtype=np.int32)
    if not pairs:
        return codes, ()
    sub, labels = encode(p[1] for p in pairs)
    pos = np.searchsorted(ids, np.fromiter((p[0] for p in pairs), np.int64, len(pairs)))
    codes[pos] = sub
    return codes, labels


def _csat(
    cols: dict[str, Any],
    ids: npt.NDArray[np.int64],
    rid: npt.NDArray[np.float64],
    val: npt.NDArray[np.float64],
    lo: npt.NDArray[np.float64],
    hi: npt.NDArray[np.float64],
    batch: npt.NDArray[np.float64],
) -> None:
    """Map ratings to 0–100 and flag "satisfied" (top two of 5 points, else top 20 %).

    Inputs are the rated rows: id, rating, declared scale min/max (NaN = undeclared) and
    import batch (−1 = none). Undeclared scales are inferred per import batch. Results go
    to ``cols["csat_score"]`` (NaN = no rating) and ``cols["csat_sat"]``.
    """
    score = np.full(ids.size, np.nan)
    sat = np.zeros(ids.size, dtype=bool)
    if rid.size:
        lo, hi = lo.copy(), hi.copy()
        undeclared = np.isnan(lo) | np.isnan(hi) | (hi <= lo)
        for b in np.unique(batch[undeclared]):
            sel = undeclared & (batch == b)
            lo[sel], hi[sel] = infer_scale(val[sel])
        mapped = (val - lo) / (hi - lo) * 100.0
        five_point = np.isclose(hi - lo, 4.0)
        satisfied = np.where(five_point, val >= hi - 1.0 - 1e-9, mapped >= 80.0 - 1e-9)
        pos = np.searchsorted(ids, rid.astype(np.int64))
        score[pos] = mapped
        sat[pos] = satisfied
    cols["csat_score"] = score
    cols["csat_sat"] = sat


def infer_scale(values: npt.NDArray[np.float64]) -> tuple[float, float]:
    """DESIGN.md: all values in 1–5 → (1, 5); in 0–10 → (0, 10); else (0, 100)."""
    if values.size and values.min() >= 1 and values.max() <= 5:
        return 1.0, 5.0
    if values.size and values.min() >= 0 and values.max() <= 10:
        return 0.0, 10.0
    return 0.0, 100.0


def merge(old: dict[str, Any], fresh: dict[str, Any]) -> dict[str, Any]:
    """``old`` with the rows of ``fresh`` replacing same-id rows and the rest appended."""
    keep = ~np.isin(old["id"], fresh["id"])
    out: dict[str, Any] = {}
    for key, value in old.items():
        if key.endswith("_labels"):
            continue
        if key in TEXT_COLUMNS:
            labels = list(old[f"{key}_labels"])
            index = {lab: i for i, lab in enumerate(labels)}
            remap = np.empty(len(fresh[f"{key}_labels"]) + 1, dtype=np.int32)
            remap[-1] = -1
            for i, lab in enumerate(fresh[f"{key}_labels"]):
                if lab not in index:
                    index[lab] = len(labels)
                    labels.append(lab)
                remap[i] = index[lab]
            out[key] = np.concatenate((value[keep], remap[fresh[key]]))
            out[f"{key}_labels"] = tuple(labels)
        else:
            out[key] = np.concatenate((value[keep], fresh[key]))
    return out
