"""Dashboard page: the headline figures of the database."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from models.queries.overview import table_counts
from widgets.common.context import PageContext


class DashboardPage(QWidget):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.title_label = QLabel(self.tr("Dashboard"))
        self.title_label.setObjectName("pageTitle")
        self.tickets = QLabel()
        self.vendors = QLabel()
        self.sites = QLabel()
        self.inspections = QLabel()
        form = QFormLayout()
        form.addRow(self.tr("Tickets"), self.tickets)
        form.addRow(self.tr("Vendors"), self.vendors)
        form.addRow(self.tr("Sites"), self.sites)
        form.addRow(self.tr("Inspections"), self.inspections)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addLayout(form)
        layout.addStretch(1)
        context.bus.data_changed.connect(lambda _tables: self.reload())
        self.reload()

    def reload(self) -> None:
        counts = table_counts(self.context.db)
        self.tickets.setText(f"{counts.tickets:,}")
        self.vendors.setText(f"{counts.vendors:,}")
        self.sites.setText(f"{counts.sites:,}")
        self.inspections.setText(f"{counts.inspections:,}")
