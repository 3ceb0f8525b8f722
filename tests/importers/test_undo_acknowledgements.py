"""Undoing an import forgets the acknowledgements of the tickets it removed: SQLite gives
the next ticket the same row id, and its alert must not arrive silenced."""

from __future__ import annotations

import csv
from pathlib import Path

from sqlalchemy import func, select

from importers.batches import undo_batch
from importers.job import import_file
from models.db import Database
from models.kpi.alerts import acknowledge, forget_deleted_ticket_acks
from models.orm import AlertAck, Ticket


def complaint_file(path: Path, ticket: str) -> Path:
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["工单号", "创建时间", "是否投诉", "客户"])
        w.writerow([ticket, "2024-05-01 08:00", "是", "张三"])
    return path


def test_undo_forgets_the_removed_tickets_acknowledgements(db: Database,
                                                           tmp_path: Path) -> None:
    first = import_file(complaint_file(tmp_path / "a.csv", "A1"), db.url, tz="UTC")
    with db.session() as s:
        old_id = s.scalar(select(Ticket.id))
    acknowledge(db, f"overdue_complaint:{old_id}", "alice")
    acknowledge(db, "kpi_target:csat_score:all:2024-05", "alice")  # not a ticket's: kept
    undo_batch(db, first.batch)
    import_file(complaint_file(tmp_path / "b.csv", "B1"), db.url, tz="UTC")
    with db.session() as s:
        new_id = s.scalar(select(Ticket.id))
        keys = set(s.scalars(select(AlertAck.alert_key)))
    assert new_id == old_id  # the id came back: the old acknowledgement would silence it
    assert keys == {"kpi_target:csat_score:all:2024-05"}


def test_acknowledgements_of_existing_tickets_stay(db: Database, tmp_path: Path) -> None:
    import_file(complaint_file(tmp_path / "a.csv", "A1"), db.url, tz="UTC")
    with db.session() as s:
        ticket = s.scalar(select(Ticket.id))
    acknowledge(db, f"repeat_complaint:{ticket}", "alice")
    acknowledge(db, f"about_to_breach:response:{ticket + 1}", "alice")  # no such ticket
    with db.transaction() as s:
        assert forget_deleted_ticket_acks(s) == 1
        assert s.scalar(select(func.count()).select_from(AlertAck)) == 1
