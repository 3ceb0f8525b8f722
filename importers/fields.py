"""The fields a ticket file can fill, and the header synonyms that find them.

Each :class:`FieldSpec` names a target (``created_at``, ``priority`` …), the kind of
value it holds (which parser reads it) and the headers that mean it, in Chinese,
English and the spellings of common exports (help desks, 311 city data, call-centre
logs). Synonyms are compared after :func:`importers.values.normalise_token` (case,
spaces, underscores and punctuation ignored); earlier synonyms win when two columns
claim the same field.

Durations may replace timestamps: ``first_response_duration`` and
``resolution_duration`` are measured from ``created_at``; a unit word in the header
(``_Hours``, ``in seconds``, ``(分钟)``) sets their unit. ``created_date`` +
``created_time`` are joined when a file splits the creation moment over two columns.
``updated_at`` is not stored on the ticket: it orders the rows of an event log (one row
per state change) when the import reduces them to one ticket (:mod:`importers.event_log`).

Other import kinds register their own field lists in :data:`FIELD_SETS`.
"""

from __future__ import annotations

from dataclasses import dataclass

from importers.values import normalise_token


@dataclass(frozen=True)
class FieldSpec:
    """One target field. ``kind``: id, datetime, date, time, duration, text, priority,
    status, bool, number, int, csat, nps. ``unit`` is the default duration unit."""

    name: str
    kind: str
    label: str
    synonyms: tuple[str, ...] = ()
    required: bool = False
    unit: str | None = None
    max_len: int | None = None


def _f(name: str, kind: str, label: str, *synonyms: str, required: bool = False,
       unit: str | None = None, max_len: int | None = None) -> FieldSpec:
    return FieldSpec(name, kind, label, synonyms, required, unit, max_len)


TICKET_FIELDS: tuple[FieldSpec, ...] = (
    _f("external_id", "id", "Ticket ID", "工单号", "工单编号", "工单ID", "单号", "编号",
       "Ticket ID", "Ticket No", "Ticket Number", "ticket_id", "ticketid", "Case ID",
       "Case Number", "Call Id", "Call ID", "Inspection ID", "Request ID", "Incident ID",
       "Incident Number", "unique_key", "Issue ID", "Issue Key", "ID", "Key", "Number",
       "序号", required=True, max_len=100),
    _f("created_at", "datetime", "Created", "创建时间", "建单时间", "受理时间", "提交时间",
       "报修时间", "来电时间", "创建日期", "Created", "Created At", "Created Date",
       "created_date", "Date_Created", "Created_Date", "Date Created", "Creation Date",
       "Created Time", "Create Time", "Opened", "Opened At", "Open Date", "Opened Date",
       "Submitted", "Submitted At", "Reported At", "Received", "Start Time", "Timestamp",
       required=True),
    _f("created_date", "date", "Created (date)", "日期", "Date", "Call Date", "来电日期"),
    _f("created_time", "time", "Created (time of day)", "时间", "Time", "Call Time",
       "来电时刻"),
    _f("first_response_at", "datetime", "First response", "首次响应时间", "首响时间",
       "响应时间", "首次回复时间", "First response", "First Response Time",
       "First Response At", "first_response_date", "Responded At", "First Reply Time",
       "First Reply At", "Response Time"),
    _f("first_response_duration", "duration", "First response time (duration)",
       "首次响应时长", "首响时长", "响应时长", "等待时长", "first_response_minutes",
       "Speed of answer", "Speed of answer in seconds", "Time to first response",
       "First Response Duration", "Response Duration", "Wait Time", "ASA",
       "Time to Answer", unit="minutes"),
    _f("resolved_at", "datetime", "Resolved", "解决时间", "完成时间", "处理完成时间",
       "办结时间", "Resolved", "Resolved At", "resolved_date", "Date_Resolved",
       "Resolved Date", "Resolution Date", "Date Resolved", "Time to Resolution",
       "closed_date", "Solved At", "Completed At", "Completion Date"),
    _f("resolution_duration", "duration", "Resolution time (duration)", "解决时长",
       "处理时长", "resolution_hours", "Resolution Time", "Resolution_Time_Hours",
       "Resolution Duration", "Time to Resolve", "Handle Time", unit="hours"),
    _f("answered_at", "datetime", "Answered", "接通时间", "应答时间", "Answered At",
       "Answer Time", "Answered Time", "Call Answered"),
    _f("onsite_at", "datetime", "On-site arrival", "到场时间", "到达现场时间", "上门时间",
       "到达时间", "On-site", "Onsite At", "On Site At", "Arrived At", "Arrival Time",
       "On-site Arrival", "Onsite Arrival Time"),
    _f("closed_at", "datetime", "Closed", "关闭时间", "结案时间", "Closed At", "Closed Time",
       "Close Date", "Closed"),
    _f("updated_at", "datetime", "Last updated (event logs)", "更新时间", "修改时间",
       "变更时间", "事件时间", "最后更新时间", "状态变更时间", "更新日期", "Updated",
       "Updated At", "Update Time", "Updated Time", "Updated Date", "Update Date",
       "Modified Date", "Last Updated", "Last Update", "Last Modified", "Modified",
       "Modified At", "Event Time", "Event Timestamp", "Status Changed",
       "Status Changed At", "Changed At"),
    _f("talk_duration", "duration", "Talk time (calls)", "通话时长", "AvgTalkDuration",
       "Talk Duration", "Talk Time", "Call Duration", unit="minutes"),
    _f("priority", "priority", "Priority", "优先级", "紧急程度", "级别", "Priority",
       "Ticket Priority", "Severity", "Urgency", "严重程度"),
    _f("status", "status", "Status", "状态", "工单状态", "处理状态", "Status",
       "Ticket Status", "State", "Case Status"),
    _f("channel", "text", "Channel", "渠道", "来源渠道", "受理渠道", "Channel",
       "open_data_channel_type", "Ticket Channel", "Source", "Contact Channel", "Medium",
       "Via", max_len=64),
    _f("category", "text", "Category", "类别", "分类", "问题类型", "工单类型", "业务类型",
       "Category", "complaint_type", "Ticket Type", "Topic", "Type", "Issue Type",
       "Problem Type", "Request Type", max_len=200),
    _f("title", "text", "Title", "标题", "主题", "摘要", "Title", "Subject",
       "Ticket Subject", "Summary", "descriptor", max_len=500),
    _f("description", "text", "Description", "描述", "问题描述", "详细描述", "内容",
       "Description", "Ticket Description", "Details", "Body"),
    _f("customer", "text", "Customer", "客户", "客户名称", "客户姓名", "来电人", "投诉人",
       "Customer", "Customer Name", "Requester", "Caller", "Client", "Contact",
       max_len=200),
    _f("agent", "text", "Agent", "处理人", "受理人", "负责人", "坐席", "客服", "Agent",
       "Assigned_To", "Assigned To", "Assigned_Agent", "Assignee", "Owner", "agency",
       "Agent Name", "Handler", max_len=200),
    _f("team", "text", "Team", "团队", "班组", "处理部门", "部门", "Team", "Group",
       "Assignment Group", "agency_name", "Department", max_len=200),
    _f("site", "text", "Site", "门店", "网点", "站点", "项目", "Site", "Store", "Branch",
       "Location Name", max_len=200),
    _f("vendor", "text", "Vendor", "供应商", "服务商", "外包商", "Vendor", "Supplier",
       "Contractor", "Provider", max_len=200),
    _f("is_complaint", "bool", "Complaint", "是否投诉", "投诉", "Complaint", "Is Complaint",
       "is_complaint"),
    _f("csat", "csat", "CSAT", "满意度", "满意度评分", "客户满意度", "评分", "CSAT",
       "Customer Satisfaction Rating", "Satisfaction rating", "Satisfaction",
       "CSAT_Score", "csat_score", "Rating", "Satisfaction Score"),
    _f("nps", "nps", "NPS", "推荐度", "NPS", "NPS Score", "Likelihood to recommend",
       "Recommend Score"),
    _f("reopened_count", "int", "Reopened count", "重开次数", "重新打开次数", "Reopened",
       "Reopen Count", "Reopened Count", "Reopens"),
    _f("answered", "bool", "Answered (Y/N)", "是否接通", "接通", "Answered",
       "Answered (Y/N)", "Answered Y/N", "Is Answered"),
    _f("resolved_flag", "bool", "Resolved (Y/N)", "是否解决", "Resolved (Y/N)",
       "Is Resolved", "Solved (Y/N)"),
)

FIELD_SETS: dict[str, tuple[FieldSpec, ...]] = {"tickets": TICKET_FIELDS}
"""Field lists per import kind; other kinds add theirs here."""


def fields_for(kind: str) -> dict[str, FieldSpec]:
    """The fields of ``kind`` by name (``KeyError`` for an unknown kind)."""
    return {f.name: f for f in FIELD_SETS[kind]}


def synonym_index(kind: str) -> dict[str, tuple[str, int]]:
    """Normalised synonym → (field name, rank); the first field listing a synonym owns it."""
    index: dict[str, tuple[str, int]] = {}
    for spec in FIELD_SETS[kind]:
        for rank, synonym in enumerate((spec.name, *spec.synonyms)):
            index.setdefault(normalise_token(synonym), (spec.name, rank))
    return index


# Paired fields: a timestamp field and the duration that can stand in for it.
DURATION_OF: dict[str, str] = {
    "first_response_at": "first_response_duration",
    "resolved_at": "resolution_duration",
}
