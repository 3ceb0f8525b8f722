<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
  <context>
    <name>AnswerTypes</name>
    <message>
      <source>Yes / No</source>
      <translation>是 / 否</translation>
    </message>
    <message>
      <source>Scale 1–5</source>
      <translation>1–5 评分</translation>
    </message>
    <message>
      <source>Number</source>
      <translation>数值</translation>
    </message>
    <message>
      <source>Text</source>
      <translation>文本</translation>
    </message>
    <message>
      <source>Photo</source>
      <translation>照片</translation>
    </message>
    <message>
      <source>Stopwatch</source>
      <translation>秒表计时</translation>
    </message>
  </context>
  <context>
    <name>ChecklistsPage</name>
    <message>
      <source>Checklists</source>
      <translation>检查表</translation>
    </message>
    <message>
      <source>Checklist / version</source>
      <translation>检查表 / 版本</translation>
    </message>
    <message>
      <source>Published</source>
      <translation>发布时间</translation>
    </message>
    <message>
      <source>Inspections</source>
      <translation>检查记录</translation>
    </message>
    <message>
      <source>Checklists and versions</source>
      <translation>检查表及版本</translation>
    </message>
    <message>
      <source>New checklist</source>
      <translation>新建检查表</translation>
    </message>
    <message>
      <source>New section</source>
      <translation>新分区</translation>
    </message>
    <message>
      <source>New item</source>
      <translation>新检查项</translation>
    </message>
    <message>
      <source>Undo</source>
      <translation>撤销</translation>
    </message>
    <message>
      <source>Redo</source>
      <translation>重做</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>保存</translation>
    </message>
    <message>
      <source>Add section</source>
      <translation>添加分区</translation>
    </message>
    <message>
      <source>Add item</source>
      <translation>添加检查项</translation>
    </message>
    <message>
      <source>Duplicate</source>
      <translation>复制</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>删除</translation>
    </message>
    <message>
      <source>Move up</source>
      <translation>上移</translation>
    </message>
    <message>
      <source>Move down</source>
      <translation>下移</translation>
    </message>
    <message>
      <source>Checklist properties</source>
      <translation>检查表属性</translation>
    </message>
    <message>
      <source>Import xlsx…</source>
      <translation>导入 xlsx…</translation>
    </message>
    <message>
      <source>Export xlsx…</source>
      <translation>导出 xlsx…</translation>
    </message>
    <message>
      <source>Version %1</source>
      <translation>第 %1 版</translation>
    </message>
    <message>
      <source> (latest)</source>
      <translation>（最新）</translation>
    </message>
    <message>
      <source>new, not saved</source>
      <translation>新建，未保存</translation>
    </message>
    <message>
      <source>version %1</source>
      <translation>第 %1 版</translation>
    </message>
    <message>
      <source> — unsaved changes</source>
      <translation> — 有未保存的修改</translation>
    </message>
    <message>
      <source>Cannot save</source>
      <translation>无法保存</translation>
    </message>
    <message>
      <source>Checklist changed meanwhile</source>
      <translation>检查表已被他人修改</translation>
    </message>
    <message>
      <source>Someone else saved this checklist since you opened it. Publish your design as a new version instead (theirs is kept)?</source>
      <translation>在您打开之后，其他人已保存了此检查表。是否将您的设计发布为新版本（保留对方的版本）？</translation>
    </message>
    <message>
      <source>Published version %1 (the previous version has inspections).</source>
      <translation>已发布第 %1 版（上一版本已有检查记录）。</translation>
    </message>
    <message>
      <source>Saved version %1.</source>
      <translation>已保存第 %1 版。</translation>
    </message>
    <message>
      <source>Import checklist</source>
      <translation>导入检查表</translation>
    </message>
    <message>
      <source>Excel workbook (*.xlsx)</source>
      <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
      <source>Export checklist</source>
      <translation>导出检查表</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>编码</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>Version</source>
      <translation>版本</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Items</source>
      <translation>检查项数</translation>
    </message>
    <message>
      <source>Pass score</source>
      <translation>合格分</translation>
    </message>
  </context>
  <context>
    <name>OutlineTree</name>
    <message>
      <source>Section / item</source>
      <translation>分区 / 检查项</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Weight</source>
      <translation>权重</translation>
    </message>
    <message>
      <source>Template outline</source>
      <translation>检查表结构</translation>
    </message>
  </context>
  <context>
    <name>PreviewWidget</name>
    <message>
      <source>Preview of the fill form</source>
      <translation>填写表单预览</translation>
    </message>
    <message>
      <source>&lt;b&gt;Maximum score: %1 points&lt;/b&gt; (= 100 %) · %2 items, %3 scored, %4 critical · passes at %5 %</source>
      <translation>&lt;b&gt;满分：%1 分&lt;/b&gt;（= 100 %）· 共 %2 项，%3 项计分，%4 项关键 · 合格线 %5 %</translation>
    </message>
    <message>
      <source>%1 points</source>
      <translation>%1 分</translation>
    </message>
  </context>
  <context>
    <name>PropertiesEditor</name>
    <message>
      <source>Code</source>
      <translation>编码</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Pass score</source>
      <translation>合格分</translation>
    </message>
    <message>
      <source>Description</source>
      <translation>说明</translation>
    </message>
    <message>
      <source>Section title</source>
      <translation>分区标题</translation>
    </message>
    <message>
      <source>(none)</source>
      <translation>（无）</translation>
    </message>
    <message>
      <source>(no threshold)</source>
      <translation>（无阈值）</translation>
    </message>
    <message>
      <source>Critical: a failure fails the whole inspection</source>
      <translation>关键项：不合格即整次检查不合格</translation>
    </message>
    <message>
      <source>N/A allowed</source>
      <translation>允许“不适用”</translation>
    </message>
    <message>
      <source>Lower is better (e.g. waiting time)</source>
      <translation>越低越好（如等候时间）</translation>
    </message>
    <message>
      <source>A failure requires a note or photo</source>
      <translation>不合格时须填写备注或拍照</translation>
    </message>
    <message>
      <source>Text</source>
      <translation>文本</translation>
    </message>
    <message>
      <source>Guidance</source>
      <translation>检查指引</translation>
    </message>
    <message>
      <source>Answer type</source>
      <translation>答案类型</translation>
    </message>
    <message>
      <source>Weight</source>
      <translation>权重</translation>
    </message>
    <message>
      <source>Dimension</source>
      <translation>服务质量维度</translation>
    </message>
    <message>
      <source>Threshold</source>
      <translation>阈值</translation>
    </message>
    <message>
      <source>Unit</source>
      <translation>单位</translation>
    </message>
  </context>
  <context>
    <name>TemplateDocument</name>
    <message>
      <source>Edit %1</source>
      <translation>编辑 %1</translation>
    </message>
    <message>
      <source>Rename section</source>
      <translation>重命名分区</translation>
    </message>
    <message>
      <source>Edit item</source>
      <translation>编辑检查项</translation>
    </message>
    <message>
      <source>New section</source>
      <translation>新分区</translation>
    </message>
    <message>
      <source>Add section</source>
      <translation>添加分区</translation>
    </message>
    <message>
      <source>New item</source>
      <translation>新检查项</translation>
    </message>
    <message>
      <source>Add item</source>
      <translation>添加检查项</translation>
    </message>
    <message>
      <source>Duplicate</source>
      <translation>复制</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>删除</translation>
    </message>
    <message>
      <source>Move</source>
      <translation>移动</translation>
    </message>
  </context>
</TS>