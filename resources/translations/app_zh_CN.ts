<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
  <context>
    <name>DatabaseStatusBar</name>
    <message>
      <source>Working</source>
      <translation>处理中</translation>
    </message>
    <message>
      <source>Database: %1</source>
      <translation>数据库：%1</translation>
    </message>
    <message>
      <source>%1 tickets · %2 vendors · %3 sites · %4 inspections</source>
      <translation>%1 张工单 · %2 家供应商 · %3 个网点 · %4 次检查</translation>
    </message>
  </context>
  <context>
    <name>DesktopApp</name>
    <message>
      <source>Open database</source>
      <translation>打开数据库</translation>
    </message>
    <message>
      <source>Welcome to ServiceLens</source>
      <translation>欢迎使用服务质量监督台</translation>
    </message>
    <message>
      <source>The database is empty. Load a demo data set (20,000 tickets, 8 vendors, 20 sites, 60 inspections) to look around?</source>
      <translation>数据库为空。是否载入演示数据（20,000 张工单、8 家供应商、20 个网点、60 次检查）先看一看？</translation>
    </message>
    <message>
      <source>Creating demo data…</source>
      <translation>正在生成演示数据…</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Demo data</source>
      <translation>演示数据</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>Dashboard</source>
      <translation>仪表盘</translation>
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
      <source>Checklists</source>
      <translation>检查表</translation>
    </message>
    <message>
      <source>Vendors</source>
      <translation>供应商</translation>
    </message>
    <message>
      <source>Scorecards</source>
      <translation>评分卡</translation>
    </message>
    <message>
      <source>Imports</source>
      <translation>导入</translation>
    </message>
    <message>
      <source>Settings</source>
      <translation>设置</translation>
    </message>
    <message>
      <source>ServiceLens — %1</source>
      <translation>服务质量监督台 — %1</translation>
    </message>
    <message>
      <source>Navigation</source>
      <translation>导航</translation>
    </message>
    <message>
      <source>&amp;Import…</source>
      <translation>导入(&amp;I)…</translation>
    </message>
    <message>
      <source>&amp;Open database…</source>
      <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
      <source>&amp;Export…</source>
      <translation>导出(&amp;E)…</translation>
    </message>
    <message>
      <source>Period &amp;report…</source>
      <translation>周期报告(&amp;R)…</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>退出(&amp;Q)</translation>
    </message>
    <message>
      <source>&amp;Refresh</source>
      <translation>刷新(&amp;R)</translation>
    </message>
    <message>
      <source>&amp;Full screen</source>
      <translation>全屏(&amp;F)</translation>
    </message>
    <message>
      <source>&amp;About ServiceLens</source>
      <translation>关于服务质量监督台(&amp;A)</translation>
    </message>
    <message>
      <source>About &amp;Qt</source>
      <translation>关于 &amp;Qt</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>文件(&amp;F)</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>视图(&amp;V)</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>帮助(&amp;H)</translation>
    </message>
    <message>
      <source>Main toolbar</source>
      <translation>主工具栏</translation>
    </message>
    <message>
      <source>Import spreadsheets</source>
      <translation>导入电子表格</translation>
    </message>
    <message>
      <source>Spreadsheets (*.xlsx *.xlsm *.xls *.ods *.csv *.tsv *.txt)</source>
      <translation>电子表格 (*.xlsx *.xlsm *.xls *.ods *.csv *.tsv *.txt)</translation>
    </message>
    <message>
      <source>Open or create a database</source>
      <translation>打开或新建数据库</translation>
    </message>
    <message>
      <source>ServiceLens databases (*.db *.sqlite)</source>
      <translation>服务质量监督台数据库 (*.db *.sqlite)</translation>
    </message>
    <message>
      <source>Export</source>
      <translation>导出</translation>
    </message>
    <message>
      <source>This page has no table to export.</source>
      <translation>此页面没有可导出的表格。</translation>
    </message>
    <message>
      <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
      <translation>Excel 工作簿 (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
      <source>Exported to %1</source>
      <translation>已导出到 %1</translation>
    </message>
    <message>
      <source>Wrote %1</source>
      <translation>已写入 %1</translation>
    </message>
    <message>
      <source>About ServiceLens</source>
      <translation>关于服务质量监督台</translation>
    </message>
    <message>
      <source>&lt;h3&gt;ServiceLens %1&lt;/h3&gt;&lt;p&gt;Service-quality supervision: KPIs, inspections and vendor scorecards from your spreadsheets.&lt;/p&gt;&lt;p&gt;Database: %2&lt;/p&gt;</source>
      <translation>&lt;h3&gt;服务质量监督台 %1&lt;/h3&gt;&lt;p&gt;服务质量监督：用您已有的电子表格生成关键指标、现场检查和供应商评分卡。&lt;/p&gt;&lt;p&gt;数据库：%2&lt;/p&gt;</translation>
    </message>
  </context>
</TS>