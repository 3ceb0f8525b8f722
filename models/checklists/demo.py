"""Demo checklists: the three shipped templates and six months of realistic inspections.

:func:`add_demo_checklists` is called by the demo generator inside its transaction. It
stores the templates from ``resources/templates/checklists/*.xlsx`` (reusing a stored
version with the same content), then 60 submitted inspections spread over the 182 days
before ``now`` and one draft in progress. Sites get a quality level and inspectors a
leniency, so the analysis views show real differences: some visits fail, two have a
critical failure, one inspector is lenient and one is strict. Scores come from
:mod:`models.checklists.scoring`. Deterministic for a given ``rng`` state and ``now``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import struct
import zlib

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.checklists.inspections import add_inspection, apply_result
from models.checklists.scoring import AnswerValue, score_inspection
from models.checklists.spec import ItemSpec, TemplateSpec
from models.checklists.template_xlsx import read_template_xlsx
from models.checklists.templates import add_template, load_spec_in
from models.orm import Site
from models.orm.checklists import (
    AnswerType,
    ChecklistTemplate,
    Choice,
    Inspection,
    InspectionAnswer,
    InspectionPhoto,
)
from resources import resource_path

TEMPLATE_FILES = ("mystery_shop_store.xlsx", "hotel_front_desk.xlsx",
                  "facility_cleaning_audit.xlsx")
DEMO_SOURCE = "demo"  # Inspection.source of every demo inspection
SUBMITTED = 60
SPAN_DAYS = 182
INSPECTORS = ("王芳 Wang Fang", "李强 Li Qiang", "张敏 Zhang Min", "陈晨 Chen Chen")
LENIENCY = {"王芳 Wang Fang": 0.0, "李强 Li Qiang": 0.07, "张敏 Zhang Min": -0.08,
            "陈晨 Chen Chen": 0.01}
CRITICAL_FAILURES = 2
COMMENTS = ("服务整体良好 / Good service overall", "高峰时段人手不足 / Short-staffed at peak time",
            "需加强新员工培训 / New staff need training", "")
FAIL_NOTES = ("现场已拍照并告知店长 / Photographed and reported to the manager",
              "发现污渍，未及时处理 / Stains found, not cleaned in time",
              "已要求当日整改 / Asked to fix it today")


def demo_templates() -> list[TemplateSpec]:
    """The shipped template definitions, read from their xlsx files."""
    return [read_template_xlsx(resource_path(f"templates/checklists/{name}"))
            for name in TEMPLATE_FILES]


def tiny_png(rgb: tuple[int, int, int], size: int = 8) -> bytes:
    """A small solid-colour PNG (no imaging library needed) standing in for a photo."""
    def chunk(tag: bytes, data: bytes) -> bytes:
        body = tag + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    raw = b"".join(b"\x00" + bytes(rgb) * size for _ in range(size))
    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw))
            + chunk(b"IEND", b""))


def _stored(s: Session, spec: TemplateSpec, now: dt.datetime) -> TemplateSpec:
    """The stored version with ``spec``'s content, adding one when none matches."""
    for template_id in s.scalars(select(ChecklistTemplate.id)
                                 .where(ChecklistTemplate.code == spec.code)
                                 .order_by(ChecklistTemplate.revision.desc())):
        stored = load_spec_in(s, template_id)
        if stored.fingerprint() == spec.fingerprint():
            return stored
    row = add_template(s, spec, published_at=now - dt.timedelta(days=SPAN_DAYS + 30))
    return load_spec_in(s, row.id)


def _value(item: ItemSpec, p: float, rng: random.Random, force_fail: bool) -> AnswerValue:
    """A plausible answer for an item at a site/inspector whose "yes" probability is ``p``."""
    kind = item.answer_type
    if item.allow_na and not item.critical and kind is not AnswerType.PHOTO \
            and rng.random() < 0.04:
        return AnswerValue(choice=Choice.NA)
    if kind is AnswerType.YES_NO:
        if item.critical:
            return AnswerValue(choice=Choice.NO if force_fail else Choice.YES)
        return AnswerValue(choice=Choice.YES if rng.random() < p else Choice.NO)
    if kind is AnswerType.SCALE:
        return AnswerValue(scale=max(1, min(5, round(1 + 4 * p + rng.gauss(0, 0.8)))))
    if kind in (AnswerType.NUMBER, AnswerType.STOPWATCH):
        assert item.threshold is not None
        good = rng.random() < p and not (item.critical and force_fail)
        factor = rng.uniform(0.4, 0.95) if good else rng.uniform(1.1, 1.8)
        if not item.lower_is_better:
            factor = 1 / factor
        value = item.threshold * factor
        if kind is AnswerType.NUMBER:
            value = float(max(0, round(value)))
            if good != ((value <= item.threshold) if item.lower_is_better
                        else (value >= item.threshold)):
                value = item.threshold
        return AnswerValue(number=round(value, 1))
    if kind is AnswerType.TEXT:
        comment = rng.choice(COMMENTS)
        return AnswerValue(text=comment) if comment else AnswerValue(choice=Choice.NA)
    return AnswerValue()  # photo: answered by attaching a photo


def _fill(s: Session, spec: TemplateSpec, site_id: int, inspector: str, visited: dt.datetime,
          p: float, rng: random.Random, force_fail: bool, limit: int | None = None,
          ) -> tuple[Inspection, dict[int, AnswerValue]]:
    assert spec.id is not None
    row = add_inspection(s, spec.id, site_id, inspector, spec.kind, visited)
    row.source = DEMO_SOURCE
    items = spec.items()
    given: dict[int, AnswerValue] = {}
    if force_fail:  # exactly one critical "no" (or missed critical number)
        criticals = [i for i in items if i.critical]
        failing = rng.choice(criticals).id if criticals else None
    for n, item in enumerate(items[:limit] if limit is not None else items):
        assert item.id is not None
        at = visited + dt.timedelta(minutes=1 + n)
        value = _value(item, p, rng, force_fail and item.id == failing)
        photos = 0
        if item.answer_type is AnswerType.PHOTO and not value.is_na:
            shade = rng.randrange(90, 220)
            s.add(InspectionPhoto(
                inspection_id=row.id, item_id=item.id, taken_at=at,
                file_name=f"IMG_{rng.randrange(1000, 9999)}.png",
                content=(png := tiny_png((shade, shade - 20, shade - 40))),
                sha256=hashlib.sha256(png).hexdigest()))
            photos = 1
        credit_fail = value.choice is Choice.NO or value.scale in (1, 2)
        note = rng.choice(FAIL_NOTES) if credit_fail and item.evidence_on_fail else None
        s.add(InspectionAnswer(inspection_id=row.id, item_id=item.id, choice=value.choice,
                               scale=value.scale, number=value.number, text=value.text,
                               note=note, answered_at=at))
        given[item.id] = AnswerValue(value.choice, value.scale, value.number, value.text,
                                     note, photos)
        row.current_item_id = item.id
    return row, given


def remove_demo_checklists(session: Session) -> int:
    """Delete the demo inspections (``source == "demo"``, answers and photos with them);
    the templates stay, since users may have started their own inspections with them.
    Returns how many inspections were deleted."""
    rows = list(session.scalars(select(Inspection).where(Inspection.source == DEMO_SOURCE)))
    for row in rows:
        session.delete(row)
    session.flush()
    return len(rows)


def add_demo_checklists(session: Session, site_ids: list[int], rng: random.Random,
                        now: dt.datetime) -> None:
    """Store the demo templates, 60 submitted inspections of ``site_ids`` over the last
    six months (UTC times before the aware ``now``) and one draft in progress.

    Stores and restaurants get the mystery shop, hotels the front-desk check, every site
    the cleaning audit. Raises ``ValueError`` without sites.
    """
    if not site_ids:
        raise ValueError("demo checklists need at least one site")
    specs = [_stored(session, spec, now) for spec in demo_templates()]
    store, hotel, clean = specs
    kinds = dict(session.execute(select(Site.id, Site.kind).where(Site.id.in_(site_ids))).all())
    quality = {site: rng.uniform(0.8, 0.98) for site in site_ids}
    plans: list[tuple[TemplateSpec, int]] = []
    for site in site_ids:
        kind = (kinds.get(site) or "").lower()
        if kind in ("store", "restaurant"):
            plans.append((store, site))
        elif kind == "hotel":
            plans.append((hotel, site))
        plans.append((clean, site))
    # a few site/template pairs are visited often, by several inspectors (calibration)
    regulars = rng.sample(plans, min(4, len(plans)))
    visits = [rng.choice(regulars) if rng.random() < 0.5 else rng.choice(plans)
              for _ in range(SUBMITTED)]
    failing = set(rng.sample(range(SUBMITTED), CRITICAL_FAILURES))
    for n, (spec, site) in enumerate(visits):
        inspector = INSPECTORS[n % len(INSPECTORS)]
        day = rng.uniform(1, SPAN_DAYS)
        visited = (now - dt.timedelta(days=day)).replace(
            hour=rng.randrange(1, 10), minute=rng.randrange(60), second=0, microsecond=0)
        p = min(0.99, max(0.3, quality[site] + LENIENCY[inspector] + rng.gauss(0, 0.04)))
        row, given = _fill(session, spec, site, inspector, visited, p, rng, n in failing)
        result = score_inspection(spec, given)
        assert result.complete, result.blockers
        apply_result(row, result, visited + dt.timedelta(minutes=rng.randrange(30, 90)))
    store_sites = [site for spec, site in plans if spec is store]
    draft_spec, draft_site = (store, store_sites[0]) if store_sites else (clean, site_ids[0])
    _fill(session, draft_spec, draft_site, INSPECTORS[0], now - dt.timedelta(hours=1),
          quality[draft_site], rng, False, limit=9)
    session.flush()
