"""Alerts for the supervisor (issue 4 "Alerts"), Qt-free, with acknowledgements.

Kinds and stable keys:

- ``kpi_target:<kpi>:<priority|all>:<YYYY-MM>`` — a KPI over ``filt`` (default: the
  30 days before ``as_of``) misses its target; ``warning`` within 5 % of the target,
  else ``critical``. The month of ``as_of`` is in the key: an acknowledgement holds for
  that month.
- ``overdue_complaint:<ticket id>`` — no resolution at ``as_of`` and older than 24 h
  (all history: it is open work); ``critical``.
- ``repeat_complaint:<ticket id>`` — a repeat complaint created in the 30 days before
  ``as_of``; ``warning``.
- ``about_to_breach:<response|resolution>:<ticket id>`` — pending with less than 20 % of
  its target left (business minutes on a calendar policy); ``warning``.
- ``qualification_expired:<id>`` / ``qualification_expiring:<id>`` — a vendor
  document expired, or expiring within 30 days of ``as_of``'s date.

Acknowledged alerts (``AlertAck``) are left out unless asked for.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
from sqlalchemy import delete, or_, select

from models.kpi import sla
from models.kpi.business_calendar import BusinessClock
from models.kpi.compute import compute_kpis
from models.kpi.filtering import from_us, to_us
from models.kpi.filtering import select as select_rows
from models.kpi.policy_types import KpiTargetSpec, PolicySet
from models.kpi.settings_store import target_for
from models.kpi.store import NONE, TicketStore
from models.kpi.types import Alert, AlertKind, KpiResult, TicketFilter
from models.orm import AlertAck, Ticket, Vendor, VendorQualification

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from models.db import Database

DAY_US = 86_400_000_000
US_PER_MIN = 60_000_000
BREACH_WARNING_SHARE = 0.2


def kpi_value(result: KpiResult, kpi: str, priority: str | None = None) -> float | None:
    """The value of a ``kpi --json`` key (or ``reopen_rate_pct``) in a result."""
    if priority is not None:
        per = result.by_priority.get(priority)
        value = getattr(per, kpi, None) if per is not None else None
    elif kpi == "reopen_rate_pct":
        value = result.reopen_rate.pct
    else:
        value = getattr(result, kpi, None)
    return float(value) if isinstance(value, int | float) else None


def target_status(value: float | None, target: KpiTargetSpec) -> str | None:
    """``"met"``, ``"near"`` (missed by at most 5 % of the target) or ``"missed"``."""
    if value is None:
        return None
    gap = (target.target - value) if target.higher_is_better else (value - target.target)
    if gap <= 0:
        return "met"
    return "near" if gap <= 0.05 * abs(target.target) else "missed"


def _kpi_alerts(
    result: KpiResult, targets: Sequence[KpiTargetSpec], as_of: dt.datetime
) -> list[Alert]:
    out: list[Alert] = []
    month = as_of.strftime("%Y-%m")
    seen: set[tuple[str, str | None]] = set()
    for t in targets:
        if (t.kpi, t.priority) in seen:
            continue
        seen.add((t.kpi, t.priority))
        chosen = target_for(targets, t.kpi, as_of.date(), t.priority)
        if chosen is None or chosen.priority != t.priority:
            continue
        value = kpi_value(result, t.kpi, t.priority)
        status = target_status(value, chosen)
        if status in (None, "met"):
            continue
        out.append(
            Alert(
                key=f"kpi_target:{t.kpi}:{t.priority or 'all'}:{month}",
                kind="kpi_target",
                severity="warning" if status == "near" else "critical",
                params=(
                    ("kpi", t.kpi),
                    ("priority", t.priority),
                    ("value", value),
                    ("target", chosen.target),
                    ("higher_is_better", int(chosen.higher_is_better)),
                ),
                created=as_of,
            )
        )
    return out


def _ticket_alerts(
    store: TicketStore, filt: TicketFilter, as_of: dt.datetime, policies: PolicySet
) -> list[Alert]:
    as_of_us = to_us(as_of)
    s = select_rows(store, dataclasses.replace(filt, start=None, end=None))
    rows = s.rows()
    ids, created = store.id[rows], store.created[rows]
    complaint, resolved = store.complaint[rows], store.resolved[rows]
    out: list[Alert] = []
    overdue = (
        complaint
        & ((resolved == NONE) | (resolved > as_of_us))
        & (as_of_us - created > DAY_US)
        & (created <= as_of_us)
    )
    for i in np.flatnonzero(overdue):
        hours = (as_of_us - int(created[i])) / 3_600_000_000
        out.append(
            Alert(
                f"overdue_complaint:{ids[i]}",
                "overdue_complaint",
                "critical",
                (("ticket", int(ids[i])), ("hours_open", hours)),
                from_us(int(created[i]) + DAY_US),
                (int(ids[i]),),
            )
        )
    recent = (
        complaint & store.repeat[rows] & (created > as_of_us - 30 * DAY_US) & (created <= as_of_us)
    )
    for i in np.flatnonzero(recent):
        out.append(
            Alert(
                f"repeat_complaint:{ids[i]}",
                "repeat_complaint",
                "warning",
                (("ticket", int(ids[i])),),
                from_us(int(created[i])),
                (int(ids[i]),),
            )
        )
    ev = sla.evaluate(store, policies)
    clocks: dict[int, BusinessClock | None] = {}  # per policy: one clock, not one per ticket
    for kind, event, deadline, attr in (
        ("response", store.first_response, ev.response_deadline, "first_response_min"),
        ("resolution", store.resolved, ev.resolution_deadline, "resolution_min"),
    ):
        codes = sla.outcomes(event[rows], deadline[rows], as_of_us)
        pending = np.flatnonzero((codes == sla.PENDING) & (created <= as_of_us))
        for i in pending:
            r = rows[i]
            idx = int(ev.policy[r])
            target = getattr(policies.policies[idx], attr)
            if idx not in clocks:
                clocks[idx] = sla.clock_of(store, policies, idx)
            clock = clocks[idx]
            if clock is None:
                left = (int(deadline[r]) - as_of_us) / US_PER_MIN
            else:
                elapsed = clock.minutes_between(np.array([created[i]]), np.array([as_of_us]))
                left = float(target - elapsed[0])
            if left < BREACH_WARNING_SHARE * target:
                out.append(
                    Alert(
                        f"about_to_breach:{kind}:{ids[i]}",
                        "about_to_breach",
                        "warning",
                        (
                            ("ticket", int(ids[i])),
                            ("sla", kind),
                            ("minutes_left", left),
                            ("target_min", target),
                        ),
                        as_of,
                        (int(ids[i]),),
                    )
                )
    return out


def _qualification_alerts(db: Database, as_of: dt.datetime) -> list[Alert]:
    today = as_of.date()
    horizon = today + dt.timedelta(days=30)
    out: list[Alert] = []
    with db.session() as s:
        q = (
            select(
                VendorQualification.id,
                VendorQualification.vendor_id,
                VendorQualification.kind,
                VendorQualification.expires_on,
                Vendor.name,
            )
            .join(Vendor, Vendor.id == VendorQualification.vendor_id)
            .where(
                VendorQualification.expires_on.is_not(None),
                VendorQualification.expires_on <= horizon,
            )
            .order_by(VendorQualification.expires_on)
        )
        for qid, vid, kind, expires, vname in s.execute(q):
            assert expires is not None  # filtered in the query
            expired = expires < today
            name: AlertKind = "qualification_expired" if expired else "qualification_expiring"
            out.append(
                Alert(
                    f"{name}:{qid}",
                    name,
                    "critical" if expired else "warning",
                    (
                        ("vendor", vname),
                        ("document", kind),
                        ("expires_on", expires.isoformat()),
                        ("days_left", (expires - today).days),
                    ),
                    dt.datetime.combine(expires - dt.timedelta(days=30), dt.time(), dt.UTC),
                    (),
                    int(vid),
                )
            )
    return out


def list_alerts(
    db: Database,
    store: TicketStore,
    as_of: dt.datetime,
    policies: PolicySet,
    targets: Sequence[KpiTargetSpec],
    filt: TicketFilter | None = None,
    include_acknowledged: bool = False,
) -> list[Alert]:
    """Every current alert (see the module docstring), critical first, newest first."""
    period = filt or TicketFilter(start=as_of - dt.timedelta(days=30), end=as_of)
    if period.start is None and period.end is None:
        period = dataclasses.replace(period, end=as_of)
    alerts = _kpi_alerts(compute_kpis(store, period, as_of, policies), targets, as_of)
    alerts += _ticket_alerts(store, period, as_of, policies)
    alerts += _qualification_alerts(db, as_of)
    with db.session() as s:
        acks = {a.alert_key: a for a in s.scalars(select(AlertAck))}
    out: list[Alert] = []
    for a in alerts:
        ack = acks.get(a.key)
        if ack is not None:
            if not include_acknowledged:
                continue
            a = dataclasses.replace(
                a, acknowledged_by=ack.acknowledged_by, acknowledged_at=ack.acknowledged_at
            )
        out.append(a)
    out.sort(key=lambda a: (a.severity != "critical", -a.created.timestamp(), a.key))
    return out


def acknowledge(db: Database, key: str, user: str, note: str | None = None) -> None:
    """Record that ``user`` acknowledged alert ``key``; a second call changes nothing."""
    with db.transaction() as s:
        if s.scalars(select(AlertAck).filter_by(alert_key=key)).first() is None:
            s.add(AlertAck(alert_key=key, acknowledged_by=user, note=note))


TICKET_ALERT_PREFIXES = ("overdue_complaint:", "repeat_complaint:", "about_to_breach:")
"""Keys whose last part is a ticket id (see the module doc)."""


def forget_deleted_ticket_acks(s: Session) -> int:
    """Delete the acknowledgements of ticket alerts whose ticket no longer exists.

    Call it in the transaction that deletes tickets (undoing an import, replacing the
    demo): SQLite reuses the highest row ids, so a stale acknowledgement would silence
    the alert of the next ticket given that id. Returns how many were deleted.
    """
    acks = [(a.id, int(a.alert_key.rsplit(":", 1)[1])) for a in s.scalars(
        select(AlertAck).where(or_(*(AlertAck.alert_key.startswith(p)
                                     for p in TICKET_ALERT_PREFIXES))))]
    if not acks:
        return 0
    existing: set[int] = set()
    wanted = sorted({ticket for _, ticket in acks})
    for i in range(0, len(wanted), 500):
        existing.update(s.scalars(select(Ticket.id).where(Ticket.id.in_(wanted[i:i + 500]))))
    stale = [ack for ack, ticket in acks if ticket not in existing]
    if stale:
        s.execute(delete(AlertAck).where(AlertAck.id.in_(stale)))
    return len(stale)
