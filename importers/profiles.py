"""Saved column mappings ("profiles") so the next file from a source imports unasked.

A profile (table ``mapping_profiles``) stores, for one source of files, the mapping
header → field, the duration units, the file's full header list and the import
options (value synonyms the user chose, CSAT scale, time zone …). A file **matches** a
profile when every mapped header of the profile is among the file's headers and at
least 80 % of the profile's headers are there too (headers compared normalised).

Profiles shipped with the application live in ``resources/profiles/*.json`` (same
fields, read-only); a saved profile with the same name wins.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from importers.mapping import Mapping, mapping_from_dict
from importers.values import normalise_token
from models.db import Database
from models.orm import MappingProfile
from resources import ROOT as RESOURCES

BUILTIN_FOLDER = RESOURCES / "profiles"
MATCH_SHARE = 0.8


@dataclass(frozen=True)
class ProfileInfo:
    """A profile as plain data; ``builtin`` ones come from ``resources/profiles``."""

    name: str
    kind: str
    source: str
    mapping: dict[str, str]
    units: dict[str, str] = field(default_factory=dict)
    headers: list[str] = field(default_factory=list)
    options: dict[str, Any] = field(default_factory=dict)
    builtin: bool = False

    def to_mapping(self, headers: list[str]) -> Mapping:
        """The :class:`Mapping` this profile gives a file with ``headers``."""
        return mapping_from_dict({"kind": self.kind, "mapping": self.mapping,
                                  "units": self.units, "options": self.options}, headers)

    def matches(self, headers: list[str], kind: str | None = None) -> bool:
        if kind is not None and kind != self.kind:
            return False
        have = {normalise_token(str(h)) for h in headers if h}
        mapped = {normalise_token(h) for h in self.mapping}
        if not mapped or not mapped <= have:
            return False
        known = {normalise_token(h) for h in self.headers} or mapped
        return len(known & have) >= MATCH_SHARE * len(known)


def _from_row(row: MappingProfile) -> ProfileInfo:
    options = dict(row.options or {})
    units = options.pop("units", {}) or {}
    headers = options.pop("headers", []) or []
    return ProfileInfo(row.name, row.kind, row.source, dict(row.mapping), units, headers,
                       options)


def builtin_profiles() -> list[ProfileInfo]:
    """Profiles shipped in ``resources/profiles`` (bad files are skipped)."""
    out = []
    for path in sorted(BUILTIN_FOLDER.glob("*.json")) if BUILTIN_FOLDER.exists() else []:
        try:
            d = json.loads(path.read_text(encoding="utf-8"))
            out.append(ProfileInfo(d["name"], d.get("kind", "tickets"), d.get("source", ""),
                                   d["mapping"], d.get("units", {}), d.get("headers", []),
                                   d.get("options", {}), builtin=True))
        except (OSError, ValueError, KeyError):
            continue
    return out


def list_profiles(db: Database, kind: str | None = None) -> list[ProfileInfo]:
    """Saved profiles, then shipped ones not shadowed by a saved one, by name."""
    with db.session() as s:
        saved = [_from_row(r) for r in s.scalars(select(MappingProfile).order_by(
            MappingProfile.name))]
    names = {p.name for p in saved}
    found = saved + [p for p in builtin_profiles() if p.name not in names]
    return [p for p in found if kind is None or p.kind == kind]


def load_profile(db: Database, name: str) -> ProfileInfo | None:
    """The profile called ``name`` (saved first, then shipped), or None."""
    return next((p for p in list_profiles(db) if p.name == name), None)


def find_matching_profile(db: Database, headers: list[str], kind: str) -> ProfileInfo | None:
    """The saved or shipped profile that fits a file with ``headers`` (see module doc)."""
    for profile in list_profiles(db, kind):
        if profile.matches(headers, kind):
            return profile
    return None


def save_profile(db: Database, name: str, mapping: Mapping, *, source: str,
                 headers: list[str]) -> None:
    """Create or replace the profile ``name`` from ``mapping`` (units and options kept)."""
    data = mapping.to_dict()
    options = {**data["options"], "units": data["units"], "headers": [str(h) for h in headers]}
    with db.transaction() as s:
        row = s.scalar(select(MappingProfile).where(MappingProfile.name == name))
        if row is None:
            row = MappingProfile(name=name[:100], kind=mapping.kind, source=source[:100],
                                 mapping=data["mapping"], options=options)
            s.add(row)
        else:
            row.kind, row.source = mapping.kind, source[:100]
            row.mapping, row.options = data["mapping"], options


def delete_profile(db: Database, name: str) -> bool:
    """Delete a saved profile; False when there was none (shipped ones stay)."""
    with db.transaction() as s:
        row = s.scalar(select(MappingProfile).where(MappingProfile.name == name))
        if row is None:
            return False
        s.delete(row)
        return True
