"""A mapping confirmed unchanged is not read and validated a second time; any change is."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from app.import_service import AppImportService
from models.db import Database
from tests.widgets.imports.conftest import open_dialog, write_tickets
from widgets.common.context import DataBus, PageContext
from widgets.imports.mapping_dialog import same_choices
from widgets.imports.page import ImportsPage

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # offscreen platform

PREVIEWED = {"kind": "tickets", "mapping": {"单号": "external_id", "时长": "resolution_duration"},
             "units": {"时长": "hours"}, "options": {"tz": "Asia/Shanghai"}}


def changed(**edits: Any) -> dict[str, Any]:
    m = copy.deepcopy(PREVIEWED)
    for key, value in edits.items():
        if key in ("value_map", "event_log", "tz"):
            m["options"][key] = value
        else:
            m[key] = value
    return m


def test_same_choices_sees_every_change_that_alters_validation() -> None:
    assert same_choices(changed(value_map={}, event_log="keep"), PREVIEWED)
    assert same_choices({**changed(), "headers": ["单号", "时长"]}, PREVIEWED)
    assert not same_choices(changed(mapping={"单号": "external_id"}), PREVIEWED)
    assert not same_choices(changed(units={"时长": "minutes"}), PREVIEWED)
    assert not same_choices(changed(value_map={"priority": {"Showstopper": "P1"}}), PREVIEWED)
    assert not same_choices(changed(event_log="reduce"), PREVIEWED)
    assert not same_choices(changed(tz="UTC"), PREVIEWED)


class CountingService(AppImportService):
    """The real service, counting how often the file is read for a preview."""

    previews = 0

    def preview(self, path: Path, **kwargs: Any) -> Any:
        self.previews += 1
        return super().preview(path, **kwargs)


@pytest.mark.parametrize("edit", [False, True])
def test_the_file_is_read_again_only_after_a_change(qtbot, db: Database, runner,  # type: ignore[no-untyped-def]
                                                    tmp_path: Path, edit: bool) -> None:
    service = CountingService(db, "tester", isolated=False)
    context = PageContext(db=db, runner=runner, bus=DataBus(), user="tester",
                          services={"imports": service})
    page = ImportsPage(context)
    qtbot.addWidget(page)
    dialog = open_dialog(qtbot, page, write_tickets(tmp_path / "new-source.csv", 30, bad_rows=2))
    if edit:
        dialog.set_field("处理人", None)  # the agent column ignored
    dialog.accept()
    qtbot.waitUntil(lambda: page.report_dialog is not None, timeout=60_000)
    assert service.previews == (2 if edit else 1)
    report = page.report_dialog
    assert report is not None and report.model.rowCount() == 2  # the two bad rows
    with qtbot.waitSignal(page.import_finished, timeout=60_000) as done:
        report.import_valid_button.click()
    assert (done.args[0].inserted, done.args[0].rejected) == (28, 2)
