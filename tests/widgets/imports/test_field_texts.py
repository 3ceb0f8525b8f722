"""Every import field has a label in the user's language."""

from __future__ import annotations

from typing import Any

from app.i18n import install_translations
from importers.fields import FIELD_SETS
from widgets.imports.messages import FIELD_TEXTS, field_text, stage_text


def test_every_importer_field_has_a_text() -> None:
    names = {f.name for fields in FIELD_SETS.values() for f in fields}
    assert names <= set(FIELD_TEXTS), sorted(names - set(FIELD_TEXTS))


def test_field_texts_are_translated(qapp: Any) -> None:
    install_translations("zh_CN")
    try:
        assert field_text("onsite_at") == "到场时间"
        assert field_text("external_id") == "工单号"
        assert field_text("not_a_field", "Fallback") == "Fallback"
    finally:
        install_translations("en")


def test_every_progress_stage_of_the_importers_has_a_text(qapp: Any) -> None:
    install_translations("zh_CN")
    try:
        shown = {stage: stage_text(stage) for stage in (
            "checking", "reading", "parsing", "read", "mapping", "validating", "loading",
            "indexing", "done")}
    finally:
        install_translations("en")
    assert shown["indexing"] == "建立索引" and shown["parsing"] == shown["reading"]
    assert all(text != stage for stage, text in shown.items())
