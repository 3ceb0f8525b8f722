"""Vendors page: the vendor library."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from models.queries.listings import VendorSummary, list_vendors
from widgets.common.context import PageContext
from widgets.common.record_table import Column
from widgets.common.table_page import RecordTablePage


class VendorsPage(RecordTablePage):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        columns: list[Column[VendorSummary]] = [
            Column(self.tr("Code"), lambda v: v.code),
            Column(self.tr("Name"), lambda v: v.name),
            Column(self.tr("Service category"), lambda v: v.service_category),
            Column(self.tr("Status"), lambda v: v.status),
            Column(self.tr("Contract ends"), lambda v: v.contract_end),
            Column(self.tr("Next qualification expiry"), lambda v: v.next_expiry),
        ]
        super().__init__(
            context, self.tr("Vendors"), columns, list_vendors, {"vendors"}, parent
        )
