"""The command line: version, help, and one-line errors for user mistakes."""

from __future__ import annotations

from pathlib import Path

import pytest

from app import __version__
from app.cli import EXIT_DATABASE_ERROR, main


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
