"""``generate_demo``: fill a database with the realistic, deterministic demo data set."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from sqlalchemy import delete, exists, func, select
from sqlalchemy.orm import Session

from models.checklists.demo import add_demo_checklists
from models.db import Database
from models.defaults import ensure_defaults
from models.demo.loader import insert_tickets
from models.demo.org import add_org
from models.demo.reference import DEMO_SOURCE, LOCAL_UTC_OFFSET_H, SITES, VENDORS
from models.demo.tickets import NO_TIME, SPAN_DAYS, generate_tickets
from models.kpi.alerts import forget_deleted_ticket_acks
from models.orm import (
    UTC,
    ChecklistTemplate,
    Inspection,
    KpiTarget,
    ScorecardTemplate,
    Site,
    SlaPolicy,
    Ticket,
    Vendor,
    to_epoch_us,
)
from models.progress import NullProgress, Progress
from models.scorecards.demo import add_demo_scorecards

MIN_TICKETS = 100
_NO_PROGRESS = NullProgress()


@dataclass(frozen=True)
class DemoSummary:
    """What a demo run wrote. Times are aware UTC; the tickets cover ``[start, end)``.

    ``sla_policies``, ``kpi_targets``, ``checklist_templates`` and ``scorecard_templates``
    count the rows in the database afterwards (defaults already present are kept).
    """

    tickets: int
    complaints: int
    open_tickets: int
    sites: int
    vendors: int
    qualifications: int
    vendor_metrics: int
    sla_policies: int
    kpi_targets: int
    checklist_templates: int
    inspections: int
    scorecard_templates: int
    start: dt.datetime
    end: dt.datetime


def default_now() -> dt.datetime:
    """The current UTC time rounded down to the hour — the demo's default ``now``."""
    return dt.datetime.now(UTC).replace(minute=0, second=0, microsecond=0)


def generate_demo(
    db: Database,
    *,
    tickets: int = 20_000,
    seed: int = 42,
    now: dt.datetime | None = None,
    progress: Progress = _NO_PROGRESS,
    replace: bool = False,
) -> DemoSummary:
    """Fill ``db`` with the demo data set in one transaction and say what was written.

    With ``db.cache_dir`` set, the KPI store's column cache is written afterwards.
    ``tickets`` (≥ 100) are spread over the :data:`SPAN_DAYS` days before ``now`` (an
    aware time; default :func:`default_now`). The same ``seed`` and ``now`` give the same
    data (except the inspections' random UUIDs). Also writes 20 sites, 8 vendors
    with qualification documents and four quarters of metrics, the default SLA policies and
    KPI targets where absent, the checklist templates with 60 inspections
    (:mod:`models.checklists.demo`) and the default scorecard template
    (:mod:`models.scorecards.demo`).

    Raises ``ValueError`` when the database already holds demo data (unless ``replace``,
    which deletes it first), when a demo site or vendor code is taken by other data, or
    for bad arguments; ``Cancelled`` from ``progress`` rolls everything back.
    """
    if tickets < MIN_TICKETS:
        raise ValueError(f"the demo needs at least {MIN_TICKETS} tickets, not {tickets}")
    if now is None:
        now = default_now()
    elif now.tzinfo is None:
        raise ValueError(f"naive 'now' {now!r}: give an aware time (UTC or with an offset)")
    now = now.astimezone(UTC)
    rng = random.Random(seed)
    progress.update(0, tickets, "demo")
    with db.transaction() as s:
        _make_room(s, replace)
        progress.check()
        ensure_defaults(s)
        org = add_org(s, rng, now)
        now_us = to_epoch_us(now)
        cols = generate_tickets(tickets, seed, now_us, org, _holidays(now))
        progress.check()
        insert_tickets(s, cols, org, progress, "tickets")
        progress.update(tickets, tickets, "inspections")
        add_demo_checklists(s, org.site_ids, rng, now)
        progress.check()
        add_demo_scorecards(s, org.vendor_ids, rng, now)
        summary = DemoSummary(
            tickets=len(cols),
            complaints=int(cols.complaint.sum()),
            open_tickets=int((cols.resolved == NO_TIME).sum()),
            sites=len(org.site_ids),
            vendors=len(org.vendor_ids),
            qualifications=org.qualifications,
            vendor_metrics=org.vendor_metrics,
            sla_policies=_count(s, SlaPolicy),
            kpi_targets=_count(s, KpiTarget),
            checklist_templates=_count(s, ChecklistTemplate),
            inspections=_count(s, Inspection),
            scorecard_templates=_count(s, ScorecardTemplate),
            start=now - dt.timedelta(days=SPAN_DAYS),
            end=now,
        )
    if db.cache_dir is not None:
        # the KPI column cache (written to a temporary file, then renamed), so that the
        # first dashboard on these tickets does not read them all from the database
        from models.kpi.store_cache import load as load_cached_store

        load_cached_store(db)
    return summary


def has_demo_data(db: Database) -> bool:
    """Whether ``db`` already holds demo tickets."""
    with db.session() as s:
        return bool(s.scalar(select(exists().where(Ticket.source == DEMO_SOURCE))))


def _make_room(s: Session, replace: bool) -> None:
    """Refuse or delete existing demo data; refuse when other data holds a demo code."""
    if s.scalar(select(exists().where(Ticket.source == DEMO_SOURCE))):
        if not replace:
            raise ValueError(
                "the database already holds demo data; use --replace to regenerate it"
            )
        s.execute(delete(Ticket).where(Ticket.source == DEMO_SOURCE))
        forget_deleted_ticket_acks(s)
        demo_sites = select(Site.id).where(Site.code.in_([site.code for site in SITES]))
        # Answers and photos go with their inspection (ON DELETE CASCADE); templates stay
        # and are reused; evaluations, documents and metrics go with their vendor.
        s.execute(delete(Inspection).where(Inspection.site_id.in_(demo_sites)))
        s.execute(delete(Site).where(Site.code.in_([site.code for site in SITES])))
        s.execute(delete(Vendor).where(Vendor.code.in_([vendor.code for vendor in VENDORS])))
    taken = list(s.scalars(select(Site.code).where(Site.code.in_([x.code for x in SITES]))))
    taken += s.scalars(select(Vendor.code).where(Vendor.code.in_([x.code for x in VENDORS])))
    if taken:
        raise ValueError(
            f"the demo's site/vendor codes are already used by other data: {', '.join(taken)}"
        )


def _holidays(now: dt.datetime) -> set[int]:
    """Chinese public holidays in the span, as local day numbers since 1970-01-01."""
    import holidays

    local = now + dt.timedelta(hours=LOCAL_UTC_OFFSET_H)
    years = range(local.year - SPAN_DAYS // 365 - 1, local.year + 1)
    epoch = dt.date(1970, 1, 1)
    return {(day - epoch).days for day in holidays.country_holidays("CN", years=years)}


def _count(s: Session, entity: type[object]) -> int:
    return int(s.scalar(select(func.count()).select_from(entity)) or 0)


__all__ = ["DemoSummary", "default_now", "generate_demo", "has_demo_data"]
