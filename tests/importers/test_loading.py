"""Loading: upsert counts, updates with backups, undo, duplicates, rollback and cancel."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import text

from importers import loading
from importers.batches import BatchUndoError, undo_batch
from importers.job import import_file
from importers.loading import BatchInfo, load_tickets
from importers.mapping import propose_mapping
from importers.validation import validate_tickets
from models.db import Database
from models.progress import Cancelled, RecordingProgress
from tests.importers.helpers import table, write_rows

HEADERS = ["Ticket ID", "Created", "Priority", "Status", "Agent", "CSAT", "Site"]


def write_csv(path: Path, rows: list[list[object]], headers: list[str] = HEADERS) -> Path:
    return write_rows(path, [headers, *rows])


def rows(n: int, *, agent: str = "张三", start: int = 0) -> list[list[object]]:
    return [[f"T{i:05d}", f"2024-05-{i % 28 + 1:02d} {i % 24:02d}:15", ["高", "low", "P3"][i % 3],
             "已解决" if i % 2 else "open", agent, i % 5 + 1, "门店12" if i % 4 == 0 else ""]
            for i in range(start, start + n)]


def snapshot(db: Database) -> dict[str, list[tuple[object, ...]]]:
    out = {}
    with db.engine.connect() as conn:
        for name in ("tickets", "import_batches", "import_row_backups", "sites", "vendors"):
            out[name] = [tuple(r) for r in conn.execute(text(f"SELECT * FROM {name} ORDER BY id"))]
    return out


def test_insert_then_update_then_undo(any_db: Database, tmp_path: Path) -> None:
    first = import_file(write_csv(tmp_path / "a.csv", rows(30)), any_db.url, source="desk",
                        user="lin")
    assert (first.batch, first.rows, first.inserted, first.updated) == (1, 30, 30, 0)
    before_second = snapshot(any_db)
    changed = rows(10, agent="李四") + rows(5, start=30)
    second = import_file(write_csv(tmp_path / "b.csv", changed), any_db.url, source="desk")
    assert (second.inserted, second.updated) == (5, 10)
    with any_db.engine.connect() as conn:
        agents = dict(conn.execute(text("SELECT external_id, agent FROM tickets")).all())
        assert agents["T00000"] == "李四" and agents["T00020"] == "张三"
        assert conn.execute(text("SELECT count(*) FROM tickets")).scalar() == 35
        assert conn.execute(text("SELECT count(*) FROM sites")).scalar() == 1
        batch = conn.execute(text('SELECT rows, inserted, updated, "user", status FROM '
                                  "import_batches WHERE id = 1")).one()
        assert tuple(batch) == (30, 30, 0, "lin", "committed")
    with pytest.raises(BatchUndoError) as blocked:
        undo_batch(any_db, 1)
    assert blocked.value.code == "newer_batch" and blocked.value.other == 2
    undo_batch(any_db, 2)
    after = snapshot(any_db)
    assert after["tickets"] == before_second["tickets"]
    with any_db.engine.connect() as conn:
        assert conn.execute(text("SELECT status FROM import_batches WHERE id = 2")).scalar() == \
            "undone"
    undo_batch(any_db, 1)
    assert snapshot(any_db)["tickets"] == []


def test_same_file_twice_is_recognised(db: Database, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "a.csv", rows(3))
    first = import_file(path, db.url)
    again = import_file(path, db.url)
    assert again.duplicate_of == first.batch and again.inserted == 0
    assert "already imported as batch 1" in again.warnings[0]
    forced = import_file(path, db.url, force=True)
    assert (forced.batch, forced.updated) == (2, 3)
    undo_batch(db, 2)
    undo_batch(db, 1)
    assert import_file(path, db.url).duplicate_of is None  # undone batches don't count


def test_all_or_nothing_and_skip_invalid(db: Database, tmp_path: Path) -> None:
    data = [*rows(4), ["T9", "not a time", "高", "open", "x", 3, ""]]
    path = write_csv(tmp_path / "bad.csv", data)
    nothing = import_file(path, db.url)
    assert nothing.batch is None and nothing.rejected == 1
    assert nothing.errors[0].row == 6 and nothing.errors[0].column == "Created"
    assert snapshot(db)["tickets"] == []
    some = import_file(path, db.url, mode="skip-invalid")
    assert (some.inserted, some.rejected) == (4, 1)
    with db.engine.connect() as conn:
        stored = conn.execute(text("SELECT report FROM import_batches")).scalar()
    assert "not a time" in stored


def _prepared(n: int):
    t = table(HEADERS, rows(n))
    m = propose_mapping(t)
    return validate_tickets(t, m, tz=dt.UTC)


def test_a_constraint_violation_mid_load_rolls_everything_back(
        any_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import_file(write_csv(tmp_path / "a.csv", rows(5)), any_db.url, source="s")
    before = snapshot(any_db)
    monkeypatch.setattr(loading, "CHUNK", 10)
    data, _ = _prepared(40)
    data.csat[35] = 99.0  # passes nothing: the CHECK csat_in_scale fails in the 4th chunk
    info = BatchInfo("tickets", "x.csv", "0" * 64, "s", rows=40)
    with pytest.raises(Exception, match=r"(?i)check|constraint"):
        load_tickets(any_db, data, ~data.reject, info, RecordingProgress())
    assert snapshot(any_db) == before


def test_cancel_mid_load_rolls_everything_back(
        any_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import_file(write_csv(tmp_path / "a.csv", rows(5)), any_db.url, source="s")
    before = snapshot(any_db)
    monkeypatch.setattr(loading, "CHUNK", 10)
    data, _ = _prepared(40)
    progress = RecordingProgress(cancel_after=3)
    with pytest.raises(Cancelled):
        load_tickets(any_db, data, ~data.reject, BatchInfo("tickets", "x", "0" * 64, "s"),
                     progress)
    assert progress.stages == ["loading"]
    assert snapshot(any_db) == before


def test_cancel_through_import_file(db: Database, tmp_path: Path) -> None:
    progress = RecordingProgress(cancel_after=2)
    with pytest.raises(Cancelled):
        import_file(write_csv(tmp_path / "a.csv", rows(10)), db.url, progress=progress)
    assert snapshot(db)["tickets"] == [] and snapshot(db)["import_batches"] == []


def _indexes(db: Database) -> set[str]:
    with db.engine.connect() as conn:
        return set(conn.execute(text(
            "SELECT sql FROM sqlite_master WHERE tbl_name = 'tickets' AND type = 'index' "
            "AND sql IS NOT NULL")).scalars())


def test_a_big_batch_rebuilds_the_indexes_and_leaves_the_connection_as_it_was(
        db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = _indexes(db)
    assert len(before) >= 2
    monkeypatch.setattr(loading, "_INDEX_REBUILD_MIN", 10)
    report = import_file(write_csv(tmp_path / "a.csv", rows(40)), db.url, source="s")
    assert report.inserted == 40
    assert _indexes(db) == before
    with db.engine.connect() as conn:  # the pooled connection checks again
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA ignore_check_constraints")).scalar() == 0
        plan = " ".join(str(r) for r in conn.execute(text(
            "EXPLAIN QUERY PLAN SELECT id FROM tickets WHERE created_at > 0")))
        assert "ix_tickets_created_at" in plan


def test_a_cancel_after_the_indexes_were_dropped_keeps_them(
        db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    before = _indexes(db)
    monkeypatch.setattr(loading, "_INDEX_REBUILD_MIN", 10)
    monkeypatch.setattr(loading, "CHUNK", 10)
    data, _ = _prepared(40)
    with pytest.raises(Cancelled):
        load_tickets(db, data, ~data.reject, BatchInfo("tickets", "x", "0" * 64, "s"),
                     RecordingProgress(cancel_after=2))
    assert _indexes(db) == before
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM tickets")).scalar() == 0
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_a_code_outside_the_checks_still_meets_the_database_check(db: Database) -> None:
    data, _ = _prepared(20)
    data.priority[3] = "P9"  # e.g. a value map naming a code the table does not allow
    with pytest.raises(Exception, match=r"(?i)check|constraint"):
        load_tickets(db, data, ~data.reject, BatchInfo("tickets", "x", "0" * 64, "s"),
                     RecordingProgress())
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM tickets")).scalar() == 0
        assert conn.execute(text("PRAGMA ignore_check_constraints")).scalar() == 0
