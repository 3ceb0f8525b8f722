"""Vendors page: the vendor library with search and filters, the vendor editor,
qualification documents (expired red, expiring amber) and the vendor's overview."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from models.export import write_table
from models.scorecards.vendors import (
    VendorConflictError,
    VendorError,
    VendorListRow,
    categories,
    get_vendor,
    list_vendor_rows,
    save_vendor,
)
from widgets.common.context import PageContext
from widgets.vendors.documents import DocumentsWidget
from widgets.vendors.editor import VendorEditor
from widgets.vendors.overview import VendorOverviewWidget
from widgets.vendors.texts import STATE_COLOURS, STATUSES, state_label, status_label

TABLES = {"vendors", "evaluations", "vendor_metrics", "sites", "inspections"}


class VendorsPage(QWidget):
    """The vendor library. Listens to ``bus.open_vendor`` to show one vendor."""

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.rows: list[VendorListRow] = []
        title = QLabel(self.tr("Vendors"))
        title.setObjectName("pageTitle")
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search code, name or contact…"))
        self.search.setAccessibleName(self.tr("Search"))
        self.search.setClearButtonEnabled(True)
        self.category = QComboBox()
        self.category.setAccessibleName(self.tr("Service category"))
        self.status = QComboBox()
        self.status.setAccessibleName(self.tr("Status"))
        self.status.addItem(self.tr("All statuses"), None)
        for key in STATUSES:
            self.status.addItem(status_label(key), key)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([
            self.tr("Code"), self.tr("Name"), self.tr("Documents"), self.tr("Status"),
            self.tr("Service category"), self.tr("Contract ends")])
        self.table.setAccessibleName(self.tr("Vendors"))
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.itemSelectionChanged.connect(self._on_table_item_selection_changed)
        self.new_button = QPushButton(self.tr("New vendor"))
        self.save_button = QPushButton(self.tr("Save vendor"))
        self.save_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Save))
        self.new_button.clicked.connect(self.new_vendor)
        self.save_button.clicked.connect(self.save)
        self.message = QLabel()
        self.message.setObjectName("vendorsMessage")

        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        filters.addWidget(self.category, 1)
        filters.addWidget(self.status, 1)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addLayout(filters)
        ll.addWidget(self.table)
        ll.addWidget(self.message)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        self.editor = VendorEditor()
        self.documents = DocumentsWidget(context)
        self.documents.changed.connect(self.reload)
        self.overview = VendorOverviewWidget(context)
        self.overview.evaluation_activated.connect(
            lambda _eid: context.bus.open_page.emit("scorecards"))
        self.tabs = QTabWidget()
        details = QWidget()
        dl = QVBoxLayout(details)
        dl.addWidget(self.editor)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        dl.addLayout(buttons)
        dl.addStretch(1)
        self.tabs.addTab(details, self.tr("Details"))
        self.tabs.addTab(self.documents, self.tr("Qualification documents"))
        self.tabs.addTab(self.overview, self.tr("Performance"))

        splitter.addWidget(self.tabs)
        splitter.setSizes([540, 740])
        left.lower()  # first in the children list, so findChild(QTableView) is the library
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(splitter, 1)

        self.search.textChanged.connect(self.reload)
        self.category.currentIndexChanged.connect(self.reload)
        self.status.currentIndexChanged.connect(self.reload)
        context.bus.data_changed.connect(self._on_bus_data_changed)
        context.bus.open_vendor.connect(self.show_vendor)
        self._reload_categories()
        self.reload()

    def _reload_categories(self) -> None:
        current = self.category.currentData()
        cats = categories(self.context.db)
        self.category.blockSignals(True)
        self.category.clear()
        self.category.addItem(self.tr("All categories"), None)
        for c in cats:
            self.category.addItem(c, c)
        self.category.setCurrentIndex(max(0, self.category.findData(current)))
        self.category.blockSignals(False)
        self.editor.set_categories(cats)

    def selected_id(self) -> int | None:
        rows = {i.row() for i in self.table.selectedIndexes()}
        return self.rows[min(rows)].id if rows else None

    def reload(self, *_: object) -> None:
        keep = self.selected_id() or (self.editor.record.id if self.editor.record else None)
        self.rows = list_vendor_rows(self.context.db, self.search.text(),
                                     self.category.currentData(), self.status.currentData())
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.rows))
        for r, v in enumerate(self.rows):
            cells = (v.code, v.name, state_label(v.expiry_state), status_label(v.status),
                     v.service_category, v.contract_end.isoformat() if v.contract_end else "")
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 2 and v.expiry_state in STATE_COLOURS:
                    item.setBackground(QBrush(STATE_COLOURS[v.expiry_state]))
                self.table.setItem(r, col, item)
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(1, min(self.table.columnWidth(1), 190))
        header.setStretchLastSection(True)
        self.table.blockSignals(False)
        self.message.setText(self.tr("%1 vendors").replace("%1", str(len(self.rows))))
        if keep is not None:
            self.select(keep)

    def select(self, vendor_id: int) -> bool:
        for r, v in enumerate(self.rows):
            if v.id == vendor_id:
                self.table.selectRow(r)
                return True
        return False

    def show_vendor(self, vendor_id: int) -> None:
        """Show one vendor (clearing filters that would hide it)."""
        if not self.select(vendor_id):
            self.search.clear()
            self.category.setCurrentIndex(0)
            self.status.setCurrentIndex(0)
            self.select(vendor_id)

    def _on_table_item_selection_changed(self) -> None:
        vid = self.selected_id()
        if vid is None:
            return
        self.editor.set_record(get_vendor(self.context.db, vid))
        self.documents.set_vendor(vid)
        self.overview.set_vendor(vid)

    def new_vendor(self) -> None:
        self.table.clearSelection()
        self.editor.set_record(None)
        self.documents.set_vendor(None)
        self.overview.set_vendor(None)
        self.tabs.setCurrentIndex(0)
        self.editor.code.setFocus()

    def save(self) -> bool:
        """Save the editor; a conflict or a bad value is shown, never overwritten."""
        try:
            saved = save_vendor(self.context.db, self.editor.value(), self.context.user)
        except VendorConflictError:
            self.editor.error.setText(self.tr(
                "Someone else changed this vendor since you opened it. Your changes were not "
                "saved; reload the vendor and make them again."))
            return False
        except VendorError as exc:
            self.editor.error.setText(str(exc))
            return False
        self.editor.set_record(saved)
        self._reload_categories()
        self.context.bus.data_changed.emit({"vendors"})
        if saved.id is not None:
            self.show_vendor(saved.id)
        self.message.setText(self.tr("Saved %1").replace("%1", saved.code))
        return True

    def reload_editor(self) -> None:
        if self.editor.record and self.editor.record.id:
            self.editor.set_record(get_vendor(self.context.db, self.editor.record.id))

    def _on_bus_data_changed(self, tables: object) -> None:
        if isinstance(tables, set) and tables & TABLES:
            self._reload_categories()
            self.reload()

    def export_table(self, path: Path) -> Path:
        headers = [self.table.horizontalHeaderItem(c).text()
                   for c in range(self.table.columnCount())]
        rows = [[self.table.item(r, c).text() for c in range(self.table.columnCount())]
                for r in range(self.table.rowCount())]
        return write_table(path, headers, rows)
