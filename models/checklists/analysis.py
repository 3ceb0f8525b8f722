"""Analysis of submitted inspections: trends, previous visit, heatmap, Pareto, SERVQUAL
dimensions and inspector calibration.

Only submitted inspections count, and a corrected one counts through its newest
correction (superseded versions are skipped). Scores are on 0–100. Item-level views
re-score the stored answers with :mod:`models.checklists.scoring`, so they always agree
with the scores shown elsewhere. Items are matched across template versions by their
``code`` when set, else by their text; sections by title.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from sqlalchemy import select

from models.checklists.queries import superseded_clause
from models.checklists.scoring import AnswerValue, ScoreResult, score_inspection
from models.checklists.spec import TemplateSpec
from models.checklists.templates import load_spec_in
from models.db import Database
from models.orm import Site
from models.orm.checklists import (
    ChecklistTemplate,
    Dimension,
    Inspection,
    InspectionAnswer,
    InspectionPhoto,
    InspectionStatus,
)


@dataclass(frozen=True)
class Scored:
    """One submitted inspection re-scored from its answers."""

    id: int
    uuid: str
    site_id: int | None
    site: str | None
    inspector: str | None
    visited_at: dt.datetime
    template: TemplateSpec
    result: ScoreResult


@dataclass(frozen=True)
class TrendSeries:
    """Scores of one site over time; ``times`` are POSIX seconds (UTC)."""

    site_id: int | None
    site: str
    times: np.ndarray
    scores: np.ndarray
    pass_score: float


@dataclass(frozen=True)
class ItemChange:
    section: str
    text: str
    before: float | None  # credit 0–1, None when not scored then
    after: float | None

    @property
    def direction(self) -> int:
        """+1 better, −1 worse, 0 unchanged or not comparable."""
        if self.before is None or self.after is None or self.before == self.after:
            return 0
        return 1 if self.after > self.before else -1


@dataclass(frozen=True)
class VisitComparison:
    previous_uuid: str | None
    previous_visited_at: dt.datetime | None
    previous_score: float | None
    score: float | None
    changes: tuple[ItemChange, ...]

    @property
    def better(self) -> tuple[ItemChange, ...]:
        return tuple(c for c in self.changes if c.direction > 0)

    @property
    def worse(self) -> tuple[ItemChange, ...]:
        return tuple(c for c in self.changes if c.direction < 0)


@dataclass(frozen=True)
class SectionMatrix:
    """Mean section score (0–100) per site; NaN where a site has no score for a section."""

    sites: tuple[str, ...]
    sections: tuple[str, ...]
    values: np.ndarray  # shape (len(sites), len(sections))


@dataclass(frozen=True)
class ParetoRow:
    text: str
    count: int
    cum_pct: float


@dataclass(frozen=True)
class CalibrationRow:
    """``mean_deviation``: average of (own score − mean score of other inspectors of the
    same site and checklist within the window), in points; ``flag`` lenient/strict/""."""

    inspector: str
    inspections: int
    compared: int
    mean_deviation: float | None
    flag: str


def scored_inspections(db: Database, *, site_id: int | None = None,
                       template_code: str | None = None) -> list[Scored]:
    """Submitted, current inspections (with a checklist), re-scored, oldest first."""
    query = (select(Inspection.id, Inspection.uuid, Inspection.site_id, Site.name,
                    Inspection.inspector, Inspection.visited_at, ChecklistTemplate.id)
             .join(ChecklistTemplate, ChecklistTemplate.id == Inspection.template_id)
             .outerjoin(Site, Site.id == Inspection.site_id)
             .where(Inspection.status == InspectionStatus.SUBMITTED, ~superseded_clause())
             .order_by(Inspection.visited_at, Inspection.id))
    if site_id is not None:
        query = query.where(Inspection.site_id == site_id)
    if template_code is not None:
        query = query.where(ChecklistTemplate.code == template_code)
    with db.session() as s:
        rows = s.execute(query).all()
        ids = [r[0] for r in rows]
        answers: dict[int, dict[int, AnswerValue]] = defaultdict(dict)
        photos: dict[tuple[int, int], int] = defaultdict(int)
        for chunk in _chunks(ids, 500):
            for p in s.execute(select(InspectionPhoto.inspection_id, InspectionPhoto.item_id)
                               .where(InspectionPhoto.inspection_id.in_(chunk))):
                if p[1] is not None:
                    photos[(p[0], p[1])] += 1
            for a in s.scalars(select(InspectionAnswer)
                               .where(InspectionAnswer.inspection_id.in_(chunk))):
                answers[a.inspection_id][a.item_id] = AnswerValue(
                    a.choice, a.scale, a.number, a.text, a.note,
                    photos.get((a.inspection_id, a.item_id), 0))
        specs = {tid: load_spec_in(s, tid) for tid in {r[6] for r in rows}}
    return [Scored(r[0], r[1], r[2], r[3], r[4], r[5], specs[r[6]],
                   score_inspection(specs[r[6]], answers[r[0]])) for r in rows]


def _chunks(values: list[int], size: int) -> Iterable[list[int]]:
    for start in range(0, len(values), size):
        yield values[start:start + size]


def score_trend(db: Database, *, site_id: int | None = None,
                template_code: str | None = None) -> list[TrendSeries]:
    """Per-site score series (stored scores, imported visits included), by site name."""
    query = (select(Inspection.site_id, Site.name, Inspection.visited_at, Inspection.score,
                    ChecklistTemplate.pass_score)
             .outerjoin(Site, Site.id == Inspection.site_id)
             .outerjoin(ChecklistTemplate, ChecklistTemplate.id == Inspection.template_id)
             .where(Inspection.status == InspectionStatus.SUBMITTED,
                    Inspection.score.is_not(None), ~superseded_clause())
             .order_by(Inspection.visited_at))
    if site_id is not None:
        query = query.where(Inspection.site_id == site_id)
    if template_code is not None:
        query = query.where(ChecklistTemplate.code == template_code)
    series: dict[int | None, list[tuple[str, float, float, float | None]]] = defaultdict(list)
    with db.session() as s:
        for r in s.execute(query):
            series[r[0]].append((r[1] or "—", r[2].timestamp(), r[3] or 0.0, r[4]))
    out = []
    for sid, points in series.items():
        passes = [p[3] for p in points if p[3] is not None]
        out.append(TrendSeries(sid, points[0][0], np.array([p[1] for p in points]),
                               np.array([p[2] for p in points]),
                               float(np.mean(passes)) if passes else 80.0))
    return sorted(out, key=lambda t: t.site)


def _item_key(scored: Scored) -> dict[int, str]:
    return {item.id: (item.code or item.text) for item in scored.template.items()
            if item.id is not None}


def compare_with_previous(db: Database, inspection_uuid: str) -> VisitComparison:
    """Item-by-item changes since the same site's previous visit with the same checklist."""
    with db.session() as s:
        row = s.execute(select(Inspection.site_id, ChecklistTemplate.code)
                        .join(ChecklistTemplate, ChecklistTemplate.id == Inspection.template_id)
                        .where(Inspection.uuid == inspection_uuid)).first()
    if row is None:
        return VisitComparison(None, None, None, None, ())
    visits = scored_inspections(db, site_id=row[0], template_code=row[1])
    index = next((n for n, v in enumerate(visits) if v.uuid == inspection_uuid), None)
    if index is None or index == 0:
        score = visits[index].result.score if index is not None else None
        return VisitComparison(None, None, None, score, ())
    current, previous = visits[index], visits[index - 1]
    before_keys = _item_key(previous)
    before = {before_keys[i.item_id]: i.credit for i in previous.result.items}
    keys = _item_key(current)
    changes = tuple(ItemChange(i.section, i.text, before.get(keys[i.item_id]), i.credit)
                    for i in current.result.items if keys[i.item_id] in before)
    return VisitComparison(previous.uuid, previous.visited_at, previous.result.score,
                           current.result.score, changes)


def section_matrix(db: Database, template_code: str) -> SectionMatrix:
    """Mean section scores per site for one checklist (all its versions)."""
    visits = scored_inspections(db, template_code=template_code)
    sections: list[str] = []
    cells: dict[tuple[str, str], list[float]] = defaultdict(list)
    sites: list[str] = []
    for v in visits:
        site = v.site or "—"
        if site not in sites:
            sites.append(site)
        for title, value in v.result.section_scores:
            if title not in sections:
                sections.append(title)
            if value is not None:
                cells[(site, title)].append(value)
    sites.sort()
    values = np.full((len(sites), len(sections)), np.nan)
    for r, site in enumerate(sites):
        for c, title in enumerate(sections):
            if cells.get((site, title)):
                values[r, c] = float(np.mean(cells[(site, title)]))
    return SectionMatrix(tuple(sites), tuple(sections), values)


def failed_item_pareto(db: Database, *, template_code: str | None = None,
                       site_id: int | None = None) -> list[ParetoRow]:
    """Failed items by count (ties by text) with the cumulative share in %."""
    counts: dict[str, int] = defaultdict(int)
    for v in scored_inspections(db, template_code=template_code, site_id=site_id):
        for item in v.result.failed_items:
            counts[item.text] += 1
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    total = sum(counts.values())
    out, running = [], 0
    for text, count in ordered:
        running += count
        out.append(ParetoRow(text, count, 100.0 * running / total))
    return out


def dimension_scores(db: Database, *, site_id: int | None = None,
                     template_code: str | None = None) -> dict[Dimension, float | None]:
    """Weighted mean credit × 100 per SERVQUAL dimension (``None`` when no item has it)."""
    points: dict[Dimension, float] = defaultdict(float)
    weights: dict[Dimension, float] = defaultdict(float)
    for v in scored_inspections(db, site_id=site_id, template_code=template_code):
        dims = {i.id: i.dimension for i in v.template.items()}
        for item in v.result.items:
            dim = dims.get(item.item_id)
            if dim is not None and item.credit is not None:
                points[dim] += item.weight * item.credit
                weights[dim] += item.weight
    return {d: (100 * points[d] / weights[d] if weights[d] else None) for d in Dimension}


def inspector_calibration(db: Database, *, window_days: float = 30.0,
                          threshold: float = 5.0) -> list[CalibrationRow]:
    """Each inspector's average deviation from the other inspectors who scored the same
    site and checklist within ``window_days`` of their visit. Deviation above
    ``+threshold`` points flags "lenient", below ``−threshold`` "strict"."""
    visits = [v for v in scored_inspections(db) if v.result.score is not None and v.inspector]
    window = dt.timedelta(days=window_days)
    deviations: dict[str, list[float]] = defaultdict(list)
    counts: dict[str, int] = defaultdict(int)
    groups: dict[tuple[int | None, str], list[Scored]] = defaultdict(list)
    for v in visits:  # peers only ever share site and checklist: compare within groups
        groups[(v.site_id, v.template.code)].append(v)
    for group in groups.values():
        for v in group:
            assert v.inspector is not None and v.result.score is not None
            counts[v.inspector] += 1
            peers = [o.result.score for o in group
                     if o.inspector != v.inspector and o.result.score is not None
                     and abs(o.visited_at - v.visited_at) <= window]
            if peers:
                deviations[v.inspector].append(v.result.score - float(np.mean(peers)))
    rows = []
    for name in sorted(counts):
        devs = deviations.get(name, [])
        mean = float(np.mean(devs)) if devs else None
        flag = "" if mean is None or abs(mean) <= threshold else (
            "lenient" if mean > 0 else "strict")
        rows.append(CalibrationRow(name, counts[name], len(devs), mean, flag))
    return rows
