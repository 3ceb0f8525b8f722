"""The KPI store's on-disk cache: written, reused, kept up to date, never wrong."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from importers.batches import undo_batch
from models.db import Database, open_database, sqlite_url
from models.kpi import store_loading
from models.kpi.api import load_store
from models.kpi.store import TicketStore
from models.kpi.store_cache import cache_file
from models.orm import ImportBatch, Ticket
from tests.models.kpi.helpers import T0, H, M, add_tickets


def _rows(n: int, start: int = 0, **extra: Any) -> list[dict[str, Any]]:
    """``n`` varied tickets (complaints, ratings, labels) created an hour apart."""
    return [
        dict(
            priority=f"P{1 + (start + i) % 4}",
            created_at=T0 + (start + i) * H,
            frt=(5 + i) * M,
            res=None if i % 3 == 0 else (2 + i) * H,
            channel=("web", "phone", None)[i % 3],
            category=f"cat{i % 2}",
            agent=f"agent{i % 4}",
            is_complaint=i % 2 == 0,
            customer=f"c{i % 3}",
            csat=None if i % 4 == 0 else float(1 + i % 5),
            nps=None if i % 5 else i % 11,
            external_id=f"X{start + i}",
            **extra,
        )
        for i in range(n)
    ]


def assert_same(a: TicketStore, b: TicketStore) -> None:
    """Two stores hold the same columns, array for array and label for label."""
    ca, cb = a.columns(), b.columns()
    assert ca.keys() == cb.keys()
    for key, va in ca.items():
        vb = cb[key]
        if isinstance(va, np.ndarray):
            assert va.dtype == vb.dtype, key
            assert np.array_equal(va, vb, equal_nan=va.dtype.kind == "f"), key
        else:
            assert tuple(va) == tuple(vb), key
    assert np.array_equal(a.repeat, b.repeat)
    assert np.array_equal(a.frt_min, b.frt_min, equal_nan=True)


class LoadSpy:
    """Counts full (``where is None``) and partial database reads of the columns."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.full = 0
        self.partial = 0
        real = store_loading.load_columns

        def spy(db: Database, where: Any, progress: Any) -> dict[str, Any]:
            if where is None:
                self.full += 1
            else:
                self.partial += 1
            return real(db, where, progress)

        monkeypatch.setattr(store_loading, "load_columns", spy)


def test_cache_is_written_then_served_and_equal_to_a_database_load(
    any_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_tickets(any_db, _rows(12))
    load_store(any_db)  # no cache folder: nothing written anywhere
    assert cache_file(any_db) is None
    any_db.cache_dir = tmp_path / "cache"
    first = load_store(any_db)
    path = cache_file(any_db)
    assert path is not None and path.is_file()
    spy = LoadSpy(monkeypatch)
    second = load_store(any_db)
    assert (spy.full, spy.partial) == (0, 0)  # straight from the cache
    assert_same(second, first)
    assert_same(second, TicketStore.load_from_db(any_db))
    assert second.size == 12 and second.repeat.any()


def test_new_tickets_after_caching_are_read_incrementally(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db.cache_dir = tmp_path / "cache"
    add_tickets(db, _rows(10))
    load_store(db)
    add_tickets(db, _rows(5, start=10))
    spy = LoadSpy(monkeypatch)
    store = load_store(db)
    assert (spy.full, spy.partial) == (0, 1)
    assert store.size == 15
    assert_same(store, TicketStore.load_from_db(db))
    # the refreshed columns were saved: the next load reads nothing
    spy.full = spy.partial = 0
    again = load_store(db)
    assert (spy.full, spy.partial) == (0, 0)
    assert_same(again, store)


def test_undone_batch_and_deleted_tickets_invalidate(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db.cache_dir = tmp_path / "cache"
    add_tickets(db, _rows(8))
    with db.transaction() as s:
        batch = ImportBatch(kind="tickets", file_name="b.xlsx", file_sha256="1" * 64, source="t")
        s.add(batch)
        s.flush()
        batch_id = batch.id
    add_tickets(db, _rows(4, start=8, import_batch_id=batch_id))
    assert load_store(db).size == 12
    undo_batch(db, batch_id)
    spy = LoadSpy(monkeypatch)
    store = load_store(db)
    assert spy.full == 1 and store.size == 8
    assert_same(store, TicketStore.load_from_db(db))
    with db.transaction() as s:
        s.delete(s.get(Ticket, int(store.id[0])))
    store = load_store(db)
    assert store.size == 7
    assert_same(store, TicketStore.load_from_db(db))


@pytest.mark.parametrize("damage", ["garbage", "truncated", "empty"])
def test_corrupt_cache_is_ignored_and_rebuilt(db: Database, tmp_path: Path, damage: str) -> None:
    db.cache_dir = tmp_path / "cache"
    add_tickets(db, _rows(6))
    load_store(db)
    path = cache_file(db)
    assert path is not None
    data = path.read_bytes()
    path.write_bytes(
        {"garbage": b"not a cache" * 100, "truncated": data[: len(data) // 2], "empty": b""}[
            damage
        ]
    )
    store = load_store(db)
    assert_same(store, TicketStore.load_from_db(db))
    with np.load(path) as npz:  # rewritten whole
        assert "__meta__" in npz.files


def test_cache_never_serves_another_database(
    db: Database, db_path: Path, tmp_path: Path, migrated_sqlite_template: Path
) -> None:
    cache = tmp_path / "cache"
    db.cache_dir = cache
    add_tickets(db, _rows(6))
    load_store(db)
    # another database, same cache folder (by mistake): same ids, other tickets
    other_path = tmp_path / "other.db"
    shutil.copyfile(migrated_sqlite_template, other_path)
    other = open_database(sqlite_url(other_path))
    try:
        other.cache_dir = cache
        add_tickets(other, _rows(9, start=100))
        store = load_store(other)
        assert_same(store, TicketStore.load_from_db(other))
    finally:
        other.dispose()
    # another file copied over this database's path: same name, other tickets
    db.dispose()
    for suffix in ("-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    load_store(db)  # the cache now describes the first database again
    db.dispose()
    shutil.copyfile(other_path, db_path)
    replaced = open_database(sqlite_url(db_path))
    try:
        replaced.cache_dir = cache
        store = load_store(replaced)
        assert store.size == 9 and store.created[0] == int(
            (T0 + 100 * H).timestamp() * 1_000_000
        )
        assert_same(store, TicketStore.load_from_db(replaced))
    finally:
        replaced.dispose()


def test_unwritable_cache_folder_and_stale_temporaries(db: Database, tmp_path: Path) -> None:
    add_tickets(db, _rows(4))
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    db.cache_dir = blocker / "cache"  # cannot be created: the load still works
    assert_same(load_store(db), TicketStore.load_from_db(db))
    db.cache_dir = tmp_path / "cache"
    db.cache_dir.mkdir()
    stale = db.cache_dir / ".store-dead.npz.tmp"
    fresh = db.cache_dir / ".store-live.npz.tmp"
    for f in (stale, fresh):
        f.write_bytes(b"half")
    os.utime(stale, (1, 1))
    load_store(db)
    assert not stale.exists() and fresh.exists()
