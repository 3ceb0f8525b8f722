"""Veto reasons: stored as machine-readable text, described in English for the CLI.

Widgets translate the parsed form themselves (``parse`` → kind and parameters).
"""

from __future__ import annotations


def parse(reason: str | None) -> list[tuple[str, list[str]]]:
    """``"a:x:y; b"`` → ``[("a", ["x", "y"]), ("b", [])]``; ``None``/empty → ``[]``."""
    if not reason:
        return []
    out = []
    for part in reason.split(";"):
        bits = part.strip().split(":")
        if bits[0]:
            out.append((bits[0], bits[1:]))
    return out


def describe(reason: str | None) -> str:
    """An English sentence per veto, joined by "; " (empty when there is none)."""
    texts = []
    for kind, p in parse(reason):
        if kind == "qualification_expired" and len(p) >= 2:
            texts.append(f"{p[0].replace('_', ' ')} expired on {p[1]}")
        elif kind == "metric_above" and len(p) >= 3:
            texts.append(f"{p[0]} {p[1]} above the limit {p[2]}")
        elif kind == "metric_below" and len(p) >= 3:
            texts.append(f"{p[0]} {p[1]} below the limit {p[2]}")
        elif kind == "serious_breach":
            texts.append("breach marked serious")
        else:
            texts.append(":".join([kind, *p]))
    return "; ".join(texts)
