"""Checklist scoring (DESIGN.md "Checklists"), as a pure function of items and answers.

Credit per item: yes = 1, no = 0; scale k of 1..5 = (k − 1)/4; number and stopwatch =
1 when the value passes the item's threshold, else 0. N/A answers, text and photo items,
weight-0 items and number items without a threshold carry no weight.

    score = 100 · Σ(weight · credit) / Σ(weight of answered, applicable items)

Section scores likewise, over each section's items. ``score`` is ``None`` when no
applicable item is answered.

Decisions recorded here (DESIGN.md is silent on them):

* An item **fails** when its credit is below 0.5: "no", a number/stopwatch value that
  misses its threshold, a scale answer of 1 or 2. Failed items feed the Pareto view.
* A **critical failure** is a critical item whose credit is 0: answered "no", a
  number/stopwatch value that misses its threshold (a critical "served within 60 s"
  missed is as serious as a "no"), or a scale answer of 1.
* An inspection **passes** when ``score >= pass_score`` and there is no critical failure.
* Submission is **blocked** by an unanswered item (N/A counts as answered; text and photo
  items are answered by text or a photo; a yes/no item answered N/A when the item does
  not allow N/A is blocked too) and by a failed item with ``evidence_on_fail`` that has
  neither a note nor a photo.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from models.checklists.spec import ItemSpec, TemplateSpec
from models.orm.checklists import AnswerType, Choice

FAIL_BELOW = 0.5


@dataclass(frozen=True)
class AnswerValue:
    """What was given for one item (only the field that fits its type is used)."""

    choice: Choice | None = None
    scale: int | None = None
    number: float | None = None
    text: str | None = None
    note: str | None = None
    photos: int = 0

    @property
    def is_na(self) -> bool:
        return self.choice is Choice.NA


@dataclass(frozen=True)
class ItemResult:
    """Scoring of one item. ``credit`` is 0–1, ``None`` when the item carries no weight."""

    item_id: int
    section: str
    text: str
    credit: float | None
    weight: float
    failed: bool
    critical_failure: bool


@dataclass(frozen=True)
class Blocker:
    """Why submission is refused for one item: ``"unanswered"``, ``"na_not_allowed"``
    or ``"evidence_missing"``."""

    item_id: int
    section: str
    text: str
    reason: str


@dataclass(frozen=True)
class ScoreResult:
    """The outcome. Scores are on 0–100; ``section_scores`` keeps the form's order and
    maps a section title to ``None`` when none of its items counted."""

    score: float | None
    pass_score: float
    passed: bool
    section_scores: tuple[tuple[str, float | None], ...]
    items: tuple[ItemResult, ...]
    blockers: tuple[Blocker, ...]
    answered: int
    total: int

    @property
    def failed_items(self) -> tuple[ItemResult, ...]:
        return tuple(i for i in self.items if i.failed)

    @property
    def critical_failures(self) -> tuple[ItemResult, ...]:
        return tuple(i for i in self.items if i.critical_failure)

    @property
    def complete(self) -> bool:
        return not self.blockers


def passes_threshold(item: ItemSpec, value: float) -> bool:
    """Whether a number/stopwatch ``value`` meets ``item.threshold`` (in its unit)."""
    assert item.threshold is not None
    return value <= item.threshold if item.lower_is_better else value >= item.threshold


def item_credit(item: ItemSpec, answer: AnswerValue | None) -> float | None:
    """Credit 0–1 of one answer, or ``None`` when it carries no weight (N/A, unanswered,
    text/photo, no threshold, weight 0)."""
    if answer is None or answer.is_na or not item.scored:
        return None
    kind = item.answer_type
    if kind is AnswerType.YES_NO:
        if answer.choice is Choice.YES:
            return 1.0
        return 0.0 if answer.choice is Choice.NO else None
    if kind is AnswerType.SCALE:
        return None if answer.scale is None else (answer.scale - 1) / 4
    if answer.number is None:
        return None
    return 1.0 if passes_threshold(item, answer.number) else 0.0


def is_answered(item: ItemSpec, answer: AnswerValue | None) -> bool:
    """Whether ``answer`` answers ``item`` (N/A included) for the submission check."""
    if answer is None:
        return False
    if answer.is_na:
        return True
    kind = item.answer_type
    if kind is AnswerType.YES_NO:
        return answer.choice in (Choice.YES, Choice.NO)
    if kind is AnswerType.SCALE:
        return answer.scale is not None
    if kind in (AnswerType.NUMBER, AnswerType.STOPWATCH):
        return answer.number is not None
    if kind is AnswerType.TEXT:
        return bool((answer.text or "").strip())
    return answer.photos > 0  # PHOTO


def score_inspection(template: TemplateSpec, answers: Mapping[int, AnswerValue]) -> ScoreResult:
    """Score ``answers`` (by item id) against a stored ``template`` (its items have ids)."""
    results: list[ItemResult] = []
    blockers: list[Blocker] = []
    sections: list[tuple[str, float | None]] = []
    total_points = total_weight = 0.0
    answered = total = 0
    for section in template.sections:
        points = weight = 0.0
        for item in section.items:
            assert item.id is not None, "score a stored template (items need ids)"
            total += 1
            answer = answers.get(item.id)
            if is_answered(item, answer):
                answered += 1
            credit = item_credit(item, answer)
            if credit is not None:
                points += item.weight * credit
                weight += item.weight
            failed = credit is not None and credit < FAIL_BELOW
            results.append(ItemResult(item.id, section.title, item.text, credit, item.weight,
                                      failed, item.critical and credit == 0.0))
            blockers.extend(_blockers(item, section.title, answer, failed))
        sections.append((section.title, 100 * points / weight if weight else None))
        total_points += points
        total_weight += weight
    score = 100 * total_points / total_weight if total_weight else None
    critical = any(r.critical_failure for r in results)
    passed = score is not None and score >= template.pass_score and not critical
    return ScoreResult(score, template.pass_score, passed, tuple(sections), tuple(results),
                       tuple(blockers), answered, total)


def _blockers(item: ItemSpec, section: str, answer: AnswerValue | None,
              failed: bool) -> list[Blocker]:
    assert item.id is not None
    if not is_answered(item, answer):
        return [Blocker(item.id, section, item.text, "unanswered")]
    assert answer is not None
    if answer.is_na and not item.allow_na:
        return [Blocker(item.id, section, item.text, "na_not_allowed")]
    if failed and item.evidence_on_fail and not (answer.note or "").strip() and not answer.photos:
        return [Blocker(item.id, section, item.text, "evidence_missing")]
    return []


def max_score_points(items: Sequence[ItemSpec]) -> float:
    """Σ weight of the items that can carry weight (the designer's "maximum score")."""
    return sum(i.weight for i in items if i.scored)
