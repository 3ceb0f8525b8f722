"""Offline exchange of inspections as one package file (a zip).

Layout::

    manifest.json        format, version, created_at, templates[], inspections[]
    photos/<sha256>      the photo files
    thumbs/<sha256>      their thumbnails (optional)

Each template version used travels with the inspections (as a :class:`TemplateSpec`
dict plus its fingerprint); answers and photos name their item by (section index,
item index) within it. Sites travel by code and name.

Import is one transaction and idempotent: an inspection whose UUID is already stored is
skipped, so importing a package twice stores nothing new. A template version is matched
by code and content; an unknown older version is stored with its own revision number
when that number is free, else as the next revision. The file is validated before
anything is written: size and entry limits against zip bombs, no path tricks, a
manifest of the expected shape, SHA-256 of every photo — a bad package raises
:class:`PackageError` and leaves the database unchanged.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, undefer

from models.checklists.inspections import apply_result, score_in
from models.checklists.package_schema import PackageError, validate_manifest
from models.checklists.spec import TemplateSpec, spec_from_dict, spec_to_dict
from models.checklists.templates import add_template, load_spec_in
from models.db import Database
from models.orm import Site, utcnow
from models.orm.checklists import (
    ChecklistTemplate,
    Choice,
    Inspection,
    InspectionAnswer,
    InspectionKind,
    InspectionPhoto,
    InspectionStatus,
)

FORMAT = "servicelens-inspections"
VERSION = 1
MAX_PACKAGE_BYTES = 1024 * 1024 * 1024
MAX_ENTRIES = 20_000
MAX_ENTRY_BYTES = 30 * 1024 * 1024
MAX_TOTAL_BYTES = 2 * 1024 * 1024 * 1024
MAX_MANIFEST_BYTES = 50 * 1024 * 1024
MAX_RATIO = 200  # uncompressed / compressed, for entries over 1 MB

__all__ = ["ExportSummary", "ImportSummary", "PackageError", "export_package", "import_package"]


@dataclass(frozen=True)
class ExportSummary:
    path: Path
    inspections: int
    templates: int
    photos: int


@dataclass(frozen=True)
class ImportSummary:
    """``added`` new inspections, ``skipped`` already stored (same UUID)."""

    added: int
    skipped: int
    templates_added: int
    photos: int
    sites_added: int


def _iso(value: dt.datetime | None) -> str | None:
    return None if value is None else value.astimezone(dt.UTC).isoformat()


def export_package(db: Database, path: Path, inspection_uuids: list[str]) -> ExportSummary:
    """Write the given inspections (drafts included), their answers, photos and template
    versions to ``path``. Raises ``OSError`` when it can't be written."""
    templates: dict[int, TemplateSpec] = {}
    records: list[dict[str, Any]] = []
    photo_count = 0
    with db.session() as s, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        rows = s.scalars(select(Inspection).where(Inspection.uuid.in_(inspection_uuids))
                         .order_by(Inspection.id))
        for row in rows:
            if row.template_id is None:
                continue  # visit-level imports have no items to exchange
            if row.template_id not in templates:
                templates[row.template_id] = load_spec_in(s, row.template_id)
            spec = templates[row.template_id]
            where = {item.id: [si, ii] for si, sec in enumerate(spec.sections)
                     for ii, item in enumerate(sec.items)}
            site = s.get(Site, row.site_id) if row.site_id else None
            original = s.get(Inspection, row.revision_of_id) if row.revision_of_id else None
            answers = [{"item": where[a.item_id], "choice": a.choice.value if a.choice else None,
                        "scale": a.scale, "number": a.number, "text": a.text, "note": a.note,
                        "answered_at": _iso(a.answered_at)}
                       for a in s.scalars(select(InspectionAnswer)
                                          .where(InspectionAnswer.inspection_id == row.id))]
            photos = []
            for p in s.scalars(select(InspectionPhoto).options(
                    undefer(InspectionPhoto.content), undefer(InspectionPhoto.thumbnail))
                    .where(InspectionPhoto.inspection_id == row.id)):
                name = f"photos/{p.sha256}"
                if name not in zf.namelist():
                    zf.writestr(name, p.content)
                    if p.thumbnail:
                        zf.writestr(f"thumbs/{p.sha256}", p.thumbnail)
                photos.append({"item": where.get(p.item_id) if p.item_id else None,
                               "file_name": p.file_name, "sha256": p.sha256,
                               "thumbnail": bool(p.thumbnail), "taken_at": _iso(p.taken_at)})
                photo_count += 1
            records.append({
                "uuid": row.uuid, "template": _key(spec),
                "site": {"code": site.code, "name": site.name} if site else None,
                "inspector": row.inspector, "kind": row.kind.value, "status": row.status.value,
                "visited_at": _iso(row.visited_at), "submitted_at": _iso(row.submitted_at),
                "score": row.score, "passed": row.passed,
                "critical_failures": row.critical_failures,
                "current_item": where.get(row.current_item_id) if row.current_item_id else None,
                "revision_of": original.uuid if original else None,
                "revision_reason": row.revision_reason, "revised_by": row.revised_by,
                "answers": answers, "photos": photos,
            })
        manifest = {
            "format": FORMAT, "version": VERSION, "created_at": _iso(utcnow()),
            "templates": [{"key": _key(spec), "fingerprint": spec.fingerprint(),
                           "spec": spec_to_dict(spec.without_ids())}
                          for spec in templates.values()],
            "inspections": records,
        }
        zf.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1))
    return ExportSummary(path, len(records), len(templates), photo_count)


def _key(spec: TemplateSpec) -> str:
    return f"{spec.code}@{spec.revision}"


def _open_checked(path: Path) -> tuple[zipfile.ZipFile, dict[str, Any]]:
    """Open ``path`` and check the zip limits and the manifest; raises PackageError."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise PackageError(f"cannot read {path.name}: {exc}") from exc
    if size > MAX_PACKAGE_BYTES:
        raise PackageError(f"{path.name} is larger than {MAX_PACKAGE_BYTES // 2**20} MB")
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise PackageError(f"{path.name} is not an inspection package (not a zip file)") from exc
    try:
        infos = zf.infolist()
        if len(infos) > MAX_ENTRIES:
            raise PackageError(f"{path.name} has more than {MAX_ENTRIES} entries")
        total = 0
        for info in infos:
            name = info.filename
            if name.startswith(("/", "\\")) or ".." in name.split("/") or ":" in name:
                raise PackageError(f"{path.name}: unsafe entry name {name!r}")
            if info.flag_bits & 0x1:
                raise PackageError(f"{path.name} is encrypted")
            limit = MAX_MANIFEST_BYTES if name == "manifest.json" else MAX_ENTRY_BYTES
            if info.file_size > limit:
                raise PackageError(f"{path.name}: {name} is too large")
            if info.file_size > 2**20 and info.file_size > MAX_RATIO * max(1, info.compress_size):
                raise PackageError(f"{path.name}: {name} is compressed suspiciously well")
            total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise PackageError(f"{path.name} unpacks to more than {MAX_TOTAL_BYTES // 2**30} GB")
        try:
            raw = _read(zf, "manifest.json", MAX_MANIFEST_BYTES)
            manifest = json.loads(raw.decode("utf-8"))
        except KeyError:
            raise PackageError(f"{path.name} has no manifest.json") from None
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise PackageError(f"{path.name}: manifest.json is not valid JSON: {exc}") from exc
        validate_manifest(manifest, FORMAT, VERSION)
        return zf, manifest
    except BaseException:
        zf.close()
        raise


def _read(zf: zipfile.ZipFile, name: str, limit: int) -> bytes:
    """Read one entry, never more than ``limit`` bytes whatever its header claims."""
    with zf.open(name) as f:
        data = f.read(limit + 1)
    if len(data) > limit:
        raise PackageError(f"{name} is larger than it claims")
    return data


def _photo(zf: zipfile.ZipFile, folder: str, digest: str, check: bool) -> bytes:
    try:
        data = _read(zf, f"{folder}/{digest}", MAX_ENTRY_BYTES)
    except KeyError:
        raise PackageError(f"the package lacks {folder}/{digest}") from None
    if check and hashlib.sha256(data).hexdigest() != digest:
        raise PackageError(f"photo {digest[:12]}… does not match its checksum")
    return data


def import_package(db: Database, path: Path) -> ImportSummary:
    """Store the package's inspections not yet stored (by UUID), in one transaction."""
    zf, manifest = _open_checked(path)
    with zf, db.transaction() as s:
        specs, templates_added = _templates(s, manifest["templates"])
        added = skipped = photos = sites_added = 0
        pending = list(manifest["inspections"])
        # originals before their corrections, so revision_of resolves
        pending.sort(key=lambda r: r["revision_of"] is not None)
        for record in pending:
            if s.scalar(select(Inspection.id).where(Inspection.uuid == record["uuid"])):
                skipped += 1
                continue
            site_id, new_site = _site(s, record["site"])
            sites_added += new_site
            photos += _store(s, zf, record, specs[record["template"]], site_id)
            added += 1
    return ImportSummary(added, skipped, templates_added, photos, sites_added)


def _templates(s: Session, entries: list[dict[str, Any]]) -> tuple[dict[str, TemplateSpec], int]:
    specs: dict[str, TemplateSpec] = {}
    added = 0
    for entry in entries:
        spec = spec_from_dict(entry["spec"])
        if spec.fingerprint() != entry["fingerprint"]:
            raise PackageError(f"template {entry['key']} does not match its fingerprint")
        revision = int(entry["key"].rsplit("@", 1)[1])
        stored = None
        for template_id in s.scalars(select(ChecklistTemplate.id)
                                     .where(ChecklistTemplate.code == spec.code)):
            candidate = load_spec_in(s, template_id)
            if candidate.fingerprint() == spec.fingerprint():
                stored = candidate
                break
        if stored is None:
            taken = s.scalar(select(ChecklistTemplate.id).where(
                ChecklistTemplate.code == spec.code, ChecklistTemplate.revision == revision))
            row = add_template(s, spec, revision=None if taken else revision)
            stored = load_spec_in(s, row.id)
            added += 1
        specs[entry["key"]] = stored
    return specs, added


def _site(s: Session, site: dict[str, str] | None) -> tuple[int | None, int]:
    if site is None:
        return None, 0
    found = s.scalar(select(Site.id).where(Site.code == site["code"]))
    if found is not None:
        return found, 0
    row = Site(code=site["code"], name=site["name"])
    s.add(row)
    s.flush()
    return row.id, 1


def _time(value: str | None) -> dt.datetime | None:
    return None if value is None else dt.datetime.fromisoformat(value).astimezone(dt.UTC)


def _store(s: Session, zf: zipfile.ZipFile, record: dict[str, Any], spec: TemplateSpec,
           site_id: int | None) -> int:
    def item_id(ref: list[int] | None) -> int | None:
        if ref is None:
            return None
        try:
            return spec.sections[ref[0]].items[ref[1]].id
        except IndexError:
            raise PackageError(f"inspection {record['uuid']} names a missing item") from None

    original = None
    if record["revision_of"]:
        original = s.scalar(select(Inspection.id)
                            .where(Inspection.uuid == record["revision_of"]))
    row = Inspection(
        uuid=record["uuid"], template_id=spec.id, site_id=site_id, inspector=record["inspector"],
        kind=InspectionKind(record["kind"]), status=InspectionStatus(record["status"]),
        visited_at=_time(record["visited_at"]), submitted_at=_time(record["submitted_at"]),
        score=record["score"], passed=record["passed"],
        critical_failures=record["critical_failures"],
        current_item_id=item_id(record["current_item"]), revision_of_id=original,
        revision_reason=record["revision_reason"], revised_by=record["revised_by"],
        source="package")
    s.add(row)
    s.flush()
    for a in record["answers"]:
        s.add(InspectionAnswer(
            inspection_id=row.id, item_id=item_id(a["item"]),
            choice=Choice(a["choice"]) if a["choice"] else None, scale=a["scale"],
            number=a["number"], text=a["text"], note=a["note"],
            answered_at=_time(a["answered_at"])))
    for p in record["photos"]:
        content = _photo(zf, "photos", p["sha256"], True)
        thumb = _photo(zf, "thumbs", p["sha256"], False) if p["thumbnail"] else None
        s.add(InspectionPhoto(inspection_id=row.id, item_id=item_id(p["item"]),
                              file_name=p["file_name"], sha256=p["sha256"], content=content,
                              thumbnail=thumb, taken_at=_time(p["taken_at"])))
    s.flush()
    if row.status is InspectionStatus.SUBMITTED:
        # the stored verdict is recomputed here, never taken on trust from the file
        result = score_in(s, row)
        if result.blockers:
            raise PackageError(f"inspection {record['uuid']} is marked submitted but is "
                               "incomplete")
        apply_result(row, result, row.submitted_at)
    return len(record["photos"])
