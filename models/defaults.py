"""Default SLA policies and KPI targets (DESIGN.md), shared by the KPI engine, Settings and demo.

The SLA figures come from DESIGN.md's table; all targets are in **minutes** of
calendar time (no business calendar). They take effect on
:data:`DEFAULT_EFFECTIVE_FROM`, long before any imported or demo ticket, so every
ticket has a policy. KPI targets use the keys of ``servicelens kpi --json``;
percentages are on 0–100. The optional cards' keys ``answered_30s_pct`` and
``onsite_sla_met_pct`` have targets too (why these figures: docs/decisions.md, "Dashboard
and KPIs"). Counts that grow with the period's length (repeat complaints) get no default
target; overdue complaints should be none at any time.

:func:`ensure_defaults` inserts what is missing and never overwrites what a user
has edited.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.orm import KpiTarget, Priority, SlaPolicy

DEFAULT_EFFECTIVE_FROM = dt.date(2000, 1, 1)


@dataclass(frozen=True)
class DefaultSlaPolicy:
    """A default policy for one priority; targets in minutes, ``None`` where not measured."""

    priority: Priority
    name: str
    first_response_min: float
    onsite_min: float | None
    resolution_min: float


@dataclass(frozen=True)
class DefaultKpiTarget:
    """A default target for one KPI key; ``higher_is_better=False`` means "at most"."""

    kpi: str
    target: float
    higher_is_better: bool = True


DEFAULT_SLA_POLICIES: tuple[DefaultSlaPolicy, ...] = (
    DefaultSlaPolicy(Priority.P1, "P1 紧急 / Urgent", 15, 120, 4 * 60),
    DefaultSlaPolicy(Priority.P2, "P2 高 / High", 60, None, 8 * 60),
    DefaultSlaPolicy(Priority.P3, "P3 普通 / Normal", 120, None, 24 * 60),
    DefaultSlaPolicy(Priority.P4, "P4 低 / Low", 8 * 60, None, 72 * 60),
)

DEFAULT_KPI_TARGETS: tuple[DefaultKpiTarget, ...] = (
    DefaultKpiTarget("response_sla_met_pct", 90.0),
    DefaultKpiTarget("resolution_sla_met_pct", 90.0),
    DefaultKpiTarget("resolution_rate_pct", 95.0),
    DefaultKpiTarget("csat_score", 85.0),
    DefaultKpiTarget("csat_satisfied_pct", 80.0),
    DefaultKpiTarget("nps", 30.0),
    DefaultKpiTarget("complaint_rate_pct", 20.0, higher_is_better=False),
    DefaultKpiTarget("complaint_closure_pct", 100.0),
    DefaultKpiTarget("overdue_complaints", 0.0, higher_is_better=False),
    DefaultKpiTarget("reopen_rate_pct", 5.0, higher_is_better=False),
    # the optional cards (shown when the data carries answer / arrival times)
    DefaultKpiTarget("answered_30s_pct", 80.0),  # DESIGN.md staffing: "80 % within 30 s"
    DefaultKpiTarget("onsite_sla_met_pct", 90.0),  # as the other SLA targets
)


@dataclass(frozen=True)
class DefaultsAdded:
    """How many default rows :func:`ensure_defaults` inserted."""

    sla_policies: int
    kpi_targets: int


def ensure_defaults(session: Session) -> DefaultsAdded:
    """Insert the default SLA policies and KPI targets that are absent; keep the rest.

    A policy counts as present when the database has any general policy (no channel,
    no category) for its priority; a target when any all-priorities target exists for
    its KPI key. Runs inside the caller's transaction; flushes but does not commit.
    """
    have_policy = set(
        session.scalars(
            select(SlaPolicy.priority).where(
                SlaPolicy.channel.is_(None), SlaPolicy.category.is_(None)
            )
        )
    )
    policies = [
        SlaPolicy(
            name=p.name,
            priority=p.priority,
            first_response_min=p.first_response_min,
            onsite_min=p.onsite_min,
            resolution_min=p.resolution_min,
            effective_from=DEFAULT_EFFECTIVE_FROM,
        )
        for p in DEFAULT_SLA_POLICIES
        if p.priority not in have_policy
    ]
    have_target = set(session.scalars(select(KpiTarget.kpi).where(KpiTarget.priority.is_(None))))
    targets = [
        KpiTarget(
            kpi=t.kpi,
            priority=None,
            target=t.target,
            higher_is_better=t.higher_is_better,
            effective_from=DEFAULT_EFFECTIVE_FROM,
        )
        for t in DEFAULT_KPI_TARGETS
        if t.kpi not in have_target
    ]
    session.add_all([*policies, *targets])
    session.flush()
    return DefaultsAdded(sla_policies=len(policies), kpi_targets=len(targets))


__all__ = [
    "DEFAULT_EFFECTIVE_FROM",
    "DEFAULT_KPI_TARGETS",
    "DEFAULT_SLA_POLICIES",
    "DefaultKpiTarget",
    "DefaultSlaPolicy",
    "DefaultsAdded",
    "ensure_defaults",
]
