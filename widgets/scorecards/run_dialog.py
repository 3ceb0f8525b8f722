"""Choose the period and the vendors of an evaluation run."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from models.scorecards.periods import Period, PeriodError, custom_period, parse_period
from models.scorecards.vendors import VendorListRow


def last_complete_quarter(today: dt.date) -> str:
    q = (today.month - 1) // 3  # quarters completed this year
    return f"{today.year - 1}Q4" if q == 0 else f"{today.year}Q{q}"


class RunEvaluationDialog(QDialog):
    """``period()`` and ``vendor_ids()`` once accepted. Vendors of the template's
    category are preselected (all when it has none); blacklisted ones are not."""

    def __init__(self, vendors: list[VendorListRow], category: str | None,
                 parent: QWidget | None = None, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Run evaluation"))
        today = today or dt.date.today()
        self.kind = QComboBox()
        for key, text in (("quarter", self.tr("Quarter")), ("month", self.tr("Month")),
                          ("year", self.tr("Year")), ("custom", self.tr("Custom"))):
            self.kind.addItem(text, key)
        self.kind.setAccessibleName(self.tr("Period kind"))
        last = parse_period(last_complete_quarter(today))
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(last.start.year)
        self.year.setAccessibleName(self.tr("Year"))
        self.part = QSpinBox()
        self.part.setAccessibleName(self.tr("Quarter or month"))
        self.first = QDateEdit(QDate(last.start.year, last.start.month, 1))
        self.last = QDateEdit(QDate(today.year, today.month, today.day))
        for d in (self.first, self.last):
            d.setCalendarPopup(True)
            d.setDisplayFormat("yyyy-MM-dd")
        self.first.setAccessibleName(self.tr("First day"))
        self.last.setAccessibleName(self.tr("Last day"))
        self.kind.currentIndexChanged.connect(self._on_kind_current_index_changed)
        self.preview = QLabel()
        for w in (self.year, self.part, self.first, self.last):
            (w.valueChanged if isinstance(w, QSpinBox) else w.dateChanged).connect(
                self._update_preview)
        form = QFormLayout()
        form.addRow(self.tr("Period"), self.kind)
        row = QHBoxLayout()
        row.addWidget(self.year)
        row.addWidget(self.part)
        form.addRow(self.tr("Year / part"), row)
        dates = QHBoxLayout()
        dates.addWidget(self.first)
        dates.addWidget(QLabel("…"))
        dates.addWidget(self.last)
        form.addRow(self.tr("Custom range"), dates)
        form.addRow(self.tr("Evaluates"), self.preview)
        self.vendors = QListWidget()
        self.vendors.setAccessibleName(self.tr("Vendors"))
        for v in vendors:
            item = QListWidgetItem(f"{v.code}  {v.name}  ({v.service_category})")
            item.setData(Qt.ItemDataRole.UserRole, v.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            chosen = (category in (None, v.service_category)) and v.status != "blacklisted"
            item.setCheckState(Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked)
            self.vendors.addItem(item)
        all_button, none_button = QPushButton(self.tr("All")), QPushButton(self.tr("None"))
        all_button.clicked.connect(lambda: self._check_all(True))
        none_button.clicked.connect(lambda: self._check_all(False))
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._on_ok)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        choose = QHBoxLayout()
        choose.addWidget(QLabel(self.tr("Vendors")))
        choose.addStretch(1)
        choose.addWidget(all_button)
        choose.addWidget(none_button)
        layout.addLayout(choose)
        layout.addWidget(self.vendors)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._on_kind_current_index_changed()
        self.part.setValue(int(last.label[-1]))
        self._update_preview()

    def _check_all(self, on: bool) -> None:
        for i in range(self.vendors.count()):
            self.vendors.item(i).setCheckState(Qt.CheckState.Checked if on
                                               else Qt.CheckState.Unchecked)

    def _on_kind_current_index_changed(self, *_: object) -> None:
        kind = self.kind.currentData()
        self.part.setVisible(kind in ("quarter", "month"))
        self.part.setRange(1, 4 if kind == "quarter" else 12)
        self.year.setEnabled(kind != "custom")
        self.first.setEnabled(kind == "custom")
        self.last.setEnabled(kind == "custom")
        self._update_preview()

    def period(self) -> Period:
        """The chosen period; raises ``PeriodError``."""
        kind, y, p = self.kind.currentData(), self.year.value(), self.part.value()
        if kind == "quarter":
            return parse_period(f"{y}Q{p}")
        if kind == "month":
            return parse_period(f"{y}-{p:02d}")
        if kind == "year":
            return parse_period(str(y))
        return custom_period(self.first.date().toPython(), self.last.date().toPython())

    def set_period(self, label: str) -> None:
        """Select a quarter/month/year label (for tests and the last used period)."""
        p = parse_period(label)
        if "Q" in p.label:
            self.kind.setCurrentIndex(0)
            self.part.setValue(int(p.label[-1]))
        elif len(p.label) == 7:
            self.kind.setCurrentIndex(1)
            self.part.setValue(p.start.month)
        else:
            self.kind.setCurrentIndex(2)
        self.year.setValue(p.start.year)

    def vendor_ids(self) -> list[int]:
        return [self.vendors.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.vendors.count())
                if self.vendors.item(i).checkState() == Qt.CheckState.Checked]

    def _update_preview(self, *_: object) -> None:
        try:
            p = self.period()
        except PeriodError as exc:
            self.preview.setText(str(exc))
            return
        end = p.end - dt.timedelta(days=1)
        self.preview.setText(f"{p.label}: {p.start.isoformat()} – {end.isoformat()}")

    def _on_ok(self) -> None:
        try:
            self.period()
        except PeriodError as exc:
            self.error.setText(str(exc))
            return
        if not self.vendor_ids():
            self.error.setText(self.tr("Choose at least one vendor."))
            return
        self.accept()
