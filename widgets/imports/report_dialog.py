"""The validation report: every rejected cell (row, column, value, reason) and the choice.

:class:`ProblemTableModel` holds the errors (a list of plain rows, shown as is).
:class:`ValidationReportDialog` shows it with a summary; "Import valid rows" and
"Import nothing" end it (``choice`` is ``"skip-invalid"`` or ``None``);
"Export rejected rows…" writes the rejected rows with an error column to xlsx. For a
past batch (``read_only``) only Close is offered.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.export import write_table
from widgets.imports.messages import reason_text
from widgets.imports.service import ProblemRow

Index = QModelIndex | QPersistentModelIndex


class ProblemTableModel(QAbstractTableModel):
    """Row errors as a table: Row, Column, Value, Reason (translated from the code)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[ProblemRow] = []

    def set_problems(self, problems: list[ProblemRow]) -> None:
        self.beginResetModel()
        self._rows = list(problems)
        self.endResetModel()

    def problem(self, row: int) -> ProblemRow:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        p = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (str(p.row), p.column, p.value, reason_text(p.code, p.message))[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return p.message
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Row"), self.tr("Column"), self.tr("Value"),
                    self.tr("Reason"))[section]
        return None


RESIZE_PRECISION_ROWS = 100


class ValidationReportDialog(QDialog):
    """Shows a file's problems; the user imports the valid rows or nothing."""

    def __init__(self, file_name: str, rows: int, rejected: int, problems: list[ProblemRow],
                 warnings: list[str], *, headers: list[str] | None = None,
                 rejected_rows: dict[int, list[Any]] | None = None, read_only: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Validation report — %1").replace("%1", file_name))
        self.choice: str | None = None
        self._headers, self._rejected_rows = headers or [], rejected_rows or {}
        self.model = ProblemTableModel(self)
        self.model.set_problems(problems)
        summary = self.tr("%1 rows read, %2 rejected.").replace("%1", f"{rows:,}").replace(
            "%2", f"{rejected:,}")
        self.summary = QLabel(summary + ("\n" + "\n".join(warnings) if warnings else ""))
        self.summary.setWordWrap(True)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Rejected rows"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        # widths from the first rows: measuring thousands of rejected rows stalls the window
        self.table.horizontalHeader().setResizeContentsPrecision(RESIZE_PRECISION_ROWS)
        buttons = QDialogButtonBox()
        self.export_button = QPushButton(self.tr("Export rejected rows…"))
        self.export_button.setEnabled(bool(self._rejected_rows))
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        if read_only:
            self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
            self.close_button.clicked.connect(self.reject)
        else:
            self.import_valid_button = QPushButton(self.tr("Import valid rows"))
            self.import_valid_button.setEnabled(rows > rejected)
            self.import_nothing_button = QPushButton(self.tr("Import nothing"))
            buttons.addButton(self.import_valid_button, QDialogButtonBox.ButtonRole.AcceptRole)
            buttons.addButton(self.import_nothing_button, QDialogButtonBox.ButtonRole.RejectRole)
            self.import_valid_button.clicked.connect(self._on_import_valid_clicked)
            self.import_nothing_button.clicked.connect(self.reject)
        self.export_button.clicked.connect(self._on_export_clicked)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(900, 520)
        self.table.resizeColumnsToContents()

    def _on_import_valid_clicked(self) -> None:
        self.choice = "skip-invalid"
        self.accept()

    def _on_export_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export rejected rows"),
                                              "rejected.xlsx", self.tr("Excel (*.xlsx)"))
        if path:
            self.export_rejected(Path(path))

    def export_rejected(self, path: Path) -> Path | None:
        """Write the rejected rows with their row number and reasons (formula-safe)."""
        by_row: dict[int, list[str]] = {}
        for p in self.model._rows:
            by_row.setdefault(p.row, []).append(reason_text(p.code, p.message))
        rows = [[row, *self._rejected_rows[row], "; ".join(by_row.get(row, []))]
                for row in sorted(self._rejected_rows)]
        try:
            return write_table(path, [self.tr("Row"), *self._headers, self.tr("Errors")], rows,
                               sheet="Rejected")
        except (OSError, ValueError) as exc:
            QMessageBox.warning(self, self.tr("Export rejected rows"), str(exc))
            return None
