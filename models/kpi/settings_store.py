"""SLA policies, business calendars and KPI targets: load as plain specs, save with audit.

For the Settings page editors. Every saved change writes one :class:`AuditEntry` per
changed field (who, when, old value, new value). Policies carry a version: saving an
edit made on an older version raises :class:`SettingsConflict` instead of overwriting.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.kpi.calendars_cn import DEFAULT_CALENDAR_NAME, china_calendar
from models.kpi.policy_types import (
    CalendarDaySpec,
    CalendarSpec,
    KpiTargetSpec,
    PolicySet,
    SlaPolicySpec,
    WorkingHours,
)
from models.orm import AuditEntry, BusinessCalendar, CalendarDay, KpiTarget, Priority, SlaPolicy

if TYPE_CHECKING:
    from models.db import Database

POLICY_FIELDS = (
    "name",
    "priority",
    "channel",
    "category",
    "first_response_min",
    "onsite_min",
    "resolution_min",
    "calendar_id",
    "effective_from",
    "effective_to",
)


class SettingsConflict(Exception):
    """Someone else saved this policy meanwhile; reload and edit again."""


def _hours_from_json(data: dict[str, Any]) -> WorkingHours:
    return tuple(
        sorted((int(wd), tuple((str(a), str(b)) for a, b in iv)) for wd, iv in data.items())
    )


def _hours_to_json(hours: WorkingHours) -> dict[str, Any]:
    return {str(wd): [[a, b] for a, b in iv] for wd, iv in hours}


def _policy_spec(p: SlaPolicy) -> SlaPolicySpec:
    return SlaPolicySpec(
        name=p.name,
        priority=str(Priority(p.priority).value),
        first_response_min=p.first_response_min,
        resolution_min=p.resolution_min,
        effective_from=p.effective_from,
        channel=p.channel,
        category=p.category,
        onsite_min=p.onsite_min,
        calendar_id=p.calendar_id,
        effective_to=p.effective_to,
        id=p.id,
        version=p.version,
    )


def load_calendars(session: Session) -> tuple[CalendarSpec, ...]:
    """Every business calendar with its exception days."""
    days: dict[int, list[CalendarDaySpec]] = {}
    for d in session.scalars(select(CalendarDay).order_by(CalendarDay.day)):
        days.setdefault(d.calendar_id, []).append(CalendarDaySpec(d.day, d.is_workday, d.name))
    return tuple(
        CalendarSpec(
            c.name, c.timezone, _hours_from_json(c.working_hours), tuple(days.get(c.id, ())), c.id
        )
        for c in session.scalars(select(BusinessCalendar).order_by(BusinessCalendar.id))
    )


def load_policy_set(db: Database, timezone: str | None = None) -> PolicySet:
    """Policies and calendars from the database; the defaults when it has no policy."""
    from models.kpi.sla import default_policy_set

    with db.session() as s:
        policies = tuple(
            _policy_spec(p) for p in s.scalars(select(SlaPolicy).order_by(SlaPolicy.id))
        )
        calendars = load_calendars(s)
    if not policies:
        return dataclasses.replace(default_policy_set(timezone), calendars=calendars)
    return PolicySet(policies, calendars, timezone)


def load_targets(db: Database) -> tuple[KpiTargetSpec, ...]:
    """KPI targets from the database; the defaults (``models.defaults``) when it has none."""
    from models.defaults import DEFAULT_EFFECTIVE_FROM, DEFAULT_KPI_TARGETS

    with db.session() as s:
        rows = list(s.scalars(select(KpiTarget).order_by(KpiTarget.kpi, KpiTarget.effective_from)))
        specs = tuple(
            KpiTargetSpec(
                t.kpi,
                t.target,
                t.higher_is_better,
                None if t.priority is None else str(Priority(t.priority).value),
                t.effective_from,
                t.id,
            )
            for t in rows
        )
    if specs:
        return specs
    return tuple(
        KpiTargetSpec(t.kpi, t.target, t.higher_is_better, None, DEFAULT_EFFECTIVE_FROM)
        for t in DEFAULT_KPI_TARGETS
    )


def target_for(
    targets: Sequence[KpiTargetSpec], kpi: str, on: dt.date, priority: str | None = None
) -> KpiTargetSpec | None:
    """The target in force on ``on`` for ``kpi`` (a per-priority one before the general)."""
    best: KpiTargetSpec | None = None
    for t in targets:
        if t.kpi != kpi or t.effective_from > on or t.priority not in (None, priority):
            continue
        rank = (t.priority is not None, t.effective_from)
        if best is None or rank > (best.priority is not None, best.effective_from):
            best = t
    return best


def _audit(
    s: Session,
    user: str | None,
    action: str,
    entity: str,
    entity_id: int | None,
    field: str | None = None,
    old: object = None,
    new: object = None,
) -> None:
    s.add(
        AuditEntry(
            user=user,
            action=action,
            entity=entity,
            entity_id=entity_id,
            field=field,
            old_value=None if old is None else str(old),
            new_value=None if new is None else str(new),
        )
    )


def save_policies(
    db: Database,
    policies: Sequence[SlaPolicySpec],
    user: str | None,
    deleted_ids: Sequence[int] = (),
) -> tuple[SlaPolicySpec, ...]:
    """Insert new policies (``id`` None), update edited ones, delete ``deleted_ids``.

    Raises :class:`SettingsConflict` when a policy's ``version`` is not the stored one.
    Returns the saved policies with their ids and versions.
    """
    saved: list[SlaPolicy] = []
    with db.transaction() as s:
        for spec in policies:
            values = {f: getattr(spec, f) for f in POLICY_FIELDS}
            values["priority"] = Priority(spec.priority)
            if spec.id is None:
                row = SlaPolicy(**values)
                s.add(row)
                s.flush()
                _audit(s, user, "create", "sla_policy", row.id, None, None, spec.name)
            else:
                row = s.get_one(SlaPolicy, spec.id)
                if spec.version is not None and row.version != spec.version:
                    raise SettingsConflict(f"policy {spec.name!r} was changed by someone else")
                for f, new in values.items():
                    old = getattr(row, f)
                    if old != new:
                        _audit(s, user, "update", "sla_policy", row.id, f, old, new)
                        setattr(row, f, new)
            saved.append(row)
        for pid in deleted_ids:
            row = s.get_one(SlaPolicy, pid)
            _audit(s, user, "delete", "sla_policy", pid, None, row.name, None)
            s.delete(row)
        s.flush()
        return tuple(_policy_spec(r) for r in saved)


def save_calendar(db: Database, spec: CalendarSpec, user: str | None) -> CalendarSpec:
    """Insert or update a calendar and replace its exception days; returns it with its id."""
    with db.transaction() as s:
        if spec.id is None:
            row = BusinessCalendar(
                name=spec.name,
                timezone=spec.timezone,
                working_hours=_hours_to_json(spec.working_hours),
            )
            s.add(row)
            s.flush()
            _audit(s, user, "create", "business_calendar", row.id, None, None, spec.name)
        else:
            row = s.get_one(BusinessCalendar, spec.id)
            for f, new in (
                ("name", spec.name),
                ("timezone", spec.timezone),
                ("working_hours", _hours_to_json(spec.working_hours)),
            ):
                if getattr(row, f) != new:
                    _audit(s, user, "update", "business_calendar", row.id, f, getattr(row, f), new)
                    setattr(row, f, new)
        old_days = {d.day: d for d in s.scalars(select(CalendarDay).filter_by(calendar_id=row.id))}
        new_days = {d.day: d for d in spec.days}
        for day, d in old_days.items():
            if day not in new_days:
                _audit(s, user, "delete", "calendar_day", row.id, str(day), d.is_workday, None)
                s.delete(d)
        for day, nd in new_days.items():
            od = old_days.get(day)
            if od is None:
                s.add(
                    CalendarDay(calendar_id=row.id, day=day, is_workday=nd.is_workday, name=nd.name)
                )
                _audit(s, user, "create", "calendar_day", row.id, str(day), None, nd.is_workday)
            elif (od.is_workday, od.name) != (nd.is_workday, nd.name):
                _audit(
                    s,
                    user,
                    "update",
                    "calendar_day",
                    row.id,
                    str(day),
                    od.is_workday,
                    nd.is_workday,
                )
                od.is_workday, od.name = nd.is_workday, nd.name
        s.flush()
        return dataclasses.replace(spec, id=row.id)


def save_targets(
    db: Database,
    targets: Sequence[KpiTargetSpec],
    user: str | None,
    deleted_ids: Sequence[int] = (),
) -> tuple[KpiTargetSpec, ...]:
    """Insert or update KPI targets (and delete ``deleted_ids``), with audit entries."""
    out: list[KpiTargetSpec] = []
    with db.transaction() as s:
        for t in targets:
            pri = None if t.priority is None else Priority(t.priority)
            if t.id is None:
                row = KpiTarget(
                    kpi=t.kpi,
                    priority=pri,
                    target=t.target,
                    higher_is_better=t.higher_is_better,
                    effective_from=t.effective_from,
                )
                s.add(row)
                s.flush()
                _audit(s, user, "create", "kpi_target", row.id, t.kpi, None, t.target)
            else:
                row = s.get_one(KpiTarget, t.id)
                for f, new in (
                    ("kpi", t.kpi),
                    ("priority", pri),
                    ("target", t.target),
                    ("higher_is_better", t.higher_is_better),
                    ("effective_from", t.effective_from),
                ):
                    if getattr(row, f) != new:
                        _audit(s, user, "update", "kpi_target", row.id, f, getattr(row, f), new)
                        setattr(row, f, new)
            out.append(dataclasses.replace(t, id=row.id))
        for tid in deleted_ids:
            row = s.get_one(KpiTarget, tid)
            _audit(s, user, "delete", "kpi_target", tid, row.kpi, row.target, None)
            s.delete(row)
    return tuple(out)


def ensure_default_calendar(session: Session) -> int:
    """Create the Chinese public-holiday calendar (2026–2027) unless a calendar of that
    name exists; returns its id. Runs in the caller's transaction (flushes only)."""
    existing = session.scalars(
        select(BusinessCalendar).filter_by(name=DEFAULT_CALENDAR_NAME)
    ).first()
    if existing is not None:
        return existing.id
    spec = china_calendar()
    row = BusinessCalendar(
        name=spec.name, timezone=spec.timezone, working_hours=_hours_to_json(spec.working_hours)
    )
    session.add(row)
    session.flush()
    session.add_all(
        CalendarDay(calendar_id=row.id, day=d.day, is_workday=d.is_workday, name=d.name)
        for d in spec.days
    )
    session.flush()
    return row.id
