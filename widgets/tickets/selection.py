"""What the Tickets page is asked to show: a filter, the selector behind a click, a label.

The dashboard, the alerts panel and other pages emit a :class:`TicketSelection` through
``context.bus.open_tickets``; the main window hands it to ``TicketsPage.apply_filter``.
``ids`` may carry the exact ticket ids already (alerts); otherwise the Tickets page asks
the KPI engine (``ticket_ids(store, filt, selector, as_of=…, policies=…)``) so the list
is exactly the tickets behind the number that was clicked.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from models.kpi.api import IdArray, Selector, TicketFilter, ticket_ids


@dataclass(frozen=True, eq=False)
class TicketSelection:
    """A named set of tickets: ``label`` is already translated, shown in the banner."""

    label: str
    filt: TicketFilter = field(default_factory=TicketFilter)
    selector: Selector = field(default_factory=Selector)
    as_of: dt.datetime | None = None
    ids: IdArray | None = None
    without: str | None = None  # breakdown dimension the tickets have no value for

    def resolve(self, store: Any, policies: Any, now: dt.datetime) -> IdArray:
        """The exact ids, by creation time, on the KPI engine's ``store``."""
        if self.ids is not None:
            return np.asarray(self.ids, dtype=np.int64)
        ids = ticket_ids(store, self.filt, self.selector, as_of=self.as_of or now,
                         policies=policies)
        if self.without is not None:
            # a breakdown's "(none)" group has no TicketFilter: keep the ids whose
            # column is missing (−1) in the store
            rows = store.index_of(ids)
            ids = ids[getattr(store, self.without)[rows] < 0]
        return ids

    @classmethod
    def of_ids(cls, label: str, ids: object) -> TicketSelection:
        """A selection of explicit ticket ids (kept in the given order)."""
        return cls(label=label, ids=np.asarray(ids, dtype=np.int64))


__all__ = ["TicketSelection"]
