"""The result of parsing one column: values plus ``missing`` and ``invalid`` masks."""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

US_PER_S = 1_000_000
US_PER_DAY = 86_400 * US_PER_S


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
        return ~(self.missing | self.invalid)


def is_blank(value: Any) -> bool:
    """True for ``None`` and text that is empty or only spaces."""
    return value is None or (isinstance(value, str) and not value.strip())


def blank_mask(values: Sequence[Any]) -> np.ndarray:
    """:func:`is_blank` for a whole column (no Python call per cell)."""
    n = len(values)
    kinds = set(map(type, values))
    if str not in kinds:
        return np.equal(np.array(values, dtype=object), None) if n else np.zeros(0, bool)
    if kinds <= {str, type(None)}:
        texts = values if len(kinds) == 1 else [v if v is not None else "" for v in values]
        return np.fromiter(map(len, map(str.strip, texts)), dtype=np.int64, count=n) == 0
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


