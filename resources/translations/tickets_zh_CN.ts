<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
  <context>
    <name>TicketDetailPanel</name>
    <message>
      <source>%1 min</source>
      <translation>%1 分钟</translation>
    </message>
    <message>
      <source>%1 h %2 min</source>
      <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
      <source>%1 d</source>
      <translation>%1 天</translation>
    </message>
    <message>
      <source>open</source>
      <translation>待处理</translation>
    </message>
    <message>
      <source>in progress</source>
      <translation>处理中</translation>
    </message>
    <message>
      <source>resolved</source>
      <translation>已解决</translation>
    </message>
    <message>
      <source>closed</source>
      <translation>已关闭</translation>
    </message>
    <message>
      <source>No ticket selected</source>
      <translation>未选择工单</translation>
    </message>
    <message>
      <source>ID</source>
      <translation>编号</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>来源</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>标题</translation>
    </message>
    <message>
      <source>Priority</source>
      <translation>优先级</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
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
      <source>Complaint</source>
      <translation>投诉</translation>
    </message>
    <message>
      <source>Agent</source>
      <translation>处理人</translation>
    </message>
    <message>
      <source>Site</source>
      <translation>网点</translation>
    </message>
    <message>
      <source>Vendor</source>
      <translation>供应商</translation>
    </message>
    <message>
      <source>Created</source>
      <translation>创建时间</translation>
    </message>
    <message>
      <source>First response</source>
      <translation>首次响应</translation>
    </message>
    <message>
      <source>Answered</source>
      <translation>接通</translation>
    </message>
    <message>
      <source>On site</source>
      <translation>到场</translation>
    </message>
    <message>
      <source>Resolved</source>
      <translation>解决时间</translation>
    </message>
    <message>
      <source>Closed</source>
      <translation>关闭时间</translation>
    </message>
    <message>
      <source>Customer</source>
      <translation>客户</translation>
    </message>
    <message>
      <source>Team</source>
      <translation>班组</translation>
    </message>
    <message>
      <source>CSAT</source>
      <translation>满意度</translation>
    </message>
    <message>
      <source>NPS</source>
      <translation>NPS</translation>
    </message>
    <message>
      <source>Reopened</source>
      <translation>重开次数</translation>
    </message>
    <message>
      <source>Description</source>
      <translation>描述</translation>
    </message>
    <message>
      <source>First-response time</source>
      <translation>首次响应时长</translation>
    </message>
    <message>
      <source>Resolution time</source>
      <translation>解决时长</translation>
    </message>
    <message>
      <source>SLA policy</source>
      <translation>SLA 策略</translation>
    </message>
    <message>
      <source>Response SLA</source>
      <translation>响应 SLA</translation>
    </message>
    <message>
      <source>Resolution SLA</source>
      <translation>解决 SLA</translation>
    </message>
    <message>
      <source>computing…</source>
      <translation>计算中…</translation>
    </message>
    <message>
      <source>not yet</source>
      <translation>尚未</translation>
    </message>
    <message>
      <source>no matching policy</source>
      <translation>无适用策略</translation>
    </message>
    <message>
      <source>met (%1 of %2)</source>
      <translation>达标（用时 %1，目标 %2）</translation>
    </message>
    <message>
      <source>breached by %1 (target %2)</source>
      <translation>超时 %1（目标 %2）</translation>
    </message>
    <message>
      <source>pending: %1 left of %2</source>
      <translation>进行中：剩余 %1（目标 %2）</translation>
    </message>
    <message>
      <source>not measured</source>
      <translation>不计量</translation>
    </message>
    <message>
      <source>deadline %1</source>
      <translation>截止 %1</translation>
    </message>
    <message>
      <source>business hours: %1</source>
      <translation>按工作时间计：%1</translation>
    </message>
  </context>
  <context>
    <name>TicketTableModel</name>
    <message>
      <source>ID</source>
      <translation>编号</translation>
    </message>
    <message>
      <source>Created</source>
      <translation>创建时间</translation>
    </message>
    <message>
      <source>Priority</source>
      <translation>优先级</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
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
      <source>Title</source>
      <translation>标题</translation>
    </message>
    <message>
      <source>Agent</source>
      <translation>处理人</translation>
    </message>
    <message>
      <source>Site</source>
      <translation>网点</translation>
    </message>
    <message>
      <source>Vendor</source>
      <translation>供应商</translation>
    </message>
    <message>
      <source>First response</source>
      <translation>首次响应</translation>
    </message>
    <message>
      <source>Resolved</source>
      <translation>解决时间</translation>
    </message>
    <message>
      <source>CSAT</source>
      <translation>满意度</translation>
    </message>
  </context>
  <context>
    <name>TicketsPage</name>
    <message>
      <source>Tickets</source>
      <translation>工单</translation>
    </message>
    <message>
      <source>Clear filter</source>
      <translation>清除筛选</translation>
    </message>
    <message>
      <source>Filtered tickets</source>
      <translation>筛选出的工单</translation>
    </message>
    <message>
      <source>Showing: %1</source>
      <translation>正在显示：%1</translation>
    </message>
    <message>
      <source>Loading tickets…</source>
      <translation>正在载入工单…</translation>
    </message>
    <message>
      <source>%1 ticket(s)</source>
      <translation>%1 张工单</translation>
    </message>
    <message>
      <source>Could not list the tickets: %1</source>
      <translation>无法列出工单：%1</translation>
    </message>
  </context>
</TS>