"""The shape of a package's ``manifest.json``, checked field by field before import.

A small declarative schema (no third-party validator): each field names the Python
types it may hold. :func:`validate_manifest` raises :class:`PackageError` naming the
path of the first bad value (``inspections[3].answers[0].scale``).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

UUID_RE = re.compile(r"^[0-9a-fA-F-]{32,36}$")
SHA_RE = re.compile(r"^[0-9a-f]{64}$")
NUM = (int, float)
OPT_STR = (str, type(None))
OPT_NUM = (int, float, type(None))

TEMPLATE = {"key": str, "fingerprint": str, "spec": dict}
INSPECTION = {
    "uuid": str, "template": str, "site": (dict, type(None)), "inspector": OPT_STR,
    "kind": str, "status": str, "visited_at": str, "submitted_at": OPT_STR, "score": OPT_NUM,
    "passed": (bool, type(None)), "critical_failures": int, "current_item": (list, type(None)),
    "revision_of": OPT_STR, "revision_reason": OPT_STR, "revised_by": OPT_STR,
    "answers": list, "photos": list,
}
ANSWER = {"item": list, "choice": OPT_STR, "scale": (int, type(None)), "number": OPT_NUM,
          "text": OPT_STR, "note": OPT_STR, "answered_at": str}
PHOTO = {"item": (list, type(None)), "file_name": str, "sha256": str, "thumbnail": bool,
         "taken_at": str}
SITE = {"code": str, "name": str}
CHOICES = {None, "yes", "no", "na"}
KINDS = {"mystery_shop", "inspection", "audit"}
STATUSES = {"draft", "submitted"}


class PackageError(ValueError):
    """The package is unreadable, over a safety limit, or not of the expected shape."""


def _fields(value: Any, shape: dict[str, Any], where: str) -> None:
    if not isinstance(value, dict):
        raise PackageError(f"{where} should be an object")
    for name, types in shape.items():
        if name not in value:
            raise PackageError(f"{where}.{name} is missing")
        field = value[name]
        # bool is an int in Python; only accept it where bool is named
        if isinstance(field, bool) and bool not in (types if isinstance(types, tuple)
                                                    else (types,)):
            raise PackageError(f"{where}.{name} has the wrong type")
        if not isinstance(field, types):
            raise PackageError(f"{where}.{name} has the wrong type")


def _time(value: str | None, where: str) -> None:
    if value is None:
        return
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        raise PackageError(f"{where} is not an ISO time: {value[:40]!r}") from None
    if parsed.tzinfo is None:
        raise PackageError(f"{where} has no time zone")


def _ref(value: Any, where: str) -> None:
    if value is None:
        return
    if (not isinstance(value, list) or len(value) != 2
            or not all(isinstance(v, int) and not isinstance(v, bool) and v >= 0
                       for v in value)):
        raise PackageError(f"{where} should be [section, item]")


def validate_manifest(manifest: Any, fmt: str, version: int) -> None:
    """Raise :class:`PackageError` unless ``manifest`` has the package's exact shape."""
    _fields(manifest, {"format": str, "version": int, "templates": list, "inspections": list},
            "manifest")
    if manifest["format"] != fmt:
        raise PackageError("this file is not a ServiceLens inspection package")
    if manifest["version"] > version:
        raise PackageError(f"package version {manifest['version']} is newer than this "
                           f"ServiceLens understands ({version})")
    keys = set()
    for n, t in enumerate(manifest["templates"]):
        _fields(t, TEMPLATE, f"templates[{n}]")
        if "@" not in t["key"] or not t["key"].rsplit("@", 1)[1].isdigit():
            raise PackageError(f"templates[{n}].key should be CODE@REVISION")
        keys.add(t["key"])
    seen = set()
    for n, r in enumerate(manifest["inspections"]):
        where = f"inspections[{n}]"
        _fields(r, INSPECTION, where)
        if not UUID_RE.match(r["uuid"]) or r["uuid"] in seen:
            raise PackageError(f"{where}.uuid is invalid or repeated")
        seen.add(r["uuid"])
        if r["template"] not in keys:
            raise PackageError(f"{where}.template names no template of the package")
        if r["kind"] not in KINDS or r["status"] not in STATUSES:
            raise PackageError(f"{where} has an unknown kind or status")
        if r["site"] is not None:
            _fields(r["site"], SITE, f"{where}.site")
        if r["score"] is not None and not 0 <= r["score"] <= 100:
            raise PackageError(f"{where}.score is not within 0–100")
        _time(r["visited_at"], f"{where}.visited_at")
        _time(r["submitted_at"], f"{where}.submitted_at")
        _ref(r["current_item"], f"{where}.current_item")
        answered: set[tuple[int, ...]] = set()
        for m, a in enumerate(r["answers"]):
            _fields(a, ANSWER, f"{where}.answers[{m}]")
            _ref(a["item"], f"{where}.answers[{m}].item")
            if tuple(a["item"]) in answered:
                raise PackageError(f"{where}.answers[{m}] repeats an item")
            answered.add(tuple(a["item"]))
            if a["choice"] not in CHOICES:
                raise PackageError(f"{where}.answers[{m}].choice is unknown")
            if a["scale"] is not None and not 1 <= a["scale"] <= 5:
                raise PackageError(f"{where}.answers[{m}].scale is not within 1–5")
            _time(a["answered_at"], f"{where}.answers[{m}].answered_at")
        digests: set[str] = set()
        for m, p in enumerate(r["photos"]):
            _fields(p, PHOTO, f"{where}.photos[{m}]")
            if p["sha256"] in digests:
                raise PackageError(f"{where}.photos[{m}] repeats a photo")
            digests.add(p["sha256"])
            _ref(p["item"], f"{where}.photos[{m}].item")
            if not SHA_RE.match(p["sha256"]):
                raise PackageError(f"{where}.photos[{m}].sha256 is not a SHA-256")
            _time(p["taken_at"], f"{where}.photos[{m}].taken_at")
