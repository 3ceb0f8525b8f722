"""Plain descriptions of a checklist template, independent of the database.

A :class:`TemplateSpec` is what the designer edits, what the xlsx and package formats
carry and what :mod:`models.checklists.templates` stores. Item ``id`` values are the
database ids of a stored version (``None`` for an unsaved item); they let the fill form
and the scoring match answers to items.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass, field

from models.orm.checklists import AnswerType, Dimension, InspectionKind

SCORED_TYPES = frozenset({AnswerType.YES_NO, AnswerType.SCALE, AnswerType.NUMBER,
                          AnswerType.STOPWATCH})
MEASURED_TYPES = frozenset({AnswerType.NUMBER, AnswerType.STOPWATCH})


@dataclass(frozen=True)
class ItemSpec:
    """One question. ``threshold`` (in ``unit``; seconds for stopwatch items) decides
    pass/fail of number and stopwatch items: ``value <= threshold`` when
    ``lower_is_better`` else ``value >= threshold``."""

    text: str
    answer_type: AnswerType = AnswerType.YES_NO
    weight: float = 1.0
    critical: bool = False
    dimension: Dimension | None = None
    allow_na: bool = True
    threshold: float | None = None
    lower_is_better: bool = False
    unit: str | None = None
    evidence_on_fail: bool = False
    guidance: str | None = None
    code: str | None = None
    id: int | None = None

    def __post_init__(self) -> None:
        # 1 and 1.0 must be the same weight (fingerprints, equality after a round trip)
        object.__setattr__(self, "weight", float(self.weight))
        if self.threshold is not None:
            object.__setattr__(self, "threshold", float(self.threshold))

    @property
    def scored(self) -> bool:
        """Whether the item can carry weight (text/photo and threshold-less numbers never do)."""
        if self.answer_type in MEASURED_TYPES:
            return self.threshold is not None and self.weight > 0
        return self.answer_type in SCORED_TYPES and self.weight > 0


@dataclass(frozen=True)
class SectionSpec:
    title: str
    items: tuple[ItemSpec, ...] = ()
    id: int | None = None


@dataclass(frozen=True)
class TemplateSpec:
    """A whole checklist. ``pass_score`` is on 0–100."""

    code: str
    name: str
    kind: InspectionKind = InspectionKind.INSPECTION
    pass_score: float = 80.0
    description: str | None = None
    sections: tuple[SectionSpec, ...] = field(default_factory=tuple)
    id: int | None = None
    revision: int | None = None
    lock: int | None = None  # the stored row's version (optimistic locking), not content

    def __post_init__(self) -> None:
        object.__setattr__(self, "pass_score", float(self.pass_score))

    def items(self) -> list[ItemSpec]:
        """Every item, in form order."""
        return [item for section in self.sections for item in section.items]

    def max_points(self) -> float:
        """Σ weight of the scored items: the points a perfect visit earns."""
        return sum(item.weight for item in self.items() if item.scored)

    def without_ids(self) -> TemplateSpec:
        """The same content with every database id and revision cleared."""
        return dataclasses.replace(
            self, id=None, revision=None, lock=None,
            sections=tuple(
                dataclasses.replace(sec, id=None,
                                    items=tuple(dataclasses.replace(i, id=None) for i in sec.items))
                for sec in self.sections
            ),
        )

    def fingerprint(self) -> str:
        """SHA-256 of the content (no ids, no revision): equal content, equal fingerprint."""
        return hashlib.sha256(
            json.dumps(spec_to_dict(self.without_ids()), sort_keys=True, ensure_ascii=False)
            .encode("utf-8")
        ).hexdigest()


class SpecError(ValueError):
    """A template description is invalid; ``str(error)`` says where and why."""


def spec_to_dict(spec: TemplateSpec) -> dict[str, object]:
    """A JSON-ready dict (enums as their values)."""
    def item(i: ItemSpec) -> dict[str, object]:
        d = dataclasses.asdict(i)
        d["answer_type"] = i.answer_type.value
        d["dimension"] = i.dimension.value if i.dimension else None
        return d

    return {
        "code": spec.code, "name": spec.name, "kind": spec.kind.value,
        "pass_score": spec.pass_score, "description": spec.description,
        "id": spec.id, "revision": spec.revision, "lock": spec.lock,
        "sections": [{"title": s.title, "id": s.id, "items": [item(i) for i in s.items]}
                     for s in spec.sections],
    }


def spec_from_dict(data: dict[str, object]) -> TemplateSpec:
    """Inverse of :func:`spec_to_dict`; raises :class:`SpecError` on bad content."""
    try:
        sections = []
        for sec in data["sections"]:  # type: ignore[attr-defined]
            items = []
            for raw in sec["items"]:
                values = dict(raw)
                values["answer_type"] = AnswerType(values["answer_type"])
                values["dimension"] = Dimension(values["dimension"]) if values.get(
                    "dimension") else None
                known = {f.name for f in dataclasses.fields(ItemSpec)}
                items.append(ItemSpec(**{k: v for k, v in values.items() if k in known}))
            sections.append(SectionSpec(str(sec["title"]), tuple(items), sec.get("id")))
        spec = TemplateSpec(
            code=str(data["code"]), name=str(data["name"]),
            kind=InspectionKind(data["kind"]), pass_score=float(data["pass_score"]),  # type: ignore[arg-type]
            description=data.get("description"),  # type: ignore[arg-type]
            sections=tuple(sections), id=data.get("id"),  # type: ignore[arg-type]
            revision=data.get("revision"),  # type: ignore[arg-type]
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise SpecError(f"invalid template description: {exc}") from exc
    validate_spec(spec)
    return spec


def validate_spec(spec: TemplateSpec) -> None:
    """Raise :class:`SpecError` naming the first problem (empty text, bad weight …)."""
    if not spec.code.strip():
        raise SpecError("the template needs a code")
    if not spec.name.strip():
        raise SpecError("the template needs a name")
    if not 0 <= spec.pass_score <= 100:
        raise SpecError(f"pass score {spec.pass_score} is not within 0–100")
    for s_no, section in enumerate(spec.sections, start=1):
        if not section.title.strip():
            raise SpecError(f"section {s_no} has no title")
        for i_no, item in enumerate(section.items, start=1):
            where = f"section {s_no} item {i_no}"
            if not item.text.strip():
                raise SpecError(f"{where} has no text")
            if item.weight < 0:
                raise SpecError(f"{where}: weight {item.weight} is negative")
