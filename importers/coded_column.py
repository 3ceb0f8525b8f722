"""A column of text cells that carries its own dictionary encoding.

The CSV fast path (:mod:`importers.arrow_csv`) dictionary-encodes columns with few
distinct texts anyway (to share one ``str`` per text). Handing that encoding over with
the column saves the validation from finding the distinct values again: every
``few_distinct``/``factorize`` of a million-cell column costs a pass over it (≈ 1 s per
million-row import, 11 columns). :class:`CodedColumn` is a ``list`` (code that does not
know about it sees the cells) with ``distinct`` and ``codes``; any change to the cells
drops the encoding, so it can never describe cells the list no longer holds.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Self, SupportsIndex

import numpy as np


class CodedColumn(list[Any]):
    """Cells ``distinct[codes[i]]`` for row ``i``: ``str`` or None, each text one object."""

    def __init__(self, cells: Sequence[Any], distinct: list[Any], codes: np.ndarray) -> None:
        super().__init__(cells)
        self._coding: tuple[list[Any], np.ndarray] | None = (
            (distinct, codes) if len(codes) == len(self) else None)

    @property
    def coding(self) -> tuple[list[Any], np.ndarray] | None:
        """(distinct cells, index of each row's cell) while the cells are unchanged."""
        return self._coding

    def _changed(self) -> None:
        self._coding = None

    def __setitem__(self, index: Any, value: Any) -> None:
        self._changed()
        super().__setitem__(index, value)

    def __delitem__(self, index: Any) -> None:
        self._changed()
        super().__delitem__(index)

    # typeshed's list.__iadd__ has the same ignore: += takes any iterable, + only a list
    def __iadd__(self, other: Iterable[Any]) -> Self:  # type: ignore[misc]
        self._changed()
        return super().__iadd__(other)

    def __imul__(self, n: SupportsIndex) -> Self:
        self._changed()
        return super().__imul__(n)

    def __reduce__(self) -> tuple[Any, ...]:
        # pickled (the sandbox's pipe) as the cells and their coding, not as a bare list
        distinct, codes = self._coding if self._coding is not None else ([], np.zeros(0))
        return (CodedColumn, (list(self), distinct, codes))


def _dropping(name: str) -> Any:
    method = getattr(list, name)

    def mutate(self: CodedColumn, *args: Any, **kwargs: Any) -> Any:
        self._changed()
        return method(self, *args, **kwargs)

    mutate.__name__ = name
    return mutate


for _name in ("append", "extend", "insert", "pop", "remove", "clear", "sort", "reverse"):
    setattr(CodedColumn, _name, _dropping(_name))


def recoded(cleaned: list[Any], codes: np.ndarray) -> CodedColumn:
    """The column whose row ``i`` is ``cleaned[codes[i]]`` (``cleaned``: one new value per
    distinct cell of a coded column; equal values merge into one distinct value)."""
    index: dict[Any, int] = {}
    remap = np.fromiter((index.setdefault(v, len(index)) for v in cleaned), dtype=np.int64,
                        count=len(cleaned))
    new_codes = remap[codes]
    lookup = np.empty(len(index), dtype=object)
    lookup[:] = list(index)
    return CodedColumn(lookup[new_codes].tolist(), list(index), new_codes)
