"""Raw criterion values with the evidence behind them.

* ``ticket_kpi``: a ``kpi --json`` scalar key (e.g. ``response_sla_met_pct``) computed
  by the KPI engine over the vendor's tickets created in the period; ``source_filter``
  may narrow it (``priorities``, ``channels``, ``categories``, ``complaints_only``).
  Evidence: the ticket ids (``{"tickets": [...]}``) and the filter to open them.
* ``inspection_avg``: mean score (0–100) of the submitted inspections visited in the
  period at the sites the vendor serves (``site_vendors``); superseded inspections (a
  later revision exists) are left out. Evidence: inspection ids.
* ``vendor_metric``: the imported metric ``source_key`` for exactly this period, else
  the rows lying inside it — summed for a ``count`` unit, averaged otherwise. Evidence:
  metric row ids.
* ``manual``: the trimmed mean of evaluator ratings (see :func:`scoring.trimmed_mean`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from models.orm import Inspection, InspectionStatus, VendorMetric
from models.orm.org import VendorQualification, site_vendors
from models.scorecards.periods import Period
from models.scorecards.scoring import CriterionSpec, trimmed_mean

MAX_EVIDENCE_IDS = 5000


@dataclass(frozen=True)
class RawValue:
    """A raw value (``None`` = no data) and its evidence (JSON-serialisable)."""

    value: float | None
    evidence: Mapping[str, Any] = field(default_factory=dict)


class TicketKpis:
    """Ticket KPIs per vendor through the KPI engine, loading the ticket store once.

    ``available`` is false when the engine cannot run (e.g. not installed yet); ticket
    criteria are then missing with ``{"error": ...}`` evidence instead of failing.
    """

    def __init__(self, db: Any, tz: str | None = None, store: Any = None,
                 policies: Any = None) -> None:
        """``store``/``policies``: an already loaded ticket store and policy set to reuse
        (the caller keeps them from changing meanwhile); loaded on first use otherwise."""
        self._db, self._tz = db, tz
        self._store: Any = store
        self._policies: Any = policies
        self.error: str | None = None

    def _load(self) -> bool:
        if self._store is not None and self._policies is None:
            from models.kpi.api import load_policy_set

            self._policies = load_policy_set(self._db, self._tz)
        if self._store is None and self.error is None:
            try:
                from models.kpi.api import load_policy_set, load_store

                self._store = load_store(self._db)
                if self._policies is None:
                    self._policies = load_policy_set(self._db, self._tz)
            except (ImportError, NotImplementedError) as exc:
                self.error = f"KPI engine unavailable: {exc}"
        return self._store is not None

    def value(self, vendor_id: int, period: Period, key: str,
              source_filter: Mapping[str, Any] | None, as_of: dt.datetime) -> RawValue:
        if not self._load():
            return RawValue(None, {"error": self.error})
        from models.kpi.api import Selector, TicketFilter, compute_kpis, ticket_ids

        start, end = period.bounds(self._tz)
        f = dict(source_filter or {})
        filt = TicketFilter(
            start=start, end=end, vendor_ids=(vendor_id,),
            priorities=tuple(f.get("priorities", ())), channels=tuple(f.get("channels", ())),
            categories=tuple(f.get("categories", ())),
            complaints_only=bool(f.get("complaints_only", False)),
        )
        result = compute_kpis(self._store, filt, min(as_of, end), self._policies)
        value = getattr(result, key, None)
        if not isinstance(value, int | float) or isinstance(value, bool):
            value = None
        measure = {"response_sla_met_pct": "response_sla",
                   "resolution_sla_met_pct": "resolution_sla"}.get(key, "all")
        ids = ticket_ids(self._store, filt, Selector(measure), as_of=min(as_of, end),
                         policies=self._policies)
        evidence = {"tickets": [int(i) for i in ids[:MAX_EVIDENCE_IDS]],
                    "ticket_count": len(ids), "kpi": key,
                    "filter": {"vendor_ids": [vendor_id], "start": start.isoformat(),
                               "end": end.isoformat(), **f}}
        return RawValue(float(value) if value is not None else None, evidence)


def inspection_average(s: Session, vendor_id: int, period: Period,
                       tz: str | None = None) -> RawValue:
    """Mean inspection score at the vendor's sites in the period (see module docstring)."""
    start, end = period.bounds(tz)
    later = aliased(Inspection)
    rows = s.execute(
        select(Inspection.id, Inspection.score)
        .join(site_vendors, site_vendors.c.site_id == Inspection.site_id)
        .where(site_vendors.c.vendor_id == vendor_id,
               Inspection.status == InspectionStatus.SUBMITTED,
               Inspection.score.is_not(None),
               Inspection.visited_at >= start, Inspection.visited_at < end,
               ~select(later.id).where(later.revision_of_id == Inspection.id).exists())
        .order_by(Inspection.id)
    ).all()
    if not rows:
        return RawValue(None, {"inspections": []})
    mean = sum(float(r.score) for r in rows) / len(rows)
    return RawValue(mean, {"inspections": [r.id for r in rows]})


def vendor_metric(s: Session, vendor_id: int, metric: str, period: Period) -> RawValue:
    """The imported metric for the period (exact period, else rows inside it)."""
    rows = s.execute(
        select(VendorMetric.id, VendorMetric.value, VendorMetric.unit,
               VendorMetric.period_start, VendorMetric.period_end)
        .where(VendorMetric.vendor_id == vendor_id, VendorMetric.metric == metric,
               VendorMetric.period_start >= period.start, VendorMetric.period_end <= period.end)
        .order_by(VendorMetric.period_start)
    ).all()
    exact = [r for r in rows if r.period_start == period.start and r.period_end == period.end]
    used = exact or rows
    if not used:
        return RawValue(None, {"metrics": []})
    values = [float(r.value) for r in used]
    value = sum(values) if used[0].unit == "count" else sum(values) / len(values)
    return RawValue(value, {"metrics": [r.id for r in used]})


def last_metric(s: Session, vendor_id: int, metric: str, before: dt.date) -> RawValue:
    """The most recent value of ``metric`` in a period ending on or before ``before``."""
    row = s.execute(
        select(VendorMetric.id, VendorMetric.value)
        .where(VendorMetric.vendor_id == vendor_id, VendorMetric.metric == metric,
               VendorMetric.period_end <= before)
        .order_by(VendorMetric.period_end.desc()).limit(1)
    ).first()
    return RawValue(float(row.value), {"metrics": [row.id]}) if row else RawValue(None)


def manual_value(ratings: Mapping[str, float]) -> RawValue:
    """Trimmed mean of ``{evaluator: rating}`` with who was used and who was dropped."""
    t = trimmed_mean(ratings)
    ev: dict[str, Any] = {"evaluators": list(t.used)}
    if t.dropped_high is not None:
        ev["dropped_high"], ev["dropped_low"] = t.dropped_high, t.dropped_low
    return RawValue(t.mean, ev)


def veto_reasons(s: Session, vendor_id: int, rules: Sequence[Mapping[str, Any]],
                 period: Period, serious_breach: bool, as_of: dt.date) -> list[str]:
    """Machine-readable veto reasons (see :func:`models.scorecards.vetoes.describe`):
    ``qualification_expired:<kind>:<date>``, ``metric_above:<metric>:<value>:<limit>``,
    ``serious_breach``. A qualification counts as expired when every document of that
    kind has expired before ``as_of`` (see :func:`evaluations._score`: the run day, at most
    one period length after the period's end, at least its last day)."""
    reasons: list[str] = []
    for rule in rules:
        kind = rule.get("kind")
        if kind == "qualification_expired":
            qkind = str(rule.get("qualification", "business_licence"))
            docs = s.execute(select(VendorQualification.expires_on).where(
                VendorQualification.vendor_id == vendor_id, VendorQualification.kind == qkind
            )).scalars().all()
            if docs and all(d is not None and d < as_of for d in docs):
                reasons.append(f"qualification_expired:{qkind}:{max(d for d in docs if d)}")
        elif kind in ("metric_above", "metric_below"):
            metric = str(rule.get("metric", ""))
            limit = float(rule.get("limit", 0))
            v = vendor_metric(s, vendor_id, metric, period).value
            if v is not None and (v > limit if kind == "metric_above" else v < limit):
                reasons.append(f"{kind}:{metric}:{v:g}:{limit:g}")
        elif kind == "serious_breach" and serious_breach:
            reasons.append("serious_breach")
    return reasons


def criterion_raw(s: Session, tickets: TicketKpis, c: CriterionSpec, vendor_id: int,
                  period: Period, as_of: dt.datetime, ratings: Mapping[str, float],
                  tz: str | None = None) -> RawValue:
    """The raw value of one criterion for one vendor and period."""
    if c.source == "ticket_kpi":
        return tickets.value(vendor_id, period, c.source_key or "response_sla_met_pct",
                             c.source_filter, as_of)
    if c.source == "inspection_avg":
        return inspection_average(s, vendor_id, period, tz)
    if c.source == "vendor_metric":
        return vendor_metric(s, vendor_id, c.source_key or "", period)
    return manual_value(ratings)
