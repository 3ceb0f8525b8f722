"""Matching item columns of an inspection file to a checklist template, and reading answers.

A column matches an item when its normalised header equals the item's code or text, when
it starts with the code (``A1 地面清洁`` → item ``A1``), or when the texts are nearly the
same (difflib ratio ≥ 0.88 after normalisation, which absorbs punctuation, spacing and a
typo). The template whose latest revision matches the most columns wins.

When no template matches but the file has yes/no-looking item columns (the Thai
street-light log: หลอดไฟ/เสาไฟ/สายไฟ with ชำรุด/ไม่ชำรุด), an *import template*
``import-<source>`` with one yes/no item per column is proposed; the loader stores it
(or reuses a stored revision with the same items) so the answers keep their items.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from importers.inspection_shapes import ColumnPlan, header_key, parse_choice
from importers.table import RawTable
from importers.values import is_blank, parse_number_text
from models.checklists.scoring import AnswerValue
from models.checklists.spec import ItemSpec, SectionSpec, TemplateSpec
from models.checklists.templates import load_spec_in
from models.orm.checklists import AnswerType, ChecklistTemplate, Choice, InspectionKind

FUZZY_RATIO = 0.88
_CODE_PREFIX = re.compile(r"^\s*([A-Za-z]{0,3}\d+(?:\.\d+)*)[\s.、:：)\-]+\S")


@dataclass(frozen=True)
class ItemBinding:
    """Item columns bound to a template: ``columns`` maps a column index to an item
    position in ``template.items()``. ``created`` is True for a proposed import template
    that is not stored yet (its items have no ids)."""

    template: TemplateSpec
    columns: dict[int, int]
    created: bool = False
    unmatched: tuple[str, ...] = ()

    def item(self, j: int) -> ItemSpec:
        return self.template.items()[self.columns[j]]


def _match_index(spec: TemplateSpec, headers: Sequence[str]) -> dict[int, int]:
    items = spec.items()
    codes = {header_key(i.code): n for n, i in enumerate(items) if i.code}
    texts = {header_key(i.text): n for n, i in enumerate(items)}
    out: dict[int, int] = {}
    for j, header in enumerate(headers):
        key = header_key(header)
        if not key:
            continue
        n = codes.get(key, texts.get(key))
        if n is None and (m := _CODE_PREFIX.match(header)):
            n = codes.get(header_key(m[1]))
        if n is None:
            best = max(texts, key=lambda t: difflib.SequenceMatcher(None, key, t).ratio(),
                       default=None)
            if best and difflib.SequenceMatcher(None, key, best).ratio() >= FUZZY_RATIO:
                n = texts[best]
        if n is not None:  # two columns may name one item (code and text in a long file)
            out[j] = n
    return out


def latest_templates(s: Session) -> list[TemplateSpec]:
    """The newest revision of every checklist template, with item ids."""
    newest = (select(ChecklistTemplate.code, func.max(ChecklistTemplate.revision).label("rev"))
              .group_by(ChecklistTemplate.code).subquery())
    ids = s.scalars(select(ChecklistTemplate.id).join(
        newest, (ChecklistTemplate.code == newest.c.code)
        & (ChecklistTemplate.revision == newest.c.rev))).all()
    return [load_spec_in(s, i) for i in ids]


def bind_items(s: Session, table: RawTable, plan: ColumnPlan, choice_columns: Sequence[int], *,
               source: str, kind: InspectionKind, template_code: str | None = None
               ) -> ItemBinding | None:
    """Bind the candidate item columns of ``table`` to a template (see the module doc).

    ``template_code`` forces one template (its latest revision). Returns ``None`` when the
    file has no item columns (a visit-level file).
    """
    candidates = {j: table.headers[j] for j in plan.others}
    specs = latest_templates(s)
    if template_code is not None:
        specs = [t for t in specs if t.code == template_code]
        if not specs:
            raise LookupError(f"no checklist template with code {template_code!r}")
    best: tuple[int, TemplateSpec, dict[int, int]] | None = None
    for spec in specs:
        order = list(candidates)
        matched = {order[k]: n for k, n in
                   _match_index(spec, [candidates[j] for j in order]).items()}
        if matched and (best is None or len(matched) > best[0]):
            best = (len(matched), spec, matched)
    if best is not None and (best[0] >= 2 or best[0] >= len(choice_columns) or template_code):
        unmatched = tuple(table.headers[j] for j in choice_columns if j not in best[2])
        return ItemBinding(best[1], best[2], unmatched=unmatched)
    if not choice_columns:
        return None
    return ItemBinding(import_template_spec(source, [table.headers[j] for j in choice_columns],
                                            kind),
                       {j: n for n, j in enumerate(choice_columns)}, created=True)


def import_template_spec(source: str, item_texts: Sequence[str],
                         kind: InspectionKind) -> TemplateSpec:
    """A yes/no checklist with one item per file column, for files without a template."""
    items = tuple(ItemSpec(text=t.strip(), answer_type=AnswerType.YES_NO) for t in item_texts)
    return TemplateSpec(code=f"import-{source}"[:64], name=f"{source} (imported)",
                        kind=kind, description="Created by an import: one yes/no item per "
                        "column of the file.", sections=(SectionSpec("Imported items", items),))


def same_items(a: TemplateSpec, b: TemplateSpec) -> bool:
    """Whether two templates ask the same questions in the same order and types."""
    return [(i.text, i.answer_type) for i in a.items()] == [
        (i.text, i.answer_type) for i in b.items()]


def answer_value(item: ItemSpec, value: Any) -> AnswerValue | str | None:
    """The answer a cell gives to ``item``: an :class:`AnswerValue`, ``None`` for a blank
    cell, or a reason (``str``) when the cell cannot answer this item type."""
    if is_blank(value):
        return None
    kind = item.answer_type
    choice = parse_choice(value)
    if choice is Choice.NA:
        return AnswerValue(choice=Choice.NA)
    if kind is AnswerType.YES_NO:
        if choice is None and isinstance(value, int | float) and value in (0, 1):
            choice = Choice.YES if value == 1 else Choice.NO
        return AnswerValue(choice=choice) if choice else "not a yes/no answer"
    if kind in (AnswerType.TEXT, AnswerType.PHOTO):
        return AnswerValue(text=str(value).strip())
    number = (float(value) if isinstance(value, int | float) and not isinstance(value, bool)
              else parse_number_text(str(value)))
    if number is None:
        return "not a number"
    if kind is AnswerType.SCALE:
        if not number.is_integer() or not 1 <= number <= 5:
            return "not a whole number from 1 to 5"
        return AnswerValue(scale=int(number))
    return AnswerValue(number=number)
