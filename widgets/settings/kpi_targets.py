"""Settings tab: KPI targets — the value each KPI should reach (or stay under), for all
priorities or one, from an effective date. Cards and alerts use them for their traffic
lights; DESIGN.md's defaults apply until targets are saved.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.kpi.api import PRIORITIES, KpiTargetSpec, load_targets
from models.kpi.settings_store import save_targets
from models.progress import Progress
from widgets.common.context import PageContext
from widgets.dashboard import kpi_labels

KPI, PRIORITY, TARGET, DIRECTION, FROM = range(5)


class KpiTargetsTab(QWidget):
    """``saved`` after the targets were written (the bus also says "kpi_targets")."""

    saved = Signal()
    loaded = Signal()

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.loaded_ids: list[int] = []
        self.table = QTableWidget(0, 5)
        self.table.setAccessibleName(self.tr("KPI targets"))
        self.table.setHorizontalHeaderLabels([
            self.tr("KPI"), self.tr("Priority"), self.tr("Target"), self.tr("Direction"),
            self.tr("Effective from"),
        ])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.add_button = QPushButton(self.tr("Add target"))
        self.remove_button = QPushButton(self.tr("Remove target"))
        self.revert_button = QPushButton(self.tr("Revert"))
        self.save_button = QPushButton(self.tr("Save"))
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.revert_button):
            button.setAccessibleName(button.text())
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.save_button.setAccessibleName(self.save_button.text())
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(lambda: self.add_row(None))
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.revert_button.clicked.connect(self.reload)
        self.save_button.clicked.connect(self.save)
        self.reload()

    def reload(self) -> None:
        db = self.context.db
        self.context.runner.submit(lambda _p: load_targets(db), on_result=self.show_targets,
                                   key=f"kpi-targets-load-{id(self)}", owner=self)

    def show_targets(self, targets: tuple[KpiTargetSpec, ...]) -> None:
        self.loaded_ids = [t.id for t in targets if t.id is not None]
        self.table.setRowCount(0)
        for spec in targets:
            self.add_row(spec)
        self.loaded.emit()

    def add_row(self, spec: KpiTargetSpec | None) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        kpi = QComboBox()
        kpi.setAccessibleName(self.tr("KPI"))
        for key in kpi_labels.TITLES:
            kpi.addItem(kpi_labels.title(key), key)
        priority = QComboBox()
        priority.setAccessibleName(self.tr("Priority"))
        priority.addItem(self.tr("All"), None)
        for p in PRIORITIES:
            priority.addItem(p, p)
        direction = QComboBox()
        direction.setAccessibleName(self.tr("Direction"))
        direction.addItem(self.tr("at least"), True)
        direction.addItem(self.tr("at most"), False)
        if spec is not None:
            if kpi.findData(spec.kpi) < 0:
                kpi.addItem(spec.kpi, spec.kpi)
            kpi.setCurrentIndex(kpi.findData(spec.kpi))
            priority.setCurrentIndex(max(0, priority.findData(spec.priority)))
            direction.setCurrentIndex(0 if spec.higher_is_better else 1)
        target = QTableWidgetItem(f"{spec.target:g}" if spec else "90")
        start = QTableWidgetItem((spec.effective_from if spec else dt.date.today()).isoformat())
        self.table.setCellWidget(row, KPI, kpi)
        self.table.setCellWidget(row, PRIORITY, priority)
        self.table.setItem(row, TARGET, target)
        self.table.setCellWidget(row, DIRECTION, direction)
        self.table.setItem(row, FROM, start)
        target.setData(Qt.ItemDataRole.UserRole, spec.id if spec else None)

    def _on_remove_clicked(self) -> None:
        for row in sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True):
            self.table.removeRow(row)

    def edited_targets(self) -> tuple[KpiTargetSpec, ...]:
        """The table as target specs; raises ``ValueError`` naming the bad row."""
        out = []
        for row in range(self.table.rowCount()):
            try:
                value = float(self.table.item(row, TARGET).text().replace(",", "."))
                start = dt.date.fromisoformat(self.table.item(row, FROM).text().strip())
            except ValueError as exc:
                raise ValueError(self.tr("Row %1: %2").replace("%1", str(row + 1))
                                 .replace("%2", str(exc))) from exc
            out.append(KpiTargetSpec(
                kpi=self.table.cellWidget(row, KPI).currentData(),
                target=value,
                higher_is_better=bool(self.table.cellWidget(row, DIRECTION).currentData()),
                priority=self.table.cellWidget(row, PRIORITY).currentData(),
                effective_from=start,
                id=self.table.item(row, TARGET).data(Qt.ItemDataRole.UserRole),
            ))
        return tuple(out)

    def save(self) -> None:
        try:
            targets = self.edited_targets()
        except ValueError as exc:
            QMessageBox.warning(self, self.tr("KPI targets"), str(exc))
            return
        db, user = self.context.db, self.context.user
        kept = {t.id for t in targets if t.id is not None}
        deleted = [i for i in self.loaded_ids if i not in kept]

        def work(_progress: Progress) -> tuple[KpiTargetSpec, ...]:
            save_targets(db, targets, user, deleted)
            return load_targets(db)

        self.context.runner.submit(work, on_result=self._on_saved, on_error=self._on_error,
                                   key=f"kpi-targets-save-{id(self)}", owner=self)

    def _on_saved(self, targets: tuple[KpiTargetSpec, ...]) -> None:
        self.show_targets(targets)
        self.context.bus.data_changed.emit({"kpi_targets"})
        self.context.bus.status_message.emit(self.tr("KPI targets saved"))
        self.saved.emit()

    def _on_error(self, error: BaseException) -> None:
        QMessageBox.warning(self, self.tr("KPI targets"), str(error))


__all__ = ["KpiTargetsTab"]
