"""Subcommands of ``servicelens``. Each module listed in ``COMMANDS`` defines

``register(subparsers) -> None``: adds its parser and sets ``handler=run`` where
``run(args: argparse.Namespace, db_url: str) -> int`` returns the exit status.
"""

COMMANDS: list[str] = [
    "demo",
    "import_cmd",
    "kpi",
    "report",
    "scorecard",
]
