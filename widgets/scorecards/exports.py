"""The Scorecards page's exports: xlsx, the sign-off PDF and the evaluation pack."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog

from models.scorecards.export_xlsx import export_xlsx
from widgets.scorecards.pdf import write_pack, write_pdf

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")

if TYPE_CHECKING:
    from PySide6.QtWidgets import QComboBox, QLabel

    from models.scorecards.queries import EvaluationDetail, EvaluationRow
    from widgets.common.context import PageContext


class ExportActions:
    """Mixed into :class:`ScorecardsPage` (a QWidget with ``rows``, ``context``,
    ``message``, ``template``, ``period`` and ``details()``)."""

    rows: list[EvaluationRow]
    context: PageContext
    message: QLabel
    template: QComboBox
    period: QComboBox
    details: Callable[[], list[EvaluationDetail]]

    def _ids(self) -> list[int]:
        return [r.id for r in self.rows]

    def _save_path(self, title: str, filter_text: str, suffix: str) -> Path | None:
        name = f"{self.template.currentText().split(' (')[0]}-{self.period.currentText()}{suffix}"
        path, _ = QFileDialog.getSaveFileName(self, title, name, filter_text)  # type: ignore[arg-type]
        return Path(path) if path else None

    def _on_export_xlsx(self) -> None:
        path = self._save_path(translate("ScorecardsPage", "Export xlsx"),
                               translate("ScorecardsPage", "Excel workbook (*.xlsx)"), ".xlsx")
        if path:
            self.export_xlsx_to(path)

    def _on_export_pdf(self) -> None:
        path = self._save_path(translate("ScorecardsPage", "Export PDF"),
                               translate("ScorecardsPage", "PDF (*.pdf)"), ".pdf")
        if path:
            self.export_pdf_to(path)

    def _on_export_pack(self) -> None:
        title = translate("ScorecardsPage", "Folder for the evaluation pack")
        folder = QFileDialog.getExistingDirectory(self, title)  # type: ignore[arg-type]
        if folder:
            self.export_pack_to(Path(folder))

    def _export(self, action: object, path: Path) -> Path | None:
        if not self.rows:
            self.message.setText(translate("ScorecardsPage",
                                           "Nothing to export: run an evaluation first."))
            return None
        try:
            result: Path = action()  # type: ignore[operator]
        except (OSError, ValueError) as exc:
            failed = translate("ScorecardsPage", "Export failed: %1")
            self.message.setText(failed.replace("%1", str(exc)))
            return None
        self.message.setText(translate("ScorecardsPage", "Saved %1").replace("%1", str(result)))
        return result

    def export_xlsx_to(self, path: Path) -> Path | None:
        return self._export(lambda: export_xlsx(self.context.db, self._ids(), path), path)

    def export_pdf_to(self, path: Path) -> Path | None:
        return self._export(lambda: write_pdf(self.details(), path, self.context.user), path)

    def export_pack_to(self, folder: Path) -> Path | None:
        return self._export(lambda: write_pack(self.context.db, self._ids(), folder,
                                               self.context.user), folder)
