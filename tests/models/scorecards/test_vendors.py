"""The vendor library service: optimistic locking, documents with files, expiry."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest

from models.db import Database
from models.scorecards.queries import audit_log
from models.scorecards.vendors import (
    VendorConflictError,
    VendorError,
    VendorRecord,
    expired,
    expiring,
    list_vendor_rows,
    qualification_file,
    qualifications,
    save_qualification,
    save_vendor,
    vendor_overview,
)

TODAY = dt.date(2026, 10, 1)


def test_crud_conflict_and_audit(db: Database) -> None:
    v = save_vendor(db, VendorRecord("V1", "洁康 / JieKang", "cleaning"), "ann")
    assert v.id is not None and v.version == 1
    mine = save_vendor(db, VendorRecord(**{**v.__dict__, "notes": "good"}), "ann")
    assert mine.version == 2
    with pytest.raises(VendorConflictError, match="changed by someone else"):
        save_vendor(db, VendorRecord(**{**v.__dict__, "status": "suspended"}), "bob")
    with pytest.raises(VendorError, match="taken"):
        save_vendor(db, VendorRecord("V1", "Dup", "cleaning"), "ann")
    with pytest.raises(VendorError, match="before it starts"):
        save_vendor(db, VendorRecord("V2", "x", "c", contract_start=TODAY,
                                     contract_end=TODAY - dt.timedelta(days=1)), "ann")
    rows = list_vendor_rows(db, search="jiekang")
    assert [r.code for r in rows] == ["V1"]
    assert list_vendor_rows(db, status="suspended") == []
    assert any(a.field == "notes" and a.new == "good" for a in audit_log(db))


def test_documents_with_files_and_expiry(db: Database) -> None:
    v = save_vendor(db, VendorRecord("V1", "A", "cleaning"), "ann")
    assert v.id is not None
    content = b"%PDF-1.4 licence"
    qid = save_qualification(db, v.id, "business_licence", "91X", dt.date(2016, 1, 1),
                             TODAY - dt.timedelta(days=1), "ann", file_name="lic.pdf",
                             content=content)
    save_qualification(db, v.id, "iso9001", "CN-1", None, TODAY + dt.timedelta(days=30), "ann")
    save_qualification(db, v.id, "permit", "P", None, TODAY + dt.timedelta(days=31), "ann")
    assert [q.kind for q in expired(db, TODAY)] == ["business_licence"]
    assert [q.kind for q in expiring(db, TODAY)] == ["iso9001"]
    docs = qualifications(db, v.id, TODAY)
    assert docs[0].file_sha256 == hashlib.sha256(content).hexdigest()
    assert qualification_file(db, qid) == ("lic.pdf", content)
    assert list_vendor_rows(db, today=TODAY)[0].expiry_state == "expired"
    with pytest.raises(VendorError):
        save_qualification(db, v.id, "x", None, TODAY, TODAY - dt.timedelta(days=1), "ann")
    assert vendor_overview(db, v.id).vendor.code == "V1"
