"""Reuse the ticket store the dashboard already loaded (``widgets.dashboard.store_holder``)
instead of loading every ticket again for an evaluation run or a vendor's KPIs."""

from __future__ import annotations

from contextlib import AbstractContextManager, nullcontext
from typing import Any

from widgets.common.context import PageContext


def shared_store(context: PageContext) -> tuple[Any, Any, AbstractContextManager[Any]]:
    """``(store, policies, read_lock)`` when a loaded store exists for ``context.db``,
    else ``(None, None, nullcontext())`` — the worker then loads its own."""
    try:
        from widgets.dashboard.store_holder import store_holder
    except ImportError:  # the dashboard is optional for these pages
        return None, None, nullcontext()
    holder = store_holder(context)
    if holder.ready and holder.store is not None:
        return holder.store, holder.policies, holder.lock
    return None, None, nullcontext()
