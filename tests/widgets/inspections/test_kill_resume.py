"""A process filling an inspection is killed (SIGKILL) mid-way; the widget resumes it
with every answer given before the kill intact."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

from models.checklists.inspections import get_inspection, start_inspection
from models.checklists.templates import create_template, load_spec
from models.db import Database
from tests.conftest import REPO
from tests.models.checklists.conftest import make_sites, small_spec
from widgets.common.context import PageContext
from widgets.inspections.fill_window import FillWindow

CHILD = textwrap.dedent("""
    import sys
    from models.db import open_database
    from models.checklists.inspections import answer_item, set_current_item
    db = open_database(sys.argv[1])
    uuid = sys.argv[2]
    plan = [(int(i), kind, value) for i, kind, value in
            (part.split(":") for part in sys.argv[3].split(","))]
    for item_id, kind, value in plan:
        sys.stdin.readline()  # the test paces the inspector
        if kind == "choice":
            answer_item(db, uuid, item_id, choice=value)
        elif kind == "scale":
            answer_item(db, uuid, item_id, scale=int(value))
        else:
            answer_item(db, uuid, item_id, number=float(value))
        set_current_item(db, uuid, item_id)
        print("saved", item_id, flush=True)
""")


def test_killed_filler_loses_nothing(qtbot, db: Database, context: PageContext) -> None:
    t = load_spec(db, create_template(db, small_spec()))
    uuid = start_inspection(db, t.id, make_sites(db)[0], "Ann", t.kind)
    ids = [i.id for i in t.items()]
    plan = [(ids[0], "choice", "yes"), (ids[1], "choice", "no"), (ids[2], "scale", "4"),
            (ids[3], "number", "75.5"), (ids[4], "number", "2")]
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, db.url, uuid, ",".join(f"{i}:{k}:{v}" for i, k, v in plan)],
        cwd=REPO, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)})
    try:
        for item_id, _kind, _value in plan[:4]:
            child.stdin.write("go\n")
            child.stdin.flush()
            assert child.stdout.readline().split() == ["saved", str(item_id)]
        child.send_signal(signal.SIGKILL)  # mid-way: the fifth answer never comes
        assert child.wait(timeout=30) == -signal.SIGKILL
    finally:
        if child.poll() is None:
            child.kill()
        child.stdin.close()
        child.stdout.close()

    window = FillWindow(db, context.bus, uuid)
    qtbot.addWidget(window)
    assert window.current == 3  # where it stopped
    state = get_inspection(db, uuid)
    assert state.answers[ids[0]].choice == "yes" and state.answers[ids[1]].choice == "no"
    assert state.answers[ids[2]].scale == 4 and state.answers[ids[3]].number == 75.5
    assert ids[4] not in state.answers
    assert window.cards[0].buttons["yes"].isChecked()
    assert window.cards[2].buttons["4"].isChecked()
    assert window.cards[3].value_edit.text() == "75.5"
    assert window.progress.value() == 4
    window.go_to_next_unanswered()
    assert window.current == 4
