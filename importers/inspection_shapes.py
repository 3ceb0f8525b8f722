"""Recognising the shape of an inspection file and what each column means.

Three shapes reach ServiceLens (DESIGN.md "Checklists", issue 3 "Inspections"):

* **wide** — one row per visit: visit columns (site, date, inspector, score, result …)
  plus, optionally, one column per checklist item (``A1 地面清洁``, ``หลอดไฟ``);
  a *visit-level* file is the wide shape without item columns (Austin, SF, Chicago,
  SafetyCulture exports);
* **long** — one row per visit × item: visit columns repeated, an item column and an
  answer column;
* **key/value** — one row per visit × field: a visit id, a key column and a value column;
  keys are visit fields or items.

Long and key/value tables are pivoted into the wide shape (:func:`pivot_to_wide`), so the
rest of the import handles one shape. Headers are matched to roles through
:data:`ROLE_SYNONYMS` (normalised with :func:`importers.values.normalise_token`); the
first synonym in a role's list that a header matches wins, so ``conducted_on`` beats
``date_started``. Nothing here touches the database.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from importers.table import RawTable
from importers.values import BOOLEAN_SYNONYMS, code_key, is_blank, normalise_token
from models.orm.checklists import Choice

# role → synonyms (normalised), most specific first.
ROLE_SYNONYMS: dict[str, tuple[str, ...]] = {
    "ref": ("inspectionid", "auditid", "inspectionno", "inspectionnumber", "visitid", "visitno",
            "检查编号", "巡检编号", "检查单号", "稽查编号", "记录编号", "走访编号", "报告编号",
            "reportid", "id", "编号"),
    "site_code": ("sitecode", "siteid", "storecode", "storeid", "storeno", "站点编号", "门店编号",
                  "门店代码", "网点编号", "站点代码", "facilityid", "license", "licenseno",
                  "licensenumber", "businessid", "establishmentid", "tagid", "rfid", "assetid"),
    "site_name": ("sitename", "site", "store", "storename", "门店", "门店名称", "站点", "站点名称",
                  "网点", "网点名称", "dbaname", "restaurantname", "businessname",
                  "facilityname", "establishmentname", "clientsite", "location", "地点"),
    "address": ("address", "siteaddress", "地址", "门店地址"),
    "city": ("city", "城市"),
    "site_kind": ("facilitytype", "sitetype", "storetype", "门店类型", "站点类型"),
    "visited_at": ("visitedat", "visitdate", "visittime", "inspectiondate", "inspectiontime",
                   "检查日期", "检查时间", "巡检日期", "巡检时间", "走访日期", "走访时间",
                   "访问日期", "conductedon", "datestarted", "inspectedat", "auditdate",
                   "date", "日期", "timestamp", "时间", "datetime", "datecompleted"),
    "inspector": ("inspector", "inspectorname", "检查员", "检查人", "巡检员", "巡检人", "访员",
                  "神秘顾客", "auditor", "稽查员", "conductedby", "authorname", "ownername",
                  "username", "preparedby"),
    "score": ("score", "totalscore", "得分", "总分", "分数", "检查得分", "inspectionscore",
              "finalscore", "综合得分"),
    "max_score": ("maxscore", "满分", "totalpossible", "maximumscore", "possiblescore"),
    "score_pct": ("scorepercentage", "scorepct", "得分率", "percentage"),
    "result": ("results", "result", "检查结果", "结果", "outcome", "是否合格", "passfail", "结论",
               "passed"),
    "notes": ("violations", "violation", "违规项", "违规", "问题描述", "问题", "findings",
              "notes", "note", "备注", "comments", "comment"),
    "visit_type": ("inspectiontype", "processdescription", "visittype", "检查类型", "type",
                   "类型", "templatename", "task"),
    "deleted": ("deleted", "isdeleted", "已删除"),
    # long and key/value shapes
    "item": ("itemcode", "item", "itemno", "question", "questionid", "检查项", "检查项目",
             "检查项编号", "项目", "条目", "题目", "指标"),
    "answer": ("answer", "response", "答案", "回答", "评价", "answervalue"),
    "key": ("key", "field", "attribute", "字段", "属性", "键", "fieldname"),
    "value": ("value", "值", "fieldvalue"),
}

# Boolean-valued metadata that must never be taken for a checklist item.
NOT_ITEMS = frozenset({"archived", "deleted", "isdeleted", "已删除", "已归档", "latitude",
                       "longitude", "lat", "lng", "lon"})

_ANSWER_WORDS: dict[str, Choice] = {
    **{k: (Choice.YES if v else Choice.NO) for k, v in BOOLEAN_SYNONYMS.items()
       if not k.isdigit()},
    **dict.fromkeys(["pass", "passed", "ok", "good", "compliant", "合格", "符合", "正常", "达标",
                     "通过", "满意", "ไม่ชำรุด", "ปกติ", "ผ่าน", "ใช่"], Choice.YES),
    **dict.fromkeys(["fail", "failed", "not ok", "damaged", "broken", "non compliant",
                     "noncompliant", "不合格", "不符合", "异常", "不达标", "未通过", "不满意",
                     "损坏", "ชำรุด", "ไม่ผ่าน", "ไม่ใช่", "✗"], Choice.NO),
    **dict.fromkeys(["na", "n/a", "n.a.", "not applicable", "不适用", "无此项", "不涉及",
                     "ไม่เกี่ยวข้อง"], Choice.NA),
}
# keys folded like the cells they are looked up with (NFKC splits Thai SARA AM)
ANSWER_SYNONYMS: dict[str, Choice] = {code_key(k): v for k, v in _ANSWER_WORDS.items()}

SHAPES = ("wide", "long", "key_value")


@dataclass
class ColumnPlan:
    """What the columns of a (wide) table mean: ``roles`` maps a role to a column index;
    ``others`` are the unassigned columns (candidate items), in file order."""

    shape: str
    roles: dict[str, int]
    others: list[int] = field(default_factory=list)

    def header(self, table: RawTable, role: str) -> str | None:
        j = self.roles.get(role)
        return None if j is None else table.headers[j]


def header_key(header: str) -> str:
    """The normalised form of a header used for synonym and item matching."""
    return normalise_token(header or "")


def assign_roles(headers: Sequence[str], roles: Sequence[str] | None = None,
                 synonyms: Mapping[str, Sequence[str]] = ROLE_SYNONYMS) -> dict[str, int]:
    """Map roles to column indexes by ``synonyms`` (role → normalised synonyms, most
    specific first); each column serves at most one role.

    Exact synonym matches only (after normalisation); ``roles`` limits which roles are
    looked for (default: all). The vendor-metric import uses it with its own table.
    """
    keys = [header_key(h) for h in headers]
    taken: set[int] = set()
    out: dict[str, int] = {}
    for role, names in synonyms.items():
        if roles is not None and role not in roles:
            continue
        for syn in names:
            j = next((j for j, k in enumerate(keys) if k == syn and j not in taken), None)
            if j is not None:
                out[role] = j
                taken.add(j)
                break
    return out


def apply_overrides(roles: dict[str, int], headers: Sequence[str],
                    overrides: Mapping[str, str] | None) -> dict[str, int]:
    """``roles`` with the user's choices (role → header, from a profile or the mapping
    dialog) on top: a chosen column leaves any role it had; headers not in the file and
    unknown roles are ignored."""
    if not overrides:
        return roles
    keys = [header_key(h) for h in headers]
    out = dict(roles)
    for role, header in overrides.items():
        key = header_key(header)
        if key not in keys:
            continue
        j = keys.index(key)
        out = {r: c for r, c in out.items() if c != j}
        out[role] = j
    return out


def detect_shape(table: RawTable, overrides: Mapping[str, str] | None = None) -> ColumnPlan:
    """Classify ``table`` as wide, long or key/value and assign the visit roles
    (``overrides``: role → header chosen by the user)."""
    roles = apply_overrides(assign_roles(table.headers), table.headers,
                            {r: h for r, h in (overrides or {}).items() if r in ROLE_SYNONYMS})
    if "key" in roles and "value" in roles:
        return ColumnPlan("key_value", roles)
    if "item" in roles and ("answer" in roles or "result" in roles or "value" in roles):
        if "answer" not in roles:
            roles["answer"] = roles.pop("result") if "result" in roles else roles.pop("value")
        return ColumnPlan("long", roles)
    for role in ("item", "answer", "key", "value"):
        roles.pop(role, None)
    return ColumnPlan("wide", roles, [j for j in range(len(table.headers))
                                      if j not in roles.values()])


def pivot_to_wide(table: RawTable, plan: ColumnPlan,
                  overrides: Mapping[str, str] | None = None) -> tuple[RawTable, ColumnPlan]:
    """A long or key/value table as one row per visit (its first row's number).

    A visit is identified by its ``ref`` column, else by every visit column together.
    Later values for the same visit and key overwrite earlier ones.
    """
    if plan.shape == "wide":
        return table, plan
    key_col = plan.roles["key"] if plan.shape == "key_value" else plan.roles["item"]
    val_col = plan.roles["value"] if plan.shape == "key_value" else plan.roles["answer"]
    visit_cols = [j for r, j in plan.roles.items() if r not in ("key", "value", "item", "answer")]
    if plan.shape == "key_value":
        visit_cols = [plan.roles["ref"]] if "ref" in plan.roles else []
    visits: dict[tuple[Any, ...], dict[str, Any]] = {}
    first_row: dict[tuple[Any, ...], int] = {}
    keys: list[str] = [table.headers[j] for j in visit_cols]
    for i in range(table.n_rows):
        k = tuple(_hashable(table.columns[j][i]) for j in visit_cols)
        name = table.columns[key_col][i]
        if is_blank(name):
            continue
        name = str(name).strip()
        if k not in visits:
            visits[k] = {table.headers[j]: table.columns[j][i] for j in visit_cols}
            first_row[k] = table.row_numbers[i]
        if name not in keys:
            keys.append(name)
        visits[k][name] = table.columns[val_col][i]
    wide = dataclasses.replace(table, headers=keys,
                               columns=[[v.get(h) for v in visits.values()] for h in keys],
                               row_numbers=list(first_row.values()))
    new_plan = detect_shape(wide, overrides)
    return wide, new_plan


def _hashable(value: Any) -> Any:
    try:
        hash(value)
    except TypeError:
        return repr(value)
    return value


def parse_choice(value: Any) -> Choice | None:
    """The yes/no/N-A answer a cell holds, or ``None`` when it is not such an answer."""
    if is_blank(value):
        return None
    key = code_key(value)
    return ANSWER_SYNONYMS.get(key) or ANSWER_SYNONYMS.get(key.replace(" ", ""))


def is_choice_column(values: Sequence[Any]) -> bool:
    """True when every non-blank cell is a yes/no/N-A word and at least one is present."""
    seen = False
    for v in values:
        if is_blank(v):
            continue
        if isinstance(v, bool) or parse_choice(v) is None:
            return False
        seen = True
    return seen


def choice_item_columns(table: RawTable, plan: ColumnPlan) -> list[int]:
    """Unassigned columns that look like yes/no checklist items (no template needed)."""
    return [j for j in plan.others
            if header_key(table.headers[j]) not in NOT_ITEMS
            and is_choice_column(table.columns[j])]
