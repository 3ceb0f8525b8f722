"""A small hand-placed ticket set around October 2026 (UTC) for the period report tests.

Default SLA policies: P1 15 min / 4 h, P2 60 min / 8 h, P3 2 h / 24 h; calendar time.
October: 5 tickets — response SLA met 3 of 4 measured… see ``OCTOBER``; September: 2.
"""

from __future__ import annotations

import datetime as dt

from models.db import Database
from tests.models.kpi.helpers import H, M, add_tickets, add_vendor_and_site

UTC = dt.UTC
OCT = dt.datetime(2026, 10, 1, tzinfo=UTC)
NOV = dt.datetime(2026, 11, 1, tzinfo=UTC)
SEP = dt.datetime(2026, 9, 1, tzinfo=UTC)
FORMULA = "=cmd|' /C calc'!A0"
NOISE = "噪音扰民 / Noise"  # Chinese text: the PDF must embed a CJK font


def day(month: int, d: int, hour: int = 0) -> dt.datetime:
    return dt.datetime(2026, month, d, hour, tzinfo=UTC)


def build(db: Database) -> dict[str, int]:
    """Insert the scenario; returns the vendor and site ids (``v1``, ``v2``, ``s1``)."""
    v1, v2, s1 = add_vendor_and_site(db)
    add_tickets(db, [
        # October
        dict(priority="P2", created_at=day(10, 5, 1), frt=30 * M, res=6 * H, csat=5.0,
             vendor_id=v1, site_id=s1, category="Billing"),
        dict(priority="P2", created_at=day(10, 5, 2), frt=90 * M, res=10 * H, vendor_id=v1,
             is_complaint=True, customer="C1", category=FORMULA),
        dict(priority="P3", created_at=day(10, 6, 3), is_complaint=True, customer="C2",
             category=NOISE, vendor_id=v2, external_id="EXT-OVERDUE"),
        dict(priority="P1", created_at=day(10, 7, 9), frt=10 * M, res=3 * H, csat=4.0,
             vendor_id=v2, site_id=s1),
        dict(priority="P3", created_at=day(10, 20, 9), frt=5 * M, res=2 * H,
             is_complaint=True, customer="C3", category=NOISE),
        # September
        dict(priority="P2", created_at=day(9, 10, 9), frt=30 * M, res=2 * H),
        dict(priority="P2", created_at=day(9, 11, 9), frt=2 * H, res=3 * H),
        # November (outside)
        dict(priority="P2", created_at=day(11, 2, 9), frt=5 * M),
    ])
    return {"v1": v1, "v2": v2, "s1": s1}
