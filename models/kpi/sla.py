"""SLA policy assignment and met / breached / pending states, vectorised over the store.

Per ticket, the policy is the most specific matching one (priority + channel + category
> priority + channel or category > priority only) in force on the local date the ticket
was created (``effective_from`` inclusive, ``effective_to`` exclusive; the date is
taken in the policy calendar's zone, else in ``PolicySet.timezone``). Among equally
specific matches the later ``effective_from`` wins, then the higher id.

For each target the engine precomputes the *breach instant* (the last instant still
within the target: created + T for calendar time, or T business minutes on the
policy's calendar, see :mod:`models.kpi.business_calendar`). Then, at any ``as_of``:

- **met**: the event (first response / resolution) happened at or before it;
- **breached**: the event happened after it, or there is none and ``as_of`` is after it;
- **pending**: otherwise (shown, not counted);
- tickets without priority, matching policy or target are *unmeasured*.

On-site arrival (DESIGN.md: P1 2 h) is measured the same way against ``onsite_at``, but
only for tickets that needed a visit: those with an arrival time, or created through an
on-site channel (:data:`ONSITE_CHANNELS`, case-insensitive) — a P1 solved on the phone
never breaches an arrival target.

Evaluations are cached on the store per policy set (policy sets are hashable).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from models.kpi import localtime
from models.kpi.business_calendar import BusinessClock, clock_for
from models.kpi.policy_types import PolicySet, SlaPolicySpec
from models.kpi.store import NONE, TicketStore
from models.kpi.types import PRIORITIES

UNMEASURED, MET, BREACHED, PENDING = 0, 1, 2, 3
OUTCOME_NAMES = ("none", "met", "breached", "pending")
US_PER_MIN = 60_000_000
MARGIN_US = 2 * 365 * 86_400 * 1_000_000
ONSITE_CHANNELS = frozenset({"on-site", "onsite", "on site", "field", "现场", "上门"})

I64 = npt.NDArray[np.int64]


@dataclass(frozen=True, eq=False)
class SlaEvaluation:
    """Per-ticket policy index (−1 none) and breach instants (µs, ``NONE`` = no target)."""

    policy: npt.NDArray[np.int32]
    response_deadline: I64
    resolution_deadline: I64
    onsite_deadline: I64  # NONE where no visit was needed (module docstring)
    policies: tuple[SlaPolicySpec, ...]


def default_policy_set(timezone: str | None = None) -> PolicySet:
    """The DESIGN.md default policies (``models.defaults``), calendar time."""
    from models.defaults import DEFAULT_EFFECTIVE_FROM, DEFAULT_SLA_POLICIES

    return PolicySet(
        tuple(
            SlaPolicySpec(
                name=p.name,
                priority=str(p.priority.value),
                first_response_min=p.first_response_min,
                resolution_min=p.resolution_min,
                onsite_min=p.onsite_min,
                effective_from=DEFAULT_EFFECTIVE_FROM,
            )
            for p in DEFAULT_SLA_POLICIES
        ),
        (),
        timezone,
    )


def local_midnight_us(day: dt.date, tz: str | None) -> int:
    """Microseconds since the epoch of 00:00 on ``day`` in zone ``tz`` (None = local)."""
    return localtime.to_us(localtime.midnight(day, tz))


def _ordered(policies: tuple[SlaPolicySpec, ...]) -> list[int]:
    return sorted(
        range(len(policies)),
        key=lambda i: (
            policies[i].specificity,
            policies[i].effective_from,
            policies[i].id if policies[i].id is not None else i,
        ),
    )


def assign_policies(store: TicketStore, policies: PolicySet) -> npt.NDArray[np.int32]:
    """Index into ``policies.policies`` of each ticket's policy (−1 when none matches)."""
    out = np.full(store.size, -1, dtype=np.int32)
    for i in _ordered(policies.policies):
        p = policies.policies[i]
        if p.priority not in PRIORITIES:
            continue
        cal = policies.calendar(p.calendar_id)
        tz = cal.timezone if cal is not None else policies.timezone
        lo = int(np.searchsorted(store.created, local_midnight_us(p.effective_from, tz), "left"))
        hi = store.size
        if p.effective_to is not None:
            end = local_midnight_us(p.effective_to, tz)
            hi = int(np.searchsorted(store.created, end, "left"))
        if hi <= lo:
            continue
        window = slice(lo, hi)
        mask = store.priority[window] == PRIORITIES.index(p.priority)
        for column, label in (("channel", p.channel), ("category", p.category)):
            if label is None:
                continue
            code = store.label_code(column, label)
            if code is None:
                mask[:] = False
                break
            mask &= getattr(store, column)[window] == code
        out[window][mask] = i
    return out


def _deadlines(
    store: TicketStore,
    assigned: npt.NDArray[np.int32],
    policies: PolicySet,
    attr: str,
) -> I64:
    out = np.full(store.size, NONE, dtype=np.int64)
    rng = store.time_range()
    for i, p in enumerate(policies.policies):
        target = getattr(p, attr)
        if target is None:
            continue
        rows = np.flatnonzero(assigned == i)
        if rows.size == 0:
            continue
        created = store.created[rows]
        cal = policies.calendar(p.calendar_id)
        if cal is None:
            out[rows] = created + round(target * US_PER_MIN)
        else:
            assert rng is not None
            clock = clock_for(cal, rng[0], rng[1] + MARGIN_US)
            out[rows] = clock.breach_at(created, np.full(rows.size, float(target)))
    return out


def needs_visit(store: TicketStore) -> npt.NDArray[np.bool_]:
    """Tickets with an on-site arrival time or from an on-site channel."""
    onsite_codes = [
        i for i, label in enumerate(store.channel_labels)
        if label.strip().lower() in ONSITE_CHANNELS
    ]
    out: npt.NDArray[np.bool_] = store.onsite != NONE
    if onsite_codes:
        out = out | np.isin(store.channel, onsite_codes)
    return out


def _onsite_deadlines(
    store: TicketStore, assigned: npt.NDArray[np.int32], policies: PolicySet
) -> I64:
    if all(p.onsite_min is None for p in policies.policies):
        return np.full(store.size, NONE, dtype=np.int64)
    out = _deadlines(store, assigned, policies, "onsite_min")
    out[~needs_visit(store)] = NONE
    return out


def evaluate(store: TicketStore, policies: PolicySet) -> SlaEvaluation:
    """Policy and breach instants of every ticket under ``policies`` (cached per store)."""
    key = ("sla", policies)
    hit = store.cached(key)
    if isinstance(hit, SlaEvaluation):
        return hit
    assigned = assign_policies(store, policies)
    ev = SlaEvaluation(
        assigned,
        _deadlines(store, assigned, policies, "first_response_min"),
        _deadlines(store, assigned, policies, "resolution_min"),
        _onsite_deadlines(store, assigned, policies),
        policies.policies,
    )
    store.put_cache(key, ev)
    return ev


def outcomes(event: I64, deadline: I64, as_of_us: int) -> npt.NDArray[np.int8]:
    """UNMEASURED / MET / BREACHED / PENDING per ticket (arrays already selected)."""
    has_target = deadline != NONE
    has_event = event != NONE
    out = np.full(event.shape, PENDING, dtype=np.int8)
    out[has_event & (event <= deadline)] = MET
    out[(has_event & (event > deadline)) | (~has_event & (as_of_us > deadline))] = BREACHED
    out[~has_target] = UNMEASURED
    return out


def store_outcomes(
    store: TicketStore, policies: PolicySet, as_of_us: int
) -> tuple[npt.NDArray[np.int8], npt.NDArray[np.int8]]:
    """Response and resolution outcome codes of every ticket (store-sized, cached).

    Cached per (policy set, ``as_of``): give every chart of one refresh the same
    ``as_of`` and the codes are computed once.
    """
    key = ("outcomes", policies, as_of_us)
    hit = store.cached(key)
    if hit is not None:
        return hit  # type: ignore[return-value]
    ev = evaluate(store, policies)
    codes = (
        outcomes(store.first_response, ev.response_deadline, as_of_us),
        outcomes(store.resolved, ev.resolution_deadline, as_of_us),
    )
    store.put_cache(key, codes)
    return codes


def onsite_outcomes(
    store: TicketStore, policies: PolicySet, rows: npt.NDArray[np.intp], as_of_us: int
) -> npt.NDArray[np.int8]:
    """On-site arrival outcome codes of the tickets at ``rows`` (absolute positions):
    UNMEASURED where no visit was needed or the policy has no on-site target."""
    ev = evaluate(store, policies)
    return outcomes(store.onsite[rows], ev.onsite_deadline[rows], as_of_us)


def clock_of(store: TicketStore, policies: PolicySet, policy_index: int) -> BusinessClock | None:
    """The business clock of a policy (``None`` for calendar time)."""
    p = policies.policies[policy_index]
    cal = policies.calendar(p.calendar_id)
    rng = store.time_range()
    if cal is None or rng is None:
        return None
    return clock_for(cal, rng[0], rng[1] + MARGIN_US)
