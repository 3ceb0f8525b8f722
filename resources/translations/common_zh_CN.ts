<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
  <context>
    <name>RecordTablePage</name>
    <message>
      <source>Search…</source>
      <translation>搜索…</translation>
    </message>
    <message>
      <source>Search</source>
      <translation>搜索</translation>
    </message>
  </context>
</TS>