"""The ``servicelens`` entry point: the desktop application and its subcommands.

Without a subcommand it opens the main window. User mistakes (a bad URL, an
unreachable server, an unwritable folder, a missing file) print one line on stderr
and exit non-zero, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from app import __version__
from app.commands import COMMANDS
from models.db import ENV_VAR, DatabaseOpenError

EXIT_DATABASE_ERROR = 3


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="servicelens",
        description="ServiceLens (服务质量监督台): service-quality supervision. "
        "Without a command, opens the desktop application.",
    )
    parser.add_argument("--version", action="version", version=f"servicelens {__version__}")
    parser.add_argument(
        "--db",
        metavar="URL",
        help="SQLAlchemy database URL, e.g. sqlite:///path/to/file.db or "
        f"postgresql+psycopg://user@host/db (default: ${ENV_VAR}, else the embedded "
        "SQLite file in your data folder)",
    )
    parser.add_argument(
        "--lang", choices=["zh_CN", "en"], help="interface language (default: setting or system)"
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        module = importlib.import_module(f"app.commands.{name}")
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from app.paths import resolve_database_url

    db_url = resolve_database_url(args.db)
    try:
        if args.command is None:
            from app.gui import run_gui

            return run_gui(db_url, lang=args.lang)
        return int(args.handler(args, db_url))
    except DatabaseOpenError as exc:
        print(f"servicelens: error: {exc}", file=sys.stderr)
        return EXIT_DATABASE_ERROR
    except KeyboardInterrupt:
        print("servicelens: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # output piped into e.g. `head`, which stopped reading
        sys.stderr.close()
        return 0
