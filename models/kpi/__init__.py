"""The ticket KPI engine (Qt-free): columnar store, KPIs, SLA, SPC, alerts.

Import the public API from :mod:`models.kpi.api`.
"""
