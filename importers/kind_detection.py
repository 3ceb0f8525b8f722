"""Which import kind a file holds — tickets, inspections or vendor metrics — from its headers.

Each kind has its own vocabulary: ticket fields (:data:`importers.fields.TICKET_FIELDS`),
inspection visit roles (:data:`importers.inspection_shapes.ROLE_SYNONYMS`) and vendor
roles plus metric names (:mod:`importers.vendor_metric_shapes`). A file is

* **vendor metrics** when it names a vendor and at least two vendor measures (metric
  columns, order-level measures, or a metric + value pair) and fewer than five ticket
  fields;
* **inspections** when it has a visit date, something an inspection yields (score,
  result, inspector, findings, a reference) and names more inspection roles than
  ticket fields;
* **tickets** when it names at least two ticket fields; else nothing (None).

Only headers are read, so detection costs nothing next to the import. Measured on the
real files in ``shared/data/real``: every ticket, inspection and vendor file is
recognised as its kind.
"""

from __future__ import annotations

from collections.abc import Sequence

from importers.fields import synonym_index
from importers.inspection_shapes import assign_roles
from importers.values import normalise_token
from importers.vendor_metric_shapes import ORDER_ROLES, metric_key, vendor_roles

KINDS = ("tickets", "inspections", "vendor-metrics")
INSPECTION_YIELDS = frozenset({"score", "max_score", "score_pct", "result", "inspector",
                               "notes", "ref"})


def detect_file_kind(headers: Sequence[object]) -> str | None:
    """The kind of a file with these headers (see the module doc), or None."""
    names = [str(h) if h is not None else "" for h in headers]
    index = synonym_index("tickets")
    ticket_fields = {index[k][0] for k in map(normalise_token, names) if k in index}
    vendor = vendor_roles(names)
    if vendor.keys() & {"vendor_code", "vendor_name"}:
        measures = sum(1 for h in names if h.strip() and metric_key(h)[1])
        measures += len(vendor.keys() & set(ORDER_ROLES))
        measures += 2 if {"metric", "value"} <= vendor.keys() else 0
        if measures >= 2 and len(ticket_fields) < 5:
            return "vendor-metrics"
    roles = assign_roles(names)
    if "visited_at" in roles and roles.keys() & INSPECTION_YIELDS and \
            len(roles) > len(ticket_fields):
        return "inspections"
    return "tickets" if len(ticket_fields) >= 2 else None
