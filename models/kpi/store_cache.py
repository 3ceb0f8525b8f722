"""A persistent copy of the :class:`~models.kpi.store.TicketStore` columns on disk.

Reading a million tickets out of SQLite takes seconds; reading the same columns back
from one uncompressed ``.npz`` file takes a tenth of a second. The cache lives in
``db.cache_dir`` (set by the application; ``None`` = no cache) as ``store.npz``: every
raw column as an array plus a JSON header (``__meta__``) with

- the cache format and the schema revision (``alembic_version``): either differing
  means the columns may mean something else, so the cache is rebuilt;
- the database's display name (SQLite path or URL without password);
- the store's change fingerprint (:class:`~models.kpi.store._Fingerprint`) at the time
  the columns were read;
- an identity sample: (id, source, external id) of up to :data:`SAMPLE` tickets.

Loading restores the store with the *cached* fingerprint and then calls
:meth:`TicketStore.refresh`, which decides — with the same rule as for a store in
memory — whether to do nothing, read only new ids and newer import batches, or reload
everything (fewer rows, an undone batch, a count that does not add up). Before that,
the identity sample is checked against the database (sampled rows not re-imported
since must have the same source, external id and creation time), so a cache is never
applied to another database that happens to live at the same path. A missing,
corrupt or foreign cache is ignored and rewritten; it never raises. The file is
written to a temporary name and moved into place (``os.replace``), so readers never
see half a file.

Like the store itself, the cache does not notice edits that neither add rows nor
belong to an import batch (there are none in the application: tickets change only
through imports, undo and the demo generator, all covered by the fingerprint).
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.lib.npyio import NpzFile

from models.progress import NullProgress, Progress

if TYPE_CHECKING:
    from models.db import Database
    from models.kpi.store import TicketStore

log = logging.getLogger(__name__)

FORMAT = 2  # bump when the store's columns change meaning
FILE_NAME = "store.npz"
META = "__meta__"
SAMPLE = 64  # tickets checked against the database on every cache load
STALE_S = 3600  # a temporary file older than this (s) belongs to no running save
LABELS = ("channel_labels", "category_labels", "agent_labels", "customer_labels")


def cache_file(db: Database) -> Path | None:
    """Where ``db``'s store cache lives, ``None`` when ``db.cache_dir`` is not set."""
    folder = getattr(db, "cache_dir", None)
    return None if folder is None else Path(folder) / FILE_NAME


def load(db: Database, progress: Progress | None = None) -> TicketStore:
    """The store of ``db``: from the cache brought up to date, else from the database.

    Writes the cache when it was missing, unusable or out of date. Raises only what a
    database load raises (``Cancelled`` via ``progress``, driver errors).
    """
    from models.kpi.store import TicketStore

    progress = progress or NullProgress()
    path = cache_file(db)
    if path is None:
        return TicketStore.load_from_db(db, progress)
    progress.update(0, None, "tickets")
    store = _restore(db, path)
    if store is None:
        store = TicketStore.load_from_db(db, progress)
        save(db, store)
    elif store.refresh(db, progress):
        save(db, store)
    return store


def save(db: Database, store: TicketStore) -> bool:
    """Write ``store`` to ``db``'s cache file atomically; ``False`` if it could not be."""
    path = cache_file(db)
    if path is None:
        return False
    cols = store.columns()
    arrays = {k: v for k, v in cols.items() if isinstance(v, np.ndarray)}
    meta = {
        "format": FORMAT,
        "revision": _revision(db),
        "database": db.display_name,
        "fingerprint": list(store.fingerprint_tuple()),
        "labels": {k: list(cols[k]) for k in LABELS},
        "sample": _sample(db, store),
        "columns": {k: [str(v.dtype), int(v.size)] for k, v in arrays.items()},
    }
    arrays[META] = np.frombuffer(json.dumps(meta).encode(), dtype=np.uint8)
    tmp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _remove_stale_temporaries(path.parent)
        fd, tmp = tempfile.mkstemp(prefix=".store-", suffix=".npz.tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as fh:
            np.savez(fh, **arrays)  # type: ignore[arg-type]
        os.replace(tmp, path)
        return True
    except OSError as exc:
        log.warning("cannot write the KPI store cache %s: %s", path, exc)
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
        return False


def _remove_stale_temporaries(folder: Path) -> None:
    """Delete half-written files left by a process that stopped while saving."""
    cutoff = time.time() - STALE_S
    for old in folder.glob(".store-*.npz.tmp"):
        try:
            if old.stat().st_mtime < cutoff:
                old.unlink()
        except OSError:
            pass


def _restore(db: Database, path: Path) -> TicketStore | None:
    """The cached store with its cached fingerprint, ``None`` if unusable or foreign."""
    from models.kpi.store import TicketStore

    if not path.exists():
        return None
    try:
        with path.open("rb") as fh:
            npz = np.load(fh, allow_pickle=False)
            if not isinstance(npz, NpzFile):
                return None
            with npz:
                meta = json.loads(bytes(npz[META]).decode())
                if (
                    meta.get("format") != FORMAT
                    or meta.get("database") != db.display_name
                    or meta.get("revision") != _revision(db)
                ):
                    return None
                cols: dict[str, Any] = {}
                for key, (dtype, size) in meta["columns"].items():
                    arr = npz[key]
                    if str(arr.dtype) != dtype or arr.ndim != 1 or arr.size != size:
                        return None
                    cols[key] = arr
        sizes = {v.size for v in cols.values()}
        if len(sizes) > 1 or "id" not in cols:
            return None
        for key in LABELS:
            cols[key] = tuple(str(x) for x in meta["labels"][key])
        store = TicketStore.from_columns(db, cols, tuple(int(x) for x in meta["fingerprint"]))
        sample = [(int(i), str(s), str(e)) for i, s, e in meta["sample"]]
    except Exception as exc:  # any damage to the file means "no cache"
        log.warning("ignoring the unreadable KPI store cache %s: %s", path, exc)
        return None
    if not _sample_matches(db, store, sample):
        log.info("the KPI store cache %s belongs to other data: rebuilding", path)
        return None
    return store


def _revision(db: Database) -> str:
    from sqlalchemy import text
    from sqlalchemy.exc import SQLAlchemyError

    try:
        with db.engine.connect() as conn:
            rows = conn.execute(text("SELECT version_num FROM alembic_version")).all()
    except SQLAlchemyError:  # an unmigrated database simply has no revision
        return ""
    return ",".join(sorted(str(r[0]) for r in rows))


def _sample(db: Database, store: TicketStore) -> list[list[Any]]:
    """(id, source, external id) of up to :data:`SAMPLE` tickets spread over the ids."""
    from sqlalchemy import text

    if store.size == 0:
        return []
    ids = np.sort(store.id)
    picks = sorted({int(ids[i]) for i in np.linspace(0, ids.size - 1, SAMPLE).astype(int)})
    sql = f"SELECT id, source, external_id FROM tickets WHERE id IN ({','.join(map(str, picks))})"
    with db.engine.connect() as conn:
        return [[int(r[0]), str(r[1]), str(r[2])] for r in conn.execute(text(sql))]


def _sample_matches(db: Database, store: TicketStore, sample: list[tuple[int, str, str]]) -> bool:
    """Whether the sampled tickets are still the same tickets in ``db``.

    A sampled id must exist with the same source and external id; unless it was
    re-imported by a batch newer than the cached fingerprint (``refresh`` re-reads
    those), its creation time must also equal the cached one.
    """
    from sqlalchemy import text

    if not sample:
        return True
    ids = [i for i, _, _ in sample]
    if db.dialect == "sqlite":
        created = "created_at"
    else:
        created = "(extract(epoch from created_at) * 1000000)::bigint"
    sql = (
        f"SELECT id, source, external_id, {created}, coalesce(import_batch_id, 0)"
        f" FROM tickets WHERE id IN ({','.join(map(str, ids))})"
    )
    with db.engine.connect() as conn:
        found = {int(r[0]): r for r in conn.execute(text(sql))}
    max_batch = store.fingerprint_tuple()[2]
    rows = store.index_of(ids)
    for (tid, source, external), row in zip(sample, rows.tolist(), strict=True):
        hit = found.get(tid)
        if hit is None or row < 0 or (str(hit[1]), str(hit[2])) != (source, external):
            return False
        if int(hit[4]) <= max_batch and int(hit[3]) != int(store.created[row]):
            return False
    return True
