"""Query functions for the pages: ticket order and rows, listings, counts."""

from __future__ import annotations

import datetime as dt

import pytest

from models.db import Database
from models.orm import UTC, Priority, Site, Ticket, TicketStatus, Vendor
from models.queries.listings import ids_by_code_or_name, list_sites, list_vendors
from models.queries.overview import table_counts
from models.queries.tickets import ticket_ids, ticket_rows

BASE = dt.datetime(2026, 5, 1, 8, tzinfo=UTC)


def _fill(db: Database) -> None:
    with db.transaction() as s:
        site = Site(code="S1", name="静安店")
        vendor = Vendor(code="V1", name="Clean Co", service_category="cleaning")
        s.add_all([site, vendor])
        s.flush()
        for i, prio in enumerate([Priority.P3, Priority.P1, Priority.P2]):
            s.add(Ticket(source="hd", external_id=f"T{i}", priority=prio,
                         status=TicketStatus.CLOSED, created_at=BASE + dt.timedelta(hours=i),
                         closed_at=BASE + dt.timedelta(hours=i + 5), customer=f"客户{i}",
                         team="一组", nps=9, reopened_count=1, description="空调不制冷",
                         onsite_at=BASE + dt.timedelta(hours=i, minutes=50),
                         site_id=site.id, vendor_id=vendor.id))


def test_ticket_ids_newest_first_and_by_column(any_db: Database) -> None:
    _fill(any_db)
    rows = ticket_rows(any_db, ticket_ids(any_db))
    assert [r.external_id for r in rows] == ["T2", "T1", "T0"]
    by_priority = ticket_rows(any_db, ticket_ids(any_db, "priority", descending=False))
    assert [r.priority for r in by_priority] == ["P1", "P2", "P3"]


def test_ticket_rows_carry_every_detail_field(any_db: Database) -> None:
    _fill(any_db)
    (row,) = ticket_rows(any_db, [int(ticket_ids(any_db)[-1])])
    assert (row.external_id, row.site, row.vendor) == ("T0", "静安店", "Clean Co")
    assert (row.customer, row.team, row.nps, row.reopened_count) == ("客户0", "一组", 9, 1)
    assert row.description == "空调不制冷" and row.status == "closed"
    assert row.closed_at == BASE + dt.timedelta(hours=5)
    assert row.onsite_at == BASE + dt.timedelta(minutes=50) and row.answered_at is None


def test_counts_and_vendor_listing(any_db: Database) -> None:
    assert table_counts(any_db).empty
    _fill(any_db)
    counts = table_counts(any_db)
    assert (counts.tickets, counts.vendors, counts.sites, counts.inspections) == (3, 1, 1, 0)
    assert [v.name for v in list_vendors(any_db)] == ["Clean Co"]


def test_vendors_and_sites_found_by_code_then_name(any_db: Database) -> None:
    _fill(any_db)
    with any_db.transaction() as s:
        s.add(Site(code="静安店", name="Other"))  # a code equal to another site's name
    jingan, other = (r[0] for r in sorted(list_sites(any_db), key=lambda r: r[2] != "静安店"))
    assert ids_by_code_or_name(any_db, "site", ["静安店"]) == (other,)  # the code wins
    assert ids_by_code_or_name(any_db, "site", ["S1", "Other"]) == (jingan, other)
    assert ids_by_code_or_name(any_db, "vendor", ["Clean Co", "V1"]) == (1, 1)
    assert ids_by_code_or_name(any_db, "vendor", []) == ()
    with pytest.raises(LookupError, match="unknown vendor: 'Nobody'"):
        ids_by_code_or_name(any_db, "vendor", ["V1", "Nobody"])
