"""The mapping dialog: what the file holds and, for tickets, which column fills which field.

"What this file holds" (tickets, inspections, vendor metrics) starts at the kind the
headers suggest. For tickets: one row per column of the file — header, sample values,
a field combo box (or "Ignore"), a unit combo box for durations and how the field was
found; unknown priority/status values are listed once with their counts, each with a
combo box to map it to a known code; a box treats an event log (one row per change) as
the last state of each ticket, checked when the preview found one. Inspections and
vendor metrics need no column mapping (their importers recognise the shapes): the
dialog says so and, for vendor metrics, takes the period of a file without one.
"Save as profile" names a ticket mapping so the next file from the same source imports
without this dialog. ``mapping()`` returns the plain dict the import service takes,
``kind()`` and ``kind_options()`` the kind and its options.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from widgets.imports.messages import KINDS, confidence_text, field_text, kind_text
from widgets.imports.service import FieldChoice, ImportPreview

UNITS = ("seconds", "minutes", "hours", "days")


class MappingDialog(QDialog):
    """Confirm or fix the detected mapping of ``preview``'s columns."""

    def __init__(self, preview: ImportPreview, fields: list[FieldChoice],
                 codes: dict[str, list[str]], parent: QWidget | None = None, *,
                 period_label: Callable[[str], str | None] | None = None) -> None:
        super().__init__(parent)
        self.preview, self._fields = preview, fields
        self._period_label = period_label or (lambda _text: None)
        self.setWindowTitle(self.tr("Column mapping — %1").replace("%1", preview.path.name))
        info = self.tr("%1 rows. Check which column fills which field.").replace(
            "%1", f"{preview.rows:,}")
        if preview.profile:
            info += " " + self.tr("Profile used: %1").replace("%1", preview.profile)
        self.info = QLabel(info)
        self.info.setWordWrap(True)
        self.kind_box = QComboBox()
        self.kind_box.setAccessibleName(self.tr("What this file holds"))
        for kind in KINDS:
            self.kind_box.addItem(kind_text(kind), kind)
        self.kind_box.setCurrentIndex(max(0, self.kind_box.findData(preview.detected_kind)))
        self.table = QTableWidget(len(preview.columns), 5)
        self.table.setAccessibleName(self.tr("Column mapping"))
        self.table.setHorizontalHeaderLabels([self.tr("Column"), self.tr("Sample values"),
                                              self.tr("Field"), self.tr("Unit"),
                                              self.tr("Found by")])
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.field_boxes: list[QComboBox] = []
        self.unit_boxes: dict[int, QComboBox] = {}  # made for duration columns only
        # one list of fields shared by every row's box: built once, not once per column
        self._field_model = QStandardItemModel(self)
        for text, name in [(self.tr("(ignore)"), None), *(
                (field_text(f.name, f.label) + (" *" if f.required else ""), f.name)
                for f in fields)]:
            item = QStandardItem(text)
            item.setData(name, Qt.ItemDataRole.UserRole)
            self._field_model.appendRow(item)
        for r, col in enumerate(preview.columns):
            self.table.setItem(r, 0, QTableWidgetItem(col.header))
            self.table.setItem(r, 1, QTableWidgetItem(" · ".join(col.samples)))
            box = QComboBox()
            box.setModel(self._field_model)
            box.setAccessibleName(self.tr("Field for %1").replace("%1", col.header))
            box.setCurrentIndex(max(0, box.findData(col.field)) if col.field else 0)
            self.table.setCellWidget(r, 2, box)
            self.table.setItem(r, 4, QTableWidgetItem(confidence_text(col.confidence)))
            self.field_boxes.append(box)
            box.currentIndexChanged.connect(lambda _i, row=r: self._on_field_changed(row))
            self._update_unit(r)
        self.table.resizeColumnsToContents()
        self.value_boxes: dict[tuple[str, str], QComboBox] = {}
        layout = QVBoxLayout(self)
        kind_row = QFormLayout()
        kind_row.addRow(self.tr("What this file holds:"), self.kind_box)
        layout.addLayout(kind_row)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._tickets_page(codes))
        self.pages.addWidget(self._inspections_page())
        self.pages.addWidget(self._vendor_metrics_page())
        layout.addWidget(self.pages, 1)
        row = QHBoxLayout()
        self.save_profile = QCheckBox(self.tr("Save as profile:"))
        self.profile_name = QLineEdit(preview.profile or preview.path.stem)
        self.profile_name.setAccessibleName(self.tr("Profile name"))
        row.addWidget(self.save_profile)
        row.addWidget(self.profile_name, 1)
        layout.addLayout(row)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Continue"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.kind_box.currentIndexChanged.connect(self._on_kind_changed)
        self._on_kind_changed()
        self.resize(900, 600)

    def _tickets_page(self, codes: dict[str, list[str]]) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.info)
        box.addWidget(self.table, 3)
        if self.preview.unknown_values:
            box.addWidget(self._unknown_values_box(codes), 1)
        self.event_log = QCheckBox(self.tr("Treat as an event log (one row per change): keep "
                                           "the last state of each ticket"))
        self.event_log.setAccessibleName(self.tr("Treat as an event log"))
        saved = self.preview.mapping.get("options", {}).get("event_log")
        self.event_log.setChecked(saved == "reduce" if saved else
                                  self.preview.event_log_rows > 0)
        box.addWidget(self.event_log)
        if self.preview.event_log_rows:
            found = QLabel(self.tr("Looks like an event log: %1 rows for %2 tickets.")
                           .replace("%1", f"{self.preview.event_log_rows:,}")
                           .replace("%2", f"{self.preview.event_log_tickets:,}"))
            found.setWordWrap(True)
            box.addWidget(found)
        return page

    def _inspections_page(self) -> QWidget:
        text = QLabel(self.tr(
            "Inspections need no column mapping: the visit columns (site, date, inspector, "
            "score, result) and the checklist items are recognised, and the items are "
            "matched to a checklist template automatically. Rows that cannot be read are "
            "skipped and listed in the import's report."))
        text.setWordWrap(True)
        return text

    def _vendor_metrics_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        text = QLabel(self.tr(
            "Vendor metrics need no column mapping: the vendor, period and metric columns "
            "are recognised, and order rows are aggregated per vendor and month. Rows that "
            "cannot be read are skipped and listed in the import's report."))
        text.setWordWrap(True)
        form.addRow(text)
        self.period = QLineEdit()
        self.period.setAccessibleName(self.tr("Period when the file has none"))
        self.period.setPlaceholderText(self.tr("e.g. 2026Q1, 2026-03 or 2026年3月; empty: "
                                               "the current quarter"))
        self.period_state = QLabel()
        form.addRow(self.tr("Period when the file has none:"), self.period)
        form.addRow("", self.period_state)
        if self.preview.has_period:
            form.addRow(QLabel(self.tr("This file has a period column; the period above "
                                       "is not used for its rows.")))
        self.period.textChanged.connect(self._on_period_changed)
        return page

    def kind(self) -> str:
        """What the file holds, as chosen: tickets, inspections or vendor-metrics."""
        return str(self.kind_box.currentData())

    def kind_options(self) -> dict[str, Any]:
        """The import options of the chosen kind other than tickets (vendor metrics:
        ``period`` when one was typed)."""
        if self.kind() == "vendor-metrics":
            label = self._period_label(self.period.text())
            return {"period": label} if label else {}
        return {}

    def _on_kind_changed(self) -> None:
        kind = self.kind()
        self.pages.setCurrentIndex(KINDS.index(kind))
        tickets = kind == "tickets"
        self.save_profile.setEnabled(tickets)
        self.profile_name.setEnabled(tickets)
        self._on_period_changed()

    def _on_period_changed(self) -> None:
        """Say whether the typed period reads as one; OK waits for a valid one (or none)
        when the file is imported as vendor metrics."""
        text = self.period.text().strip()
        label = self._period_label(text) if text else None
        valid = not text or label is not None
        self.period_state.setText("" if not text else (
            self.tr("Period: %1").replace("%1", label) if label else
            self.tr("Not a period: write e.g. 2026Q1, 2026-03 or 2026年3月.")))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(valid or self.kind() != "vendor-metrics")

    def _unknown_values_box(self, codes: dict[str, list[str]]) -> QGroupBox:
        group = QGroupBox(self.tr("Unknown values"))
        items = [(f, v, n) for f, counts in self.preview.unknown_values.items()
                 for v, n in counts.items()]
        table = QTableWidget(len(items), 4)
        table.setAccessibleName(self.tr("Unknown values"))
        table.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Value"), self.tr("Rows"),
                                         self.tr("Treat as")])
        table.verticalHeader().hide()
        labels = {f.name: field_text(f.name, f.label) for f in self._fields}
        for r, (name, value, count) in enumerate(items):
            table.setItem(r, 0, QTableWidgetItem(labels.get(name, name)))
            table.setItem(r, 1, QTableWidgetItem(value))
            table.setItem(r, 2, QTableWidgetItem(str(count)))
            box = QComboBox()
            box.setAccessibleName(self.tr("Treat %1 as").replace("%1", value))
            box.addItem(self.tr("(reject the rows)"), None)
            for code in codes.get(name, []):
                box.addItem(code, code)
            table.setCellWidget(r, 3, box)
            self.value_boxes[(name, value)] = box
        table.resizeColumnsToContents()
        self.unknown_table = table
        QVBoxLayout(group).addWidget(table)
        return group

    def _on_field_changed(self, row: int) -> None:
        name = self.field_boxes[row].currentData()
        if name:  # a field is filled by one column: release it elsewhere
            for r, box in enumerate(self.field_boxes):
                if r != row and box.currentData() == name:
                    box.setCurrentIndex(0)
        item = self.table.item(row, 4)
        if item is not None:
            item.setText(confidence_text("user" if name else "none"))
        self._update_unit(row)

    def _update_unit(self, row: int) -> None:
        name = self.field_boxes[row].currentData()
        duration = next((f.kind for f in self._fields if f.name == name), None) == "duration"
        unit = self.unit_boxes.get(row)
        if unit is None and duration:
            col = self.preview.columns[row]
            unit = QComboBox()
            unit.setAccessibleName(self.tr("Unit for %1").replace("%1", col.header))
            for u, text in zip(UNITS, (self.tr("seconds"), self.tr("minutes"), self.tr("hours"),
                                       self.tr("days")), strict=True):
                unit.addItem(text, u)
            unit.setCurrentIndex(max(0, unit.findData(col.unit or "minutes")))
            self.table.setCellWidget(row, 3, unit)
            self.unit_boxes[row] = unit
        if unit is not None:
            unit.setEnabled(duration)

    def set_field(self, header: str, field_name: str | None) -> None:
        """Choose the field of the column ``header`` (as the user would)."""
        row = [c.header for c in self.preview.columns].index(header)
        box = self.field_boxes[row]
        box.setCurrentIndex(box.findData(field_name) if field_name else 0)

    def map_value(self, field_name: str, value: str, code: str | None) -> None:
        box = self.value_boxes[(field_name, value)]
        box.setCurrentIndex(box.findData(code) if code else 0)

    def mapping(self) -> dict[str, Any]:
        """The mapping as chosen in the dialog (plain dict for the import service)."""
        data = copy.deepcopy(self.preview.mapping)
        kinds = {f.name: f.kind for f in self._fields}
        data["mapping"], data["units"] = {}, {}
        for row, (col, box) in enumerate(zip(self.preview.columns, self.field_boxes,
                                             strict=True)):
            name = box.currentData()
            if name:
                data["mapping"][col.header] = name
                if kinds.get(name) == "duration":
                    data["units"][col.header] = self.unit_boxes[row].currentData()
        value_map: dict[str, dict[str, str]] = dict(data.get("options", {}).get("value_map", {}))
        for (name, value), box in self.value_boxes.items():
            if box.currentData():
                value_map.setdefault(name, {})[value] = box.currentData()
        data.setdefault("options", {})["value_map"] = value_map
        # a decision is kept (and saved with a profile) only when there was one to make
        if self.event_log.isChecked():
            data["options"]["event_log"] = "reduce"
        elif self.preview.event_log_rows or data["options"].get("event_log"):
            data["options"]["event_log"] = "keep"
        data["headers"] = [c.header for c in self.preview.columns]
        return data

    def profile_to_save(self) -> str | None:
        """The profile name to save the ticket mapping under, or None."""
        name = self.profile_name.text().strip()
        return name if self.save_profile.isChecked() and name and self.kind() == "tickets" \
            else None


def same_choices(chosen: dict[str, Any], previewed: dict[str, Any]) -> bool:
    """Whether the dialog's ``chosen`` mapping validates exactly as the ``previewed`` one:
    the same columns to the same fields, units, value mappings and event-log choice
    ("keep" is what no choice means). Then the preview's report stands and the file
    need not be read again; any doubt answers False (one more read, never a wrong report).
    """
    def key(m: dict[str, Any]) -> tuple[Any, ...]:
        options = m.get("options") or {}
        rest = {k: v for k, v in options.items() if k not in ("value_map", "event_log")}
        return (m.get("kind", "tickets"), m.get("mapping") or {}, m.get("units") or {},
                options.get("value_map") or {}, options.get("event_log") or "keep", rest)

    return key(chosen) == key(previewed)
