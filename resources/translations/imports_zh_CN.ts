<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
  <context>
    <name>ImportMessages</name>
    <message>
      <source>Required value is empty</source>
      <translation>必填项为空</translation>
    </message>
    <message>
      <source>Value cannot be read</source>
      <translation>无法识别该值</translation>
    </message>
    <message>
      <source>Duplicate ticket ID (the first one is kept)</source>
      <translation>工单号重复（保留第一条）</translation>
    </message>
    <message>
      <source>Resolved before it was created</source>
      <translation>解决时间早于创建时间</translation>
    </message>
    <message>
      <source>First response before it was created</source>
      <translation>首次响应早于创建时间</translation>
    </message>
    <message>
      <source>First response after the resolution</source>
      <translation>首次响应晚于解决时间</translation>
    </message>
    <message>
      <source>Time before the creation time</source>
      <translation>时间早于创建时间</translation>
    </message>
    <message>
      <source>Duration is negative or longer than a year</source>
      <translation>时长为负或超过一年</translation>
    </message>
    <message>
      <source>Unknown priority</source>
      <translation>未知的优先级</translation>
    </message>
    <message>
      <source>Unknown status</source>
      <translation>未知的状态</translation>
    </message>
    <message>
      <source>Unknown value</source>
      <translation>未知的值</translation>
    </message>
    <message>
      <source>Satisfaction outside its scale</source>
      <translation>满意度超出评分范围</translation>
    </message>
    <message>
      <source>NPS is not a whole number from 0 to 10</source>
      <translation>NPS 不是 0 到 10 的整数</translation>
    </message>
    <message>
      <source>Time is more than a day in the future</source>
      <translation>时间晚于现在超过一天</translation>
    </message>
    <message>
      <source>Number must not be negative</source>
      <translation>数值不能为负</translation>
    </message>
    <message>
      <source>The file does not exist.</source>
      <translation>文件不存在。</translation>
    </message>
    <message>
      <source>The file cannot be read.</source>
      <translation>无法读取该文件。</translation>
    </message>
    <message>
      <source>The file is password protected.</source>
      <translation>文件有密码保护。</translation>
    </message>
    <message>
      <source>The file is damaged.</source>
      <translation>文件已损坏。</translation>
    </message>
    <message>
      <source>The file is not a spreadsheet.</source>
      <translation>该文件不是电子表格。</translation>
    </message>
    <message>
      <source>The file is over a safety limit.</source>
      <translation>文件超出安全限制。</translation>
    </message>
    <message>
      <source>This file could not be read safely.</source>
      <translation>无法安全地读取该文件。</translation>
    </message>
    <message>
      <source>The file holds no table.</source>
      <translation>文件中没有表格数据。</translation>
    </message>
    <message>
      <source>There is no such mapping profile.</source>
      <translation>没有该映射方案。</translation>
    </message>
    <message>
      <source>Unknown time zone.</source>
      <translation>未知的时区。</translation>
    </message>
    <message>
      <source>Not a period (e.g. 2026Q1, 2026-03, 2026年3月).</source>
      <translation>不是有效的期间（例如 2026Q1、2026-03、2026年3月）。</translation>
    </message>
    <message>
      <source>An import option is not valid.</source>
      <translation>导入选项无效。</translation>
    </message>
    <message>
      <source>There is no such checklist.</source>
      <translation>没有这个检查表。</translation>
    </message>
    <message>
      <source>A later import changed the same rows: undo that one first.</source>
      <translation>之后的导入修改了相同的行：请先撤销那一次导入。</translation>
    </message>
    <message>
      <source>This import was undone already.</source>
      <translation>该导入已撤销。</translation>
    </message>
    <message>
      <source>There is no such import.</source>
      <translation>没有该导入记录。</translation>
    </message>
    <message>
      <source>This import cannot be undone.</source>
      <translation>该导入无法撤销。</translation>
    </message>
    <message>
      <source>Checking</source>
      <translation>检查中</translation>
    </message>
    <message>
      <source>Reading</source>
      <translation>读取中</translation>
    </message>
    <message>
      <source>Recognising columns</source>
      <translation>识别列</translation>
    </message>
    <message>
      <source>Validating</source>
      <translation>校验中</translation>
    </message>
    <message>
      <source>Loading</source>
      <translation>写入中</translation>
    </message>
    <message>
      <source>Indexing</source>
      <translation>建立索引</translation>
    </message>
    <message>
      <source>Done</source>
      <translation>完成</translation>
    </message>
    <message>
      <source>✔ profile</source>
      <translation>✔ 方案</translation>
    </message>
    <message>
      <source>✔ chosen</source>
      <translation>✔ 手动</translation>
    </message>
    <message>
      <source>✔ sure</source>
      <translation>✔ 确定</translation>
    </message>
    <message>
      <source>≈ likely</source>
      <translation>≈ 可能</translation>
    </message>
    <message>
      <source>? guessed</source>
      <translation>? 推测</translation>
    </message>
    <message>
      <source>— ignored</source>
      <translation>— 忽略</translation>
    </message>
    <message>
      <source>Ticket ID</source>
      <translation>工单号</translation>
    </message>
    <message>
      <source>Created</source>
      <translation>创建时间</translation>
    </message>
    <message>
      <source>Created (date)</source>
      <translation>创建日期</translation>
    </message>
    <message>
      <source>Created (time of day)</source>
      <translation>创建时刻</translation>
    </message>
    <message>
      <source>First response</source>
      <translation>首次响应时间</translation>
    </message>
    <message>
      <source>First response time (duration)</source>
      <translation>首次响应时长</translation>
    </message>
    <message>
      <source>Resolved</source>
      <translation>解决时间</translation>
    </message>
    <message>
      <source>Resolution time (duration)</source>
      <translation>解决时长</translation>
    </message>
    <message>
      <source>Answered</source>
      <translation>接通时间</translation>
    </message>
    <message>
      <source>On-site arrival</source>
      <translation>到场时间</translation>
    </message>
    <message>
      <source>Closed</source>
      <translation>关闭时间</translation>
    </message>
    <message>
      <source>Last updated (event logs)</source>
      <translation>更新时间（事件日志）</translation>
    </message>
    <message>
      <source>Talk time (calls)</source>
      <translation>通话时长</translation>
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
      <source>Description</source>
      <translation>描述</translation>
    </message>
    <message>
      <source>Customer</source>
      <translation>客户</translation>
    </message>
    <message>
      <source>Agent</source>
      <translation>处理人</translation>
    </message>
    <message>
      <source>Team</source>
      <translation>团队</translation>
    </message>
    <message>
      <source>Site</source>
      <translation>站点</translation>
    </message>
    <message>
      <source>Vendor</source>
      <translation>供应商</translation>
    </message>
    <message>
      <source>Complaint</source>
      <translation>投诉</translation>
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
      <source>Reopened count</source>
      <translation>重开次数</translation>
    </message>
    <message>
      <source>Answered (Y/N)</source>
      <translation>是否接通</translation>
    </message>
    <message>
      <source>Resolved (Y/N)</source>
      <translation>是否解决</translation>
    </message>
    <message>
      <source>Tickets</source>
      <translation>工单</translation>
    </message>
    <message>
      <source>Inspections</source>
      <translation>检查记录</translation>
    </message>
    <message>
      <source>Vendor metrics</source>
      <translation>供应商指标</translation>
    </message>
  </context>
  <context>
    <name>ImportProgressPanel</name>
    <message>
      <source>Import progress</source>
      <translation>导入进度</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Cancel the import</source>
      <translation>取消导入</translation>
    </message>
    <message>
      <source>%1 rows/s</source>
      <translation>%1 行/秒</translation>
    </message>
    <message>
      <source>%1 rows</source>
      <translation>%1 行</translation>
    </message>
  </context>
  <context>
    <name>ImportsPage</name>
    <message>
      <source>When</source>
      <translation>时间</translation>
    </message>
    <message>
      <source>File</source>
      <translation>文件</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>来源</translation>
    </message>
    <message>
      <source>Rows</source>
      <translation>行数</translation>
    </message>
    <message>
      <source>Inserted</source>
      <translation>新增</translation>
    </message>
    <message>
      <source>Updated</source>
      <translation>更新</translation>
    </message>
    <message>
      <source>Rejected</source>
      <translation>拒绝</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>User</source>
      <translation>用户</translation>
    </message>
    <message>
      <source>Imports</source>
      <translation>导入</translation>
    </message>
    <message>
      <source>Import…</source>
      <translation>导入…</translation>
    </message>
    <message>
      <source>Undo import</source>
      <translation>撤销导入</translation>
    </message>
    <message>
      <source>Show report</source>
      <translation>查看报告</translation>
    </message>
    <message>
      <source>Import spreadsheets</source>
      <translation>导入电子表格</translation>
    </message>
    <message>
      <source>Undo the selected import</source>
      <translation>撤销所选导入</translation>
    </message>
    <message>
      <source>Show the report of the selected import</source>
      <translation>查看所选导入的报告</translation>
    </message>
    <message>
      <source>Importing is not available in this window.</source>
      <translation>此窗口不支持导入。</translation>
    </message>
    <message>
      <source>%1 was already imported as batch %2; nothing done.</source>
      <translation>%1 已作为批次 %2 导入；未做任何更改。</translation>
    </message>
    <message>
      <source>Import of %1 cancelled.</source>
      <translation>已取消导入 %1。</translation>
    </message>
    <message>
      <source>Nothing imported from %1.</source>
      <translation>%1 未导入任何数据。</translation>
    </message>
    <message>
      <source>%1: %2 rows, %3 inserted, %4 updated, %5 rejected.</source>
      <translation>%1：%2 行，新增 %3，更新 %4，拒绝 %5。</translation>
    </message>
    <message>
      <source>Import of %1 cancelled; nothing was changed.</source>
      <translation>已取消导入 %1；数据未作任何更改。</translation>
    </message>
    <message>
      <source>%1 could not be imported: %2</source>
      <translation>%1 无法导入：%2</translation>
    </message>
    <message>
      <source>Import cancelled; nothing was changed.</source>
      <translation>导入已取消；数据未作任何更改。</translation>
    </message>
    <message>
      <source>Spreadsheets (*.xlsx *.xlsm *.xls *.ods *.csv *.tsv *.txt)</source>
      <translation>电子表格 (*.xlsx *.xlsm *.xls *.ods *.csv *.tsv *.txt)</translation>
    </message>
    <message>
      <source>Undo import %1? Its new rows are removed and the rows it changed get their previous values back.</source>
      <translation>撤销导入 %1？其新增的行将被删除，被修改的行将恢复原值。</translation>
    </message>
    <message>
      <source>Import %1 undone.</source>
      <translation>导入 %1 已撤销。</translation>
    </message>
  </context>
  <context>
    <name>MappingDialog</name>
    <message>
      <source>Column mapping — %1</source>
      <translation>列映射 — %1</translation>
    </message>
    <message>
      <source>%1 rows. Check which column fills which field.</source>
      <translation>共 %1 行。请确认每一列对应的字段。</translation>
    </message>
    <message>
      <source>Profile used: %1</source>
      <translation>使用的方案：%1</translation>
    </message>
    <message>
      <source>What this file holds</source>
      <translation>文件内容</translation>
    </message>
    <message>
      <source>Column mapping</source>
      <translation>列映射</translation>
    </message>
    <message>
      <source>Column</source>
      <translation>列</translation>
    </message>
    <message>
      <source>Sample values</source>
      <translation>示例值</translation>
    </message>
    <message>
      <source>Field</source>
      <translation>字段</translation>
    </message>
    <message>
      <source>Unit</source>
      <translation>单位</translation>
    </message>
    <message>
      <source>Found by</source>
      <translation>识别方式</translation>
    </message>
    <message>
      <source>Field for %1</source>
      <translation>%1 的字段</translation>
    </message>
    <message>
      <source>(ignore)</source>
      <translation>（忽略）</translation>
    </message>
    <message>
      <source>Unit for %1</source>
      <translation>%1 的单位</translation>
    </message>
    <message>
      <source>seconds</source>
      <translation>秒</translation>
    </message>
    <message>
      <source>minutes</source>
      <translation>分钟</translation>
    </message>
    <message>
      <source>hours</source>
      <translation>小时</translation>
    </message>
    <message>
      <source>days</source>
      <translation>天</translation>
    </message>
    <message>
      <source>What this file holds:</source>
      <translation>文件内容：</translation>
    </message>
    <message>
      <source>Save as profile:</source>
      <translation>保存为方案：</translation>
    </message>
    <message>
      <source>Profile name</source>
      <translation>方案名称</translation>
    </message>
    <message>
      <source>Continue</source>
      <translation>继续</translation>
    </message>
    <message>
      <source>Treat as an event log (one row per change): keep the last state of each ticket</source>
      <translation>按事件日志处理（每次变更一行）：保留每个工单的最后状态</translation>
    </message>
    <message>
      <source>Treat as an event log</source>
      <translation>按事件日志处理</translation>
    </message>
    <message>
      <source>Looks like an event log: %1 rows for %2 tickets.</source>
      <translation>看起来是事件日志：%1 行对应 %2 个工单。</translation>
    </message>
    <message>
      <source>Inspections need no column mapping: the visit columns (site, date, inspector, score, result) and the checklist items are recognised, and the items are matched to a checklist template automatically. Rows that cannot be read are skipped and listed in the import's report.</source>
      <translation>检查数据无需列映射：自动识别检查记录的列（站点、日期、检查员、得分、结果）和检查项，并自动匹配检查表模板。无法读取的行会被跳过，并列在导入报告中。</translation>
    </message>
    <message>
      <source>Vendor metrics need no column mapping: the vendor, period and metric columns are recognised, and order rows are aggregated per vendor and month. Rows that cannot be read are skipped and listed in the import's report.</source>
      <translation>供应商指标无需列映射：自动识别供应商、期间和指标列，订单行按供应商和月份汇总。无法读取的行会被跳过，并列在导入报告中。</translation>
    </message>
    <message>
      <source>Period when the file has none</source>
      <translation>文件无期间时使用的期间</translation>
    </message>
    <message>
      <source>e.g. 2026Q1, 2026-03 or 2026年3月; empty: the current quarter</source>
      <translation>例如 2026Q1、2026-03 或 2026年3月；留空：本季度</translation>
    </message>
    <message>
      <source>Period when the file has none:</source>
      <translation>文件无期间时使用的期间：</translation>
    </message>
    <message>
      <source>This file has a period column; the period above is not used for its rows.</source>
      <translation>此文件有期间列，上面的期间不用于它的行。</translation>
    </message>
    <message>
      <source>Period: %1</source>
      <translation>期间：%1</translation>
    </message>
    <message>
      <source>Not a period: write e.g. 2026Q1, 2026-03 or 2026年3月.</source>
      <translation>不是有效的期间：请填写例如 2026Q1、2026-03 或 2026年3月。</translation>
    </message>
    <message>
      <source>Unknown values</source>
      <translation>未知的值</translation>
    </message>
    <message>
      <source>Value</source>
      <translation>值</translation>
    </message>
    <message>
      <source>Rows</source>
      <translation>行数</translation>
    </message>
    <message>
      <source>Treat as</source>
      <translation>视为</translation>
    </message>
    <message>
      <source>Treat %1 as</source>
      <translation>将 %1 视为</translation>
    </message>
    <message>
      <source>(reject the rows)</source>
      <translation>（拒绝这些行）</translation>
    </message>
  </context>
  <context>
    <name>ProblemTableModel</name>
    <message>
      <source>Row</source>
      <translation>行</translation>
    </message>
    <message>
      <source>Column</source>
      <translation>列</translation>
    </message>
    <message>
      <source>Value</source>
      <translation>值</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>原因</translation>
    </message>
  </context>
  <context>
    <name>ValidationReportDialog</name>
    <message>
      <source>Validation report — %1</source>
      <translation>校验报告 — %1</translation>
    </message>
    <message>
      <source>%1 rows read, %2 rejected.</source>
      <translation>读取 %1 行，拒绝 %2 行。</translation>
    </message>
    <message>
      <source>Rejected rows</source>
      <translation>被拒绝的行</translation>
    </message>
    <message>
      <source>Export rejected rows…</source>
      <translation>导出被拒绝的行…</translation>
    </message>
    <message>
      <source>Import valid rows</source>
      <translation>导入有效行</translation>
    </message>
    <message>
      <source>Import nothing</source>
      <translation>全部不导入</translation>
    </message>
    <message>
      <source>Export rejected rows</source>
      <translation>导出被拒绝的行</translation>
    </message>
    <message>
      <source>Excel (*.xlsx)</source>
      <translation>Excel 文件 (*.xlsx)</translation>
    </message>
    <message>
      <source>Row</source>
      <translation>行</translation>
    </message>
    <message>
      <source>Errors</source>
      <translation>错误</translation>
    </message>
  </context>
  <context>
    <name>WatchedFolderTab</name>
    <message>
      <source>Import new spreadsheets from this folder</source>
      <translation>自动导入此文件夹中的新电子表格</translation>
    </message>
    <message>
      <source>Watched folder</source>
      <translation>监视文件夹</translation>
    </message>
    <message>
      <source>Browse…</source>
      <translation>浏览…</translation>
    </message>
    <message>
      <source>When some rows are invalid</source>
      <translation>部分行无效时</translation>
    </message>
    <message>
      <source>Import the valid rows</source>
      <translation>导入有效行</translation>
    </message>
    <message>
      <source>Import nothing</source>
      <translation>全部不导入</translation>
    </message>
    <message>
      <source>Watched folder log</source>
      <translation>监视文件夹日志</translation>
    </message>
    <message>
      <source>Folder:</source>
      <translation>文件夹：</translation>
    </message>
    <message>
      <source>When some rows are invalid:</source>
      <translation>部分行无效时：</translation>
    </message>
    <message>
      <source>Log:</source>
      <translation>日志：</translation>
    </message>
  </context>
</TS>