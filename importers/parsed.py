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
    return np.fromiter((is_blank(v) for v in values), dtype=bool, count=len(values))


def normalise_token(text: str) -> str:
    """Lower-case, full-width folded, without spaces, underscores or punctuation."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in text if ch.isalnum())


