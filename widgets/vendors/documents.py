"""A vendor's qualification documents: expiry highlighted, files attached with SHA-256."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.scorecards.vendors import (
    QualificationRow,
    VendorError,
    delete_qualification,
    qualification_file,
    qualifications,
    save_qualification,
)
from widgets.common.context import PageContext
from widgets.vendors.editor import OptionalDate
from widgets.vendors.texts import KINDS, STATE_COLOURS, kind_label, state_label


class DocumentsWidget(QWidget):
    """Documents of one vendor; ``changed`` after a save or delete."""

    changed = Signal()

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.vendor_id: int | None = None
        self.rows: list[QualificationRow] = []
        self.file_path: Path | None = None
        self.table = QTableWidget(0, 7)
        self.table.setHorizontalHeaderLabels([
            self.tr("Document"), self.tr("Number"), self.tr("Issued"), self.tr("Expires"),
            self.tr("State"), self.tr("File"), self.tr("SHA-256")])
        self.table.setAccessibleName(self.tr("Qualification documents"))
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._on_table_item_selection_changed)
        self.kind = QComboBox()
        self.kind.setEditable(True)
        for key in KINDS:
            self.kind.addItem(kind_label(key), key)
        self.number = QLineEdit()
        self.issued = OptionalDate(self.tr("Issued on"))
        self.expires = OptionalDate(self.tr("Expires on"))
        self.file_label = QLabel(self.tr("No file"))
        attach = QPushButton(self.tr("Attach file…"))
        attach.clicked.connect(self._on_attach_clicked)
        self.save_button = QPushButton(self.tr("Save document"))
        self.save_button.clicked.connect(self.save)
        self.new_button = QPushButton(self.tr("New document"))
        self.new_button.clicked.connect(self.clear_form)
        self.delete_button = QPushButton(self.tr("Delete document"))
        self.delete_button.clicked.connect(self._on_delete_clicked)
        self.export_button = QPushButton(self.tr("Save file as…"))
        self.export_button.clicked.connect(self._on_export_clicked)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        for w, n in ((self.kind, self.tr("Document kind")), (self.number, self.tr("Number"))):
            w.setAccessibleName(n)
        box = QGroupBox(self.tr("Document"))
        form = QFormLayout(box)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Number"), self.number)
        form.addRow(self.tr("Issued on"), self.issued)
        form.addRow(self.tr("Expires on"), self.expires)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_label, 1)
        file_row.addWidget(attach)
        form.addRow(self.tr("File"), file_row)
        buttons = QHBoxLayout()
        for b in (self.new_button, self.save_button, self.delete_button, self.export_button):
            buttons.addWidget(b)
        form.addRow(buttons)
        form.addRow(self.error)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(box)
        self.selected: QualificationRow | None = None

    def set_vendor(self, vendor_id: int | None) -> None:
        self.vendor_id = vendor_id
        self.setEnabled(vendor_id is not None)
        self.reload()

    def reload(self) -> None:
        self.rows = qualifications(self.context.db, self.vendor_id) if self.vendor_id else []
        self.table.setRowCount(len(self.rows))
        for r, q in enumerate(self.rows):
            cells = (kind_label(q.kind), q.number or "", _d(q.issued_on), _d(q.expires_on),
                     state_label(q.state), q.file_name or "",
                     (q.file_sha256 or "")[:16])
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if q.state in STATE_COLOURS:
                    item.setBackground(QBrush(STATE_COLOURS[q.state]))
                if col == 6 and q.file_sha256:
                    item.setToolTip(q.file_sha256)
                self.table.setItem(r, col, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.clear_form()

    def row_colour(self, row: int) -> str:
        """The background of a row as ``#rrggbb`` (empty when not highlighted)."""
        brush = self.table.item(row, 0).background()
        return brush.color().name() if brush.style() != Qt.BrushStyle.NoBrush else ""

    def clear_form(self) -> None:
        self.selected = None
        self.table.clearSelection()
        self.number.clear()
        self.issued.set_value(None)
        self.expires.set_value(None)
        self.file_path = None
        self.file_label.setText(self.tr("No file"))
        self.error.clear()
        self.delete_button.setEnabled(False)
        self.export_button.setEnabled(False)

    def _on_table_item_selection_changed(self) -> None:
        rows = {i.row() for i in self.table.selectedIndexes()}
        if not rows:
            return
        q = self.rows[min(rows)]
        self.selected = q
        index = self.kind.findData(q.kind)
        if index >= 0:
            self.kind.setCurrentIndex(index)
        else:
            self.kind.setEditText(q.kind)
        self.number.setText(q.number or "")
        self.issued.set_value(q.issued_on)
        self.expires.set_value(q.expires_on)
        self.file_path = None
        self.file_label.setText(q.file_name or self.tr("No file"))
        self.delete_button.setEnabled(True)
        self.export_button.setEnabled(bool(q.file_name))

    def attach(self, path: Path) -> None:
        self.file_path = path
        self.file_label.setText(path.name)

    def _on_attach_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Attach a file"))
        if path:
            self.attach(Path(path))

    def _kind(self) -> str:
        text = self.kind.currentText().strip()
        index = self.kind.findText(text)
        return str(self.kind.itemData(index)) if index >= 0 else text

    def save(self) -> bool:
        if self.vendor_id is None:
            return False
        content = None
        try:
            if self.file_path is not None:
                content = self.file_path.read_bytes()
            save_qualification(self.context.db, self.vendor_id, self._kind(),
                               self.number.text().strip() or None, self.issued.value(),
                               self.expires.value(), self.context.user,
                               file_name=self.file_path.name if self.file_path else None,
                               content=content,
                               qualification_id=self.selected.id if self.selected else None)
        except (VendorError, OSError) as exc:
            self.error.setText(str(exc))
            return False
        self.reload()
        self.context.bus.data_changed.emit({"vendors"})
        self.changed.emit()
        return True

    def _on_delete_clicked(self) -> None:
        if self.selected is not None:
            delete_qualification(self.context.db, self.selected.id, self.context.user)
            self.reload()
            self.context.bus.data_changed.emit({"vendors"})
            self.changed.emit()

    def _on_export_clicked(self) -> None:
        if self.selected is None:
            return
        name, content = qualification_file(self.context.db, self.selected.id)
        if content is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save file as"), name or "")
        if path:
            Path(path).write_bytes(content)


def _d(value: object) -> str:
    return value.isoformat() if value is not None else ""  # type: ignore[attr-defined]
