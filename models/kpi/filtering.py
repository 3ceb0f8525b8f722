"""Turning a :class:`TicketFilter` into row selections of a :class:`TicketStore`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import TypeVar

import numpy as np
import numpy.typing as npt

from models.kpi.store import TicketStore
from models.kpi.types import PRIORITIES, BreakdownBy, TicketFilter

EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
G = TypeVar("G", bound=np.generic)


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

    @property
    def count(self) -> int:
        n = self.sl.stop - self.sl.start
        return n if self.mask is None else int(np.count_nonzero(self.mask))

    def take(self, column: npt.NDArray[G]) -> npt.NDArray[G]:
        """``column`` restricted to the selected rows (in creation order)."""
        part = column[self.sl]
        return part if self.mask is None else part[self.mask]

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


def _codes(store: TicketStore, column: str, labels: tuple[str, ...]) -> list[int]:
    found = (store.label_code(column, lab) for lab in labels)
    return [c for c in found if c is not None]


def select(store: TicketStore, filt: TicketFilter) -> Selection:
    """The rows of ``store`` that ``filt`` selects (see :class:`TicketFilter`)."""
    start = None if filt.start is None else to_us(filt.start)
    end = None if filt.end is None else to_us(filt.end)
    sl = store.period_slice(start, end)
    mask: npt.NDArray[np.bool_] | None = None

    def add(m: npt.NDArray[np.bool_]) -> None:
        nonlocal mask
        mask = m if mask is None else mask & m

    if filt.vendor_ids:
        add(np.isin(store.vendor[sl], np.asarray(filt.vendor_ids, dtype=np.int64)))
    if filt.site_ids:
        add(np.isin(store.site[sl], np.asarray(filt.site_ids, dtype=np.int64)))
    if filt.priorities:
        codes = [PRIORITIES.index(p) for p in filt.priorities if p in PRIORITIES]
        add(np.isin(store.priority[sl], np.asarray(codes, dtype=np.int8)))
    for column, labels in (("channel", filt.channels), ("category", filt.categories)):
        if labels:
            codes = _codes(store, column, labels)
            add(np.isin(getattr(store, column)[sl], np.asarray(codes, dtype=np.int32)))
    if filt.agent is not None:
        code = store.label_code("agent", filt.agent)
        add(store.agent[sl] == (-2 if code is None else code))
    if filt.complaints_only:
        add(store.complaint[sl])
    return Selection(store, sl, mask)


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
