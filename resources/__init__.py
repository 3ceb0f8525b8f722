"""Plain files the application ships: translations, icons, styles, templates."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent


def resource_path(name: str) -> Path:
    """Path of a shipped resource such as ``"icons/dashboard.svg"``; fails loudly if missing."""
    path = ROOT / name
    if not path.exists():
        raise FileNotFoundError(f"unknown resource {name!r} (looked in {ROOT})")
    return path
