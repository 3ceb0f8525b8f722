<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
  <context>
    <name>AhpDialog</name>
    <message>
      <source>Weights by pairwise comparison (AHP)</source>
      <translation>两两比较定权重（层次分析法）</translation>
    </message>
    <message>
      <source>%1 compared with %2</source>
      <translation>%1 与 %2 比较</translation>
    </message>
    <message>
      <source>Each cell: how much more important the row is than the column (1 equal, 3 moderate, 5 strong, 7 very strong, 9 extreme; below 1 for less important).</source>
      <translation>每格表示行指标比列指标重要多少（1 同等，3 稍重要，5 明显重要，7 强烈重要，9 极端重要；小于 1 表示较不重要）。</translation>
    </message>
    <message>
      <source>Weights: %1 — consistency ratio CR = %2</source>
      <translation>权重：%1——一致性比率 CR = %2</translation>
    </message>
    <message>
      <source>Warning: CR is above 0.10 — the comparisons contradict each other; revise them before using these weights.</source>
      <translation>警告：CR 大于 0.10——判断之间相互矛盾，请修改后再使用这些权重。</translation>
    </message>
  </context>
  <context>
    <name>AuditLogTable</name>
    <message>
      <source>When</source>
      <translation>时间</translation>
    </message>
    <message>
      <source>Who</source>
      <translation>操作人</translation>
    </message>
    <message>
      <source>Action</source>
      <translation>操作</translation>
    </message>
    <message>
      <source>What</source>
      <translation>对象</translation>
    </message>
    <message>
      <source>Field</source>
      <translation>字段</translation>
    </message>
    <message>
      <source>Old</source>
      <translation>原值</translation>
    </message>
    <message>
      <source>New</source>
      <translation>新值</translation>
    </message>
    <message>
      <source>Audit log</source>
      <translation>审计日志</translation>
    </message>
  </context>
  <context>
    <name>ComparisonWidget</name>
    <message>
      <source>Vendors to compare</source>
      <translation>对比的供应商</translation>
    </message>
    <message>
      <source>Tick two to five vendors.</source>
      <translation>请勾选两到五家供应商。</translation>
    </message>
    <message>
      <source>Comparison</source>
      <translation>对比</translation>
    </message>
    <message>
      <source>Tick two to five vendors (%1 ticked).</source>
      <translation>请勾选两到五家供应商（已勾选 %1 家）。</translation>
    </message>
    <message>
      <source>Green: best in the row; red: worst; bold: a spread of 10 points or more.</source>
      <translation>绿色：该行最好；红色：最差；粗体：差距 10 分及以上。</translation>
    </message>
    <message>
      <source>Total</source>
      <translation>总分</translation>
    </message>
    <message>
      <source>Grade</source>
      <translation>等级</translation>
    </message>
    <message>
      <source>Veto</source>
      <translation>否决</translation>
    </message>
  </context>
  <context>
    <name>EvidenceDialog</name>
    <message>
      <source>Evidence</source>
      <translation>依据</translation>
    </message>
    <message>
      <source>Inspection #%1</source>
      <translation>检查 #%1</translation>
    </message>
    <message>
      <source>Vendor metric row #%1</source>
      <translation>供应商指标记录 #%1</translation>
    </message>
    <message>
      <source>(dropped)</source>
      <translation>（已剔除）</translation>
    </message>
    <message>
      <source>Carried from %1</source>
      <translation>沿用自 %1</translation>
    </message>
    <message>
      <source>No evidence: this criterion has no data for the period.</source>
      <translation>无依据：该指标本期没有数据。</translation>
    </message>
  </context>
  <context>
    <name>RunEvaluationDialog</name>
    <message>
      <source>Run evaluation</source>
      <translation>运行评估</translation>
    </message>
    <message>
      <source>Quarter</source>
      <translation>季度</translation>
    </message>
    <message>
      <source>Month</source>
      <translation>月度</translation>
    </message>
    <message>
      <source>Year</source>
      <translation>年度</translation>
    </message>
    <message>
      <source>Custom</source>
      <translation>自定义</translation>
    </message>
    <message>
      <source>Period kind</source>
      <translation>期间类型</translation>
    </message>
    <message>
      <source>Quarter or month</source>
      <translation>季度或月份</translation>
    </message>
    <message>
      <source>First day</source>
      <translation>起始日</translation>
    </message>
    <message>
      <source>Last day</source>
      <translation>截止日</translation>
    </message>
    <message>
      <source>Period</source>
      <translation>期间</translation>
    </message>
    <message>
      <source>Year / part</source>
      <translation>年 / 季或月</translation>
    </message>
    <message>
      <source>Custom range</source>
      <translation>自定义范围</translation>
    </message>
    <message>
      <source>Evaluates</source>
      <translation>评估期间</translation>
    </message>
    <message>
      <source>Vendors</source>
      <translation>供应商</translation>
    </message>
    <message>
      <source>All</source>
      <translation>全选</translation>
    </message>
    <message>
      <source>None</source>
      <translation>全不选</translation>
    </message>
    <message>
      <source>Choose at least one vendor.</source>
      <translation>请至少选择一家供应商。</translation>
    </message>
  </context>
  <context>
    <name>ScorecardPdf</name>
    <message>
      <source>Vendor evaluation</source>
      <translation>供应商评估</translation>
    </message>
    <message>
      <source>Printed by %1 on %2</source>
      <translation>由 %1 于 %2 打印</translation>
    </message>
    <message>
      <source>Rank</source>
      <translation>排名</translation>
    </message>
    <message>
      <source>Vendor</source>
      <translation>供应商</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>类别</translation>
    </message>
    <message>
      <source>Total</source>
      <translation>总分</translation>
    </message>
    <message>
      <source>Grade</source>
      <translation>等级</translation>
    </message>
    <message>
      <source>Veto</source>
      <translation>否决</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>final</source>
      <translation>已定稿</translation>
    </message>
    <message>
      <source>draft</source>
      <translation>草稿</translation>
    </message>
    <message>
      <source>incomplete</source>
      <translation>数据不全</translation>
    </message>
    <message>
      <source>Criterion</source>
      <translation>指标</translation>
    </message>
    <message>
      <source>Weight</source>
      <translation>权重</translation>
    </message>
    <message>
      <source>Raw value</source>
      <translation>原始值</translation>
    </message>
    <message>
      <source>Score 0–100</source>
      <translation>得分 0–100</translation>
    </message>
    <message>
      <source>Points</source>
      <translation>加权得分</translation>
    </message>
    <message>
      <source>missing</source>
      <translation>缺失</translation>
    </message>
    <message>
      <source>dropped</source>
      <translation>已剔除</translation>
    </message>
    <message>
      <source>Signatures</source>
      <translation>签字</translation>
    </message>
  </context>
  <context>
    <name>ScorecardTexts</name>
    <message>
      <source>Ticket KPI</source>
      <translation>工单 KPI</translation>
    </message>
    <message>
      <source>Inspection average</source>
      <translation>检查平均分</translation>
    </message>
    <message>
      <source>Vendor metric</source>
      <translation>供应商指标</translation>
    </message>
    <message>
      <source>Manual rating</source>
      <translation>人工评分</translation>
    </message>
    <message>
      <source>Linear</source>
      <translation>线性</translation>
    </message>
    <message>
      <source>Bands</source>
      <translation>分档</translation>
    </message>
    <message>
      <source>Reweight</source>
      <translation>重新分配权重</translation>
    </message>
    <message>
      <source>Score 0</source>
      <translation>记 0 分</translation>
    </message>
    <message>
      <source>Carry last period</source>
      <translation>沿用上期</translation>
    </message>
    <message>
      <source>business licence</source>
      <translation>营业执照</translation>
    </message>
    <message>
      <source>ISO 9001 certificate</source>
      <translation>ISO 9001 认证</translation>
    </message>
    <message>
      <source>security service permit</source>
      <translation>保安服务许可证</translation>
    </message>
    <message>
      <source>road transport permit</source>
      <translation>道路运输经营许可证</translation>
    </message>
    <message>
      <source>food business licence</source>
      <translation>食品经营许可证</translation>
    </message>
    <message>
      <source>%1 expired on %2</source>
      <translation>%1已于 %2 过期</translation>
    </message>
    <message>
      <source>%1 is %2, above the limit %3</source>
      <translation>%1 为 %2，超过上限 %3</translation>
    </message>
    <message>
      <source>%1 is %2, below the limit %3</source>
      <translation>%1 为 %2，低于下限 %3</translation>
    </message>
    <message>
      <source>breach marked serious</source>
      <translation>违约被标记为严重</translation>
    </message>
    <message>
      <source>unavailable</source>
      <translation>不可用</translation>
    </message>
    <message>
      <source>tickets: %1</source>
      <translation>%1 张工单</translation>
    </message>
    <message>
      <source>inspections: %1</source>
      <translation>%1 次检查</translation>
    </message>
    <message>
      <source>metric rows: %1</source>
      <translation>%1 条指标记录</translation>
    </message>
    <message>
      <source>ratings: %1</source>
      <translation>%1 个评分</translation>
    </message>
    <message>
      <source>(highest and lowest dropped)</source>
      <translation>（已去掉最高分和最低分）</translation>
    </message>
    <message>
      <source>(carried from last period)</source>
      <translation>（沿用上期）</translation>
    </message>
    <message>
      <source>no data: scored 0</source>
      <translation>无数据：记 0 分</translation>
    </message>
  </context>
  <context>
    <name>ScorecardView</name>
    <message>
      <source>Criterion</source>
      <translation>指标</translation>
    </message>
    <message>
      <source>Weight</source>
      <translation>权重</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>数据来源</translation>
    </message>
    <message>
      <source>Raw value</source>
      <translation>原始值</translation>
    </message>
    <message>
      <source>Score 0–100</source>
      <translation>得分 0–100</translation>
    </message>
    <message>
      <source>Points</source>
      <translation>加权得分</translation>
    </message>
    <message>
      <source>Evidence</source>
      <translation>依据</translation>
    </message>
    <message>
      <source>Criteria scores</source>
      <translation>指标得分</translation>
    </message>
    <message>
      <source>Evaluator</source>
      <translation>评估人</translation>
    </message>
    <message>
      <source>Rating</source>
      <translation>评分</translation>
    </message>
    <message>
      <source>Comment</source>
      <translation>评语</translation>
    </message>
    <message>
      <source>Trimmed</source>
      <translation>剔除</translation>
    </message>
    <message>
      <source>Ratings</source>
      <translation>评分</translation>
    </message>
    <message>
      <source>Rated criterion</source>
      <translation>评分指标</translation>
    </message>
    <message>
      <source>Rating 0–100</source>
      <translation>评分 0–100</translation>
    </message>
    <message>
      <source>Save rating</source>
      <translation>保存评分</translation>
    </message>
    <message>
      <source>Serious breach (veto)</source>
      <translation>严重违约（一票否决）</translation>
    </message>
    <message>
      <source>Serious breach</source>
      <translation>严重违约</translation>
    </message>
    <message>
      <source>Ratings by evaluators (0–100; with five or more the highest and lowest are dropped)</source>
      <translation>评估人评分（0–100；五人及以上时去掉最高分和最低分）</translation>
    </message>
    <message>
      <source>No evaluation selected.</source>
      <translation>未选择评估。</translation>
    </message>
    <message>
      <source>incomplete — no grade</source>
      <translation>数据不全——不评级</translation>
    </message>
    <message>
      <source>Total %1 · grade %2 · rank %3</source>
      <translation>总分 %1 · 等级 %2 · 排名 %3</translation>
    </message>
    <message>
      <source>Veto: %1</source>
      <translation>否决：%1</translation>
    </message>
    <message>
      <source>Final — read-only (by %1, %2)</source>
      <translation>已定稿——只读（%1，%2）</translation>
    </message>
    <message>
      <source>Draft</source>
      <translation>草稿</translation>
    </message>
    <message>
      <source>missing</source>
      <translation>缺失</translation>
    </message>
    <message>
      <source>Double-click to see the evidence</source>
      <translation>双击查看依据</translation>
    </message>
    <message>
      <source>dropped (highest)</source>
      <translation>已剔除（最高）</translation>
    </message>
    <message>
      <source>dropped (lowest)</source>
      <translation>已剔除（最低）</translation>
    </message>
    <message>
      <source>This evaluation is final and read-only.</source>
      <translation>此评估已定稿，只读。</translation>
    </message>
    <message>
      <source>Someone else changed this evaluation; it was reloaded.</source>
      <translation>其他人已修改此评估，已重新载入。</translation>
    </message>
    <message>
      <source>This template has no manual criterion.</source>
      <translation>此模板没有人工评分指标。</translation>
    </message>
  </context>
  <context>
    <name>ScorecardsPage</name>
    <message>
      <source>Scorecards</source>
      <translation>评分卡</translation>
    </message>
    <message>
      <source>Template</source>
      <translation>模板</translation>
    </message>
    <message>
      <source>Period</source>
      <translation>期间</translation>
    </message>
    <message>
      <source>New template…</source>
      <translation>新建模板…</translation>
    </message>
    <message>
      <source>Edit template…</source>
      <translation>编辑模板…</translation>
    </message>
    <message>
      <source>Run evaluation…</source>
      <translation>运行评估…</translation>
    </message>
    <message>
      <source>Mark final</source>
      <translation>定稿</translation>
    </message>
    <message>
      <source>Export</source>
      <translation>导出</translation>
    </message>
    <message>
      <source>Excel workbook (xlsx)…</source>
      <translation>Excel 工作簿 (xlsx)…</translation>
    </message>
    <message>
      <source>PDF for sign-off…</source>
      <translation>签批用 PDF…</translation>
    </message>
    <message>
      <source>Evaluation pack (xlsx + PDF + manifest)…</source>
      <translation>评估包（xlsx + PDF + 清单）…</translation>
    </message>
    <message>
      <source>Rank</source>
      <translation>排名</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>编号</translation>
    </message>
    <message>
      <source>Vendor</source>
      <translation>供应商</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>类别</translation>
    </message>
    <message>
      <source>Total</source>
      <translation>总分</translation>
    </message>
    <message>
      <source>Grade</source>
      <translation>等级</translation>
    </message>
    <message>
      <source>Veto / note</source>
      <translation>否决 / 说明</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Ranking</source>
      <translation>排名</translation>
    </message>
    <message>
      <source>Open vendor</source>
      <translation>打开供应商</translation>
    </message>
    <message>
      <source>Scorecard</source>
      <translation>评分卡</translation>
    </message>
    <message>
      <source>Comparison</source>
      <translation>对比</translation>
    </message>
    <message>
      <source>Sensitivity</source>
      <translation>敏感性</translation>
    </message>
    <message>
      <source>Audit log</source>
      <translation>审计日志</translation>
    </message>
    <message>
      <source>older revision</source>
      <translation>旧版本</translation>
    </message>
    <message>
      <source>incomplete</source>
      <translation>数据不全</translation>
    </message>
    <message>
      <source>Final</source>
      <translation>已定稿</translation>
    </message>
    <message>
      <source>Draft</source>
      <translation>草稿</translation>
    </message>
    <message>
      <source>Evaluating %1 vendors…</source>
      <translation>正在评估 %1 家供应商…</translation>
    </message>
    <message>
      <source>Evaluated %1 vendors for %2.</source>
      <translation>已评估 %1 家供应商（%2）。</translation>
    </message>
    <message>
      <source>%1 final evaluations were left unchanged.</source>
      <translation>%1 份已定稿的评估未作更改。</translation>
    </message>
    <message>
      <source>The evaluation failed: %1</source>
      <translation>评估失败：%1</translation>
    </message>
    <message>
      <source>Mark %1 evaluations of %2 final? They become read-only.</source>
      <translation>将 %2 的 %1 份评估定稿？定稿后只读。</translation>
    </message>
    <message>
      <source>%1 evaluations are final.</source>
      <translation>%1 份评估已定稿。</translation>
    </message>
    <message>
      <source>Export xlsx</source>
      <translation>导出 xlsx</translation>
    </message>
    <message>
      <source>Excel workbook (*.xlsx)</source>
      <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
      <source>Export PDF</source>
      <translation>导出 PDF</translation>
    </message>
    <message>
      <source>PDF (*.pdf)</source>
      <translation>PDF (*.pdf)</translation>
    </message>
    <message>
      <source>Folder for the evaluation pack</source>
      <translation>评估包保存文件夹</translation>
    </message>
    <message>
      <source>Nothing to export: run an evaluation first.</source>
      <translation>没有可导出的内容：请先运行评估。</translation>
    </message>
    <message>
      <source>Export failed: %1</source>
      <translation>导出失败：%1</translation>
    </message>
    <message>
      <source>Saved %1</source>
      <translation>已保存 %1</translation>
    </message>
  </context>
  <context>
    <name>SensitivityWidget</name>
    <message>
      <source>Service category</source>
      <translation>服务类别</translation>
    </message>
    <message>
      <source>Sensitivity</source>
      <translation>敏感性</translation>
    </message>
    <message>
      <source>All vendors, one ranking</source>
      <translation>全部供应商（统一排名）</translation>
    </message>
    <message>
      <source>No evaluation to analyse.</source>
      <translation>没有可分析的评估。</translation>
    </message>
    <message>
      <source>Current order: %1</source>
      <translation>当前排序：%1</translation>
    </message>
    <message>
      <source>First place changes</source>
      <translation>第一名发生变化</translation>
    </message>
    <message>
      <source>No single weight change within 0–100 changes first place.</source>
      <translation>在 0–100 范围内调整任一权重都不会改变第一名。</translation>
    </message>
    <message>
      <source>Smallest change that changes first place: %1 %2 points → %3 leads.</source>
      <translation>改变第一名的最小调整：%1 %2 分 → %3 领先。</translation>
    </message>
  </context>
  <context>
    <name>TemplateEditorDialog</name>
    <message>
      <source>Scorecard template</source>
      <translation>评分卡模板</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>编号</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>Service category</source>
      <translation>服务类别</translation>
    </message>
    <message>
      <source>Incomplete above missing weight</source>
      <translation>缺失权重上限</translation>
    </message>
    <message>
      <source>Service category (empty: all)</source>
      <translation>服务类别（空：全部）</translation>
    </message>
    <message>
      <source>Incomplete when missing weight exceeds</source>
      <translation>缺失权重超过此值视为数据不全</translation>
    </message>
    <message>
      <source>Used by %1 evaluations: saving publishes revision %2; those evaluations keep this one.</source>
      <translation>已有 %1 份评估使用此版本：保存将发布第 %2 版，原评估保留此版本。</translation>
    </message>
    <message>
      <source>Criterion</source>
      <translation>指标</translation>
    </message>
    <message>
      <source>Weight</source>
      <translation>权重</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>数据来源</translation>
    </message>
    <message>
      <source>KPI / metric</source>
      <translation>KPI / 指标</translation>
    </message>
    <message>
      <source>Normalisation</source>
      <translation>标准化</translation>
    </message>
    <message>
      <source>Worst</source>
      <translation>最差值</translation>
    </message>
    <message>
      <source>Best</source>
      <translation>最好值</translation>
    </message>
    <message>
      <source>Bands (min:score; …)</source>
      <translation>分档（下限:得分; …）</translation>
    </message>
    <message>
      <source>Missing data</source>
      <translation>缺失数据处理</translation>
    </message>
    <message>
      <source>Ticket filter (priorities=P1,P2; complaints)</source>
      <translation>工单筛选（priorities=P1,P2; complaints）</translation>
    </message>
    <message>
      <source>Criteria</source>
      <translation>评估指标</translation>
    </message>
    <message>
      <source>Add criterion</source>
      <translation>添加指标</translation>
    </message>
    <message>
      <source>Remove criterion</source>
      <translation>删除指标</translation>
    </message>
    <message>
      <source>Weights by AHP…</source>
      <translation>层次分析法定权重…</translation>
    </message>
    <message>
      <source>Grade</source>
      <translation>等级</translation>
    </message>
    <message>
      <source>Minimum total</source>
      <translation>最低总分</translation>
    </message>
    <message>
      <source>Label</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>Grade bands</source>
      <translation>等级分档</translation>
    </message>
    <message>
      <source>Add band</source>
      <translation>添加等级</translation>
    </message>
    <message>
      <source>Remove band</source>
      <translation>删除等级</translation>
    </message>
    <message>
      <source>Veto rules (grade D whatever the total)</source>
      <translation>一票否决规则（无论总分均为 D 级）</translation>
    </message>
    <message>
      <source>Expired qualification of kind</source>
      <translation>以下类型资质过期</translation>
    </message>
    <message>
      <source>Metric above a limit</source>
      <translation>指标超过上限</translation>
    </message>
    <message>
      <source>Breach marked serious by an evaluator</source>
      <translation>评估人标记的严重违约</translation>
    </message>
    <message>
      <source>Σ = 100 ✓</source>
      <translation>Σ = 100 ✓</translation>
    </message>
    <message>
      <source>Σ = %1 — weights must sum to 100</source>
      <translation>Σ = %1 —— 权重之和必须为 100</translation>
    </message>
    <message>
      <source>A value cannot be read: %1</source>
      <translation>无法读取数值：%1</translation>
    </message>
  </context>
</TS>