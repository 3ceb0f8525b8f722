"""The real vendor files in ../shared/data/real/vendors import with the default mapping;
their order rows are aggregated, and the figures equal a plain recomputation."""

from __future__ import annotations

import csv
import datetime as dt
from collections import defaultdict
from pathlib import Path

import pytest
from sqlalchemy import func, select

from importers.job import import_file, read_file
from importers.vendor_metrics import VendorMetricImportOptions, import_vendor_metrics
from models.db import Database
from models.orm import Vendor, VendorMetric
from tests.conftest import REAL_DATA

DIR = REAL_DATA / "vendors"
PROCUREMENT = DIR / "procurement_kpi_multisheet_csv_in_one_column_febriatk.xlsx"
SUPPLY_CHAIN = DIR / "kaggle_supply_chain_data_suppliers_Abhinav1018.csv"


def figures(db: Database) -> dict[tuple[str, str, str], float]:
    with db.session() as s:
        rows = s.execute(select(Vendor.name, VendorMetric.period_label, VendorMetric.metric,
                                VendorMetric.value).join(Vendor)).all()
    return {(n, p, m): v for n, p, m, v in rows}


def test_procurement_orders_per_supplier_and_month(db: Database) -> None:
    table = read_file(PROCUREMENT)
    assert table.sheet == "Procurement Dataset"  # not the CSV pasted into one column
    report = import_vendor_metrics(table, db)
    assert (report.rows, report.rejected, report.inserted) == (777, 0, 486)
    assert any("777 order rows aggregated per vendor and month into 122" in w
               for w in report.warnings)
    assert any("Alpha_Inc" in w and "please confirm" in w for w in report.warnings)
    assert "columns from profile 'Procurement KPI dataset (purchase orders)'" in report.warnings
    got = figures(db)
    assert got[("Alpha_Inc", "2022-01", "order_count")] == 8
    assert got[("Alpha_Inc", "2022-01", "on_time_rate_pct")] == pytest.approx(600 / 7)
    assert got[("Alpha_Inc", "2022-01", "defect_rate_pct")] == pytest.approx(2.382960776)
    assert got[("Alpha_Inc", "2022-01", "compliance_pct")] == 100.0
    with db.session() as s:
        vendors = s.execute(select(Vendor.name, Vendor.service_category)).all()
        months = s.scalar(select(func.count(func.distinct(VendorMetric.period_label))))
        counts = s.scalar(select(func.sum(VendorMetric.value)).where(
            VendorMetric.metric == "order_count"))
    assert sorted(vendors) == [(n, "unknown") for n in (
        "Alpha_Inc", "Beta_Supplies", "Delta_Logistics", "Epsilon_Group", "Gamma_Co")]
    assert months == 25 and counts == 777


def test_supply_chain_without_period_takes_the_option(db: Database) -> None:
    report = import_vendor_metrics(read_file(SUPPLY_CHAIN), db,
                                   VendorMetricImportOptions(period="2026Q1"))
    assert (report.rows, report.rejected, report.inserted) == (100, 0, 20)
    assert any("every figure is for 2026Q1" in w for w in report.warnings)
    expected: dict[str, list[dict[str, str]]] = defaultdict(list)
    with open(SUPPLY_CHAIN, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            expected[row["Supplier name"]].append(row)
    got = figures(db)
    for name, rows in expected.items():
        passed = sum(r["Inspection results"] == "Pass" for r in rows)
        failed = sum(r["Inspection results"] == "Fail" for r in rows)
        assert got[(name, "2026Q1", "order_count")] == len(rows)
        assert got[(name, "2026Q1", "defect_rate_pct")] == pytest.approx(
            sum(float(r["Defect rates"]) for r in rows) / len(rows))
        assert got[(name, "2026Q1", "lead_time_days")] == pytest.approx(  # not "Lead times"
            sum(float(r["Lead time"]) for r in rows) / len(rows))
        assert got[(name, "2026Q1", "inspection_pass_rate_pct")] == pytest.approx(
            100 * passed / (passed + failed))
    assert got[("Supplier 1", "2026Q1", "lead_time_days")] == pytest.approx(14.7777778)


def test_through_the_job_default_period_and_reimport(db: Database, db_path: Path) -> None:
    url = f"sqlite:///{db_path}"
    first = import_file(SUPPLY_CHAIN, url, kind="vendor-metrics", options={"period": "2025Q4"})
    again = import_file(SUPPLY_CHAIN, url, kind="vendor-metrics", force=True,
                        options={"period": "2025Q4"})
    today = import_file(SUPPLY_CHAIN, url, kind="vendor-metrics", force=True)
    assert (first.inserted, again.inserted, again.updated) == (20, 0, 20)
    assert "columns from profile 'Kaggle supply-chain data (products by supplier)'" in (
        first.warnings)
    quarter = (dt.date.today().month - 1) // 3 + 1
    assert any(f"{dt.date.today().year}Q{quarter}" in w for w in today.warnings)
    assert today.inserted == 20 and len(figures(db)) == 40  # another quarter, more figures
