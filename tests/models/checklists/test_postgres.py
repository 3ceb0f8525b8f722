"""The whole flow once on PostgreSQL: template, fill, submit, package round trip."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.checklists.inspections import get_inspection, start_inspection, submit_inspection
from models.checklists.package import export_package, import_package
from models.checklists.templates import create_template, load_spec
from models.db import Database
from tests.models.checklists.conftest import make_sites, small_spec
from tests.models.checklists.test_inspections import fill


@pytest.mark.postgres
def test_flow_on_postgresql(pg_db: Database, tmp_path: Path) -> None:
    t = load_spec(pg_db, create_template(pg_db, small_spec()))
    uuid = start_inspection(pg_db, t.id, make_sites(pg_db)[0], "Ann", t.kind)
    fill(pg_db, uuid, t)
    assert submit_inspection(pg_db, uuid).score == pytest.approx(100 * 4.5 / 7)
    path = tmp_path / "p.zip"
    export_package(pg_db, path, [uuid])
    assert import_package(pg_db, path).skipped == 1
    assert get_inspection(pg_db, uuid).critical_failures == 1
