"""The vendor library: vendors with optimistic locking, qualification documents with
their files, expiry queries and a vendor's overview.

A stale save (someone else changed the vendor since it was loaded) raises
:class:`VendorConflictError` instead of overwriting — DESIGN.md "Storage".
Expiry: a document is *expired* when ``expires_on < today`` and *expiring* when
``today ≤ expires_on ≤ today + 30 days``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, fields
from typing import Any

from sqlalchemy import func, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from models.db import Database
from models.orm import (
    Inspection,
    InspectionStatus,
    Site,
    Vendor,
    VendorMetric,
    VendorQualification,
    VendorStatus,
)
from models.orm.org import site_vendors
from models.scorecards.audit import audit

EXPIRY_WARNING_DAYS = 30
MAX_FILE_BYTES = 50 * 1024 * 1024


class VendorConflictError(RuntimeError):
    """The vendor was changed by someone else since it was loaded; reload and redo."""


class VendorError(ValueError):
    """A vendor or document cannot be saved (English reason: duplicate code, bad dates…)."""


@dataclass(frozen=True)
class VendorRecord:
    """A vendor as edited. ``id``/``version`` are ``None`` for a new vendor."""

    code: str
    name: str
    service_category: str
    status: str = "active"
    contact_name: str | None = None
    contact_phone: str | None = None
    contact_email: str | None = None
    contract_start: dt.date | None = None
    contract_end: dt.date | None = None
    notes: str | None = None
    id: int | None = None
    version: int | None = None


@dataclass(frozen=True)
class QualificationRow:
    """A qualification document; ``state`` is ``expired``, ``expiring`` or ``valid``."""

    id: int
    vendor_id: int
    vendor_code: str
    vendor_name: str
    kind: str
    number: str | None
    issued_on: dt.date | None
    expires_on: dt.date | None
    file_name: str | None
    file_sha256: str | None
    state: str


@dataclass(frozen=True)
class VendorListRow:
    id: int
    code: str
    name: str
    service_category: str
    status: str
    contract_end: dt.date | None
    next_expiry: dt.date | None
    expiry_state: str  # worst state of its documents: expired / expiring / valid / none


def expiry_state(expires_on: dt.date | None, today: dt.date) -> str:
    """``expired`` / ``expiring`` (within 30 days) / ``valid`` (or no expiry)."""
    if expires_on is None:
        return "valid"
    if expires_on < today:
        return "expired"
    if expires_on <= today + dt.timedelta(days=EXPIRY_WARNING_DAYS):
        return "expiring"
    return "valid"


def list_vendor_rows(db: Database, search: str = "", category: str | None = None,
                     status: str | None = None, today: dt.date | None = None
                     ) -> list[VendorListRow]:
    """Vendors matching ``search`` (code, name, contact; case-insensitive), a category and
    a status, by code."""
    today = today or dt.date.today()
    with db.session() as s:
        q = select(Vendor).order_by(Vendor.code)
        if search.strip():
            like = f"%{search.strip().lower()}%"
            q = q.where(or_(func.lower(Vendor.code).like(like), func.lower(Vendor.name).like(like),
                            func.lower(func.coalesce(Vendor.contact_name, "")).like(like)))
        if category:
            q = q.where(Vendor.service_category == category)
        if status:
            q = q.where(Vendor.status == status)
        vendors = s.scalars(q).all()
        docs: dict[int, list[dt.date | None]] = {}
        for vid, exp in s.execute(select(VendorQualification.vendor_id,
                                         VendorQualification.expires_on)).all():
            docs.setdefault(vid, []).append(exp)
        out = []
        for v in vendors:
            dates = [d for d in docs.get(v.id, []) if d is not None]
            states = {expiry_state(d, today) for d in dates}
            worst = next((x for x in ("expired", "expiring") if x in states),
                         "valid" if docs.get(v.id) else "none")
            out.append(VendorListRow(v.id, v.code, v.name, v.service_category, str(v.status),
                                     v.contract_end, min(dates) if dates else None, worst))
        return out


def categories(db: Database) -> list[str]:
    with db.session() as s:
        return list(s.scalars(select(Vendor.service_category).distinct()
                              .order_by(Vendor.service_category)))


def get_vendor(db: Database, vendor_id: int) -> VendorRecord:
    """One vendor for the editor. Raises ``LookupError``."""
    with db.session() as s:
        v = s.get(Vendor, vendor_id)
        if v is None:
            raise LookupError(f"no vendor {vendor_id}")
        return _record(v)


def _record(v: Vendor) -> VendorRecord:
    return VendorRecord(v.code, v.name, v.service_category, str(v.status), v.contact_name,
                        v.contact_phone, v.contact_email, v.contract_start, v.contract_end,
                        v.notes, v.id, v.version)


def _check(rec: VendorRecord) -> None:
    if not rec.code.strip() or not rec.name.strip() or not rec.service_category.strip():
        raise VendorError("a vendor needs a code, a name and a service category")
    if rec.status not in {s.value for s in VendorStatus}:
        raise VendorError(f"unknown status {rec.status!r}")
    if rec.contract_start and rec.contract_end and rec.contract_end < rec.contract_start:
        raise VendorError("the contract ends before it starts")


def save_vendor(db: Database, rec: VendorRecord, user: str) -> VendorRecord:
    """Create (``id`` None) or update a vendor; returns it with its new version.

    Raises :class:`VendorError` (missing fields, bad dates, duplicate code) and
    :class:`VendorConflictError` when ``rec.version`` is no longer current.
    """
    _check(rec)
    names = [f.name for f in fields(VendorRecord) if f.name not in ("id", "version")]
    try:
        with db.transaction() as s:
            if rec.id is None:
                v = Vendor(**{n: getattr(rec, n) for n in names})
                s.add(v)
                s.flush()
                audit(s, user, "create", v.id, "vendor", None, rec.code, entity="vendor")
            else:
                old = s.get(Vendor, rec.id)
                if old is None:
                    raise LookupError(f"no vendor {rec.id}")
                before = _record(old)
                values: dict[str, Any] = {n: getattr(rec, n) for n in names}
                # Compare-and-set on the version column: a stale editor changes nothing.
                done = s.execute(update(Vendor).where(Vendor.id == rec.id,
                                                      Vendor.version == rec.version)
                                 .values(**values, version=Vendor.version + 1)
                                 .execution_options(synchronize_session=False))
                if done.rowcount != 1:  # type: ignore[attr-defined]
                    raise VendorConflictError(
                        f"vendor {before.code} was changed by someone else; reload it")
                for n in names:
                    audit(s, user, "update", rec.id, n, getattr(before, n), values[n],
                          entity="vendor")
                v = old
            vid = v.id
    except IntegrityError as exc:
        raise VendorError(f"the vendor code {rec.code!r} is taken") from exc
    return get_vendor(db, vid)


def delete_vendor(db: Database, vendor_id: int, user: str) -> None:
    """Delete a vendor with its documents (evaluations and metrics go with it)."""
    with db.transaction() as s:
        v = s.get(Vendor, vendor_id)
        if v is None:
            return
        audit(s, user, "delete", vendor_id, "vendor", v.code, None, entity="vendor")
        s.delete(v)


def qualifications(db: Database, vendor_id: int | None = None,
                   today: dt.date | None = None) -> list[QualificationRow]:
    """Documents (of one vendor, or all), soonest expiry first."""
    today = today or dt.date.today()
    with db.session() as s:
        q = (select(VendorQualification, Vendor.code, Vendor.name)
             .join(Vendor, Vendor.id == VendorQualification.vendor_id)
             .order_by(VendorQualification.expires_on.is_(None),
                       VendorQualification.expires_on, VendorQualification.id))
        if vendor_id is not None:
            q = q.where(VendorQualification.vendor_id == vendor_id)
        return [QualificationRow(d.id, d.vendor_id, code, name, d.kind, d.number, d.issued_on,
                                 d.expires_on, d.file_name, d.file_sha256,
                                 expiry_state(d.expires_on, today))
                for d, code, name in s.execute(q).all()]


def expiring(db: Database, today: dt.date | None = None) -> list[QualificationRow]:
    """Documents expiring within 30 days (today included)."""
    return [q for q in qualifications(db, today=today) if q.state == "expiring"]


def expired(db: Database, today: dt.date | None = None) -> list[QualificationRow]:
    """Documents already expired."""
    return [q for q in qualifications(db, today=today) if q.state == "expired"]


def save_qualification(db: Database, vendor_id: int, kind: str, number: str | None,
                       issued_on: dt.date | None, expires_on: dt.date | None, user: str,
                       *, file_name: str | None = None, content: bytes | None = None,
                       qualification_id: int | None = None) -> int:
    """Add or update a document; ``content`` (≤ 50 MB) is stored with its SHA-256.

    Raises :class:`VendorError` for an empty kind, expiry before issue, a too big file.
    """
    if not kind.strip():
        raise VendorError("name the kind of document")
    if issued_on and expires_on and expires_on < issued_on:
        raise VendorError("the document expires before it was issued")
    if content is not None and len(content) > MAX_FILE_BYTES:
        raise VendorError(f"the file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
    with db.transaction() as s:
        if qualification_id is None:
            d = VendorQualification(vendor_id=vendor_id, kind=kind)
            s.add(d)
        else:
            found = s.get(VendorQualification, qualification_id)
            if found is None:
                raise LookupError(f"no document {qualification_id}")
            d = found
        audit(s, user, "update", vendor_id, f"document {kind} expires_on",
              d.expires_on.isoformat() if d.expires_on else None,
              expires_on.isoformat() if expires_on else None, entity="vendor")
        d.kind, d.number, d.issued_on, d.expires_on = kind, number, issued_on, expires_on
        if content is not None:
            d.file_name, d.file_content = file_name, content
            d.file_sha256 = hashlib.sha256(content).hexdigest()
        s.flush()
        return d.id


def qualification_file(db: Database, qualification_id: int) -> tuple[str | None, bytes | None]:
    """The attached file's name and bytes (``(None, None)`` without a file)."""
    with db.session() as s:
        d = s.get(VendorQualification, qualification_id)
        return (d.file_name, d.file_content) if d else (None, None)


def delete_qualification(db: Database, qualification_id: int, user: str) -> None:
    with db.transaction() as s:
        d = s.get(VendorQualification, qualification_id)
        if d is not None:
            audit(s, user, "delete", d.vendor_id, f"document {d.kind}", d.number, None,
                  entity="vendor")
            s.delete(d)


def sites_of(s: Session, vendor_id: int) -> list[tuple[int, str, str]]:
    return [(r.id, r.code, r.name) for r in s.execute(
        select(Site.id, Site.code, Site.name).join(site_vendors,
                                                    site_vendors.c.site_id == Site.id)
        .where(site_vendors.c.vendor_id == vendor_id).order_by(Site.code)).all()]


@dataclass(frozen=True)
class VendorOverview:
    """What the vendor's page shows besides KPIs: sites with their inspection average
    (0–100, submitted inspections), metrics ``(period, metric, value, unit)``."""

    vendor: VendorRecord
    sites: tuple[tuple[int, str, str, float | None, int], ...]
    metrics: tuple[tuple[str, str, float, str | None], ...]


def vendor_overview(db: Database, vendor_id: int) -> VendorOverview:
    """Sites with inspection averages and imported metrics of one vendor. ``LookupError``."""
    rec = get_vendor(db, vendor_id)
    with db.session() as s:
        sites = []
        for sid, code, name in sites_of(s, vendor_id):
            avg, n = s.execute(select(func.avg(Inspection.score), func.count(Inspection.id))
                               .where(Inspection.site_id == sid,
                                      Inspection.status == InspectionStatus.SUBMITTED,
                                      Inspection.score.is_not(None))).one()
            sites.append((sid, code, name, float(avg) if avg is not None else None, int(n)))
        metrics = tuple((r.period_label, r.metric, r.value, r.unit) for r in s.execute(
            select(VendorMetric.period_label, VendorMetric.metric, VendorMetric.value,
                   VendorMetric.unit).where(VendorMetric.vendor_id == vendor_id)
            .order_by(VendorMetric.period_start.desc(), VendorMetric.metric)).all())
    return VendorOverview(rec, tuple(sites), metrics)


def vendor_ticket_kpis(db: Database, vendor_id: int, start: dt.datetime, end: dt.datetime,
                       store: Any = None, policies: Any = None) -> dict[str, Any] | None:
    """The vendor's ticket KPIs (``kpi --json`` keys) for ``[start, end)``; ``None`` when
    the KPI engine is not available. ``store``/``policies`` reuse loaded ones."""
    try:
        from models.kpi.api import TicketFilter, compute_kpis, load_policy_set, load_store

        store = store if store is not None else load_store(db)
        policies = policies if policies is not None else load_policy_set(db)
        result = compute_kpis(store, TicketFilter(start=start, end=end, vendor_ids=(vendor_id,)),
                              min(end, dt.datetime.now(dt.UTC)), policies)
    except (ImportError, NotImplementedError):
        return None
    return result.to_json()
