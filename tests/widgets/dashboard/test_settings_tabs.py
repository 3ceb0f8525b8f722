"""The Settings tabs for SLA policies, business calendars and KPI targets: load, edit,
preview what-if (before saving) and save with audit entries; the dashboard follows."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import select

from models.kpi.api import load_policy_set, load_targets, what_if
from models.orm import AuditEntry
from tests.widgets.dashboard.fixtures import USER, engine_view
from widgets.common.context import PageContext
from widgets.dashboard.filter_state import FilterState
from widgets.dashboard.page import DashboardPage
from widgets.settings.calendars import CalendarsTab, parse_intervals
from widgets.settings.kpi_targets import KpiTargetsTab
from widgets.settings.sla_policies import RESPONSE, SlaPoliciesTab

TIMEOUT = 20_000


def audit_actions(context: PageContext, entity: str) -> list[tuple[str, str | None]]:
    with context.db.session() as s:
        rows = s.execute(select(AuditEntry.action, AuditEntry.user)
                         .where(AuditEntry.entity == entity)).all()
    return [(r[0], r[1]) for r in rows]


def test_sla_policy_what_if_then_save(qtbot: Any, context: PageContext) -> None:
    tab = SlaPoliciesTab(context)
    qtbot.addWidget(tab)
    if tab.policy_set is None:
        with qtbot.waitSignal(tab.loaded, timeout=TIMEOUT):
            pass
    current = load_policy_set(context.db)
    assert tab.table.rowCount() == len(current.policies)
    row = next(r for r in range(tab.table.rowCount())
               if tab.table.cellWidget(r, 1).currentText() == "P3")
    tab.table.item(row, RESPONSE).setText("5")
    with qtbot.waitSignal(tab.what_if.previewed, timeout=TIMEOUT):
        tab.preview_button.click()
    store, _ = engine_view(context.db)
    expected = what_if(store, current, tab.edited_set(), dt.datetime.now(dt.UTC))
    shown = {(r.scope, r.label): r for r in tab.what_if.rows}
    p3 = next(r for r in expected if r.scope == "priority" and r.label == "P3")
    assert shown[("priority", "P3")].response_edited.pct == pytest.approx(
        p3.response_edited.pct, abs=0.05)
    assert p3.response_delta_pct is not None and p3.response_delta_pct < 0
    assert tab.what_if.table.rowCount() == len(expected)
    # nothing saved by the preview
    assert load_policy_set(context.db) == current

    with qtbot.waitSignal(tab.saved, timeout=TIMEOUT):
        tab.save_button.click()
    saved = load_policy_set(context.db)
    p3_saved = [p for p in saved.policies if p.priority == "P3"]
    assert [p.first_response_min for p in p3_saved] == [5.0]
    assert ("update", USER) in audit_actions(context, "sla_policy")


def test_policy_with_a_bad_cell_is_refused(qtbot: Any, context: PageContext) -> None:
    tab = SlaPoliciesTab(context)
    qtbot.addWidget(tab)
    with qtbot.waitSignal(tab.loaded, timeout=TIMEOUT):
        pass
    tab.table.item(0, RESPONSE).setText("-3")
    with pytest.raises(ValueError, match="Row 1"):
        tab.edited_policies()


def test_parse_intervals() -> None:
    assert parse_intervals("09:00-12:00, 13:00-18:00") == (("09:00", "12:00"), ("13:00", "18:00"))
    assert parse_intervals(" 8:30 – 17:30 ") == (("08:30", "17:30"),)
    assert parse_intervals("") == ()
    for bad in ("9-18", "18:00-09:00", "25:00-26:00"):
        with pytest.raises(ValueError):
            parse_intervals(bad)


def test_new_calendar_with_holidays_and_make_up_days_is_saved(qtbot: Any,
                                                              context: PageContext) -> None:
    tab = CalendarsTab(context)
    qtbot.addWidget(tab)
    with qtbot.waitSignal(tab.loaded, timeout=TIMEOUT):
        pass
    tab.new_button.click()
    assert tab.days.rowCount() > 20  # the shipped Chinese holidays and make-up days
    kinds = {bool(tab.days.cellWidget(r, 1).currentData()) for r in range(tab.days.rowCount())}
    assert kinds == {True, False}
    tab.hours[5].setText("10:00-14:00")  # Saturday mornings
    spec = tab.edited_calendar()
    assert spec.hours_for(6) == (("10:00", "14:00"),)
    assert spec.hours_for(7) == ()
    with qtbot.waitSignal(tab.saved, timeout=TIMEOUT):
        tab.save_button.click()
    saved = load_policy_set(context.db).calendars
    assert len(saved) == 1
    assert saved[0].hours_for(6) == (("10:00", "14:00"),)
    assert any(d.is_workday for d in saved[0].days)
    assert ("create", USER) in audit_actions(context, "business_calendar")
    tab.timezone.setText("Mars/Olympus")
    with pytest.raises(ValueError, match="time zone"):
        tab.edited_calendar()


def test_kpi_target_saved_reaches_the_dashboard_card(qtbot: Any, context: PageContext) -> None:
    context.prefs.set("filter", FilterState(preset="last_90").to_json())
    page = DashboardPage(context)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.updated, timeout=TIMEOUT):
        pass
    tab = KpiTargetsTab(context)
    qtbot.addWidget(tab)
    with qtbot.waitSignal(tab.loaded, timeout=TIMEOUT):
        pass
    assert tab.table.rowCount() == len(load_targets(context.db))
    row = next(r for r in range(tab.table.rowCount())
               if tab.table.cellWidget(r, 0).currentData() == "csat_score"
               and tab.table.cellWidget(r, 1).currentData() is None)
    tab.table.item(row, 2).setText("99.5")
    with qtbot.waitSignal(page.updated, timeout=TIMEOUT):
        tab.save_button.click()
    target = next(t for t in load_targets(context.db)
                  if t.kpi == "csat_score" and t.priority is None)
    assert target.target == 99.5
    assert "99.5" in page.cards["csat_score"].target.text()
    assert page.cards["csat_score"].status in ("near", "missed")
