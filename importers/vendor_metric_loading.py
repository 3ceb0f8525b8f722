"""Writing vendor metrics: matching vendors, upserting figures, undoing a batch.

Vendors are matched by code (case-insensitive), else by name (case-insensitive, also
against codes, because files often name a vendor by its short code). **Unknown vendors**
(decision, recorded in DESIGN terms: a user would rather confirm a list than retype a
file): with ``create_vendors`` (the default) they are created with
``service_category = "unknown"`` and a note naming the batch, and the report lists them
so the vendor manager can confirm, rename or merge them in the vendor library; undoing
the batch removes them again unless something else now refers to them. Without
``create_vendors`` their rows are rejected ("unknown vendor").

Figures are upserted by (vendor, period_start, period_end, metric): an existing figure
is saved as an :class:`ImportRowBackup` before it is overwritten.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, func, insert, select, tuple_, update
from sqlalchemy.orm import Session

from importers.inspection_loading import table_of
from importers.vendor_metric_rows import Error, MetricRecord
from models.orm import ImportBatch, ImportRowBackup, Vendor, VendorMetric
from models.orm.scorecards import Evaluation

UNKNOWN_CATEGORY = "unknown"
CHUNK = 300


@dataclass
class VendorResolution:
    ids: dict[str, int]  # vendor key → id
    created: list[tuple[int, str]] = field(default_factory=list)  # (id, name)
    rejected: list[Error] = field(default_factory=list)


def vendor_key(r: MetricRecord) -> str:
    return (r.vendor_code or r.vendor_name or "").casefold()


def resolve_vendors(s: Session, records: Sequence[MetricRecord], *, create: bool,
                    batch_id: int, file_name: str) -> VendorResolution:
    """Vendor id per record key, creating unknown vendors when ``create``."""
    wanted: dict[str, MetricRecord] = {}
    for r in records:
        wanted.setdefault(vendor_key(r), r)
    by_code = {c.casefold(): i for c, i in s.execute(select(Vendor.code, Vendor.id))}
    by_name = {n.casefold(): i for n, i in s.execute(select(Vendor.name, Vendor.id))}
    res = VendorResolution({})
    missing: list[MetricRecord] = []
    for key, r in wanted.items():
        vid = by_code.get(r.vendor_code.casefold()) if r.vendor_code else None
        if vid is None and r.vendor_name:
            name = r.vendor_name.casefold()
            vid = by_name.get(name, by_code.get(name))
        if vid is None:
            missing.append(r)
        else:
            res.ids[key] = vid
    if not create:
        res.rejected = [(r.row, "vendor", r.vendor_code or r.vendor_name, "unknown_vendor",
                         "unknown vendor (create it in the vendor library first)")
                        for r in missing]
        return res
    for r in missing:
        name = (r.vendor_name or r.vendor_code or "?")[:200]
        code = _free_code(r.vendor_code or name, by_code)
        vendor = Vendor(code=code, name=name, service_category=UNKNOWN_CATEGORY,
                        notes=f"Created by import batch {batch_id} ({file_name}); "
                        "please confirm the category and details.")
        s.add(vendor)
        s.flush()
        by_code[code.casefold()] = vendor.id
        res.ids[vendor_key(r)] = vendor.id
        res.created.append((vendor.id, name))
    return res


def _free_code(text: str, taken: dict[str, int]) -> str:
    base = re.sub(r"\s+", "-", text.strip())[:60] or "vendor"
    code, n = base, 2
    while code.casefold() in taken:
        code, n = f"{base}-{n}", n + 1
    return code


def upsert_metrics(s: Session, batch: ImportBatch, records: Sequence[MetricRecord],
                   vendor_ids: dict[str, int]) -> tuple[int, int]:
    """Insert or update every record (by vendor, period, metric); returns (inserted, updated)."""
    rows = [{"vendor_id": vendor_ids[vendor_key(r)], "period_start": r.period.start,
             "period_end": r.period.end, "period_label": r.period.label, "metric": r.metric,
             "value": r.value, "unit": r.unit, "import_batch_id": batch.id}
            for r in records if vendor_key(r) in vendor_ids]
    keys = [(r["vendor_id"], r["period_start"], r["period_end"], r["metric"]) for r in rows]
    existing: dict[tuple[Any, ...], VendorMetric] = {}
    key_cols = tuple_(VendorMetric.vendor_id, VendorMetric.period_start,
                      VendorMetric.period_end, VendorMetric.metric)
    for k in range(0, len(keys), CHUNK):
        for m in s.scalars(select(VendorMetric).where(key_cols.in_(keys[k:k + CHUNK]))):
            existing[(m.vendor_id, m.period_start, m.period_end, m.metric)] = m
    fresh = [r for r, k in zip(rows, keys, strict=True) if k not in existing]
    stale = [(r, existing[k]) for r, k in zip(rows, keys, strict=True) if k in existing]
    if stale:
        s.execute(insert(ImportRowBackup), [
            {"batch_id": batch.id, "table_name": "vendor_metrics", "row_id": m.id,
             "previous": {"value": m.value, "unit": m.unit, "period_label": m.period_label,
                          "import_batch_id": m.import_batch_id}} for _r, m in stale])
        s.execute(update(VendorMetric), [
            {"id": m.id, "value": r["value"], "unit": r["unit"],
             "period_label": r["period_label"], "import_batch_id": batch.id}
            for r, m in stale])
    if fresh:
        s.execute(insert(table_of(VendorMetric)), fresh)
    return len(fresh), len(stale)


def undo_vendor_metric_batch(s: Session, batch: ImportBatch) -> None:
    """Remove the figures ``batch`` inserted, restore those it updated, and remove the
    vendors it created when no figure or evaluation refers to them any more."""
    backups = s.scalars(select(ImportRowBackup).where(
        ImportRowBackup.batch_id == batch.id,
        ImportRowBackup.table_name == "vendor_metrics")).all()
    restored = [b.row_id for b in backups]
    stmt = delete(VendorMetric).where(VendorMetric.import_batch_id == batch.id)
    if restored:
        stmt = stmt.where(VendorMetric.id.not_in(restored))
    s.execute(stmt)
    for b in backups:
        s.execute(update(VendorMetric).where(VendorMetric.id == b.row_id).values(**b.previous))
    for vid in (batch.report or {}).get("created", {}).get("vendors", []):
        used = s.scalar(select(func.count()).select_from(VendorMetric)
                        .where(VendorMetric.vendor_id == vid))
        used = used or s.scalar(select(func.count()).select_from(Evaluation)
                                .where(Evaluation.vendor_id == vid))
        if not used:
            s.execute(delete(Vendor).where(Vendor.id == vid))

