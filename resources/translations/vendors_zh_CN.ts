<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
  <context>
    <name>DocumentsWidget</name>
    <message>
      <source>Document</source>
      <translation>证照</translation>
    </message>
    <message>
      <source>Number</source>
      <translation>证号</translation>
    </message>
    <message>
      <source>Issued</source>
      <translation>签发日</translation>
    </message>
    <message>
      <source>Expires</source>
      <translation>到期日</translation>
    </message>
    <message>
      <source>State</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>File</source>
      <translation>文件</translation>
    </message>
    <message>
      <source>SHA-256</source>
      <translation>SHA-256</translation>
    </message>
    <message>
      <source>Qualification documents</source>
      <translation>资质证照</translation>
    </message>
    <message>
      <source>Issued on</source>
      <translation>签发日</translation>
    </message>
    <message>
      <source>Expires on</source>
      <translation>到期日</translation>
    </message>
    <message>
      <source>No file</source>
      <translation>无文件</translation>
    </message>
    <message>
      <source>Attach file…</source>
      <translation>附加文件…</translation>
    </message>
    <message>
      <source>Save document</source>
      <translation>保存证照</translation>
    </message>
    <message>
      <source>New document</source>
      <translation>新建证照</translation>
    </message>
    <message>
      <source>Delete document</source>
      <translation>删除证照</translation>
    </message>
    <message>
      <source>Save file as…</source>
      <translation>文件另存为…</translation>
    </message>
    <message>
      <source>Document kind</source>
      <translation>证照类型</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Attach a file</source>
      <translation>附加文件</translation>
    </message>
    <message>
      <source>Save file as</source>
      <translation>文件另存为</translation>
    </message>
  </context>
  <context>
    <name>VendorEditor</name>
    <message>
      <source>Contract start</source>
      <translation>合同开始</translation>
    </message>
    <message>
      <source>Contract end</source>
      <translation>合同结束</translation>
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
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Contact</source>
      <translation>联系人</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <source>E-mail</source>
      <translation>电子邮件</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>备注</translation>
    </message>
  </context>
  <context>
    <name>VendorOverviewWidget</name>
    <message>
      <source>Tickets</source>
      <translation>工单数</translation>
    </message>
    <message>
      <source>Response SLA met %</source>
      <translation>响应时效达标率 %</translation>
    </message>
    <message>
      <source>Resolution SLA met %</source>
      <translation>解决时效达标率 %</translation>
    </message>
    <message>
      <source>First response, median (min)</source>
      <translation>首次响应中位数（分钟）</translation>
    </message>
    <message>
      <source>Resolution time, median (h)</source>
      <translation>解决时长中位数（小时）</translation>
    </message>
    <message>
      <source>Resolution rate %</source>
      <translation>解决率 %</translation>
    </message>
    <message>
      <source>CSAT score</source>
      <translation>满意度得分</translation>
    </message>
    <message>
      <source>Complaint rate %</source>
      <translation>投诉率 %</translation>
    </message>
    <message>
      <source>On-time %</source>
      <translation>准时率 %</translation>
    </message>
    <message>
      <source>Fulfilment %</source>
      <translation>履约率 %</translation>
    </message>
    <message>
      <source>Breaches</source>
      <translation>违约次数</translation>
    </message>
    <message>
      <source>Defect rate %</source>
      <translation>缺陷率 %</translation>
    </message>
    <message>
      <source>Price index</source>
      <translation>价格指数</translation>
    </message>
    <message>
      <source>Last 90 days</source>
      <translation>最近 90 天</translation>
    </message>
    <message>
      <source>Last 12 months</source>
      <translation>最近 12 个月</translation>
    </message>
    <message>
      <source>KPI period</source>
      <translation>KPI 期间</translation>
    </message>
    <message>
      <source>Service KPI</source>
      <translation>服务 KPI</translation>
    </message>
    <message>
      <source>Value</source>
      <translation>数值</translation>
    </message>
    <message>
      <source>Service KPIs</source>
      <translation>服务 KPI</translation>
    </message>
    <message>
      <source>Site</source>
      <translation>门店</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>Inspection average</source>
      <translation>检查平均分</translation>
    </message>
    <message>
      <source>Inspections</source>
      <translation>检查次数</translation>
    </message>
    <message>
      <source>Sites served</source>
      <translation>服务门店</translation>
    </message>
    <message>
      <source>Period</source>
      <translation>期间</translation>
    </message>
    <message>
      <source>Imported metrics</source>
      <translation>导入的绩效指标</translation>
    </message>
    <message>
      <source>Template</source>
      <translation>模板</translation>
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
      <source>Rank</source>
      <translation>排名</translation>
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
      <source>Past evaluations</source>
      <translation>历次评估</translation>
    </message>
    <message>
      <source>Service KPIs from its tickets</source>
      <translation>其工单的服务 KPI</translation>
    </message>
    <message>
      <source>Inspection scores of the sites it serves</source>
      <translation>所服务门店的检查得分</translation>
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
      <source>Computing…</source>
      <translation>计算中…</translation>
    </message>
    <message>
      <source>The KPI engine is not available.</source>
      <translation>KPI 引擎不可用。</translation>
    </message>
    <message>
      <source>KPIs could not be computed: %1</source>
      <translation>无法计算 KPI：%1</translation>
    </message>
  </context>
  <context>
    <name>VendorTexts</name>
    <message>
      <source>Active</source>
      <translation>合作中</translation>
    </message>
    <message>
      <source>On probation</source>
      <translation>考察期</translation>
    </message>
    <message>
      <source>Suspended</source>
      <translation>已暂停</translation>
    </message>
    <message>
      <source>Blacklisted</source>
      <translation>黑名单</translation>
    </message>
    <message>
      <source>Business licence</source>
      <translation>营业执照</translation>
    </message>
    <message>
      <source>ISO 9001 certificate</source>
      <translation>ISO 9001 认证</translation>
    </message>
    <message>
      <source>Security service permit</source>
      <translation>保安服务许可证</translation>
    </message>
    <message>
      <source>Road transport permit</source>
      <translation>道路运输经营许可证</translation>
    </message>
    <message>
      <source>Food business licence</source>
      <translation>食品经营许可证</translation>
    </message>
    <message>
      <source>Expired</source>
      <translation>已过期</translation>
    </message>
    <message>
      <source>Expires within 30 days</source>
      <translation>30 天内到期</translation>
    </message>
    <message>
      <source>Valid</source>
      <translation>有效</translation>
    </message>
    <message>
      <source>No documents</source>
      <translation>无证照</translation>
    </message>
  </context>
  <context>
    <name>VendorsPage</name>
    <message>
      <source>Vendors</source>
      <translation>供应商</translation>
    </message>
    <message>
      <source>Search code, name or contact…</source>
      <translation>搜索编号、名称或联系人…</translation>
    </message>
    <message>
      <source>Search</source>
      <translation>搜索</translation>
    </message>
    <message>
      <source>Service category</source>
      <translation>服务类别</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>All statuses</source>
      <translation>全部状态</translation>
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
      <source>Contract ends</source>
      <translation>合同到期</translation>
    </message>
    <message>
      <source>Documents</source>
      <translation>证照</translation>
    </message>
    <message>
      <source>New vendor</source>
      <translation>新建供应商</translation>
    </message>
    <message>
      <source>Save vendor</source>
      <translation>保存供应商</translation>
    </message>
    <message>
      <source>Details</source>
      <translation>基本信息</translation>
    </message>
    <message>
      <source>Qualification documents</source>
      <translation>资质证照</translation>
    </message>
    <message>
      <source>Performance</source>
      <translation>绩效</translation>
    </message>
    <message>
      <source>All categories</source>
      <translation>全部类别</translation>
    </message>
    <message>
      <source>%1 vendors</source>
      <translation>%1 家供应商</translation>
    </message>
    <message>
      <source>Someone else changed this vendor since you opened it. Your changes were not saved; reload the vendor and make them again.</source>
      <translation>您打开后，其他人已修改此供应商。您的修改未保存；请重新载入供应商后再修改。</translation>
    </message>
    <message>
      <source>Saved %1</source>
      <translation>已保存 %1</translation>
    </message>
  </context>
</TS>