"""The ticket KPIs of DESIGN.md ("Ticket KPIs") over a store selection, vectorised.

Decisions where DESIGN.md is silent:

- recorded event times are facts whatever ``as_of`` says; ``as_of`` only decides
  pending vs. breached for missing events and which complaints are overdue;
- reopen rate = resolved tickets reopened at least once / resolved tickets whose
  reopen count is known (``None`` when no resolved ticket has one);
- CSAT satisfied: top two points of a 5-point scale, else a mapped score ≥ 80;
- overdue complaint: no resolution at or before ``as_of`` and ``as_of − created > 24 h``;
- repeat complaints: see :func:`models.kpi.store.repeat_complaints`;
- Pareto: complaints without a category form a row with category ``None``;
- answered within 30 s: ``answered_at − created_at ≤ 30 s`` among tickets with an
  answer time (answered exactly at 30 s counts as within).
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import numpy.typing as npt

from models.kpi import sla
from models.kpi.breakdown import (
    F_COMPLAINT,
    F_NEVER_REOPENED,
    F_RATED,
    F_REOPEN_KNOWN,
    F_RESOLVED,
    low_bits,
)
from models.kpi.filtering import Selection, select, subset_rows, to_us
from models.kpi.group_codes import nps_classes
from models.kpi.groups import GroupDurations, group_codes, group_durations
from models.kpi.localtime import weekday_hour
from models.kpi.policy_types import PolicySet
from models.kpi.stats import wilson
from models.kpi.store import NONE, TicketStore
from models.kpi.types import (
    ANSWER_WITHIN_US,
    PRIORITIES,
    DurationStats,
    KpiResult,
    ParetoRow,
    PriorityKpis,
    Rate,
    SlaCounts,
    TicketFilter,
)

DAY_US = 86_400_000_000


def sla_counts(counts: npt.NDArray[np.int64]) -> SlaCounts:
    """SlaCounts from counts per outcome code (index UNMEASURED/MET/BREACHED/PENDING)."""
    met, breached = int(counts[sla.MET]), int(counts[sla.BREACHED])
    return SlaCounts(
        met,
        breached,
        int(counts[sla.PENDING]),
        int(counts[sla.UNMEASURED]),
        wilson(met, met + breached),
    )


class _Columns:
    """The selected rows' columns needed by the KPIs, taken once; SLA outcome counts per
    priority group (0 = none, 1 = P1 …) from one composite ``bincount``."""

    def __init__(self, s: Selection, policies: PolicySet, as_of_us: int) -> None:
        st = s.store
        composite = s.take(group_codes(st, "priority")[0]) << 9
        composite += s.take(low_bits(st, policies, as_of_us))
        table = np.bincount(composite, minlength=5 * 512).reshape(5, 4, 4, 32)
        self.volume_by_group = table.sum(axis=(1, 2, 3))
        self.resp_by_group = table.sum(axis=(2, 3))
        self.reso_by_group = table.sum(axis=(1, 3))
        self.flags = table.sum(axis=(0, 1, 2))  # per flag pattern, all priorities
        self.frt = group_durations(s, "priority", "frt", 5)
        self.res = group_durations(s, "priority", "res", 5)
        self.frt_all = group_durations(s, None, "frt", 1)
        self.res_all = group_durations(s, None, "res", 1)

    def with_flags(self, *bits: int) -> int:
        """Tickets whose flag pattern has every one of ``bits`` set."""
        want = sum(bits)
        return int(self.flags[(np.arange(32) & want) == want].sum())


def complaint_rows(s: Selection) -> npt.NDArray[np.intp]:
    """Absolute rows of the complaints in the selection."""
    return subset_rows(s, "complaint", lambda: s.store.complaint)


def _stats(d: GroupDurations, i: int) -> DurationStats:
    n = int(d.n[i])
    if n == 0:
        return DurationStats(0, None, None, None)
    return DurationStats(
        n, float(d.percentiles[0][i]), float(d.percentiles[1][i]), float(d.total[i] / n)
    )


def compute_kpis(
    store: TicketStore, filt: TicketFilter, as_of: dt.datetime, policies: PolicySet
) -> KpiResult:
    """Every KPI of DESIGN.md for the tickets ``filt`` selects, at ``as_of``."""
    as_of_us = to_us(as_of)
    s = select(store, filt)
    c = _Columns(s, policies, as_of_us)
    volume = int(c.volume_by_group.sum())
    frt, res = _stats(c.frt_all, 0), _stats(c.res_all, 0)
    resp_sla = sla_counts(c.resp_by_group.sum(axis=0))
    reso_sla = sla_counts(c.reso_by_group.sum(axis=0))
    resolution_rate = wilson(c.with_flags(F_RESOLVED), volume)
    known = c.with_flags(F_REOPEN_KNOWN)
    reopen_rate = wilson(known - c.with_flags(F_NEVER_REOPENED), known)
    csat_n = c.with_flags(F_RATED)
    rated = subset_rows(s, "rated", lambda: ~np.isnan(store.csat_score))
    csat_sum = float(store.csat_score[rated].sum())
    satisfied = wilson(int(np.count_nonzero(s.take(store.csat_sat))), csat_n)
    nps_counts = np.bincount(s.take(nps_classes(store)), minlength=4)  # none/det/pas/pro
    nps_n = int(nps_counts[1:].sum())
    nps = 100.0 * (int(nps_counts[3]) - int(nps_counts[1])) / nps_n if nps_n else None
    n_complaints = c.with_flags(F_COMPLAINT)
    complaint_rate = wilson(n_complaints, volume)
    closure = wilson(c.with_flags(F_COMPLAINT, F_RESOLVED), n_complaints)
    rows = complaint_rows(s)
    created, resolved = store.created[rows], store.resolved[rows]
    unresolved_at = (resolved == NONE) | (resolved > as_of_us)
    overdue = int(np.count_nonzero(unresolved_at & (as_of_us - created > DAY_US)))
    repeat = int(np.count_nonzero(store.repeat[rows]))
    by_priority = {p: _priority_kpis(p, c, code + 1) for code, p in enumerate(PRIORITIES)}
    answered_30s, onsite_sla = _answer_and_onsite(s, policies, as_of_us)
    return KpiResult(
        volume=volume,
        frt_median_min=frt.median,
        frt_p90_min=frt.p90,
        resolution_median_h=res.median,
        resolution_p90_h=res.p90,
        response_sla_met_pct=resp_sla.rate.pct,
        resolution_sla_met_pct=reso_sla.rate.pct,
        response_sla_pending=resp_sla.pending,
        resolution_rate_pct=resolution_rate.pct,
        csat_score=csat_sum / csat_n if csat_n else None,
        csat_satisfied_pct=satisfied.pct,
        nps=nps,
        complaint_rate_pct=complaint_rate.pct,
        complaint_closure_pct=closure.pct,
        overdue_complaints=overdue,
        repeat_complaints=repeat,
        pareto=_pareto_rows(store.category[rows], store.category_labels),
        by_priority=by_priority,
        as_of=as_of,
        frt=frt,
        resolution_time=res,
        response_sla=resp_sla,
        resolution_sla=reso_sla,
        resolution_rate=resolution_rate,
        reopen_rate=reopen_rate,
        csat_n=csat_n,
        csat_satisfied=satisfied,
        nps_n=nps_n,
        complaints=n_complaints,
        complaint_rate=complaint_rate,
        complaint_closure=closure,
        answered_30s=answered_30s,
        onsite_sla=onsite_sla,
    )



def available_kpis(store: TicketStore, policies: PolicySet) -> frozenset[str]:
    """Which of :data:`models.kpi.types.OPTIONAL_KPIS` the data can show at all: answer
    times exist; some ticket needed a visit under a policy with an on-site target."""
    out = set()
    if bool(np.any(store.answered != NONE)):
        out.add("answered_30s_pct")
    if bool(np.any(sla.evaluate(store, policies).onsite_deadline != NONE)):
        out.add("onsite_sla_met_pct")
    return frozenset(out)


def _answer_and_onsite(
    s: Selection, policies: PolicySet, as_of_us: int
) -> tuple[Rate, SlaCounts]:
    """Phone answers within 30 s (DESIGN.md "Phone lines") among the selected tickets
    with an answer time, and on-site arrival SLA counts (only tickets that needed a
    visit under a policy with an on-site target, see :mod:`models.kpi.sla`)."""
    store = s.store
    rows = subset_rows(s, "answered", lambda: store.answered != NONE)
    answered = wilson(int(np.count_nonzero(answered_within(store, rows)[1])), int(rows.size))
    ev = sla.evaluate(store, policies)
    visits = subset_rows(s, f"onsite-{hash(policies)}", lambda: ev.onsite_deadline != NONE)
    codes = sla.onsite_outcomes(store, policies, visits, as_of_us)
    return answered, sla_counts(np.bincount(codes, minlength=4))


def answered_within(
    store: TicketStore, rows: npt.NDArray[np.intp]
) -> tuple[npt.NDArray[np.bool_], npt.NDArray[np.bool_]]:
    """Per ticket at ``rows`` (absolute positions): has an answer time; and was answered
    within 30 s of its creation (DESIGN.md "Phone lines"; exactly 30 s is within)."""
    answered = store.answered[rows]
    has = answered != NONE
    return has, has & (answered - store.created[rows] <= ANSWER_WITHIN_US)


def _priority_kpis(priority: str, c: _Columns, g: int) -> PriorityKpis:
    frt, res = _stats(c.frt, g), _stats(c.res, g)
    resp, reso = sla_counts(c.resp_by_group[g]), sla_counts(c.reso_by_group[g])
    return PriorityKpis(
        priority=priority,
        volume=int(c.volume_by_group[g]),
        frt_median_min=frt.median,
        frt_p90_min=frt.p90,
        resolution_median_h=res.median,
        resolution_p90_h=res.p90,
        response_sla_met_pct=resp.rate.pct,
        resolution_sla_met_pct=reso.rate.pct,
        response_sla_pending=resp.pending,
        response_sla=resp,
        resolution_sla=reso,
    )


def _pareto_rows(codes: npt.NDArray[np.int32], labels: tuple[str, ...]) -> tuple[ParetoRow, ...]:
    total = int(codes.size)
    if total == 0:
        return ()
    counts = np.bincount(codes.astype(np.int64) + 1, minlength=len(labels) + 1)
    groups = [(int(counts[i + 1]), labels[i]) for i in range(len(labels)) if counts[i + 1]]
    groups.sort(key=lambda g: (-g[0], g[1]))
    rows: list[tuple[str | None, int]] = [(lab, n) for n, lab in groups]
    if counts[0]:
        # complaints without a category: one row, last among the rows of equal count
        none_count = int(counts[0])
        at = next((i for i, (n, _) in enumerate(groups) if n < none_count), len(groups))
        rows.insert(at, (None, none_count))
    out: list[ParetoRow] = []
    cum = 0
    reached = False
    for label, n in rows:
        cum += n
        vital = not reached
        reached = reached or cum * 5 >= total * 4  # cum / total ≥ 80 %, exactly
        out.append(ParetoRow(label, n, 100.0 * n / total, 100.0 * cum / total, vital))
    return tuple(out)


def pareto(store: TicketStore, filt: TicketFilter) -> tuple[ParetoRow, ...]:
    """Complaints of the selection by category: count desc, ties by name, cumulative %;
    ``vital`` on the shortest prefix whose cumulative share reaches 80 %."""
    s = select(store, filt)
    return _pareto_rows(store.category[complaint_rows(s)], store.category_labels)


def arrivals_heatmap(
    store: TicketStore, filt: TicketFilter, tz: str | None
) -> npt.NDArray[np.int64]:
    """Tickets created per local weekday (row 0 = Monday) and hour: a 7×24 int64 array."""
    s = select(store, filt)
    weekday, hour = weekday_hour(s.take(store.created), tz)
    cells = np.bincount(weekday * 24 + hour, minlength=7 * 24)
    return cells.reshape(7, 24).astype(np.int64)
