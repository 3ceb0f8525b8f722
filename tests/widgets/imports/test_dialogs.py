"""The mapping dialog and the validation report, driven like a user would."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt

from models.db import Database
from tests.widgets.imports.conftest import preview, write_tickets
from widgets.imports.mapping_dialog import MappingDialog
from widgets.imports.report_dialog import ProblemTableModel, ValidationReportDialog

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # offscreen platform


def test_mapping_dialog_shows_detection_and_takes_fixes(qtbot, db: Database,  # type: ignore[no-untyped-def]
                                                         tmp_path: Path) -> None:
    path = write_tickets(tmp_path / "t.csv", 6, unknown_priority=2)
    service, pv = preview(db, path)
    assert pv.unknown_values == {"priority": {"Showstopper": 2}}
    codes = {"priority": service.codes("priority")}
    dialog = MappingDialog(pv, service.fields("tickets"), codes)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.table.rowCount() == 6
    assert dialog.table.item(0, 0).text() == "工单号"
    assert "T000000" in dialog.table.item(0, 1).text()
    assert dialog.field_boxes[1].currentData() == "created_at"
    assert dialog.table.item(1, 4).text().startswith("✔")
    dialog.set_field("处理人", "team")
    dialog.set_field("满意度", None)
    assert dialog.table.item(5, 4).text().startswith("—")
    dialog.map_value("priority", "Showstopper", "P1")
    dialog.save_profile.setChecked(True)
    dialog.profile_name.setText("desk")
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    mapping = dialog.mapping()
    assert mapping["mapping"]["处理人"] == "team" and "满意度" not in mapping["mapping"]
    assert mapping["options"]["value_map"] == {"priority": {"Showstopper": "P1"}}
    assert dialog.profile_to_save() == "desk"
    _, again = preview(db, path, mapping)  # re-validate with the user's choices
    assert again.unknown_values == {} and again.errors == []


def test_report_dialog_lists_problems_and_exports(qtbot, qtmodeltester, db: Database,  # type: ignore[no-untyped-def]
                                                  tmp_path: Path) -> None:
    path = write_tickets(tmp_path / "t.csv", 10, bad_rows=3)
    _, pv = preview(db, path)
    dialog = ValidationReportDialog(path.name, pv.rows, pv.rejected, pv.errors, pv.warnings,
                                    headers=pv.headers, rejected_rows=pv.rejected_rows)
    qtbot.addWidget(dialog)
    dialog.show()
    model = dialog.model
    qtmodeltester.check(model)
    assert model.rowCount() == 3
    first = [model.index(0, c).data() for c in range(4)]
    assert first == ["2", "创建时间", "someday", "Value cannot be read"]
    out = dialog.export_rejected(tmp_path / "rejected.xlsx")
    assert out is not None
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    assert rows[0][0] == "Row" and rows[0][-1] == "Errors" and len(rows) == 4
    assert rows[1][:3] == (2, "T000000", "someday")
    qtbot.mouseClick(dialog.import_valid_button, Qt.MouseButton.LeftButton)
    assert dialog.choice == "skip-invalid"


def test_report_dialog_import_nothing(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = ValidationReportDialog("x.csv", 5, 5, [], [])
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.import_valid_button.isEnabled()
    qtbot.mouseClick(dialog.import_nothing_button, Qt.MouseButton.LeftButton)
    assert dialog.choice is None and dialog.result() == dialog.DialogCode.Rejected
    assert isinstance(dialog.model, ProblemTableModel)


def test_a_unit_box_comes_with_a_duration_field(qtbot, db: Database,  # type: ignore[no-untyped-def]
                                                tmp_path: Path) -> None:
    service, pv = preview(db, write_tickets(tmp_path / "t.csv", 4))
    dialog = MappingDialog(pv, service.fields("tickets"), {})
    qtbot.addWidget(dialog)
    assert dialog.unit_boxes == {}  # no column holds a duration
    dialog.set_field("满意度", "resolution_duration")
    row = [c.header for c in pv.columns].index("满意度")
    unit = dialog.unit_boxes[row]
    assert dialog.table.cellWidget(row, 3) is unit and unit.isEnabled()
    unit.setCurrentIndex(unit.findData("hours"))
    assert dialog.mapping()["units"] == {"满意度": "hours"}
    dialog.set_field("满意度", "csat")
    assert not unit.isEnabled() and dialog.mapping()["units"] == {}
