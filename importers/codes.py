"""Coded values — booleans, priorities, statuses — CSAT scales and plain text, column-wise."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any, cast

import numpy as np

from importers.coded_column import recoded
from importers.parsed import Parsed, blank_mask, by_distinct, few_distinct

_NONE_AS_EMPTY: dict[Any, str] = {None: ""}
_EMPTY_AS_NONE: dict[Any, None] = {"": None}

# -- codes: booleans, priorities, statuses ---------------------------------------------
BOOLEAN_SYNONYMS: dict[str, bool] = {
    "是": True, "否": False, "y": True, "n": False, "yes": True, "no": False,
    "true": True, "false": False, "1": True, "0": False, "t": True, "f": False,
    "有": True, "无": False, "對": True, "对": True, "错": False, "x": True, "√": True,
    "✓": True, "×": False, "10": True, "00": False,
}
PRIORITY_SYNONYMS: dict[str, str] = {
    **dict.fromkeys(["紧急", "特急", "urgent", "critical", "p1", "1", "p0", "blocker",
                     "highest", "最高", "严重", "immediate", "emergency"], "P1"),
    **dict.fromkeys(["高", "high", "p2", "2", "major", "较高"], "P2"),
    **dict.fromkeys(["中", "普通", "一般", "normal", "medium", "p3", "3", "moderate",
                     "standard"], "P3"),
    **dict.fromkeys(["低", "low", "p4", "4", "minor", "lowest", "较低", "trivial"], "P4"),
}
STATUS_SYNONYMS: dict[str, str] = {
    **dict.fromkeys(["新建", "新", "待处理", "未处理", "open", "new", "opened", "待受理",
                     "reopened", "重新打开", "unassigned"], "open"),
    **dict.fromkeys(["处理中", "进行中", "in progress", "inprogress", "pending", "escalated",
                     "assigned", "已分派", "已受理", "on hold", "onhold", "waiting",
                     "pending customer response", "awaiting customer", "started",
                     "work in progress", "已升级", "挂起", "待回复"], "in_progress"),
    **dict.fromkeys(["已解决", "解决", "resolved", "solved", "done", "completed", "complete",
                     "fixed", "已完成", "完成", "已办结", "办结"], "resolved"),
    **dict.fromkeys(["已关闭", "关闭", "closed", "close", "cancelled", "canceled", "已取消",
                     "结案", "已结案"], "closed"),
}


def code_key(value: Any) -> str:
    """The lookup key of a code value: text folded like :func:`normalise_token`, but
    keeping inner spaces collapsed (``In  Progress`` → ``in progress``); integral
    numbers lose their ``.0``."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = unicodedata.normalize("NFKC", str(value)).casefold().strip()
    text = re.sub(r"[\s_\-]+", " ", text)
    return text


def parse_codes(values: Sequence[Any], synonyms: Mapping[str, Any],
                extra: Mapping[str, Any] | None = None) -> Parsed:
    """Map each value through ``synonyms`` (keys from :func:`code_key`), ``extra`` first.

    ``extra`` holds the user's own mapping of values (original text → code). Unknown
    values are invalid and counted once each in ``Parsed.unknown`` (by original text).
    """
    shared = by_distinct(values, lambda distinct: parse_codes(distinct, synonyms, extra))
    if shared is not None:
        return shared
    table: dict[str, Any] = dict(synonyms)
    for k, v in (extra or {}).items():
        table[code_key(k)] = v
    n = len(values)
    out = np.empty(n, dtype=object)
    missing, invalid = blank_mask(values), np.zeros(n, dtype=bool)
    unknown: Counter[str] = Counter()
    present = np.nonzero(~missing)[0]
    cells = values if present.size == n else list(map(values.__getitem__, present.tolist()))
    try:
        distinct = dict.fromkeys(cells)
    except TypeError:  # an unhashable cell: never a code
        distinct = {}
        cells = [c if isinstance(c, str | int | float) else repr(c) for c in cells]
        distinct = dict.fromkeys(cells)
    for v in distinct:
        key = code_key(v)
        distinct[v] = table.get(key, table.get(key.replace(" ", "")))
    mapped = np.fromiter(map(distinct.__getitem__, cells), dtype=object, count=len(cells))
    bad = np.equal(mapped, None)  # type: ignore[call-overload]  # numpy stubs: None operand
    out[present] = mapped
    invalid[present[bad]] = True
    if bad.any():
        unknown.update(str(v).strip() for v, b in zip(cells, bad.tolist(), strict=True) if b)
    return Parsed(out, missing, invalid, unknown=unknown)


def parse_booleans(values: Sequence[Any], extra: Mapping[str, Any] | None = None) -> Parsed:
    """``bool`` for 是/否, Y/N, yes/no, true/false, 1/0 (and ``extra`` user synonyms)."""
    parsed = parse_codes(values, BOOLEAN_SYNONYMS, extra)
    parsed.values = np.where(parsed.ok, parsed.values, False).astype(bool)
    return parsed


def infer_csat_scale(ratings: np.ndarray) -> tuple[float, float]:
    """The scale of a CSAT column (DESIGN.md): all in 1–5 → (1, 5), in 0–10 → (0, 10),
    else (0, 100). An empty column is taken as 1–5."""
    if ratings.size == 0:
        return 1.0, 5.0
    lo, hi = float(ratings.min()), float(ratings.max())
    if lo >= 1 and hi <= 5:
        return 1.0, 5.0
    if lo >= 0 and hi <= 10:
        return 0.0, 10.0
    return 0.0, 100.0



def text_values(values: Sequence[Any], max_len: int | None = None) -> list[str | None]:
    """Cells as stripped text (``None`` for empty); integral floats lose their ``.0``."""
    distinct = few_distinct(values)
    if distinct is not None:  # each distinct text cleaned once, the cells share them
        for v in distinct:
            distinct[v] = v if v is None else ((v.strip()[:max_len] if max_len else v.strip())
                                               or None)
        coding = getattr(values, "coding", None)
        if coding is not None:  # still coded: the validation after needs no pass over it
            return recoded(list(map(distinct.__getitem__, coding[0])), coding[1])
        return list(map(distinct.__getitem__, values))
    kinds = set(map(type, values))
    if kinds <= {str, type(None)}:  # the common case, in C-level passes
        texts = values if type(None) not in kinds else list(map(_NONE_AS_EMPTY.get, values,
                                                                values))
        stripped = list(map(str.strip, texts))
        if max_len and stripped and max(map(len, stripped)) > max_len:
            stripped = [s[:max_len] for s in stripped]
        if "" in stripped:
            return list(map(_EMPTY_AS_NONE.get, stripped, stripped))
        return cast(list[str | None], stripped)  # list is invariant; no one else holds it
    cache: dict[Any, str | None] = {}
    out: list[str | None] = []
    append = out.append
    for v in values:
        if v is None:
            append(None)
            continue
        if type(v) is str:
            s = v.strip()
            append((s[:max_len] if max_len else s) or None)
            continue
        try:
            r = cache[v]
        except KeyError:
            r = cache[v] = _text(v, max_len)
        except TypeError:
            r = _text(v, max_len)
        append(r)
    return out


def _text(v: Any, max_len: int | None) -> str | None:
    if isinstance(v, float) and v.is_integer():
        s = str(int(v))
    elif isinstance(v, dt.datetime):
        s = v.isoformat(sep=" ")
    else:
        s = str(v).strip()
    return (s[:max_len] if max_len else s) or None

