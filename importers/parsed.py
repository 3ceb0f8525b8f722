"""The result of parsing one column: values plus ``missing`` and ``invalid`` masks."""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

US_PER_S = 1_000_000
US_PER_DAY = 86_400 * US_PER_S
_NONE_AS_EMPTY: dict[Any, str] = {None: ""}


@dataclass
class Parsed:
    """A parsed column: ``values`` (meaningful where neither mask is set) and masks."""

    values: np.ndarray
    missing: np.ndarray
    invalid: np.ndarray
    note: str | None = None
    unknown: Counter[str] = field(default_factory=Counter)

    @property
    def ok(self) -> np.ndarray:
        """Cells holding a usable value."""
        usable: np.ndarray = ~(self.missing | self.invalid)
        return usable


_PROBE = 4096  # cells (or a 16th of them) looked at before a column is factorised
_NONE = type(None)


def few_distinct(values: Sequence[Any]) -> dict[Any, Any] | None:
    """The distinct cells of a text column (keys of a dict, in first-seen order) when
    there are few of them — at most a quarter of the cells, probed on the first
    :data:`_PROBE` or 16th of them — else None. Only ``str``/None columns: ``1``,
    ``1.0`` and ``True`` would share a key. Priorities, statuses, channels, teams,
    ratings and durations of a million-row export have a few thousand distinct values
    at most, so parsing those once costs ≈ 0.08 s per million cells instead of a
    Python call per cell."""
    n = len(values)
    coding = getattr(values, "coding", None)  # a CodedColumn knows its distinct cells
    if coding is not None:
        return dict.fromkeys(coding[0]) if n >= 64 and len(coding[0]) * 4 <= n else None
    if n < 64 or not set(map(type, values)) <= {str, _NONE}:
        return None
    probe = values[:max(_PROBE, n // 16)]
    if len(dict.fromkeys(probe)) * 4 > len(probe):
        return None
    distinct = dict.fromkeys(values)
    return distinct if len(distinct) * 4 <= n else None


def factorize(values: Sequence[Any]) -> tuple[list[Any], np.ndarray] | None:
    """(distinct values, index of each cell's value) for a column :func:`few_distinct`
    accepts; None for any other column."""
    distinct = few_distinct(values)
    if distinct is None:
        return None
    coding = getattr(values, "coding", None)
    if coding is not None:
        return list(coding[0]), coding[1]
    for i, key in enumerate(distinct):
        distinct[key] = i
    codes = np.fromiter(map(distinct.__getitem__, values), dtype=np.int64, count=len(values))
    return list(distinct), codes


def by_distinct(values: Sequence[Any], parse: Callable[[list[Any]], Parsed]) -> Parsed | None:
    """``parse`` run on the distinct values only and spread back over the cells (counts
    of unknown values included); None when the column has many distinct values."""
    found = factorize(values)
    if found is None:
        return None
    distinct, codes = found
    p = parse(distinct)
    unknown: Counter[str] = Counter()
    if p.unknown:
        counts = np.bincount(codes, minlength=len(distinct))
        for k in np.nonzero(p.invalid)[0].tolist():
            unknown[str(distinct[k]).strip()] += int(counts[k])
    return Parsed(p.values[codes], p.missing[codes], p.invalid[codes], p.note, unknown)


def is_blank(value: Any) -> bool:
    """True for ``None`` and text that is empty or only spaces."""
    return value is None or (isinstance(value, str) and not value.strip())


def blank_mask(values: Sequence[Any]) -> np.ndarray:
    """:func:`is_blank` for a whole column (no Python call per cell)."""
    n = len(values)
    kinds = set(map(type, values))
    if str not in kinds:
        # numpy's stubs reject None as an operand; on an object array it is a plain scalar
        return (np.equal(np.array(values, dtype=object), None)  # type: ignore[call-overload]
                if n else np.zeros(0, bool))
    if kinds <= {str, _NONE}:
        found = factorize(values)
        if found is not None:
            distinct, codes = found
            blank: np.ndarray = np.array([v is None or not v.strip() for v in distinct],
                                         dtype=bool)[codes]
            return blank
        texts = values if len(kinds) == 1 else list(map(_NONE_AS_EMPTY.get, values, values))
        # no new strings: empty, or only spaces
        empty_or_spaces: np.ndarray = (
            np.fromiter(map(len, texts), dtype=np.int64, count=n) == 0) | np.fromiter(
            map(str.isspace, texts), dtype=bool, count=n)
        return empty_or_spaces
    return np.fromiter((v is None or (v.__class__ is str and not v.strip()) for v in values),
                       dtype=bool, count=n)


def float_fast(values: Sequence[Any], missing: np.ndarray) -> np.ndarray | None:
    """The column as ``float64`` in one numpy call when every present cell is a plain
    number or plain number text (``12``, ``4.5``, ``1e3``); None when some cell needs
    the careful per-value path (decimal commas, units, other types)."""
    kinds = set(map(type, values)) - {type(None)}
    present = values if not missing.any() else [v for v, m in zip(values, missing,
                                                                       strict=True) if not m]
    if not present:
        return np.zeros(len(values))
    if kinds <= {int, float} or kinds == {str}:
        try:
            arr = np.array(present, dtype=np.float64)
        except (ValueError, TypeError, OverflowError):
            return None
        if len(present) == len(values):
            return arr
        out = np.zeros(len(values))
        out[~missing] = arr
        return out
    return None


def normalise_token(text: str) -> str:
    """Lower-case, full-width folded, without spaces, underscores or punctuation."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in text if ch.isalnum())


