"""The command line: version, help, and one-line errors for user mistakes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from app import __version__
from app.cli import EXIT_DATABASE_ERROR, main
from models.db import Database
from tests.conftest import REPO


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"servicelens {__version__}"


def test_help_lists_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "--db URL" in out and "demo" in out


@pytest.mark.parametrize(
    ("url", "fragment"),
    [
        ("nonsense://", "unsupported database URL"),
        ("just words", "not a database URL"),
        ("postgresql+psycopg://nobody@127.0.0.1:1/x", "cannot connect"),
        ("sqlite:////proc/no/such/dir/x.db", "database folder"),
    ],
)
def test_database_errors_are_one_line(
    capsys: pytest.CaptureFixture[str], url: str, fragment: str
) -> None:
    assert main(["--db", url, "demo", "--tickets", "10"]) == EXIT_DATABASE_ERROR
    err = capsys.readouterr().err
    assert err.startswith("servicelens: error: ") and fragment in err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_environment_variable_names_the_database(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from app.paths import resolve_database_url

    monkeypatch.setenv("SERVICELENS_DB", f"sqlite:///{tmp_path}/env.db")
    assert resolve_database_url(None) == f"sqlite:///{tmp_path}/env.db"
    assert resolve_database_url("sqlite:///x.db") == "sqlite:///x.db"


def test_output_into_a_closed_pipe_ends_quietly(db: Database) -> None:
    """``servicelens kpi --json | head -0``: the reader is gone; no traceback, exit 0."""
    with subprocess.Popen([sys.executable, "-m", "app", "--db", db.url, "kpi", "--json"],
                          cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.close()  # before the command writes anything
        err = proc.stderr.read().decode()
        assert proc.wait(60) == 0, err
    assert err == ""
