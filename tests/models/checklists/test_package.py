"""Offline packages: round trip, double import, older template versions, bad files."""

from __future__ import annotations

import dataclasses
import json
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import func, select

from models.checklists.inspections import (
    answer_item,
    get_inspection,
    photo_bytes,
    start_inspection,
    submit_inspection,
)
from models.checklists.package import PackageError, export_package, import_package
from models.checklists.spec import SectionSpec
from models.checklists.templates import list_versions, load_spec, save_template
from models.db import Database, open_database, sqlite_url
from models.orm.checklists import Inspection
from tests.models.checklists.conftest import make_sites, small_spec
from tests.models.checklists.test_inspections import fill


def field_office(tmp_path: Path, migrated_sqlite_template: Path, name: str) -> Database:
    path = tmp_path / f"{name}.db"
    path.write_bytes(migrated_sqlite_template.read_bytes())
    return open_database(sqlite_url(path))


@pytest.fixture
def laptop(tmp_path: Path, migrated_sqlite_template: Path) -> Database:
    db = field_office(tmp_path, migrated_sqlite_template, "laptop")
    yield db
    db.dispose()


def make_package(laptop: Database, tmp_path: Path) -> tuple[Path, list[str]]:
    from models.checklists.templates import create_template

    site = make_sites(laptop)[0]
    t = load_spec(laptop, create_template(laptop, small_spec()))
    done = start_inspection(laptop, t.id, site, "Ann", t.kind)
    fill(laptop, done, t)
    submit_inspection(laptop, done)
    draft = start_inspection(laptop, t.id, site, "Ann", t.kind)
    answer_item(laptop, draft, t.items()[0].id, choice="yes")
    path = tmp_path / "visits.slpkg"
    summary = export_package(laptop, path, [done, draft])
    assert (summary.inspections, summary.templates, summary.photos) == (2, 1, 1)
    return path, [done, draft]


def test_round_trip_and_double_import(db: Database, laptop: Database, tmp_path: Path) -> None:
    path, (done, draft) = make_package(laptop, tmp_path)
    first = import_package(db, path)
    assert (first.added, first.skipped, first.templates_added, first.photos,
            first.sites_added) == (2, 0, 1, 1, 1)
    there, here = get_inspection(laptop, done), get_inspection(db, done)
    assert here.submitted_at == there.submitted_at and here.critical_failures == 1
    assert here.score == there.score and here.passed == there.passed
    assert here.answers == {  # same answers, mapped to this database's item ids
        load_spec(db, here.template_id).items()[n].id: there.answers[item.id]
        for n, item in enumerate(load_spec(laptop, there.template_id).items())
        if item.id in there.answers}
    assert photo_bytes(db, here.photos[0].id) == b"\x89PNG fake"
    assert get_inspection(db, draft).current_item_id is not None
    second = import_package(db, path)
    assert (second.added, second.skipped, second.templates_added) == (0, 2, 0)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Inspection)) == 2


def test_package_brings_its_older_template_version(db: Database, laptop: Database,
                                                   tmp_path: Path) -> None:
    path, (done, _draft) = make_package(laptop, tmp_path)
    # the office already has the checklist, edited since (revisions 1 and 2 differ)
    from models.checklists.templates import create_template

    office = load_spec(db, create_template(db, dataclasses.replace(small_spec(), name="v1*")))
    start_inspection(db, office.id, None, "Bo", office.kind)
    save_template(db, office.id, dataclasses.replace(
        office, sections=(*office.sections, SectionSpec("New", ()))))
    summary = import_package(db, path)
    assert summary.templates_added == 1
    versions = {v.revision: v for v in list_versions(db, "T1")}
    assert sorted(versions) == [1, 2, 3]  # its revision 1 was taken: stored as 3
    here = get_inspection(db, done)
    assert load_spec(db, here.template_id).fingerprint() == small_spec().fingerprint()


def rewrite(path: Path, change: object) -> Path:
    with zipfile.ZipFile(path) as zf:
        entries = {n: zf.read(n) for n in zf.namelist()}
    manifest = json.loads(entries["manifest.json"])
    change(manifest, entries)  # type: ignore[operator]
    entries["manifest.json"] = json.dumps(manifest).encode()
    out = path.with_name("changed.zip")
    with zipfile.ZipFile(out, "w") as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return out


def test_bad_packages_are_refused_and_change_nothing(db: Database, laptop: Database,
                                                     tmp_path: Path) -> None:
    path, _ = make_package(laptop, tmp_path)

    def bad_photo(m: dict, e: dict) -> None:
        name = next(n for n in e if n.startswith("photos/"))
        e[name] = b"tampered"

    def bad_scale(m: dict, e: dict) -> None:
        m["inspections"][0]["answers"][0]["scale"] = 9

    def bad_item(m: dict, e: dict) -> None:
        m["inspections"][0]["answers"][0]["item"] = [0, 99]

    def bad_format(m: dict, e: dict) -> None:
        m["format"] = "something else"

    def repeated(m: dict, e: dict) -> None:
        m["inspections"][0]["answers"].append(m["inspections"][0]["answers"][0])

    def incomplete(m: dict, e: dict) -> None:
        m["inspections"][0]["answers"].pop()

    for change, message in ((bad_photo, "checksum"), (bad_scale, "scale"),
                            (bad_item, "missing item"), (bad_format, "not a ServiceLens"),
                            (repeated, "repeats"), (incomplete, "incomplete")):
        with pytest.raises(PackageError, match=message):
            import_package(db, rewrite(path, change))
    (tmp_path / "junk.zip").write_bytes(b"PK nothing")
    with pytest.raises(PackageError, match="not a zip"):
        import_package(db, tmp_path / "junk.zip")
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.json", b"{}")
        zf.writestr("photos/x", b"\0" * (40 * 2**20))
    with pytest.raises(PackageError, match="too large"):
        import_package(db, bomb)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Inspection)) == 0
