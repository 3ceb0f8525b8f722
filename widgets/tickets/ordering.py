"""Ordering the Tickets page's ids on columnar data, without a proxy over Python objects.

Most columns are arrays of the KPI engine's ticket store (times in µs, text as codes into
label tuples, vendor/site ids), so ordering a million ids is a few numpy sorts. Columns
the store lacks (external id, status) are ordered by the database
(:func:`models.queries.tickets.ticket_ids`) and the wanted ids kept in that order.
Missing values sort last in either direction; ties follow creation order (newest first
when descending).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import numpy.typing as npt

from models.db import Database
from models.queries.tickets import ticket_ids as sql_ticket_ids

I64 = npt.NDArray[np.int64]

STORE_COLUMNS = {
    "created_at": "created",
    "first_response_at": "first_response",
    "resolved_at": "resolved",
    "priority": "priority",
    "channel": "channel",
    "category": "category",
    "agent": "agent",
    "csat": "csat_score",
    "vendor": "vendor",
    "site": "site",
}
SQL_COLUMNS = ("external_id", "status")


def _label_rank(labels: tuple[str, ...], codes: npt.NDArray[Any]) -> npt.NDArray[np.float64]:
    """Alphabetical rank of each code's label (NaN for −1 = missing)."""
    order = np.argsort(np.array([s.casefold() for s in labels], dtype=object), kind="stable")
    rank = np.empty(len(labels), dtype=np.float64)
    rank[order] = np.arange(len(labels), dtype=np.float64)
    out = np.full(codes.shape, np.nan)
    ok = codes >= 0
    out[ok] = rank[codes[ok]]
    return out


def _name_rank(names: Mapping[int, str], keys: npt.NDArray[Any]) -> npt.NDArray[np.float64]:
    """Alphabetical rank of vendor/site names by id (NaN for missing/unknown ids)."""
    ordered = sorted(names, key=lambda i: names[i].casefold())
    lookup = {key: float(rank) for rank, key in enumerate(ordered)}
    uniq, inverse = np.unique(keys, return_inverse=True)
    ranks = np.array([lookup.get(int(k), np.nan) for k in uniq], dtype=np.float64)
    return ranks[inverse]


def store_sort_keys(
    store: Any, rows: npt.NDArray[np.intp], column: str, names: Mapping[int, str] | None = None
) -> npt.NDArray[np.float64]:
    """Sort keys (float, NaN = missing) of ``column`` for store positions ``rows``."""
    attr = STORE_COLUMNS[column]
    values = getattr(store, attr)[rows]
    if attr in ("channel", "category", "agent"):
        return _label_rank(getattr(store, f"{attr}_labels"), values)
    if attr in ("vendor", "site"):
        return _name_rank(names or {}, values)
    out = values.astype(np.float64)
    if attr in ("first_response", "resolved"):
        from models.kpi.store import NONE

        out[values == NONE] = np.nan
    return out


def order_ids(
    ids: I64, column: str, descending: bool, *, store: Any = None, db: Database | None = None,
    names: Mapping[int, str] | None = None,
) -> I64:
    """``ids`` ordered by ``column`` (see module docstring). ``ids`` in creation order.

    Uses ``store`` for store columns when given, else the database; raises ``ValueError``
    for a column that cannot be ordered.
    """
    if ids.size == 0:
        return ids
    if store is not None and column in STORE_COLUMNS:
        rows = store.index_of(ids)
        keep = rows >= 0
        ids, rows = ids[keep], rows[keep]
        keys = store_sort_keys(store, rows, column, names)
        missing = np.isnan(keys)
        present = np.flatnonzero(~missing)
        # stable sort on the key: ties keep the creation order given by ``ids``
        # (descending reverses it all, so ties come newest first)
        order = present[np.argsort(keys[present], kind="stable")]
        if descending:
            order = order[::-1]
        return np.concatenate([ids[order], ids[np.flatnonzero(missing)]])
    if db is None or column not in (*SQL_COLUMNS, *STORE_COLUMNS):
        raise ValueError(f"cannot order tickets by {column!r}")
    ordered = sql_ticket_ids(db, column, descending)
    return ordered[np.isin(ordered, ids, assume_unique=True)]


__all__ = ["SQL_COLUMNS", "STORE_COLUMNS", "order_ids", "store_sort_keys"]
