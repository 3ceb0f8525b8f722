"""Dense per-ticket codes for each breakdown dimension (cached on the store)."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from models.kpi.store import TicketStore
from models.kpi.types import PRIORITIES, BreakdownBy

GroupKeys = list[int | str | None]


def group_codes(store: TicketStore, by: BreakdownBy) -> tuple[npt.NDArray[np.int32], GroupKeys]:
    """Store-sized dense group codes (0 = no value) and the key of each code (cached)."""
    cache_key = ("groups", by)
    hit = store.cached(cache_key)
    if hit is not None:
        return hit  # type: ignore[return-value]
    keys: GroupKeys
    if by in ("vendor", "site"):
        raw = store.vendor if by == "vendor" else store.site
        ids, inverse = np.unique(raw, return_inverse=True)
        codes = inverse.astype(np.int32)
        if ids.size and ids[0] == -1:
            keys = [None, *(int(i) for i in ids[1:])]
        else:
            codes += 1
            keys = [None, *(int(i) for i in ids)]
    elif by == "priority":
        codes = store.priority.astype(np.int32) + 1
        keys = [None, *PRIORITIES]
    elif by in ("channel", "category", "agent"):
        codes = getattr(store, by).astype(np.int32) + 1
        keys = [None, *getattr(store, f"{by}_labels")]
    else:
        raise ValueError(f"unknown breakdown {by!r}")
    store.put_cache(cache_key, (codes, keys))
    return codes, keys


def nps_classes(store: TicketStore) -> npt.NDArray[np.int8]:
    """Per ticket: 0 no NPS answer, 1 detractor (0–6), 2 passive (7–8), 3 promoter (9–10)."""
    hit = store.cached(("nps_classes",))
    if hit is not None:
        return hit  # type: ignore[return-value]
    out = np.zeros(store.size, dtype=np.int8)
    out[store.nps <= 6] = 1
    out[(store.nps >= 7) & (store.nps <= 8)] = 2
    out[store.nps >= 9] = 3
    store.put_cache(("nps_classes",), out)
    return out
