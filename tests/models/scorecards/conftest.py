"""A small world for scorecard tests: two cleaning vendors and one security vendor,
quarterly metrics, an expired licence, and a template with hand-checkable weights."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from models.db import Database
from models.orm import Site, Vendor, VendorMetric, VendorQualification
from models.scorecards.templates import CriterionDraft, TemplateSpec, save_template

Q3 = (dt.date(2026, 7, 1), dt.date(2026, 10, 1), "2026Q3")
Q2 = (dt.date(2026, 4, 1), dt.date(2026, 7, 1), "2026Q2")


@dataclass
class World:
    template_id: int
    vendors: dict[str, int]
    criteria: dict[str, int]


def make_world(db: Database, first_name: str = "Alpha Clean") -> World:
    with db.transaction() as s:
        site = Site(code="S1", name="Store 1")
        vs = {
            "A": Vendor(code="A", name=first_name, service_category="cleaning"),
            "B": Vendor(code="B", name="Beta Clean", service_category="cleaning"),
            "C": Vendor(code="C", name="Gamma Guard", service_category="security"),
        }
        for v in vs.values():
            v.sites.append(site)
        s.add_all([site, *vs.values()])
        s.flush()
        values = {"A": (95.0, 1.0, 98.0), "B": (85.0, 3.0, 104.0), "C": (90.0, 2.0, 99.0)}
        for code, (on_time, breaches, price) in values.items():
            for metric, value, unit in (("on_time_rate_pct", on_time, "%"),
                                        ("breach_count", breaches, "count"),
                                        ("price_index", price, "index")):
                s.add(VendorMetric(vendor_id=vs[code].id, period_start=Q3[0],
                                   period_end=Q3[1], period_label=Q3[2], metric=metric,
                                   value=value, unit=unit))
        s.add(VendorMetric(vendor_id=vs["B"].id, period_start=Q2[0], period_end=Q2[1],
                           period_label=Q2[2], metric="defect_rate_pct", value=2.75, unit="%"))
        s.add(VendorQualification(vendor_id=vs["C"].id, kind="business_licence",
                                  issued_on=dt.date(2016, 1, 1),
                                  expires_on=dt.date(2026, 8, 31)))
        ids = {k: v.id for k, v in vs.items()}
    spec = TemplateSpec(
        code="T", name="Test scorecard",
        criteria=(
            CriterionDraft("On-time", 40, "vendor_metric", "on_time_rate_pct", worst=80, best=100),
            CriterionDraft("Defects", 20, "vendor_metric", "defect_rate_pct", worst=5, best=0.5,
                           missing_rule="carry"),
            CriterionDraft("Price", 20, "vendor_metric", "price_index", normalisation="bands",
                           bands=({"min": 0, "score": 100}, {"min": 100, "score": 50})),
            CriterionDraft("Attitude", 20, "manual", worst=0, best=100),
        ),
        veto_rules=({"kind": "qualification_expired", "qualification": "business_licence"},
                    {"kind": "metric_above", "metric": "breach_count", "limit": 2},
                    {"kind": "serious_breach"}),
    )
    saved = save_template(db, spec, "lead")
    assert saved.id is not None
    return World(saved.id, ids, {c.name: c.id for c in saved.criteria if c.id is not None})


@pytest.fixture
def world(db: Database) -> World:
    return make_world(db)
