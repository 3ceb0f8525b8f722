"""Row counts for the status bar and the first-start check."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from models.db import Database
from models.orm import Inspection, Site, Ticket, Vendor


@dataclass(frozen=True)
class TableCounts:
    tickets: int
    vendors: int
    sites: int
    inspections: int

    @property
    def empty(self) -> bool:
        return not (self.tickets or self.vendors or self.sites or self.inspections)


def table_counts(db: Database) -> TableCounts:
    """How many tickets, vendors, sites and inspections the database holds."""
    with db.session() as s:
        counts = [
            s.scalar(select(func.count()).select_from(table)) or 0
            for table in (Ticket, Vendor, Site, Inspection)
        ]
    return TableCounts(*counts)
