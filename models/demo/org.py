"""Demo sites, vendors, qualification documents and quarterly vendor metrics (ORM, small)."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from sqlalchemy.orm import Session

from models.demo.documents import demo_pdf, sha256
from models.demo.reference import (
    CLEANING,
    EXPIRED_LICENCE_VENDOR,
    EXPIRING_ISO_VENDOR,
    QUALIFICATION_KINDS,
    SITE_KIND_SERVICES,
    SITES,
    VENDOR_METRICS,
    VENDORS,
    VendorSpec,
)
from models.orm import Site, Vendor, VendorMetric, VendorQualification, VendorStatus

EXPIRING_IN_DAYS = 18
"""The one expiring document expires this many days after ``now`` (inside the 30-day alert)."""
EXPIRED_DAYS_AGO = 12
"""The one expired document expired this many days before ``now``."""


@dataclass(frozen=True)
class DemoOrg:
    """What the ticket generator needs to know about the demo's sites and vendors.

    Lists are parallel to ``SITES`` / ``VENDORS``; ``site_vendors[s]`` holds the indexes
    (into ``VENDORS``) of the vendors that serve site ``s``.
    """

    site_ids: list[int]
    vendor_ids: list[int]
    site_vendors: list[list[int]]
    qualifications: int
    vendor_metrics: int


def add_org(session: Session, rng: random.Random, now: dt.datetime) -> DemoOrg:
    """Insert the 20 sites, 8 vendors (with who serves where), documents and metrics."""
    today = now.date()
    vendors = [_vendor(spec, rng, today) for spec in VENDORS]
    session.add_all(vendors)  # alone first, so that ids follow the codes
    session.flush()
    served = _assign_vendors(rng)
    sites = [
        Site(code=s.code, name=s.name, city=s.city, address=s.address, kind=s.kind,
             vendors=[vendors[v] for v in vendor_indexes])
        for s, vendor_indexes in zip(SITES, served, strict=True)
    ]
    session.add_all(sites)
    session.flush()
    quals = [q for spec, vendor in zip(VENDORS, vendors, strict=True)
             for q in _qualifications(spec, vendor, rng, today)]
    session.add_all(quals)
    session.flush()
    metrics = [
        m for spec, vendor in zip(VENDORS, vendors, strict=True)
        for m in _metrics(spec, vendor.id, rng, today)
    ]
    session.add_all(metrics)
    session.flush()
    return DemoOrg(
        site_ids=[s.id for s in sites],
        vendor_ids=[v.id for v in vendors],
        site_vendors=served,
        qualifications=len(quals),
        vendor_metrics=len(metrics),
    )


def _vendor(spec: VendorSpec, rng: random.Random, today: dt.date) -> Vendor:
    start = today - dt.timedelta(days=rng.randint(200, 1100))
    end = start + dt.timedelta(days=3 * 365)
    while end < today + dt.timedelta(days=60):  # renewed in time
        end += dt.timedelta(days=2 * 365)
    if spec.probation:
        end = today + dt.timedelta(days=45)
    return Vendor(
        code=spec.code,
        name=spec.name,
        service_category=spec.service,
        contact_name=spec.contact,
        contact_phone=spec.phone,
        contact_email=spec.email,
        contract_start=start,
        contract_end=max(end, start),
        status=VendorStatus.PROBATION if spec.probation else VendorStatus.ACTIVE,
        notes=(
            "整改期：维修响应慢，营业执照已过期 / On probation: slow repairs, licence expired"
            if spec.probation
            else None
        ),
    )


def _assign_vendors(rng: random.Random) -> list[list[int]]:
    """1–3 vendors per site: always a cleaner, plus services its kind of site buys."""
    by_service: dict[str, list[int]] = {}
    for i, spec in enumerate(VENDORS):
        by_service.setdefault(spec.service, []).append(i)
    served: list[list[int]] = []
    for site in SITES:
        chosen = [rng.choice(by_service[CLEANING])]
        extras = rng.sample(SITE_KIND_SERVICES[site.kind], k=rng.choice((0, 1, 2, 2)))
        chosen += [rng.choice(by_service[service]) for service in extras]
        served.append(chosen)
    # Every vendor serves somewhere: give an idle one to a site with room and a matching need.
    for v, spec in enumerate(VENDORS):
        if any(v in s for s in served):
            continue
        room = [i for i, s in enumerate(served) if len(s) < 3 and spec.service not in
                {VENDORS[x].service for x in s}]
        fitting = [i for i in room if spec.service in SITE_KIND_SERVICES[SITES[i].kind]]
        served[rng.choice(fitting or room)].append(v)
    return served


def _qualifications(
    spec: VendorSpec, vendor: Vendor, rng: random.Random, today: dt.date
) -> list[VendorQualification]:
    """Business licence, ISO 9001 and a permit where the trade needs one.

    Exactly one document is expired (:data:`EXPIRED_LICENCE_VENDOR`'s licence) and exactly
    one expires within 30 days (:data:`EXPIRING_ISO_VENDOR`'s ISO 9001); every other one
    is valid for at least six more months or has no expiry.
    """
    docs: list[VendorQualification] = []
    issued = today - dt.timedelta(days=rng.randint(3 * 365, 12 * 365))
    expires: dt.date | None = None if rng.random() < 0.5 else issued + dt.timedelta(days=20 * 365)
    if spec.code == EXPIRED_LICENCE_VENDOR:
        expires = today - dt.timedelta(days=EXPIRED_DAYS_AGO)
        issued = expires - dt.timedelta(days=10 * 365)
    credit_code = "91" + "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(16))
    docs.append(_doc(vendor, "business_licence", credit_code, issued, expires))

    issued = today - dt.timedelta(days=rng.randint(100, 900))
    expires = issued + dt.timedelta(days=3 * 365)
    if spec.code == EXPIRING_ISO_VENDOR:
        expires = today + dt.timedelta(days=EXPIRING_IN_DAYS)
        issued = expires - dt.timedelta(days=3 * 365)
    docs.append(_doc(vendor, "iso9001", f"CN-QMS-{rng.randint(100000, 999999)}", issued, expires))

    if spec.permit:
        kind, prefix = spec.permit
        issued = today - dt.timedelta(days=rng.randint(200, 1000))
        expires = issued + dt.timedelta(days=5 * 365)
        docs.append(_doc(vendor, kind, f"{prefix}{rng.randint(10**9, 10**10 - 1)}", issued,
                         expires))
    return docs


def _doc(
    vendor: Vendor, kind: str, number: str, issued: dt.date, expires: dt.date | None
) -> VendorQualification:
    """A document with a small PDF "scan" attached, as a buyer would have filed it."""
    content = demo_pdf([
        "ServiceLens demo document (not a real certificate)",
        QUALIFICATION_KINDS[kind].split(" / ")[-1],
        f"Holder: {vendor.code} {vendor.name.split(' / ')[-1]}",
        f"Number: {number}",
        f"Issued: {issued.isoformat()}",
        f"Valid until: {expires.isoformat() if expires else 'no expiry'}",
    ])
    return VendorQualification(
        vendor=vendor, kind=kind, number=number, issued_on=issued, expires_on=expires,
        file_name=f"{vendor.code}_{kind}.pdf", file_sha256=sha256(content), file_content=content,
    )


def quarters_before(today: dt.date, count: int) -> list[tuple[dt.date, dt.date, str]]:
    """The ``count`` complete calendar quarters before ``today``: (start, end exclusive, label)."""
    q_start = dt.date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
    periods: list[tuple[dt.date, dt.date, str]] = []
    end = q_start
    for _ in range(count):
        month = end.month - 3
        start = dt.date(end.year - (month < 1), month + 12 if month < 1 else month, 1)
        periods.append((start, end, f"{start.year}Q{(start.month - 1) // 3 + 1}"))
        end = start
    return periods[::-1]


def _metrics(
    spec: VendorSpec, vendor_id: int, rng: random.Random, today: dt.date
) -> list[VendorMetric]:
    """Four quarters of the five vendor metrics; a slower vendor (``quality`` > 1) scores worse
    and the probation vendor is drifting down."""
    rows: list[VendorMetric] = []
    for q, (start, end, label) in enumerate(quarters_before(today, 4)):
        slack = spec.quality - 0.85 + (0.06 * q if spec.probation else 0.0)
        values = {
            "on_time_rate_pct": min(100.0, 98.5 - 14 * slack + rng.gauss(0, 1.0)),
            "contract_fulfilment_pct": min(100.0, 99.0 - 9 * slack + rng.gauss(0, 0.8)),
            "breach_count": float(max(0, round(rng.gauss(0.3 + 6 * slack, 0.8)))),
            "defect_rate_pct": max(0.1, 0.8 + 5 * slack + rng.gauss(0, 0.3)),
            "price_index": 100 + 6 * (1 - spec.quality) + rng.gauss(0, 2.5),
        }
        rows += [
            VendorMetric(
                vendor_id=vendor_id, period_start=start, period_end=end, period_label=label,
                metric=metric, value=round(values[metric], 1), unit=unit,
            )
            for metric, unit in VENDOR_METRICS
        ]
    return rows
