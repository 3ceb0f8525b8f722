"""What the columns of a vendor-performance file mean, and which of three shapes it has.

* **long** — vendor, period, metric, value (+ unit): one figure per row;
* **wide** — vendor, period, one column per metric; each vendor × period once;
* **orders** — one row per purchase order / product / delivery (the procurement and
  supply-chain datasets): rows are *aggregated* per vendor × period into metrics
  (:mod:`importers.vendor_metric_orders`).

Metric names are normalised to keys through :data:`METRIC_SYNONYMS`
(``准时交付率`` / ``On-time rate`` → ``on_time_rate_pct``); a metric nobody listed keeps a
key made from its header (``Service score`` → ``service_score``) and is reported.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from importers.inspection_shapes import apply_overrides, assign_roles
from importers.table import RawTable
from importers.values import normalise_token, parse_numbers

# key → (unit, synonyms normalised with normalise_token)
METRIC_SYNONYMS: dict[str, tuple[str | None, tuple[str, ...]]] = {
    "on_time_rate_pct": ("%", ("ontimeratepct", "ontimerate", "ontimedeliveryrate", "ontime",
                               "otd", "otdrate", "准时交付率", "准时率", "交付准时率", "按时交付率",
                               "及时交付率", "及时率", "ontimedelivery")),
    "contract_fulfilment_pct": ("%", ("contractfulfilmentpct", "contractfulfilmentrate",
                                      "contractfulfillmentrate", "fulfilmentrate",
                                      "fulfillmentrate", "合同履约率", "履约率", "合同完成率")),
    "breach_count": ("count", ("breachcount", "breaches", "contractbreaches", "违约次数",
                               "违约", "违约数")),
    "defect_rate_pct": ("%", ("defectratepct", "defectrate", "defectrates", "缺陷率", "不良率",
                              "次品率", "质量缺陷率")),
    "price_index": ("index", ("priceindex", "价格指数", "价格水平")),
    "lead_time_days": ("days", ("leadtimedays", "leadtime", "交付周期", "交货周期", "供货周期",
                                "交期", "交货期")),
    "compliance_pct": ("%", ("compliancepct", "compliancerate", "合规率")),
    "complaint_count": ("count", ("complaintcount", "complaints", "投诉次数", "投诉数", "投诉")),
    "satisfaction_score": (None, ("satisfactionscore", "satisfaction", "满意度", "客户满意度")),
    "response_time_hours": ("hours", ("responsetimehours", "responsetime", "响应时间",
                                      "响应时长")),
    "order_count": ("count", ("ordercount", "orders", "订单数", "订单数量")),
    "inspection_pass_rate_pct": ("%", ("inspectionpassratepct", "inspectionpassrate",
                                       "检验合格率", "合格率", "抽检合格率")),
}
# rates that are never small: a column of fractions (0.975) means percent/100
FRACTION_RATES = frozenset({"on_time_rate_pct", "contract_fulfilment_pct", "compliance_pct",
                            "inspection_pass_rate_pct"})

ROLE_SYNONYMS: dict[str, tuple[str, ...]] = {
    "vendor_code": ("vendorcode", "suppliercode", "供应商编号", "供应商代码", "服务商编号",
                    "服务商代码", "vendorid", "supplierid", "vendorno", "supplierno"),
    "vendor_name": ("vendorname", "suppliername", "vendor", "supplier", "供应商", "供应商名称",
                    "服务商", "服务商名称", "承包商", "contractor", "外包商", "合作商"),
    "period": ("period", "期间", "统计期间", "考核期", "考核周期", "周期", "month", "月份",
               "quarter", "季度", "year", "年度", "reportingperiod"),
    "date": ("orderdate", "下单日期", "订单日期", "podate", "date", "日期", "deliverydate",
             "交付日期"),
    "metric": ("metric", "指标", "指标名称", "kpi", "measure", "metricname"),
    "value": ("value", "值", "数值", "指标值", "actual", "result"),
    "unit": ("unit", "单位"),
    # order-level measures
    "on_time_flag": ("isontime", "ontimestatus", "是否准时", "准时交付", "ontimeflag"),
    "defective_units": ("defectiveunits", "不良数", "缺陷数", "次品数", "defects"),
    "quantity": ("quantity", "qty", "数量", "orderquantity", "订单数量"),
    "compliance_flag": ("compliance", "是否合规", "合规"),
    "order_status": ("orderstatus", "订单状态", "status", "状态"),
    "inspection_result": ("inspectionresults", "inspectionresult", "检验结果", "质检结果"),
}
ORDER_ROLES = ("on_time_flag", "defective_units", "compliance_flag", "inspection_result")


@dataclass
class VendorPlan:
    """Roles (role → column index), metric columns (column → metric key) and the shape."""

    shape: str
    roles: dict[str, int]
    metrics: dict[int, str] = field(default_factory=dict)
    unlisted: list[str] = field(default_factory=list)  # headers kept under a made-up key


def metric_key(name: str) -> tuple[str, bool]:
    """(key, listed) for a metric name: a listed synonym's key, else a snake_case key."""
    token = normalise_token(name)
    for key, (_unit, synonyms) in METRIC_SYNONYMS.items():
        if token == normalise_token(key) or token in synonyms:
            return key, True
    slug = re.sub(r"[^\w]+", "_", name.strip().casefold()).strip("_")
    return (slug or token)[:100], False


def metric_unit(key: str) -> str | None:
    return METRIC_SYNONYMS.get(key, (None, ()))[0]


def vendor_roles(headers: Sequence[str]) -> dict[str, int]:
    """The vendor-metric roles (vendor, period, metric, value…) found among ``headers``,
    each with its column index."""
    return assign_roles(headers, synonyms=ROLE_SYNONYMS)


def has_period_column(headers: Sequence[str]) -> bool:
    """True when a vendor-metrics import would find a period (or date) column."""
    return bool(vendor_roles(headers).keys() & {"period", "date"})


def detect_vendor_shape(table: RawTable,
                        overrides: Mapping[str, str] | None = None) -> VendorPlan:
    """Classify ``table`` (see the module docstring); ``overrides`` (role → header) are
    the user's choices. Raises ``ValueError`` without a vendor or metric column."""
    roles = apply_overrides(vendor_roles(table.headers), table.headers,
                            {r: h for r, h in (overrides or {}).items() if r in ROLE_SYNONYMS})
    if "vendor_code" not in roles and "vendor_name" not in roles:
        raise ValueError("no vendor column (e.g. 供应商 / Vendor / Supplier)")
    if "metric" in roles and "value" in roles:
        return VendorPlan("long", roles)
    order_like = any(r in roles for r in ORDER_ROLES)
    if order_like and not _unique_keys(table, roles):
        return VendorPlan("orders", roles)
    if roles.keys() & set(ORDER_ROLES) and "period" not in roles and "date" in roles:
        return VendorPlan("orders", roles)
    used = set(roles.values())
    plan = VendorPlan("wide", {r: j for r, j in roles.items() if r in (
        "vendor_code", "vendor_name", "period", "date")})
    for j, header in enumerate(table.headers):
        if j in plan.roles.values() or not header:
            continue
        key, listed = metric_key(header)
        if listed or (j not in used and _numeric(table.columns[j])):
            plan.metrics[j] = key
            if not listed:
                plan.unlisted.append(header)
    if not plan.metrics:
        raise ValueError("no metric columns (e.g. 准时交付率 / On-time rate)")
    return plan


def _unique_keys(table: RawTable, roles: dict[str, int]) -> bool:
    vendor = roles.get("vendor_code", roles.get("vendor_name"))
    period = roles.get("period", roles.get("date"))
    assert vendor is not None
    keys = list(zip(table.columns[vendor], table.columns[period] if period is not None
                    else [None] * table.n_rows, strict=True))
    return len(set(map(repr, keys))) == len(keys)


def _numeric(values: Sequence[object]) -> bool:
    parsed = parse_numbers(values)
    return bool(parsed.ok.any()) and not bool(parsed.invalid.any())
