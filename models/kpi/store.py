"""Every ticket once, in columnar numpy arrays, for millisecond KPIs over any filter.

Rows are kept sorted by ``created_at`` (then id), so a period is a contiguous slice
found by binary search. Times are int64 microseconds since the epoch (UTC) with
:data:`NONE` for "missing"; text columns are int32 codes (−1 = missing) into label
tuples. Derived columns: ``frt_min`` (minutes) and ``res_h`` (hours) as float64 with
NaN, ``csat_score`` on 0–100 (NaN), ``csat_sat`` (satisfied, DESIGN.md), ``repeat``
(a repeat complaint).

Loading: on SQLite each column comes out of the driver as one ``group_concat`` string
parsed by numpy (about 0.2 s per column per million rows, the SQL half runs without
the GIL in two threads); on PostgreSQL one query with epoch microseconds.
:meth:`TicketStore.refresh` appends new rows (id above the last one seen) and re-reads
rows of newer import batches; deletions or an undone batch reload everything. Edits
that change neither (no import batch) are not noticed: reload the store for those.
With ``db.cache_dir`` set, :meth:`TicketStore.load` starts from the columns saved on
disk by :mod:`models.kpi.store_cache` and refreshes them the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from models.kpi import store_loading as loading
from models.kpi.types import PRIORITIES
from models.progress import NullProgress, Progress

if TYPE_CHECKING:
    from models.db import Database

NONE = loading.NONE
US_PER_MIN = 60_000_000
US_PER_HOUR = 3_600_000_000
REPEAT_WINDOW_US = 30 * 86_400 * 1_000_000

I64 = npt.NDArray[np.int64]


@dataclass(frozen=True)
class _Fingerprint:
    count: int
    max_id: int
    max_batch: int
    undone_batches: int


class TicketStore:
    """All tickets as parallel arrays sorted by creation time (see module docstring).

    ``version`` increases with every change, so caches keyed on it stay correct.
    Read-only for its users. :meth:`refresh` swaps the arrays in place: call it from
    the thread that computes (or load a new store and swap the reference).
    """

    def __init__(
        self,
        cols: dict[str, Any],
        fingerprint: _Fingerprint,
        names: tuple[dict[int, str], dict[int, str]] = ({}, {}),
    ) -> None:
        self.version = 0
        # µs: a preview holds only the tickets created from then on
        # (:mod:`models.kpi.store_preview`); ``None`` = every ticket
        self.complete_from: int | None = None
        self._cache: dict[object, object] = {}
        self.vendor_names, self.site_names = names
        self._set(cols, fingerprint)

    # -- construction -----------------------------------------------------------------
    @classmethod
    def load(cls, db: Database, progress: Progress | None = None) -> TicketStore:
        """All tickets: through the on-disk cache when ``db.cache_dir`` is set
        (:mod:`models.kpi.store_cache`), else straight from the database.
        Raises ``Cancelled`` via ``progress``."""
        from models.kpi import store_cache

        return store_cache.load(db, progress)

    @classmethod
    def load_from_db(cls, db: Database, progress: Progress | None = None) -> TicketStore:
        """Read all tickets from the database (see module docstring), ignoring any cache."""
        progress = progress or NullProgress()
        fp = _fingerprint(db)
        cols = loading.load_columns(db, None, progress)
        return cls(cols, fp, _names(db))

    @classmethod
    def from_columns(
        cls, db: Database, cols: dict[str, Any], fingerprint: tuple[int, ...]
    ) -> TicketStore:
        """A store over saved raw columns (:meth:`columns`) with the fingerprint they were
        read at (:meth:`fingerprint_tuple`); :meth:`refresh` then brings it up to date."""
        return cls(cols, _Fingerprint(*fingerprint), _names(db))

    def fingerprint_tuple(self) -> tuple[int, int, int, int]:
        """(row count, last id, last import batch, undone batches) when last read."""
        fp = self._fp
        return fp.count, fp.max_id, fp.max_batch, fp.undone_batches

    def refresh(self, db: Database, progress: Progress | None = None) -> bool:
        """Bring the store up to date; returns whether anything changed.

        New ids are appended, rows of import batches newer than the last seen are
        re-read; a row count that does not add up triggers a full reload.
        """
        if self.complete_from is not None:
            raise ValueError("a preview is completed (store_preview.complete), not refreshed")
        progress = progress or NullProgress()
        fp = _fingerprint(db)
        self.vendor_names, self.site_names = _names(db)
        if fp == self._fp:
            return False
        old = self.columns()
        if (
            fp.count < self._fp.count
            or fp.max_id < self._fp.max_id
            or fp.undone_batches != self._fp.undone_batches
        ):
            self._set(loading.load_columns(db, None, progress), fp)
            return True
        # a UNION of two index searches: with "id > … OR import_batch_id > …" SQLite
        # scans every row (0.3 s per column per million) to find the few new ones
        where = (
            "id IN (SELECT id FROM tickets WHERE id > :max_id"
            " UNION SELECT id FROM tickets WHERE import_batch_id > :max_batch)"
        )
        fresh = loading.load_columns(
            db, (where, {"max_id": self._fp.max_id, "max_batch": self._fp.max_batch}), progress
        )
        merged = loading.merge(old, fresh)
        if merged["id"].size != fp.count:
            merged = loading.load_columns(db, None, progress)
        self._set(merged, fp)
        return True

    def _set(self, cols: dict[str, Any], fp: _Fingerprint) -> None:
        created, ids = cols["created"], cols["id"]
        if bool(np.all(created[1:] >= created[:-1])) and bool(np.all(ids[1:] > ids[:-1])):
            self._raw: dict[str, Any] = dict(cols)  # read in id order, already chronological
        else:
            order = np.lexsort((ids, created))
            self._raw = {k: (v[order] if isinstance(v, np.ndarray) else v) for k, v in cols.items()}
        self._fp = fp
        r = self._raw
        self.id: I64 = r["id"]
        self.created: I64 = r["created"]
        self.first_response: I64 = r["first_response"]
        self.resolved: I64 = r["resolved"]
        self.answered: I64 = r["answered"]  # phone answer (DESIGN.md "Phone lines")
        self.onsite: I64 = r["onsite"]  # on-site arrival
        self.priority: npt.NDArray[np.int8] = r["priority"]
        self.vendor: I64 = r["vendor"]
        self.site: I64 = r["site"]
        self.complaint: npt.NDArray[np.bool_] = r["complaint"]
        self.reopened: I64 = r["reopened"]
        self.nps: npt.NDArray[np.float64] = r["nps"]
        self.channel: npt.NDArray[np.int32] = r["channel"]
        self.category: npt.NDArray[np.int32] = r["category"]
        self.agent: npt.NDArray[np.int32] = r["agent"]
        self.customer: npt.NDArray[np.int32] = r["customer"]
        self.channel_labels: tuple[str, ...] = r["channel_labels"]
        self.category_labels: tuple[str, ...] = r["category_labels"]
        self.agent_labels: tuple[str, ...] = r["agent_labels"]
        self.csat_score: npt.NDArray[np.float64] = r["csat_score"]
        self.csat_sat: npt.NDArray[np.bool_] = r["csat_sat"]
        self._derive()
        self.version += 1
        self._cache.clear()

    def _derive(self) -> None:
        has_frt = self.first_response != NONE
        self.frt_min = np.full(self.size, np.nan)
        self.frt_min[has_frt] = (self.first_response[has_frt] - self.created[has_frt]) / US_PER_MIN
        has_res = self.resolved != NONE
        self.res_h = np.full(self.size, np.nan)
        self.res_h[has_res] = (self.resolved[has_res] - self.created[has_res]) / US_PER_HOUR
        self.repeat = repeat_complaints(self.created, self.complaint, self.customer, self.category)

    # -- facts ----------------------------------------------------------------------------
    @property
    def size(self) -> int:
        return int(self.id.size)

    def columns(self) -> dict[str, Any]:
        """The raw columns (for merging and tests); arrays are not copies."""
        return dict(self._raw)

    def period_slice(self, start_us: int | None, end_us: int | None) -> slice:
        """Rows created in [start, end) — a slice thanks to the creation-time order."""
        lo = 0 if start_us is None else int(np.searchsorted(self.created, start_us, "left"))
        hi = self.size if end_us is None else int(np.searchsorted(self.created, end_us, "left"))
        return slice(lo, max(lo, hi))

    def index_of(self, ids: npt.ArrayLike) -> npt.NDArray[np.intp]:
        """Row positions of ticket ids (−1 for ids not in the store)."""
        if "id_order" not in self._cache:
            self._cache["id_order"] = np.argsort(self.id)
        order: npt.NDArray[np.intp] = self._cache["id_order"]  # type: ignore[assignment]
        wanted = np.asarray(ids, dtype=np.int64)
        pos = np.searchsorted(self.id, wanted, sorter=order)
        pos = np.minimum(pos, max(self.size - 1, 0))
        rows = order[pos] if self.size else np.zeros_like(pos)
        found = self.id[rows] == wanted if self.size else np.zeros(wanted.shape, bool)
        return np.where(found, rows, -1).astype(np.intp)

    def label_code(self, column: str, label: str | None) -> int | None:
        """Code of ``label`` in a text column (−1 for ``None``), ``None`` if absent."""
        if label is None:
            return -1
        labels: tuple[str, ...] = getattr(self, f"{column}_labels")
        try:
            return labels.index(label)
        except ValueError:
            return None

    def cached(self, key: object) -> object | None:
        """A value cached for this version of the data (SLA evaluations, clocks …)."""
        return self._cache.get(key)

    def put_cache(self, key: object, value: object) -> None:
        """Cache ``value``; tuple keys are grouped by their first item ("kind") and each
        kind keeps its newest entries only (SLA outcomes: 4, one per recent ``as_of``; SLA
        evaluations: 3, about 30 MB each per million tickets;
        others 32), so frequent kinds never push out expensive ones (sort orders)."""
        kind = key[0] if isinstance(key, tuple) and key else key
        limit = {"outcomes": 4, "sla": 3, "select": 4}.get(str(kind), 32)
        same = [k for k in self._cache if (k[0] if isinstance(k, tuple) and k else k) == kind]
        for old in same[: max(0, len(same) - limit + 1)]:
            del self._cache[old]
        self._cache[key] = value

    def time_range(self) -> tuple[int, int] | None:
        """(min, max) of every stored instant in µs, ``None`` for an empty store."""
        if self.size == 0:
            return None
        hit = self._cache.get("time_range")
        if hit is not None:
            return hit  # type: ignore[return-value]
        hi = int(self.created[-1])
        for arr in (self.first_response, self.resolved):
            if arr.size:
                hi = max(hi, int(arr.max()))
        self._cache["time_range"] = (int(self.created[0]), hi)
        return int(self.created[0]), hi


def repeat_complaints(
    created: I64,
    complaint: npt.NDArray[np.bool_],
    customer: npt.NDArray[np.int32],
    category: npt.NDArray[np.int32],
) -> npt.NDArray[np.bool_]:
    """True for complaints preceded, within the 30 days before them, by a complaint of the
    same customer in the same category (DESIGN.md). "Preceded" means created strictly
    earlier and at most 30 days (30 × 24 h) before. Complaints without a customer or a
    category are never repeats. The window ignores any period: flags are global.
    """
    out = np.zeros(created.size, dtype=bool)
    idx = np.flatnonzero(complaint & (customer >= 0) & (category >= 0))
    if idx.size < 2:
        return out
    t = created[idx]
    # group key: (customer, category) pair; dense time rank keeps the combined key in int64
    n_cat = int(category.max()) + 1
    group = customer[idx].astype(np.int64) * n_cat + category[idx]
    t_rank = np.unique(t, return_inverse=True)[1].astype(np.int64)
    key = group * (int(t_rank.max()) + 2) + t_rank
    order = np.argsort(key, kind="stable")
    sorted_key = key[order]
    # nearest strictly earlier complaint of the same group
    prev = np.searchsorted(sorted_key, key, "left") - 1
    ok = prev >= 0
    prev_row = order[np.maximum(prev, 0)]
    ok &= group[prev_row] == group
    ok &= (t - t[prev_row]) <= REPEAT_WINDOW_US
    ok &= t[prev_row] < t
    out[idx[ok]] = True
    return out


def _fingerprint(db: Database) -> _Fingerprint:
    """Cheap change check: row count, last id, last batch, undone batches (indexed)."""
    from sqlalchemy import text

    with db.engine.connect() as conn:
        row = conn.execute(
            text(
                "SELECT count(*), coalesce(max(id), 0), coalesce(max(import_batch_id), 0),"
                " (SELECT count(*) FROM import_batches WHERE status = 'undone') FROM tickets"
            )
        ).one()
    return _Fingerprint(int(row[0]), int(row[1]), int(row[2]), int(row[3]))


def _names(db: Database) -> tuple[dict[int, str], dict[int, str]]:
    """Vendor and site display names by id (small tables)."""
    from sqlalchemy import text

    with db.engine.connect() as conn:
        vendors = {int(r[0]): str(r[1]) for r in conn.execute(text("SELECT id, name FROM vendors"))}
        sites = {int(r[0]): str(r[1]) for r in conn.execute(text("SELECT id, name FROM sites"))}
    return vendors, sites


def priority_code(label: str) -> int:
    """0 for P1 … 3 for P4; raises ``ValueError`` for anything else."""
    return PRIORITIES.index(label)
