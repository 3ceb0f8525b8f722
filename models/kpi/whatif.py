"""What-if: re-score the whole history under edited (unsaved) SLA policies or calendars.

The edited :class:`PolicySet` is measured exactly like a saved one (its policies'
effective dates still apply — widen them to re-score older tickets on purpose). A
calendar not saved yet can be referenced with a temporary negative ``id``. Results sit
side by side with the current figures: overall, per priority, per vendor and per site.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import numpy.typing as npt

from models.kpi import sla
from models.kpi.filtering import to_us
from models.kpi.groups import group_codes
from models.kpi.policy_types import PolicySet
from models.kpi.stats import wilson
from models.kpi.store import TicketStore
from models.kpi.types import Rate, WhatIfRow

I64 = npt.NDArray[np.int64]


def _parts(
    store: TicketStore, policies: PolicySet, as_of_us: int
) -> tuple[npt.NDArray[np.int8], npt.NDArray[np.int8]]:
    ev = sla.evaluate(store, policies)
    return (
        sla.outcomes(store.first_response, ev.response_deadline, as_of_us),
        sla.outcomes(store.resolved, ev.resolution_deadline, as_of_us),
    )


def _rates(codes: npt.NDArray[np.int8], groups: npt.NDArray[np.int32], g: int) -> list[Rate]:
    met = np.bincount(groups, weights=codes == sla.MET, minlength=g)
    n = np.bincount(groups, weights=(codes == sla.MET) | (codes == sla.BREACHED), minlength=g)
    return [wilson(int(met[i]), int(n[i])) for i in range(g)]


def _delta(a: Rate, b: Rate) -> float | None:
    return None if a.pct is None or b.pct is None else b.pct - a.pct


def what_if(
    store: TicketStore, current: PolicySet, edited: PolicySet, as_of: dt.datetime
) -> tuple[WhatIfRow, ...]:
    """Response and resolution SLA met % under ``current`` and ``edited``, with deltas
    in percentage points; groups without measured tickets under either set are left out."""
    as_of_us = to_us(as_of)
    cur_resp, cur_res = _parts(store, current, as_of_us)
    new_resp, new_res = _parts(store, edited, as_of_us)
    rows: list[WhatIfRow] = []
    scopes: list[tuple[str, npt.NDArray[np.int32], list[int | str | None]]] = [
        ("all", np.zeros(store.size, dtype=np.int32), [None])
    ]
    for by in ("priority", "vendor", "site"):
        codes, keys = group_codes(store, by)
        scopes.append((by, codes, keys))
    for scope, codes, keys in scopes:
        g = len(keys)
        rates = [_rates(c, codes, g) for c in (cur_resp, new_resp, cur_res, new_res)]
        for i, key in enumerate(keys):
            a, b, c, d = (r[i] for r in rates)
            if not (a.denominator or b.denominator or c.denominator or d.denominator):
                continue
            rows.append(
                WhatIfRow(
                    scope=scope,  # type: ignore[arg-type]
                    key=key,
                    label=_label(store, scope, key),
                    response_current=a,
                    response_edited=b,
                    response_delta_pct=_delta(a, b),
                    resolution_current=c,
                    resolution_edited=d,
                    resolution_delta_pct=_delta(c, d),
                )
            )
    return tuple(rows)


def _label(store: TicketStore, scope: str, key: int | str | None) -> str:
    if key is None:
        return ""
    if scope == "vendor":
        return store.vendor_names.get(int(key), str(key))
    if scope == "site":
        return store.site_names.get(int(key), str(key))
    return str(key)
