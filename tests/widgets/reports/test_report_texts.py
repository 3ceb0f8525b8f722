"""Every label the report looks up is translatable, and Chinese when zh_CN is installed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.i18n import install_translations
from models.db import Database
from models.reports.period_report import build_period_report
from models.reports.report_xlsx import write_report_xlsx
from tests.models.reports.scenario import build
from widgets.reports.report_html import report_html, title_of
from widgets.reports.texts import LABELS, TITLES, report_texts


class RecordingTexts(dict[str, str]):
    """A label mapping that remembers every label asked for."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: set[str] = set()

    def get(self, key: str, default: Any = None) -> Any:  # type: ignore[override]
        self.asked.add(key)
        return super().get(key, default)


@pytest.fixture
def chinese(qapp: Any) -> Iterator[None]:
    install_translations("zh_CN")
    yield
    install_translations("en")


def test_every_label_is_listed(db: Database, tmp_path: Path) -> None:
    build(db)
    for period in ("2026-10", "2026"):
        report = build_period_report(db, period, "UTC")
        texts = RecordingTexts()
        write_report_xlsx(report, tmp_path / "r.xlsx", texts)
        report_html(report, texts)
        title_of(report, lambda s, t=texts: t.get(s, s))  # type: ignore[misc]
        assert texts.asked <= set(LABELS), texts.asked - set(LABELS)
    assert set(TITLES.values()) <= set(LABELS)
    assert {f"Tickets per {g}" for g in ("day", "month")} <= set(LABELS)


@pytest.mark.usefixtures("chinese")
def test_chinese_labels(db: Database) -> None:
    texts = report_texts()
    assert texts["Monthly service quality report"] == "服务质量月报"
    assert all(texts[s] != s for s in LABELS if s not in ("KPI", "UCL", "LCL", "n"))
    build(db)
    html = report_html(build_period_report(db, "2026-10", "UTC"))
    assert "服务质量月报 — 2026-10" in html and "响应 SLA 达成率" in html
