<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
  <context>
    <name>PeriodReport</name>
    <message>
      <source>Volume (tickets)</source>
      <translation>工单量（张）</translation>
    </message>
    <message>
      <source>First response, median (min)</source>
      <translation>首次响应中位数（分钟）</translation>
    </message>
    <message>
      <source>First response, P90 (min)</source>
      <translation>首次响应 P90（分钟）</translation>
    </message>
    <message>
      <source>Resolution time, median (h)</source>
      <translation>解决时长中位数（小时）</translation>
    </message>
    <message>
      <source>Resolution time, P90 (h)</source>
      <translation>解决时长 P90（小时）</translation>
    </message>
    <message>
      <source>Response SLA met</source>
      <translation>响应 SLA 达成率</translation>
    </message>
    <message>
      <source>Response SLA pending (tickets)</source>
      <translation>响应 SLA 待定（张）</translation>
    </message>
    <message>
      <source>Resolution SLA met</source>
      <translation>解决 SLA 达成率</translation>
    </message>
    <message>
      <source>Resolution rate</source>
      <translation>解决率</translation>
    </message>
    <message>
      <source>Reopen rate</source>
      <translation>重开率</translation>
    </message>
    <message>
      <source>CSAT score (0–100)</source>
      <translation>满意度得分（0–100）</translation>
    </message>
    <message>
      <source>CSAT satisfied</source>
      <translation>满意率</translation>
    </message>
    <message>
      <source>NPS (−100…100)</source>
      <translation>净推荐值 NPS（−100…100）</translation>
    </message>
    <message>
      <source>Complaint rate</source>
      <translation>投诉率</translation>
    </message>
    <message>
      <source>Complaint closure rate</source>
      <translation>投诉办结率</translation>
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
      <source>met</source>
      <translation>达标</translation>
    </message>
    <message>
      <source>within 5 %</source>
      <translation>差距 5 % 以内</translation>
    </message>
    <message>
      <source>missed</source>
      <translation>未达标</translation>
    </message>
    <message>
      <source>thin</source>
      <translation>样本少</translation>
    </message>
    <message>
      <source>pp</source>
      <translation>个百分点</translation>
    </message>
    <message>
      <source>yes</source>
      <translation>是</translation>
    </message>
    <message>
      <source>all</source>
      <translation>全部</translation>
    </message>
    <message>
      <source>local time</source>
      <translation>本地时间</translation>
    </message>
    <message>
      <source>(no category)</source>
      <translation>（无类别）</translation>
    </message>
    <message>
      <source>(no vendor)</source>
      <translation>（无供应商）</translation>
    </message>
    <message>
      <source>(no site)</source>
      <translation>（无网点）</translation>
    </message>
    <message>
      <source>Service quality report</source>
      <translation>服务质量报告</translation>
    </message>
    <message>
      <source>Monthly service quality report</source>
      <translation>服务质量月报</translation>
    </message>
    <message>
      <source>Quarterly service quality report</source>
      <translation>服务质量季报</translation>
    </message>
    <message>
      <source>Weekly service quality report</source>
      <translation>服务质量周报</translation>
    </message>
    <message>
      <source>Annual service quality report</source>
      <translation>服务质量年报</translation>
    </message>
    <message>
      <source>Summary</source>
      <translation>概要</translation>
    </message>
    <message>
      <source>By priority</source>
      <translation>按优先级</translation>
    </message>
    <message>
      <source>Pareto</source>
      <translation>帕累托</translation>
    </message>
    <message>
      <source>Vendors</source>
      <translation>供应商</translation>
    </message>
    <message>
      <source>Sites</source>
      <translation>网点</translation>
    </message>
    <message>
      <source>Trend</source>
      <translation>趋势</translation>
    </message>
    <message>
      <source>Period</source>
      <translation>周期</translation>
    </message>
    <message>
      <source>As of</source>
      <translation>统计时点</translation>
    </message>
    <message>
      <source>Previous period</source>
      <translation>上一周期</translation>
    </message>
    <message>
      <source>Complaints by category (Pareto)</source>
      <translation>投诉类别帕累托图</translation>
    </message>
    <message>
      <source>Tickets per day</source>
      <translation>每日工单量</translation>
    </message>
    <message>
      <source>Response SLA met per day</source>
      <translation>每日响应 SLA 达成率</translation>
    </message>
    <message>
      <source>Tickets per month</source>
      <translation>每月工单量</translation>
    </message>
    <message>
      <source>Response SLA met per month</source>
      <translation>每月响应 SLA 达成率</translation>
    </message>
    <message>
      <source>SLA by priority</source>
      <translation>各优先级 SLA</translation>
    </message>
    <message>
      <source>By vendor</source>
      <translation>按供应商</translation>
    </message>
    <message>
      <source>By site</source>
      <translation>按网点</translation>
    </message>
    <message>
      <source>Overdue complaints at the period end</source>
      <translation>周期末超时投诉</translation>
    </message>
    <message>
      <source>None.</source>
      <translation>无。</translation>
    </message>
    <message>
      <source>Page %1 of %2</source>
      <translation>第 %1 页，共 %2 页</translation>
    </message>
    <message>
      <source>Generated %1</source>
      <translation>生成于 %1</translation>
    </message>
    <message>
      <source>Dark bars are the vital few: the categories that together reach 80 % of complaints.</source>
      <translation>深色条为关键少数：合计占投诉 80 % 的类别。</translation>
    </message>
    <message>
      <source>Grey lines are the control limits, the green dashed line the target; a red point lies outside the limits (a real change, not noise).</source>
      <translation>灰线为控制限，绿色虚线为目标；红点超出控制限（真实变化，而非随机波动）。</translation>
    </message>
    <message>
      <source>Thin: fewer than 30 tickets or answers behind the figure; read it with care.</source>
      <translation>样本少：该数值所依据的工单或答复不足 30 条，请谨慎解读。</translation>
    </message>
    <message>
      <source>KPI</source>
      <translation>指标</translation>
    </message>
    <message>
      <source>Value</source>
      <translation>数值</translation>
    </message>
    <message>
      <source>Target</source>
      <translation>目标</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Previous</source>
      <translation>上期</translation>
    </message>
    <message>
      <source>Delta</source>
      <translation>变化</translation>
    </message>
    <message>
      <source>n</source>
      <translation>样本数</translation>
    </message>
    <message>
      <source>Thin</source>
      <translation>样本少</translation>
    </message>
    <message>
      <source>Priority</source>
      <translation>优先级</translation>
    </message>
    <message>
      <source>Volume</source>
      <translation>工单量</translation>
    </message>
    <message>
      <source>Met</source>
      <translation>达标</translation>
    </message>
    <message>
      <source>Breached</source>
      <translation>违约</translation>
    </message>
    <message>
      <source>Pending</source>
      <translation>待定</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>类别</translation>
    </message>
    <message>
      <source>Complaints</source>
      <translation>投诉数</translation>
    </message>
    <message>
      <source>Share</source>
      <translation>占比</translation>
    </message>
    <message>
      <source>Cumulative share</source>
      <translation>累计占比</translation>
    </message>
    <message>
      <source>Vital few</source>
      <translation>关键少数</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>n (response)</source>
      <translation>样本数（响应）</translation>
    </message>
    <message>
      <source>n (resolution)</source>
      <translation>样本数（解决）</translation>
    </message>
    <message>
      <source>n (CSAT)</source>
      <translation>样本数（满意度）</translation>
    </message>
    <message>
      <source>Ticket id</source>
      <translation>工单 ID</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>来源</translation>
    </message>
    <message>
      <source>External id</source>
      <translation>工单号</translation>
    </message>
    <message>
      <source>Created</source>
      <translation>创建时间</translation>
    </message>
    <message>
      <source>Age (h)</source>
      <translation>已过时长（小时）</translation>
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
      <source>Title</source>
      <translation>标题</translation>
    </message>
    <message>
      <source>Start</source>
      <translation>开始</translation>
    </message>
    <message>
      <source>Volume UCL</source>
      <translation>工单量上控制限</translation>
    </message>
    <message>
      <source>Volume LCL</source>
      <translation>工单量下控制限</translation>
    </message>
    <message>
      <source>Volume outside limits</source>
      <translation>工单量超出控制限</translation>
    </message>
    <message>
      <source>Centre</source>
      <translation>中心线</translation>
    </message>
    <message>
      <source>UCL</source>
      <translation>上控制限</translation>
    </message>
    <message>
      <source>LCL</source>
      <translation>下控制限</translation>
    </message>
    <message>
      <source>Response outside limits</source>
      <translation>响应超出控制限</translation>
    </message>
  </context>
  <context>
    <name>ReportDialog</name>
    <message>
      <source>Period report</source>
      <translation>周期报告</translation>
    </message>
    <message>
      <source>Month</source>
      <translation>月</translation>
    </message>
    <message>
      <source>Quarter</source>
      <translation>季度</translation>
    </message>
    <message>
      <source>ISO week</source>
      <translation>ISO 周</translation>
    </message>
    <message>
      <source>Year</source>
      <translation>年</translation>
    </message>
    <message>
      <source>Kind of period</source>
      <translation>周期类型</translation>
    </message>
    <message>
      <source>Month, quarter or week</source>
      <translation>月、季度或周</translation>
    </message>
    <message>
      <source>PDF document (*.pdf)</source>
      <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
      <source>Excel workbook (*.xlsx)</source>
      <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
      <source>File format</source>
      <translation>文件格式</translation>
    </message>
    <message>
      <source>Report file</source>
      <translation>报告文件</translation>
    </message>
    <message>
      <source>Browse…</source>
      <translation>浏览…</translation>
    </message>
    <message>
      <source>Choose the report file</source>
      <translation>选择报告文件</translation>
    </message>
    <message>
      <source>Write report</source>
      <translation>生成报告</translation>
    </message>
    <message>
      <source>Period:</source>
      <translation>周期：</translation>
    </message>
    <message>
      <source>Which:</source>
      <translation>哪一期：</translation>
    </message>
    <message>
      <source>Format:</source>
      <translation>格式：</translation>
    </message>
    <message>
      <source>File:</source>
      <translation>文件：</translation>
    </message>
    <message>
      <source>no such week</source>
      <translation>该年没有这一周</translation>
    </message>
    <message>
      <source>Save the report</source>
      <translation>保存报告</translation>
    </message>
    <message>
      <source>Choose a file for the report.</source>
      <translation>请为报告选择一个文件。</translation>
    </message>
    <message>
      <source>Writing the report for %1…</source>
      <translation>正在生成 %1 的报告…</translation>
    </message>
    <message>
      <source>Wrote %1</source>
      <translation>已写入 %1</translation>
    </message>
    <message>
      <source>The report could not be written: %1</source>
      <translation>无法写入报告：%1</translation>
    </message>
  </context>
</TS>