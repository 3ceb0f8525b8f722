"""Turning a :class:`TicketFilter` into row selections of a :class:`TicketStore`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

import numpy as np
import numpy.typing as npt

from models.kpi.store import TicketStore
from models.kpi.types import BreakdownBy, TicketFilter

EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
G = TypeVar("G", bound=np.generic)
MEMO_ROWS = 300_000


def to_us(moment: dt.datetime) -> int:
    """Microseconds since the epoch of an aware instant (raises ``ValueError`` on naive)."""
    if moment.tzinfo is None:
        raise ValueError(f"naive datetime {moment!r}: give an aware instant")
    delta = moment - EPOCH
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


def from_us(value: int) -> dt.datetime:
    return EPOCH + dt.timedelta(microseconds=int(value))


@dataclass(frozen=True, eq=False)
class Selection:
    """Rows of a store: the period slice and a mask over it (``None`` = every row)."""

    store: TicketStore
    sl: slice
    mask: npt.NDArray[np.bool_] | None
    _taken: dict[int, tuple[npt.NDArray[Any], npt.NDArray[Any]]] = field(
        default_factory=dict, repr=False
    )
    memo: dict[object, Any] = field(default_factory=dict, repr=False)  # derived per selection

    @property
    def count(self) -> int:
        n = self.sl.stop - self.sl.start
        return n if self.mask is None else int(np.count_nonzero(self.mask))

    def take(self, column: npt.NDArray[G]) -> npt.NDArray[G]:
        """``column`` restricted to the selected rows (in creation order).

        Store columns never change in place, so small selections remember what they
        took (the cards, charts and breakdowns of one refresh share it).
        """
        part = column[self.sl]
        if self.mask is None:
            return part
        hit = self._taken.get(id(column))
        if hit is not None and hit[0] is column:  # the reference keeps the id unique
            return hit[1]
        out = part[self.mask]
        if out.size <= MEMO_ROWS:
            self._taken[id(column)] = (column, out)
        return out

    def rows(self) -> npt.NDArray[np.intp]:
        """Absolute row positions of the selected tickets."""
        if self.mask is None:
            return np.arange(self.sl.start, self.sl.stop, dtype=np.intp)
        rows: npt.NDArray[np.intp] = np.flatnonzero(self.mask) + self.sl.start
        return rows

    def full_mask(self) -> npt.NDArray[np.bool_]:
        """A store-sized boolean mask of the selection."""
        out = np.zeros(self.store.size, dtype=bool)
        if self.mask is None:
            out[self.sl] = True
        else:
            out[self.sl] = self.mask
        return out

    def narrowed(self, extra: npt.NDArray[np.bool_]) -> Selection:
        """The selection further restricted by ``extra`` (a mask over the slice)."""
        mask = extra if self.mask is None else self.mask & extra
        return Selection(self.store, self.sl, mask)


def subset_rows(
    s: Selection, name: str, mask: Callable[[], npt.NDArray[np.bool_]]
) -> npt.NDArray[np.intp]:
    """Absolute rows of the selection where the store-level ``mask`` holds (``mask`` is
    a function called once per store version, cached as ``name``), without scanning
    every ticket when the selection is a plain period."""
    store = s.store
    hit = store.cached(("rows", name))
    if hit is None:
        hit = np.flatnonzero(mask())
        store.put_cache(("rows", name), hit)
    all_rows: npt.NDArray[np.intp] = hit  # type: ignore[assignment]
    lo, hi = np.searchsorted(all_rows, [s.sl.start, s.sl.stop])
    rows = all_rows[lo:hi]
    if s.mask is not None:
        rows = rows[s.mask[rows - s.sl.start]]
    return rows


def _member(
    store: TicketStore, by: BreakdownBy, wanted: tuple[int | str, ...], sl: slice
) -> npt.NDArray[np.bool_]:
    """Rows of the slice whose ``by`` value is in ``wanted``: a gather from a small
    boolean table indexed by the dense group code (much faster than ``np.isin``)."""
    from models.kpi.group_codes import group_codes

    codes, keys = group_codes(store, by)
    table = np.zeros(len(keys), dtype=bool)
    index = {k: i for i, k in enumerate(keys)}
    for w in wanted:
        i = index.get(w)
        if i is not None and i > 0:
            table[i] = True
    member: npt.NDArray[np.bool_] = table[codes[sl]]
    return member


def select(store: TicketStore, filt: TicketFilter) -> Selection:
    """The rows of ``store`` that ``filt`` selects (see :class:`TicketFilter`).

    The last few selections are cached on the store, so the cards, charts and
    breakdowns of one refresh build the mask once.
    """
    key = ("select", filt)
    hit = store.cached(key)
    if isinstance(hit, Selection):
        return hit
    start = None if filt.start is None else to_us(filt.start)
    end = None if filt.end is None else to_us(filt.end)
    sl = store.period_slice(start, end)
    mask: npt.NDArray[np.bool_] | None = None

    def add(m: npt.NDArray[np.bool_]) -> None:
        nonlocal mask
        mask = m if mask is None else mask & m

    for by, wanted in (
        ("vendor", tuple(int(v) for v in filt.vendor_ids)),
        ("site", tuple(int(v) for v in filt.site_ids)),
        ("priority", filt.priorities),
        ("channel", filt.channels),
        ("category", filt.categories),
        ("agent", () if filt.agent is None else (filt.agent,)),
    ):
        if wanted or (by == "agent" and filt.agent is not None):
            add(_member(store, by, wanted, sl))  # type: ignore[arg-type]
    if filt.complaints_only:
        add(store.complaint[sl])
    out = Selection(store, sl, mask)
    store.put_cache(key, out)
    return out


def narrow(filt: TicketFilter, by: BreakdownBy, key: int | str | None) -> TicketFilter:
    """The filter behind one breakdown row. Rows of tickets without a value (``key``
    ``None``) cannot be expressed as a filter and raise ``ValueError``."""
    if key is None:
        raise ValueError(f"no filter selects tickets without a {by}")
    if by == "vendor":
        return replace(filt, vendor_ids=(int(key),))
    if by == "site":
        return replace(filt, site_ids=(int(key),))
    if by == "priority":
        return replace(filt, priorities=(str(key),))
    if by == "channel":
        return replace(filt, channels=(str(key),))
    if by == "category":
        return replace(filt, categories=(str(key),))
    if by == "agent":
        return replace(filt, agent=str(key))
    raise ValueError(f"unknown breakdown {by!r}")


def previous_period(filt: TicketFilter) -> TicketFilter:
    """The same filter over the equally long period just before ``filt``'s."""
    if filt.start is None or filt.end is None:
        raise ValueError("the period is open; there is no previous period of the same length")
    length = filt.end - filt.start
    return replace(filt, start=filt.start - length, end=filt.start)
