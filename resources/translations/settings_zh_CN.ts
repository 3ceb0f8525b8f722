<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CalendarsTab</name>
    <message>
        <source>Calendar</source>
        <translation>日历</translation>
    </message>
    <message>
        <source>New calendar</source>
        <translation>新建日历</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>星期一</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>星期二</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>星期三</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>星期四</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>星期五</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>星期六</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>星期日</translation>
    </message>
    <message>
        <source>day off</source>
        <translation>休息</translation>
    </message>
    <message>
        <source>Holidays and make-up working days</source>
        <translation>节假日与调休上班日</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Add day</source>
        <translation>添加日期</translation>
    </message>
    <message>
        <source>Remove day</source>
        <translation>删除日期</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览影响</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Holiday</source>
        <translation>节假日</translation>
    </message>
    <message>
        <source>Make-up working day</source>
        <translation>调休上班</translation>
    </message>
    <message>
        <source>%1: cannot read “%2” (use 09:00-18:00)</source>
        <translation>%1：无法识别“%2”（格式如 09:00-18:00）</translation>
    </message>
    <message>
        <source>Not a date (YYYY-MM-DD): %1</source>
        <translation>不是有效日期（YYYY-MM-DD）：%1</translation>
    </message>
    <message>
        <source>Unknown time zone: %1</source>
        <translation>未知时区：%1</translation>
    </message>
    <message>
        <source>Business calendars</source>
        <translation>工作日历</translation>
    </message>
    <message>
        <source>Calendar saved</source>
        <translation>日历已保存</translation>
    </message>
</context>
<context>
    <name>GeneralSettingsTab</name>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>外观</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <source>Your name (for audit entries)</source>
        <translation>您的姓名（用于审计记录）</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
</context>
<context>
    <name>KpiTargetsTab</name>
    <message>
        <source>KPI targets</source>
        <translation>KPI 目标</translation>
    </message>
    <message>
        <source>KPI</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标值</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Effective from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>Add target</source>
        <translation>添加目标</translation>
    </message>
    <message>
        <source>Remove target</source>
        <translation>删除目标</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>at least</source>
        <translation>不低于</translation>
    </message>
    <message>
        <source>at most</source>
        <translation>不高于</translation>
    </message>
    <message>
        <source>Row %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>KPI targets saved</source>
        <translation>KPI 目标已保存</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>Watched folder</source>
        <translation>监视文件夹</translation>
    </message>
    <message>
        <source>SLA policies</source>
        <translation>SLA 策略</translation>
    </message>
    <message>
        <source>Business calendars</source>
        <translation>工作日历</translation>
    </message>
    <message>
        <source>KPI targets</source>
        <translation>KPI 目标</translation>
    </message>
</context>
<context>
    <name>SlaPoliciesTab</name>
    <message>
        <source>SLA policies</source>
        <translation>SLA 策略</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>First response (min)</source>
        <translation>首次响应（分钟）</translation>
    </message>
    <message>
        <source>Resolution (min)</source>
        <translation>解决（分钟）</translation>
    </message>
    <message>
        <source>On-site (min)</source>
        <translation>到场（分钟）</translation>
    </message>
    <message>
        <source>Clock</source>
        <translation>计时方式</translation>
    </message>
    <message>
        <source>Effective from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>Effective to</source>
        <translation>失效日期</translation>
    </message>
    <message>
        <source>Add policy</source>
        <translation>添加策略</translation>
    </message>
    <message>
        <source>Remove policy</source>
        <translation>删除策略</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览影响</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Targets in minutes; empty = no target. The most specific matching policy wins; a ticket is measured by the policy in force when it was created.</source>
        <translation>目标以分钟计，留空表示无目标。匹配最具体的策略优先；工单按其创建时生效的策略计量。</translation>
    </message>
    <message>
        <source>Calendar time</source>
        <translation>自然时间</translation>
    </message>
    <message>
        <source>New policy</source>
        <translation>新策略</translation>
    </message>
    <message>
        <source>Row %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>Row %1: targets must be positive minutes</source>
        <translation>第 %1 行：目标必须是正的分钟数</translation>
    </message>
    <message>
        <source>SLA policies saved</source>
        <translation>SLA 策略已保存</translation>
    </message>
</context>
<context>
    <name>WhatIfView</name>
    <message>
        <source>Press “Preview” to see how the edits change SLA met % over the history already imported. Nothing is saved.</source>
        <translation>点击“预览影响”，查看修改后已导入历史数据的 SLA 达成率如何变化。不会保存任何内容。</translation>
    </message>
    <message>
        <source>What-if preview</source>
        <translation>假设分析预览</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>Response now</source>
        <translation>响应（当前）</translation>
    </message>
    <message>
        <source>Response edited</source>
        <translation>响应（修改后）</translation>
    </message>
    <message>
        <source>Δ pp</source>
        <translation>变化（百分点）</translation>
    </message>
    <message>
        <source>Resolution now</source>
        <translation>解决（当前）</translation>
    </message>
    <message>
        <source>Resolution edited</source>
        <translation>解决（修改后）</translation>
    </message>
    <message>
        <source>Loading tickets…</source>
        <translation>正在载入工单…</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>Could not compute the preview: %1</source>
        <translation>无法计算预览：%1</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>网点</translation>
    </message>
    <message>
        <source>All tickets</source>
        <translation>全部工单</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（未填写）</translation>
    </message>
    <message>
        <source>SLA met % over all history: saved settings vs. your edits (* = fewer than 30 tickets). Nothing is saved yet.</source>
        <translation>全部历史数据的 SLA 达成率：已保存设置 vs. 您的修改（* 表示少于 30 张工单）。尚未保存。</translation>
    </message>
</context>
</TS>
