"""The vendor editor: code, name, category, contacts, contract period, status, notes."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from models.scorecards.vendors import VendorRecord
from widgets.vendors.texts import STATUSES, status_label


class OptionalDate(QWidget):
    """A date that may be absent (checkbox off)."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.enabled = QCheckBox()
        self.enabled.setAccessibleName(name)
        self.edit = QDateEdit(QDate.currentDate())
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd")
        self.edit.setAccessibleName(name)
        self.enabled.toggled.connect(self.edit.setEnabled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.enabled)
        layout.addWidget(self.edit, 1)
        self.set_value(None)

    def value(self) -> dt.date | None:
        return self.edit.date().toPython() if self.enabled.isChecked() else None  # type: ignore[no-any-return]

    def set_value(self, value: dt.date | None) -> None:
        self.enabled.setChecked(value is not None)
        self.edit.setEnabled(value is not None)
        if value is not None:
            self.edit.setDate(QDate(value.year, value.month, value.day))


class VendorEditor(QWidget):
    """Edits a :class:`VendorRecord`; ``edited`` when any field changes."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.record: VendorRecord | None = None
        self.code = QLineEdit()
        self.name = QLineEdit()
        self.category = QComboBox()
        self.category.setEditable(True)
        self.status = QComboBox()
        for key in STATUSES:
            self.status.addItem(status_label(key), key)
        self.contact_name, self.contact_phone, self.contact_email = (QLineEdit(), QLineEdit(),
                                                                     QLineEdit())
        self.contract_start = OptionalDate(self.tr("Contract start"))
        self.contract_end = OptionalDate(self.tr("Contract end"))
        self.notes = QPlainTextEdit()
        self.notes.setMaximumHeight(110)
        self.error = QLabel()
        self.error.setObjectName("vendorError")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        form = QFormLayout(self)
        for label, w in ((self.tr("Code"), self.code), (self.tr("Name"), self.name),
                         (self.tr("Service category"), self.category),
                         (self.tr("Status"), self.status),
                         (self.tr("Contact"), self.contact_name),
                         (self.tr("Phone"), self.contact_phone),
                         (self.tr("E-mail"), self.contact_email),
                         (self.tr("Contract start"), self.contract_start),
                         (self.tr("Contract end"), self.contract_end),
                         (self.tr("Notes"), self.notes)):
            w.setAccessibleName(label)
            form.addRow(label, w)
        form.addRow(self.error)

    def set_categories(self, categories: list[str]) -> None:
        text = self.category.currentText()
        self.category.clear()
        self.category.addItems(categories)
        self.category.setEditText(text)

    def set_record(self, rec: VendorRecord | None) -> None:
        self.record = rec
        self.error.clear()
        rec = rec or VendorRecord("", "", "")
        self.code.setText(rec.code)
        self.name.setText(rec.name)
        self.category.setEditText(rec.service_category)
        self.status.setCurrentIndex(max(0, self.status.findData(rec.status)))
        self.contact_name.setText(rec.contact_name or "")
        self.contact_phone.setText(rec.contact_phone or "")
        self.contact_email.setText(rec.contact_email or "")
        self.contract_start.set_value(rec.contract_start)
        self.contract_end.set_value(rec.contract_end)
        self.notes.setPlainText(rec.notes or "")

    def value(self) -> VendorRecord:
        base = self.record
        return VendorRecord(
            code=self.code.text().strip(), name=self.name.text().strip(),
            service_category=self.category.currentText().strip(),
            status=self.status.currentData(),
            contact_name=self.contact_name.text().strip() or None,
            contact_phone=self.contact_phone.text().strip() or None,
            contact_email=self.contact_email.text().strip() or None,
            contract_start=self.contract_start.value(), contract_end=self.contract_end.value(),
            notes=self.notes.toPlainText().strip() or None,
            id=base.id if base else None, version=base.version if base else None,
        )
