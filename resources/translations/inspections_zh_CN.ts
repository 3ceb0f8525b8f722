<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
  <context>
    <name>AnalysisView</name>
    <message>
      <source>Checklist</source>
      <translation>检查表</translation>
    </message>
    <message>
      <source>Site</source>
      <translation>网点</translation>
    </message>
    <message>
      <source> days</source>
      <translation> 天</translation>
    </message>
    <message>
      <source>Calibration window</source>
      <translation>校准时间窗</translation>
    </message>
    <message>
      <source> points</source>
      <translation> 分</translation>
    </message>
    <message>
      <source>Lenient/strict threshold</source>
      <translation>宽松/严格阈值</translation>
    </message>
    <message>
      <source>Flag beyond ±</source>
      <translation>偏差超过 ± 时标记</translation>
    </message>
    <message>
      <source>Score trend per site (dashed: pass score)</source>
      <translation>各网点得分趋势（虚线：合格分）</translation>
    </message>
    <message>
      <source>Service-quality dimensions (SERVQUAL)</source>
      <translation>服务质量维度（SERVQUAL）</translation>
    </message>
    <message>
      <source>Pareto of failed items</source>
      <translation>不合格项帕累托图</translation>
    </message>
    <message>
      <source>Site × section heatmap</source>
      <translation>网点 × 分区热力图</translation>
    </message>
    <message>
      <source>Inspector calibration</source>
      <translation>检查员校准</translation>
    </message>
    <message>
      <source>Inspector</source>
      <translation>检查员</translation>
    </message>
    <message>
      <source>Deviation (points)</source>
      <translation>偏差（分）</translation>
    </message>
    <message>
      <source>Compared / all</source>
      <translation>参与比较 / 全部</translation>
    </message>
    <message>
      <source>Flag</source>
      <translation>标记</translation>
    </message>
    <message>
      <source>Site × section (mean score)</source>
      <translation>网点 × 分区（平均分）</translation>
    </message>
    <message>
      <source>All checklists</source>
      <translation>全部检查表</translation>
    </message>
    <message>
      <source>All sites</source>
      <translation>全部网点</translation>
    </message>
    <message>
      <source>Analysis failed: %1</source>
      <translation>分析失败：%1</translation>
    </message>
    <message>
      <source>lenient</source>
      <translation>偏宽松</translation>
    </message>
    <message>
      <source>strict</source>
      <translation>偏严格</translation>
    </message>
    <message>
      <source>Choose a checklist</source>
      <translation>请选择检查表</translation>
    </message>
  </context>
  <context>
    <name>CorrectionDialog</name>
    <message>
      <source>Correct a submitted inspection</source>
      <translation>更正已提交的检查</translation>
    </message>
    <message>
      <source>Corrected by</source>
      <translation>更正人</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>原因</translation>
    </message>
    <message>
      <source>Why is a correction needed?</source>
      <translation>为什么需要更正？</translation>
    </message>
  </context>
  <context>
    <name>FillWindow</name>
    <message>
      <source>%1 — %2</source>
      <translation>%1 — %2</translation>
    </message>
    <message>
      <source>Progress</source>
      <translation>进度</translation>
    </message>
    <message>
      <source>Sections</source>
      <translation>分区</translation>
    </message>
    <message>
      <source>◀ Previous</source>
      <translation>◀ 上一项</translation>
    </message>
    <message>
      <source>Previous item</source>
      <translation>上一项</translation>
    </message>
    <message>
      <source>Next ▶</source>
      <translation>下一项 ▶</translation>
    </message>
    <message>
      <source>Next item</source>
      <translation>下一项</translation>
    </message>
    <message>
      <source>Next unanswered</source>
      <translation>下一个未答项</translation>
    </message>
    <message>
      <source>Next unanswered item</source>
      <translation>下一个未答项</translation>
    </message>
    <message>
      <source>Submit</source>
      <translation>提交</translation>
    </message>
    <message>
      <source>Submit the inspection</source>
      <translation>提交检查</translation>
    </message>
    <message>
      <source>Correct…</source>
      <translation>更正…</translation>
    </message>
    <message>
      <source>Start a correction</source>
      <translation>开始更正</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>Close the form</source>
      <translation>关闭表单</translation>
    </message>
    <message>
      <source>Not saved</source>
      <translation>未保存</translation>
    </message>
    <message>
      <source>Add photos</source>
      <translation>添加照片</translation>
    </message>
    <message>
      <source>Images (*.png *.jpg *.jpeg *.bmp *.webp)</source>
      <translation>图片 (*.png *.jpg *.jpeg *.bmp *.webp)</translation>
    </message>
    <message>
      <source>Photo not added</source>
      <translation>照片未添加</translation>
    </message>
    <message>
      <source>%1 of %2 answered</source>
      <translation>已答 %1 / %2</translation>
    </message>
    <message>
      <source>Score so far: %1</source>
      <translation>当前得分：%1</translation>
    </message>
    <message>
      <source>Submitted — read-only. Score %1. Use Correct… to record a corrected revision.</source>
      <translation>已提交 — 只读。得分 %1。如需修改，请用“更正…”记录更正版本。</translation>
    </message>
    <message>
      <source>Correction by %1: %2</source>
      <translation>%1 的更正：%2</translation>
    </message>
    <message>
      <source>Correction</source>
      <translation>更正</translation>
    </message>
  </context>
  <context>
    <name>FilterBar</name>
    <message>
      <source>Period</source>
      <translation>期间</translation>
    </message>
    <message>
      <source>Site</source>
      <translation>网点</translation>
    </message>
    <message>
      <source>Checklist</source>
      <translation>检查表</translation>
    </message>
    <message>
      <source>Inspector</source>
      <translation>检查员</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Result</source>
      <translation>结果</translation>
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
      <source>All kinds</source>
      <translation>全部类型</translation>
    </message>
    <message>
      <source>Pass and fail</source>
      <translation>合格与不合格</translation>
    </message>
    <message>
      <source>Passed</source>
      <translation>合格</translation>
    </message>
    <message>
      <source>Failed</source>
      <translation>不合格</translation>
    </message>
    <message>
      <source>All sites</source>
      <translation>全部网点</translation>
    </message>
    <message>
      <source>All checklists</source>
      <translation>全部检查表</translation>
    </message>
    <message>
      <source>All inspectors</source>
      <translation>全部检查员</translation>
    </message>
  </context>
  <context>
    <name>InspectionDetail</name>
    <message>
      <source>Inspection detail</source>
      <translation>检查详情</translation>
    </message>
    <message>
      <source>Open form</source>
      <translation>打开表单</translation>
    </message>
    <message>
      <source>Export PDF…</source>
      <translation>导出 PDF…</translation>
    </message>
    <message>
      <source>Export xlsx…</source>
      <translation>导出 xlsx…</translation>
    </message>
    <message>
      <source>Draft — not submitted yet</source>
      <translation>草稿 — 尚未提交</translation>
    </message>
    <message>
      <source>Compared with the previous visit</source>
      <translation>与上次检查相比</translation>
    </message>
    <message>
      <source>Previous visit %1: %2 → now %3</source>
      <translation>上次检查 %1：%2 → 本次 %3</translation>
    </message>
    <message>
      <source>Better</source>
      <translation>改善</translation>
    </message>
    <message>
      <source>Worse</source>
      <translation>变差</translation>
    </message>
    <message>
      <source>No item changed.</source>
      <translation>没有检查项发生变化。</translation>
    </message>
  </context>
  <context>
    <name>InspectionExport</name>
    <message>
      <source>Checklist</source>
      <translation>检查表</translation>
    </message>
    <message>
      <source>Site</source>
      <translation>网点</translation>
    </message>
    <message>
      <source>Inspector</source>
      <translation>检查员</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Visited</source>
      <translation>检查时间</translation>
    </message>
    <message>
      <source>Score</source>
      <translation>得分</translation>
    </message>
    <message>
      <source>Pass score</source>
      <translation>合格分</translation>
    </message>
    <message>
      <source>Result</source>
      <translation>结果</translation>
    </message>
    <message>
      <source>Pass</source>
      <translation>合格</translation>
    </message>
    <message>
      <source>Fail</source>
      <translation>不合格</translation>
    </message>
    <message>
      <source>Critical failures</source>
      <translation>关键项不合格</translation>
    </message>
    <message>
      <source>Section: %1</source>
      <translation>分区：%1</translation>
    </message>
    <message>
      <source>yes</source>
      <translation>是</translation>
    </message>
    <message>
      <source>Section</source>
      <translation>分区</translation>
    </message>
    <message>
      <source>Item</source>
      <translation>检查项</translation>
    </message>
    <message>
      <source>Answer</source>
      <translation>答案</translation>
    </message>
    <message>
      <source>Credit</source>
      <translation>得分率</translation>
    </message>
    <message>
      <source>Weight</source>
      <translation>权重</translation>
    </message>
    <message>
      <source>Critical</source>
      <translation>关键项</translation>
    </message>
    <message>
      <source>Failed</source>
      <translation>不合格</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Summary</source>
      <translation>汇总</translation>
    </message>
    <message>
      <source>Answers</source>
      <translation>答案</translation>
    </message>
  </context>
  <context>
    <name>InspectionReport</name>
    <message>
      <source>Mystery shop</source>
      <translation>神秘顾客</translation>
    </message>
    <message>
      <source>Inspection</source>
      <translation>检查</translation>
    </message>
    <message>
      <source>Audit</source>
      <translation>审核</translation>
    </message>
    <message>
      <source>Tangibles</source>
      <translation>有形性</translation>
    </message>
    <message>
      <source>Reliability</source>
      <translation>可靠性</translation>
    </message>
    <message>
      <source>Responsiveness</source>
      <translation>响应性</translation>
    </message>
    <message>
      <source>Assurance</source>
      <translation>保证性</translation>
    </message>
    <message>
      <source>Empathy</source>
      <translation>移情性</translation>
    </message>
    <message>
      <source>not answered</source>
      <translation>未回答</translation>
    </message>
    <message>
      <source>N/A is not allowed</source>
      <translation>不允许选“不适用”</translation>
    </message>
    <message>
      <source>a note or photo is required</source>
      <translation>须填写备注或附照片</translation>
    </message>
    <message>
      <source>N/A</source>
      <translation>不适用</translation>
    </message>
    <message>
      <source>Yes</source>
      <translation>是</translation>
    </message>
    <message>
      <source>No</source>
      <translation>否</translation>
    </message>
    <message>
      <source>Photo attached</source>
      <translation>已附照片</translation>
    </message>
    <message>
      <source>so far</source>
      <translation>（进行中）</translation>
    </message>
    <message>
      <source>PASSED</source>
      <translation>合格</translation>
    </message>
    <message>
      <source>FAILED</source>
      <translation>不合格</translation>
    </message>
    <message>
      <source>Pass score</source>
      <translation>合格分</translation>
    </message>
    <message>
      <source>Critical failures</source>
      <translation>关键项不合格</translation>
    </message>
    <message>
      <source>Section scores</source>
      <translation>分区得分</translation>
    </message>
    <message>
      <source>Failed items</source>
      <translation>不合格项</translation>
    </message>
    <message>
      <source>Checklist</source>
      <translation>检查表</translation>
    </message>
    <message>
      <source>Site</source>
      <translation>网点</translation>
    </message>
    <message>
      <source>Inspector</source>
      <translation>检查员</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Visited</source>
      <translation>检查时间</translation>
    </message>
    <message>
      <source>Corrected by</source>
      <translation>更正人</translation>
    </message>
  </context>
  <context>
    <name>InspectionTableModel</name>
    <message>
      <source>Visited</source>
      <translation>检查时间</translation>
    </message>
    <message>
      <source>Site</source>
      <translation>网点</translation>
    </message>
    <message>
      <source>Checklist</source>
      <translation>检查表</translation>
    </message>
    <message>
      <source>Inspector</source>
      <translation>检查员</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Score</source>
      <translation>得分</translation>
    </message>
    <message>
      <source>Result</source>
      <translation>结果</translation>
    </message>
    <message>
      <source>Critical</source>
      <translation>关键项</translation>
    </message>
    <message>
      <source>Submitted</source>
      <translation>已提交</translation>
    </message>
    <message>
      <source>Draft</source>
      <translation>草稿</translation>
    </message>
    <message>
      <source> (corrected)</source>
      <translation>（已更正）</translation>
    </message>
    <message>
      <source>Pass</source>
      <translation>合格</translation>
    </message>
    <message>
      <source>Fail</source>
      <translation>不合格</translation>
    </message>
  </context>
  <context>
    <name>InspectionsPage</name>
    <message>
      <source>Inspections</source>
      <translation>检查记录</translation>
    </message>
    <message>
      <source>Start inspection…</source>
      <translation>开始检查…</translation>
    </message>
    <message>
      <source>Resume…</source>
      <translation>继续未完成…</translation>
    </message>
    <message>
      <source>Export inspections…</source>
      <translation>导出检查数据…</translation>
    </message>
    <message>
      <source>Import inspections…</source>
      <translation>导入检查数据…</translation>
    </message>
    <message>
      <source>Export list…</source>
      <translation>导出列表…</translation>
    </message>
    <message>
      <source>List</source>
      <translation>列表</translation>
    </message>
    <message>
      <source>Analysis</source>
      <translation>分析</translation>
    </message>
    <message>
      <source>%1 inspections</source>
      <translation>%1 条检查</translation>
    </message>
    <message>
      <source>Resume</source>
      <translation>继续</translation>
    </message>
    <message>
      <source>There is no unfinished inspection.</source>
      <translation>没有未完成的检查。</translation>
    </message>
    <message>
      <source>Resume inspection</source>
      <translation>继续检查</translation>
    </message>
    <message>
      <source>Continue the unfinished inspection “%1” at %2 (%3 answers saved)?</source>
      <translation>是否继续在 %2 未完成的检查“%1”（已保存 %3 个答案）？</translation>
    </message>
    <message>
      <source>Not now</source>
      <translation>暂不</translation>
    </message>
    <message>
      <source>Export list</source>
      <translation>导出列表</translation>
    </message>
    <message>
      <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
      <translation>Excel 工作簿 (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
      <source>PDF (*.pdf)</source>
      <translation>PDF (*.pdf)</translation>
    </message>
    <message>
      <source>Excel workbook (*.xlsx)</source>
      <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
      <source>Export inspection</source>
      <translation>导出检查</translation>
    </message>
    <message>
      <source>Export inspections</source>
      <translation>导出检查数据</translation>
    </message>
    <message>
      <source>The list has no inspections to export.</source>
      <translation>列表中没有可导出的检查。</translation>
    </message>
    <message>
      <source>ServiceLens inspection packages (*.slpkg *.zip)</source>
      <translation>ServiceLens 检查数据包 (*.slpkg *.zip)</translation>
    </message>
    <message>
      <source>Import inspections</source>
      <translation>导入检查数据</translation>
    </message>
    <message>
      <source>%1 inspections imported, %2 already stored</source>
      <translation>已导入 %1 条检查，%2 条已存在</translation>
    </message>
    <message>
      <source>Export</source>
      <translation>导出</translation>
    </message>
    <message>
      <source>Exported to %1</source>
      <translation>已导出到 %1</translation>
    </message>
  </context>
  <context>
    <name>ItemCard</name>
    <message>
      <source>Critical</source>
      <translation>关键项</translation>
    </message>
    <message>
      <source>Note (required when it fails)</source>
      <translation>备注（不合格时必填）</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Add photo…</source>
      <translation>添加照片…</translation>
    </message>
    <message>
      <source>Add a photo to this item</source>
      <translation>为此项添加照片</translation>
    </message>
    <message>
      <source>Yes (Y)</source>
      <translation>是 (Y)</translation>
    </message>
    <message>
      <source>Yes</source>
      <translation>是</translation>
    </message>
    <message>
      <source>No (N)</source>
      <translation>否 (N)</translation>
    </message>
    <message>
      <source>No</source>
      <translation>否</translation>
    </message>
    <message>
      <source>Rating %1</source>
      <translation>评分 %1</translation>
    </message>
    <message>
      <source>Answer</source>
      <translation>答案</translation>
    </message>
    <message>
      <source>target %1</source>
      <translation>目标 %1</translation>
    </message>
    <message>
      <source>Attach a photo:</source>
      <translation>请附照片：</translation>
    </message>
    <message>
      <source>N/A (A)</source>
      <translation>不适用 (A)</translation>
    </message>
    <message>
      <source>Not applicable</source>
      <translation>不适用</translation>
    </message>
    <message>
      <source>(photo)</source>
      <translation>（照片）</translation>
    </message>
  </context>
  <context>
    <name>ResultDialog</name>
    <message>
      <source>Inspection submitted</source>
      <translation>检查已提交</translation>
    </message>
    <message>
      <source>Result</source>
      <translation>结果</translation>
    </message>
    <message>
      <source>Cannot submit yet</source>
      <translation>暂不能提交</translation>
    </message>
    <message>
      <source>%1 item(s) still need an answer or evidence:</source>
      <translation>还有 %1 项需要回答或补充证据：</translation>
    </message>
  </context>
  <context>
    <name>StartDialog</name>
    <message>
      <source>Start an inspection</source>
      <translation>开始检查</translation>
    </message>
    <message>
      <source>Checklist</source>
      <translation>检查表</translation>
    </message>
    <message>
      <source>Site</source>
      <translation>网点</translation>
    </message>
    <message>
      <source>Inspector</source>
      <translation>检查员</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Visit date and time</source>
      <translation>检查日期和时间</translation>
    </message>
    <message>
      <source>Visited</source>
      <translation>检查时间</translation>
    </message>
  </context>
  <context>
    <name>StopwatchWidget</name>
    <message>
      <source>Start</source>
      <translation>开始</translation>
    </message>
    <message>
      <source>Start or stop the stopwatch</source>
      <translation>启动或停止秒表</translation>
    </message>
    <message>
      <source>Reset</source>
      <translation>复位</translation>
    </message>
    <message>
      <source>Reset the stopwatch</source>
      <translation>秒表复位</translation>
    </message>
    <message>
      <source>Stop</source>
      <translation>停止</translation>
    </message>
  </context>
</TS>