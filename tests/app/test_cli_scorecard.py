"""``servicelens scorecard``: totals, grades, vetoes and ranks; bad input exits 2."""

from __future__ import annotations

import argparse
import json

import pytest

from app.commands import scorecard
from models.db import Database, sqlite_url
from tests.models.scorecards.conftest import make_world


def main(argv: list[str]) -> int:
    """``servicelens`` with only this subcommand registered (``app.cli.main`` imports every
    command in COMMANDS; this keeps the test independent of the others)."""
    parser = argparse.ArgumentParser(prog="servicelens")
    parser.add_argument("--db")
    scorecard.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(argv)
    return int(args.handler(args, args.db))


def test_scorecard_json_and_text(db: Database, db_path, capsys: pytest.CaptureFixture[str]
                                 ) -> None:  # type: ignore[no-untyped-def]
    make_world(db)
    url = sqlite_url(db_path)
    assert main(["--db", url, "scorecard", "--template", "T", "--period", "2026q3",
                 "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["period"] == "2026Q3" and out["template"] == "T"
    by = {e["vendor_code"]: e for e in out["evaluations"]}
    assert set(by) == {"A", "B", "C"}
    assert by["B"]["grade"] == "D" and by["B"]["veto"]
    assert "breach_count" in by["B"]["veto_reason"]
    assert main(["--db", url, "scorecard", "--template", "Test scorecard", "--period",
                 "2026Q3"]) == 0
    text = capsys.readouterr().out
    assert "Beta Clean" in text and "veto" in text


@pytest.mark.parametrize("args, message", [
    (["--template", "nope", "--period", "2026Q3"], "no scorecard template"),
    (["--template", "T", "--period", "2026Q5"], "not a period"),
])
def test_bad_input_is_one_line_and_exit_2(db: Database, db_path, args, message,  # type: ignore[no-untyped-def]
                                          capsys: pytest.CaptureFixture[str]) -> None:
    make_world(db)
    assert main(["--db", sqlite_url(db_path), "scorecard", *args]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
