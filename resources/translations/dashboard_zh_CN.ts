<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AlertsPanel</name>
    <message>
        <source>Alerts</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Open the alert&apos;s tickets or vendor</source>
        <translation>打开提醒对应的工单或供应商</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Acknowledge the alert</source>
        <translation>确认此提醒</translation>
    </message>
    <message>
        <source>%1 is %2, target %3</source>
        <translation>%1 为 %2，目标 %3</translation>
    </message>
    <message>
        <source>Complaint #%1 open for %2 h</source>
        <translation>投诉 #%1 已持续 %2 小时未解决</translation>
    </message>
    <message>
        <source>Repeat complaint #%1</source>
        <translation>重复投诉 #%1</translation>
    </message>
    <message>
        <source>response</source>
        <translation>响应</translation>
    </message>
    <message>
        <source>resolution</source>
        <translation>解决</translation>
    </message>
    <message>
        <source>Ticket #%1: %2 min left on the %3 SLA</source>
        <translation>工单 #%1：%3 SLA 剩余 %2 分钟</translation>
    </message>
    <message>
        <source>%1: %2 expires on %3</source>
        <translation>%1：%2 将于 %3 到期</translation>
    </message>
    <message>
        <source>%1: %2 expired on %3</source>
        <translation>%1：%2 已于 %3 过期</translation>
    </message>
    <message>
        <source>Alerts (%1)</source>
        <translation>提醒（%1）</translation>
    </message>
</context>
<context>
    <name>ArrivalsHeatmapChart</name>
    <message>
        <source>Arrivals by weekday and hour</source>
        <translation>按星期与小时的来单量</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <source>%1 tickets</source>
        <translation>%1 张工单</translation>
    </message>
    <message>
        <source>Weekday</source>
        <translation>星期</translation>
    </message>
</context>
<context>
    <name>BreakdownChart</name>
    <message>
        <source>Breakdown</source>
        <translation>分组对比</translation>
    </message>
    <message>
        <source>Break down by</source>
        <translation>分组依据</translation>
    </message>
    <message>
        <source>by vendor</source>
        <translation>按供应商</translation>
    </message>
    <message>
        <source>by site</source>
        <translation>按网点</translation>
    </message>
    <message>
        <source>by channel</source>
        <translation>按渠道</translation>
    </message>
    <message>
        <source>by category</source>
        <translation>按类别</translation>
    </message>
    <message>
        <source>by agent</source>
        <translation>按处理人</translation>
    </message>
    <message>
        <source>by priority</source>
        <translation>按优先级</translation>
    </message>
    <message>
        <source>Breakdown KPI</source>
        <translation>分组指标</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（未填写）</translation>
    </message>
    <message>
        <source>Tickets: %1</source>
        <translation>工单：%1</translation>
    </message>
    <message>
        <source>Thin sample (fewer than 30 tickets)</source>
        <translation>样本不足（少于 30 张工单）</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>工单数</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <source>Export %1</source>
        <translation>导出%1</translation>
    </message>
    <message>
        <source>Export the chart or its data</source>
        <translation>导出图表或其数据</translation>
    </message>
    <message>
        <source>No data for this filter</source>
        <translation>此筛选条件下没有数据</translation>
    </message>
    <message>
        <source>Save image as PNG…</source>
        <translation>保存为 PNG 图片…</translation>
    </message>
    <message>
        <source>Save image as SVG…</source>
        <translation>保存为 SVG 图片…</translation>
    </message>
    <message>
        <source>Export data to Excel…</source>
        <translation>导出数据到 Excel…</translation>
    </message>
    <message>
        <source>Export data to CSV…</source>
        <translation>导出数据到 CSV…</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation>SVG 图片 (*.svg)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Use .png or .svg for a picture.</source>
        <translation>图片请使用 .png 或 .svg 格式。</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Loading tickets…</source>
        <translation>正在载入工单…</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>仪表盘</translation>
    </message>
    <message>
        <source>Dashboard status</source>
        <translation>仪表盘状态</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Show or hide the alerts</source>
        <translation>显示或隐藏提醒</translation>
    </message>
    <message>
        <source>complaints only</source>
        <translation>仅投诉</translation>
    </message>
    <message>
        <source>Loading history…</source>
        <translation>正在加载历史数据…</translation>
    </message>
    <message>
        <source>Updating…</source>
        <translation>正在更新…</translation>
    </message>
    <message>
        <source>%1 tickets · updated %2</source>
        <translation>%1 张工单 · 更新于 %2</translation>
    </message>
    <message>
        <source>Could not compute: %1</source>
        <translation>无法计算：%1</translation>
    </message>
    <message>
        <source>Loading tickets… %1 %</source>
        <translation>正在载入工单… %1 %</translation>
    </message>
    <message>
        <source>Could not load the tickets: %1</source>
        <translation>无法载入工单：%1</translation>
    </message>
    <message>
        <source>Alerts: %1</source>
        <translation>提醒：%1</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>最近 90 天</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>本季度</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>全部时间</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>自定义区间</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起</translation>
    </message>
    <message>
        <source>To</source>
        <translation>止</translation>
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
        <source>Complaints only</source>
        <translation>仅投诉</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
</context>
<context>
    <name>FrtHistogramChart</name>
    <message>
        <source>First-response time distribution</source>
        <translation>首次响应时长分布</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>tickets</source>
        <translation>工单数</translation>
    </message>
    <message>
        <source>min</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>%1 tickets (%2 %)</source>
        <translation>%1 张工单（%2 %）</translation>
    </message>
    <message>
        <source>From (min)</source>
        <translation>起（分钟）</translation>
    </message>
    <message>
        <source>To (min)</source>
        <translation>止（分钟）</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>工单数</translation>
    </message>
</context>
<context>
    <name>KpiCard</name>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>target met</source>
        <translation>达标</translation>
    </message>
    <message>
        <source>within 5 % of target</source>
        <translation>接近目标（差距 5 % 以内）</translation>
    </message>
    <message>
        <source>target missed</source>
        <translation>未达标</translation>
    </message>
    <message>
        <source>no target</source>
        <translation>无目标</translation>
    </message>
    <message>
        <source>target %1 %2</source>
        <translation>目标 %1 %2</translation>
    </message>
    <message>
        <source>n = %1</source>
        <translation>样本 n = %1</translation>
    </message>
    <message>
        <source>thin (n &lt; 30)</source>
        <translation>样本不足（n &lt; 30）</translation>
    </message>
    <message>
        <source>Click to list the tickets: %1</source>
        <translation>点击查看工单：%1</translation>
    </message>
    <message>
        <source>no previous period</source>
        <translation>无上期数据</translation>
    </message>
    <message>
        <source>pp</source>
        <translation>个百分点</translation>
    </message>
    <message>
        <source>%1 %2 vs previous</source>
        <translation>较上期 %1 %2</translation>
    </message>
</context>
<context>
    <name>KpiLabels</name>
    <message>
        <source>Tickets</source>
        <translation>工单量</translation>
    </message>
    <message>
        <source>Response SLA met</source>
        <translation>响应 SLA 达成率</translation>
    </message>
    <message>
        <source>Resolution SLA met</source>
        <translation>解决 SLA 达成率</translation>
    </message>
    <message>
        <source>First response (median)</source>
        <translation>首次响应（中位数）</translation>
    </message>
    <message>
        <source>First response (P90)</source>
        <translation>首次响应（P90）</translation>
    </message>
    <message>
        <source>Resolution time (median)</source>
        <translation>解决时长（中位数）</translation>
    </message>
    <message>
        <source>Resolution time (P90)</source>
        <translation>解决时长（P90）</translation>
    </message>
    <message>
        <source>Resolution rate</source>
        <translation>解决率</translation>
    </message>
    <message>
        <source>CSAT score</source>
        <translation>满意度得分</translation>
    </message>
    <message>
        <source>CSAT satisfied</source>
        <translation>满意率</translation>
    </message>
    <message>
        <source>NPS</source>
        <translation>净推荐值 NPS</translation>
    </message>
    <message>
        <source>Complaint rate</source>
        <translation>投诉率</translation>
    </message>
    <message>
        <source>Complaint closure</source>
        <translation>投诉关闭率</translation>
    </message>
    <message>
        <source>Overdue complaints</source>
        <translation>超时投诉</translation>
    </message>
    <message>
        <source>Repeat complaints</source>
        <translation>重复投诉</translation>
    </message>
    <message>
        <source>Response SLA pending</source>
        <translation>响应 SLA 待定</translation>
    </message>
    <message>
        <source>Reopen rate</source>
        <translation>重开率</translation>
    </message>
    <message>
        <source>Answered within 30 s</source>
        <translation>30 秒内接听</translation>
    </message>
    <message>
        <source>On-site arrival SLA met</source>
        <translation>到场时效达标</translation>
    </message>
    <message>
        <source>min</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>h</source>
        <translation>小时</translation>
    </message>
    <message>
        <source>all tickets</source>
        <translation>全部工单</translation>
    </message>
    <message>
        <source>response SLA breached</source>
        <translation>响应 SLA 超时</translation>
    </message>
    <message>
        <source>resolution SLA breached</source>
        <translation>解决 SLA 超时</translation>
    </message>
    <message>
        <source>response SLA pending</source>
        <translation>响应 SLA 待定</translation>
    </message>
    <message>
        <source>with a first response</source>
        <translation>已首次响应</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>unresolved</source>
        <translation>未解决</translation>
    </message>
    <message>
        <source>with a CSAT rating</source>
        <translation>有满意度评分</translation>
    </message>
    <message>
        <source>satisfied customers</source>
        <translation>满意客户</translation>
    </message>
    <message>
        <source>NPS detractors</source>
        <translation>NPS 贬损者</translation>
    </message>
    <message>
        <source>complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>open complaints</source>
        <translation>未关闭投诉</translation>
    </message>
    <message>
        <source>overdue complaints</source>
        <translation>超时投诉</translation>
    </message>
    <message>
        <source>repeat complaints</source>
        <translation>重复投诉</translation>
    </message>
    <message>
        <source>answered after 30 s</source>
        <translation>超过 30 秒接听</translation>
    </message>
    <message>
        <source>on-site arrival late</source>
        <translation>到场超时</translation>
    </message>
</context>
<context>
    <name>ParetoChart</name>
    <message>
        <source>Pareto of complaint categories</source>
        <translation>投诉类别帕累托图</translation>
    </message>
    <message>
        <source>% of complaints</source>
        <translation>投诉占比 %</translation>
    </message>
    <message>
        <source>(no category)</source>
        <translation>（无类别）</translation>
    </message>
    <message>
        <source>%1 complaints (%2 %)</source>
        <translation>%1 件投诉（%2 %）</translation>
    </message>
    <message>
        <source>Cumulative: %1 %</source>
        <translation>累计：%1 %</translation>
    </message>
    <message>
        <source>Vital few</source>
        <translation>关键少数</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Share %</source>
        <translation>占比 %</translation>
    </message>
    <message>
        <source>Cumulative %</source>
        <translation>累计 %</translation>
    </message>
</context>
<context>
    <name>SlaByPriorityChart</name>
    <message>
        <source>SLA met % by priority</source>
        <translation>各优先级 SLA 达成率</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>响应</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>解决</translation>
    </message>
    <message>
        <source>thin</source>
        <translation>样本不足</translation>
    </message>
    <message>
        <source>%1 met of %2 measured</source>
        <translation>%2 张中达标 %1 张</translation>
    </message>
    <message>
        <source>95 % interval: %1 – %2</source>
        <translation>95 % 置信区间：%1 – %2</translation>
    </message>
    <message>
        <source>Thin sample (fewer than 30 tickets)</source>
        <translation>样本不足（少于 30 张工单）</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>达标</translation>
    </message>
    <message>
        <source>Measured</source>
        <translation>已计量</translation>
    </message>
    <message>
        <source>Met %</source>
        <translation>达成率 %</translation>
    </message>
    <message>
        <source>Wilson low</source>
        <translation>Wilson 下限</translation>
    </message>
    <message>
        <source>Wilson high</source>
        <translation>Wilson 上限</translation>
    </message>
    <message>
        <source>Thin</source>
        <translation>样本不足</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <source>Trend with control limits</source>
        <translation>趋势与控制限</translation>
    </message>
    <message>
        <source>Trend KPI</source>
        <translation>趋势指标</translation>
    </message>
    <message>
        <source>Trend grain</source>
        <translation>趋势粒度</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>n = %1</source>
        <translation>样本 n = %1</translation>
    </message>
    <message>
        <source>Limits: %1 – %2</source>
        <translation>控制限：%1 – %2</translation>
    </message>
    <message>
        <source>Beyond the control limits</source>
        <translation>超出控制限</translation>
    </message>
    <message>
        <source>Run of 8 on one side of the centre</source>
        <translation>连续 8 点位于中心线同侧</translation>
    </message>
    <message>
        <source>Bucket start</source>
        <translation>区间开始</translation>
    </message>
    <message>
        <source>Bucket end</source>
        <translation>区间结束</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>n</source>
        <translation>样本数</translation>
    </message>
    <message>
        <source>Lower limit</source>
        <translation>控制下限</translation>
    </message>
    <message>
        <source>Upper limit</source>
        <translation>控制上限</translation>
    </message>
    <message>
        <source>Beyond limits</source>
        <translation>超出控制限</translation>
    </message>
    <message>
        <source>Run of 8</source>
        <translation>连续 8 点</translation>
    </message>
</context>
</TS>
