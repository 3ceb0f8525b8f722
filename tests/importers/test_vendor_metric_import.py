"""Vendor metrics import: period parsing, long/wide/order shapes built here, metric
synonyms, unknown vendors, re-import as update, undo — SQLite and once PostgreSQL."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from importers.batches import BatchUndoError
from importers.periods import Period, current_quarter, parse_period
from importers.table import ImportRefused
from importers.vendor_metrics import (
    VendorMetricImportOptions,
    import_vendor_metrics,
    undo_vendor_metric_import,
)
from models.db import Database
from models.orm import ImportBatch, Vendor, VendorMetric
from tests.importers.test_inspection_import import write_csv, write_xlsx

D = dt.date


@pytest.mark.parametrize(("text", "label", "start", "end"), [
    ("2026-03", "2026-03", D(2026, 3, 1), D(2026, 4, 1)),
    ("2026/3", "2026-03", D(2026, 3, 1), D(2026, 4, 1)),
    ("2026年3月", "2026-03", D(2026, 3, 1), D(2026, 4, 1)),
    ("Mar 2026", "2026-03", D(2026, 3, 1), D(2026, 4, 1)),
    ("March 2026", "2026-03", D(2026, 3, 1), D(2026, 4, 1)),
    ("202612", "2026-12", D(2026, 12, 1), D(2027, 1, 1)),
    ("2026Q1", "2026Q1", D(2026, 1, 1), D(2026, 4, 1)),
    ("2026 Q1", "2026Q1", D(2026, 1, 1), D(2026, 4, 1)),
    ("Q4 2026", "2026Q4", D(2026, 10, 1), D(2027, 1, 1)),
    ("2026-q2", "2026Q2", D(2026, 4, 1), D(2026, 7, 1)),
    ("2026年第1季度", "2026Q1", D(2026, 1, 1), D(2026, 4, 1)),
    ("2026年三季度", "2026Q3", D(2026, 7, 1), D(2026, 10, 1)),
    ("2026H2", "2026H2", D(2026, 7, 1), D(2027, 1, 1)),
    ("2026年上半年", "2026H1", D(2026, 1, 1), D(2026, 7, 1)),
    ("2026", "2026", D(2026, 1, 1), D(2027, 1, 1)),
    ("2026年", "2026", D(2026, 1, 1), D(2027, 1, 1)),
    (2026, "2026", D(2026, 1, 1), D(2027, 1, 1)),
    ("2026-03-15", "2026-03", D(2026, 3, 1), D(2026, 4, 1)),
    ("2026年3月15日", "2026-03", D(2026, 3, 1), D(2026, 4, 1)),
    (dt.datetime(2026, 3, 31, 23, 0), "2026-03", D(2026, 3, 1), D(2026, 4, 1)),
    (D(2025, 12, 5), "2025-12", D(2025, 12, 1), D(2026, 1, 1)),
    (46000, "2025-12", D(2025, 12, 1), D(2026, 1, 1)),  # an Excel day serial
])
def test_parse_period(text: Any, label: str, start: dt.date, end: dt.date) -> None:
    assert parse_period(text) == Period(start, end, label)


@pytest.mark.parametrize("text", ["2026-13", "2026Q5", "foo", "", None, True, "13/2026"])
def test_parse_period_refuses(text: Any) -> None:
    assert parse_period(text) is None


def test_current_quarter() -> None:
    assert current_quarter(D(2026, 11, 21)).label == "2026Q4"
    assert current_quarter(D(2026, 1, 1)) == Period(D(2026, 1, 1), D(2026, 4, 1), "2026Q1")


def figures(db: Database) -> dict[tuple[str, str, str], float]:
    with db.session() as s:
        rows = s.execute(select(Vendor.name, VendorMetric.period_label, VendorMetric.metric,
                                VendorMetric.value).join(Vendor)).all()
    return {(n, p, m): v for n, p, m, v in rows}


def add_vendor(db: Database, code: str, name: str) -> None:
    with db.transaction() as s:
        s.add(Vendor(code=code, name=name, service_category="cleaning"))


def test_wide_chinese_headers_mixed_periods(db: Database, tmp_path: Path) -> None:
    add_vendor(db, "V001", "洁净物业")
    table = write_xlsx(tmp_path / "wide.xlsx", [
        ["供应商编号", "供应商", "期间", "准时交付率", "合同履约率", "违约次数", "价格指数",
         "服务评分"],
        ["V001", "洁净物业", "2026年3月", 0.975, 0.99, 0, 102.5, 88],
        ["V002", "快达物流", "2026Q1", 0.9, 0.95, 2, 98, 75],
        ["V003", "安保公司", "Mar 2026", 0.8, None, 1, "n/a", 70],
        ["", None, "2026-03", 0.5, 0.5, 0, 100, 60],
    ])
    report = import_vendor_metrics(table, db)
    assert report.rejected == 2
    assert {(e.row, e.code) for e in report.errors} == {(4, "unparseable"), (5, "missing_required")}
    got = figures(db)
    assert got[("洁净物业", "2026-03", "on_time_rate_pct")] == pytest.approx(97.5)
    assert got[("洁净物业", "2026-03", "contract_fulfilment_pct")] == pytest.approx(99.0)
    assert got[("快达物流", "2026Q1", "breach_count")] == 2.0
    assert got[("洁净物业", "2026-03", "price_index")] == 102.5
    assert got[("洁净物业", "2026-03", "服务评分")] == 88.0
    assert len(got) == 10 and report.inserted == 10
    assert any("服务评分" in w for w in report.warnings)
    assert any("fractions read as percent" in w for w in report.warnings)
    with db.session() as s:
        new = s.scalars(select(Vendor).where(Vendor.code == "V002")).one()
        assert (new.name, new.service_category) == ("快达物流", "unknown")
        metric = s.scalars(select(VendorMetric).where(VendorMetric.metric == "breach_count")
                           .where(VendorMetric.vendor_id == new.id)).one()
        assert (metric.period_start, metric.period_end, metric.unit) == (
            D(2026, 1, 1), D(2026, 4, 1), "count")
    assert any("快达物流" in w and "please confirm" in w for w in report.warnings)


def test_long_form_synonyms_and_duplicates(db: Database, tmp_path: Path) -> None:
    table = write_csv(tmp_path / "long.csv", [
        ["Supplier", "Period", "Metric", "Value", "Unit"],
        ["Acme", "2026 Q2", "On-time rate", "96.5%", ""],
        ["Acme", "2026 Q2", "缺陷率", "0.4", "%"],
        ["Acme", "2026 Q2", "Lead time", "5", ""],
        ["Acme", "2026 Q2", "On time rate", "90", ""],
        ["Acme", "2026-13", "On-time rate", "90", ""],
        ["Acme", "2026 Q2", "Green score", "7", "pts"],
    ])
    report = import_vendor_metrics(table, db)
    assert [(e.row, e.code) for e in report.errors] == [(5, "duplicate_figure"),
                                                        (6, "unparseable")]
    got = figures(db)
    assert got == {("Acme", "2026Q2", "on_time_rate_pct"): 96.5,
                   ("Acme", "2026Q2", "defect_rate_pct"): 0.4,
                   ("Acme", "2026Q2", "lead_time_days"): 5.0,
                   ("Acme", "2026Q2", "green_score"): 7.0}
    with db.session() as s:
        units = dict(s.execute(select(VendorMetric.metric, VendorMetric.unit)).all())
    assert units["lead_time_days"] == "days" and units["green_score"] == "pts"


def test_unknown_vendors_rejected_when_not_created(db: Database, tmp_path: Path) -> None:
    add_vendor(db, "ACME", "Acme Cleaning")
    table = write_csv(tmp_path / "w.csv", [
        ["Vendor", "Month", "On-time rate"], ["acme cleaning", "2026-01", "95"],
        ["ACME", "2026-02", "97"], ["Nobody Ltd", "2026-01", "80"]])
    report = import_vendor_metrics(table, db, VendorMetricImportOptions(create_vendors=False))
    assert [(e.row, e.code, e.value) for e in report.errors] == [
        (4, "unknown_vendor", "Nobody Ltd")]
    assert report.inserted == 2
    assert set(figures(db)) == {("Acme Cleaning", "2026-01", "on_time_rate_pct"),
                                ("Acme Cleaning", "2026-02", "on_time_rate_pct")}
    strict = import_vendor_metrics(write_csv(tmp_path / "x.csv", [
        ["Vendor", "Month", "On-time rate"], ["Nobody Ltd", "2026-03", "80"]]), db,
        VendorMetricImportOptions(create_vendors=False, skip_invalid=False))
    assert strict.batch is None and strict.rejected == 1
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(ImportBatch)) == 1


def test_orders_aggregated_per_vendor_and_month(db: Database, tmp_path: Path) -> None:
    table = write_xlsx(tmp_path / "po.xlsx", [
        ["PO", "Supplier", "Order_Date", "Order_Status", "Quantity", "Defective_Units",
         "Compliance", "is_ontime"],
        ["P1", "Acme", dt.datetime(2026, 1, 5), "Delivered", 100, 2, "Yes", 1],
        ["P2", "Acme", dt.datetime(2026, 1, 20), "Delivered", 300, 6, "No", 0],
        ["P3", "Acme", dt.datetime(2026, 1, 25), "Cancelled", 50, None, "Yes", 0],
        ["P4", "Acme", dt.datetime(2026, 2, 1), "Partially Delivered", 10, 1, "Yes", 1],
        ["P5", "Bolt", dt.datetime(2026, 1, 9), "Pending", 10, None, "Yes", 1],
        ["P6", "Bolt", "someday", "Delivered", 10, 0, "Yes", 1],
    ])
    report = import_vendor_metrics(table, db)
    assert [(e.row, e.code) for e in report.errors] == [(7, "unparseable")]
    assert any("aggregated per vendor and month" in w for w in report.warnings)
    got = figures(db)
    assert got[("Acme", "2026-01", "order_count")] == 3
    assert got[("Acme", "2026-01", "on_time_rate_pct")] == 50.0  # the cancelled one is out
    assert got[("Acme", "2026-01", "defect_rate_pct")] == pytest.approx(100 * 8 / 400)
    assert got[("Acme", "2026-01", "compliance_pct")] == pytest.approx(200 / 3)
    assert got[("Acme", "2026-02", "defect_rate_pct")] == 10.0
    assert ("Bolt", "2026-01", "on_time_rate_pct") not in got  # pending only
    assert got[("Bolt", "2026-01", "order_count")] == 1


def test_no_period_column_uses_the_option(db: Database, tmp_path: Path) -> None:
    rows = [["Vendor", "On-time rate", "Defect rate"], ["Acme", "97", "0.5"]]
    default = import_vendor_metrics(write_csv(tmp_path / "a.csv", rows), db,
                                    VendorMetricImportOptions(today=D(2026, 5, 2)))
    chosen = import_vendor_metrics(write_csv(tmp_path / "b.csv", rows), db,
                                   VendorMetricImportOptions(period="2025年第4季度"))
    assert any("every figure is for 2026Q2" in w for w in default.warnings)
    assert {k[1] for k in figures(db)} == {"2026Q2", "2025Q4"} and chosen.inserted == 2
    with pytest.raises(ImportRefused, match="not a period") as refused:
        import_vendor_metrics(write_csv(tmp_path / "c.csv", rows), db,
                              VendorMetricImportOptions(period="soon"))
    assert refused.value.code == "bad_period"


def test_no_vendor_column_rejects_every_row(db: Database, tmp_path: Path) -> None:
    report = import_vendor_metrics(write_csv(tmp_path / "x.csv", [
        ["Name", "Month", "On-time rate"], ["Acme", "2026-01", "90"], ["Bolt", "2026-01", "80"]]),
        db)
    assert report.batch is None and report.rejected == 2
    assert {(e.row, e.code) for e in report.errors} == {(2, "missing_required"),
                                                        (3, "missing_required")}


def test_reimport_updates_and_undo(db: Database, tmp_path: Path) -> None:
    header = ["Vendor", "Quarter", "On-time rate", "Breaches"]
    first = import_vendor_metrics(write_csv(tmp_path / "q1.csv", [
        header, ["Acme", "2026Q1", "90", "1"], ["Bolt", "2026Q1", "80", "0"]]), db)
    second = import_vendor_metrics(write_csv(tmp_path / "q1b.csv", [
        header, ["Acme", "2026Q1", "95", "1"], ["Cobra", "2026Q1", "70", "3"]]), db)
    assert (first.inserted, second.inserted, second.updated) == (4, 2, 2)
    assert figures(db)[("Acme", "2026Q1", "on_time_rate_pct")] == 95.0
    assert second.batch is not None and first.batch is not None
    with pytest.raises(BatchUndoError, match="undo batch"):
        undo_vendor_metric_import(db, first.batch)
    undo_vendor_metric_import(db, second.batch)
    got = figures(db)
    assert got[("Acme", "2026Q1", "on_time_rate_pct")] == 90.0 and len(got) == 4
    with db.session() as s:
        assert sorted(s.scalars(select(Vendor.name))) == ["Acme", "Bolt"]  # Cobra removed
        kept = s.scalars(select(VendorMetric.import_batch_id)).all()
    assert set(kept) == {first.batch}
    undo_vendor_metric_import(db, first.batch)
    assert figures(db) == {}
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Vendor)) == 0
    with pytest.raises(BatchUndoError):
        undo_vendor_metric_import(db, first.batch)


@pytest.mark.postgres
def test_postgres_import_and_undo(pg_db: Database, tmp_path: Path) -> None:
    table = write_xlsx(tmp_path / "pg.xlsx", [
        ["供应商", "季度", "准时交付率", "违约次数"],
        ["洁净物业", "2026年第1季度", 96, 0], ["洁净物业", "2026年第2季度", 98, 1]])
    first = import_vendor_metrics(table, pg_db)
    again = import_vendor_metrics(table, pg_db)
    assert (first.inserted, again.inserted, again.updated) == (4, 0, 4)
    assert figures(pg_db)[("洁净物业", "2026Q2", "on_time_rate_pct")] == 98.0
    assert again.batch is not None and first.batch is not None
    undo_vendor_metric_import(pg_db, again.batch)
    undo_vendor_metric_import(pg_db, first.batch)
    assert figures(pg_db) == {}
