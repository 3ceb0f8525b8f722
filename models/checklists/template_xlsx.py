"""A checklist template as an xlsx workbook, so organisations can author them in Excel.

Format (sheet names and headers are English; values may be English or Chinese):

* sheet ``Checklist`` — two columns, key and value: ``code``, ``name``, ``kind``
  (mystery_shop / inspection / audit), ``pass_score`` (0–100), ``description``;
* sheet ``Items`` — a header row, then one row per item in form order::

    section | code | text | guidance | answer_type | weight | critical | dimension |
    allow_na | threshold | lower_is_better | unit | evidence_on_fail

  ``answer_type`` is yes_no, scale, number, text, photo or stopwatch; booleans are
  yes/no, true/false, 1/0, 是/否, Y/N; an empty cell takes the default. Consecutive rows
  with the same ``section`` form one section.

:func:`read_template_xlsx` refuses files over :data:`MAX_FILE_BYTES` or with more than
:data:`MAX_ITEMS` rows and raises :class:`TemplateFileError` naming the row and column.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from models.checklists.spec import ItemSpec, SectionSpec, SpecError, TemplateSpec, validate_spec
from models.export import text_cell
from models.orm.checklists import AnswerType, Dimension, InspectionKind

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_ITEMS = 2000
COLUMNS = ("section", "code", "text", "guidance", "answer_type", "weight", "critical",
           "dimension", "allow_na", "threshold", "lower_is_better", "unit", "evidence_on_fail")
_TRUE = {"yes", "y", "true", "1", "是", "x", "✓"}
_FALSE = {"no", "n", "false", "0", "否", ""}
_TYPES = {"yes_no": AnswerType.YES_NO, "yes/no": AnswerType.YES_NO, "是否": AnswerType.YES_NO,
          "scale": AnswerType.SCALE, "1-5": AnswerType.SCALE, "评分": AnswerType.SCALE,
          "number": AnswerType.NUMBER, "数值": AnswerType.NUMBER, "text": AnswerType.TEXT,
          "文本": AnswerType.TEXT, "photo": AnswerType.PHOTO, "照片": AnswerType.PHOTO,
          "stopwatch": AnswerType.STOPWATCH, "计时": AnswerType.STOPWATCH}
_DIMENSIONS = {d.value: d for d in Dimension} | {
    "有形性": Dimension.TANGIBLES, "可靠性": Dimension.RELIABILITY,
    "响应性": Dimension.RESPONSIVENESS, "保证性": Dimension.ASSURANCE, "移情性": Dimension.EMPATHY}


class TemplateFileError(ValueError):
    """The workbook is not a valid checklist template; says which row/column and why."""


def write_template_xlsx(spec: TemplateSpec, path: Path) -> Path:
    """Write ``spec`` to ``path`` (.xlsx). Raises ``OSError`` when it can't be written."""
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    meta = wb.create_sheet("Checklist")
    for key, value in (("code", spec.code), ("name", spec.name), ("kind", spec.kind.value),
                       ("pass_score", spec.pass_score), ("description", spec.description)):
        meta.append([key, text_cell(meta, value)])
    items = wb.create_sheet("Items")
    items.append(list(COLUMNS))
    for section in spec.sections:
        for i in section.items:
            row: list[Any] = [
                section.title, i.code, i.text, i.guidance, i.answer_type.value, i.weight,
                _yes(i.critical), i.dimension.value if i.dimension else None, _yes(i.allow_na),
                i.threshold, _yes(i.lower_is_better), i.unit, _yes(i.evidence_on_fail)]
            items.append([text_cell(items, v) for v in row])
    wb.save(path)
    return path


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _bool(value: Any, default: bool, where: str) -> bool:
    text = _text(value).lower()
    if text == "":
        return default
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise TemplateFileError(f"{where}: {value!r} is not yes or no")


def _float(value: Any, where: str) -> float | None:
    if value is None or _text(value) == "":
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        raise TemplateFileError(f"{where}: {value!r} is not a number") from None


def read_template_xlsx(path: Path) -> TemplateSpec:
    """Read a template workbook written by :func:`write_template_xlsx` or by hand."""
    from openpyxl import load_workbook

    if path.stat().st_size > MAX_FILE_BYTES:
        raise TemplateFileError(f"{path.name} is larger than {MAX_FILE_BYTES // 2**20} MB")
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a bad file
        raise TemplateFileError(f"{path.name} is not a readable xlsx workbook: {exc}") from exc
    try:
        if "Checklist" not in wb.sheetnames or "Items" not in wb.sheetnames:
            raise TemplateFileError(f"{path.name} needs the sheets 'Checklist' and 'Items'")
        meta = {_text(r[0]).lower(): (r[1] if len(r) > 1 else None)
                for r in wb["Checklist"].iter_rows(max_row=50, max_col=2, values_only=True)
                if r and r[0] is not None}
        sections = _read_items(wb["Items"])
    finally:
        wb.close()
    try:
        kind = InspectionKind(_text(meta.get("kind")) or "inspection")
    except ValueError:
        raise TemplateFileError(f"Checklist sheet: unknown kind {meta.get('kind')!r}") from None
    spec = TemplateSpec(
        code=_text(meta.get("code")), name=_text(meta.get("name")), kind=kind,
        pass_score=_float(meta.get("pass_score"), "Checklist sheet, pass_score") or 80.0,
        description=_text(meta.get("description")) or None, sections=sections)
    try:
        validate_spec(spec)
    except SpecError as exc:
        raise TemplateFileError(str(exc)) from exc
    return spec


def _read_items(sheet: Any) -> tuple[SectionSpec, ...]:
    rows = sheet.iter_rows(max_row=MAX_ITEMS + 2, max_col=len(COLUMNS) + 5, values_only=True)
    header = [_text(h).lower() for h in next(rows, ())]
    missing = [c for c in ("section", "text", "answer_type") if c not in header]
    if missing:
        raise TemplateFileError(f"Items sheet: missing column(s) {', '.join(missing)}")
    col = {name: header.index(name) for name in COLUMNS if name in header}
    sections: list[tuple[str, list[ItemSpec]]] = []
    for number, row in enumerate(rows, start=2):
        if number > MAX_ITEMS + 1:
            raise TemplateFileError(f"Items sheet: more than {MAX_ITEMS} items")

        def get(name: str, row: tuple[Any, ...] = row) -> Any:
            index = col.get(name)
            return row[index] if index is not None and index < len(row) else None

        if all(_text(v) == "" for v in row):
            continue
        item = _item(get, number)
        title = _text(get("section")) or (sections[-1][0] if sections else "")
        if not title:
            raise TemplateFileError(f"Items sheet row {number}, section: empty")
        if not sections or sections[-1][0] != title:
            sections.append((title, []))
        sections[-1][1].append(item)
    return tuple(SectionSpec(title, tuple(items)) for title, items in sections)


def _item(get: Any, number: int) -> ItemSpec:
    def where(column: str) -> str:
        return f"Items sheet row {number}, {column}"

    raw_type = _text(get("answer_type")).lower()
    if raw_type not in _TYPES:
        raise TemplateFileError(f"{where('answer_type')}: unknown type {raw_type!r}")
    raw_dim = _text(get("dimension")).lower()
    if raw_dim and raw_dim not in _DIMENSIONS:
        raise TemplateFileError(f"{where('dimension')}: unknown dimension {raw_dim!r}")
    weight = _float(get("weight"), where("weight"))
    return ItemSpec(
        text=_text(get("text")), answer_type=_TYPES[raw_type],
        weight=1.0 if weight is None else weight,
        critical=_bool(get("critical"), False, where("critical")),
        dimension=_DIMENSIONS[raw_dim] if raw_dim else None,
        allow_na=_bool(get("allow_na"), True, where("allow_na")),
        threshold=_float(get("threshold"), where("threshold")),
        lower_is_better=_bool(get("lower_is_better"), False, where("lower_is_better")),
        unit=_text(get("unit")) or None,
        evidence_on_fail=_bool(get("evidence_on_fail"), False, where("evidence_on_fail")),
        guidance=_text(get("guidance")) or None, code=_text(get("code")) or None,
    )
