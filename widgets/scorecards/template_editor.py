"""The scorecard template editor: criteria, weights (Σ = 100), grade bands, vetoes."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.scorecards.templates import (
    ConflictError,
    CriterionDraft,
    TemplateError,
    TemplateSpec,
    save_template,
)
from widgets.common.context import PageContext
from widgets.scorecards.ahp_dialog import AhpDialog
from widgets.scorecards.texts import MISSING_RULES, NORMALISATIONS, SOURCES, label

COLS = ("name", "weight", "source", "key", "normalisation", "worst", "best", "bands", "missing",
        "filter")
FILTER_KEYS = ("priorities", "channels", "categories")


def bands_text(bands: tuple[dict[str, float], ...] | list[dict[str, float]]) -> str:
    return "; ".join(f"{b['min']:g}:{b['score']:g}" for b in bands)


def parse_bands(text: str) -> tuple[dict[str, float], ...]:
    """"0:100; 95:85" → ({"min": 0, "score": 100}, {"min": 95, "score": 85}); ValueError."""
    out = []
    for part in filter(None, (p.strip() for p in text.split(";"))):
        lo, _, score = part.partition(":")
        out.append({"min": float(lo), "score": float(score)})
    return tuple(out)


def filter_text(source_filter: Mapping[str, Any] | None) -> str:
    """``{"priorities": ["P1"], "complaints_only": True}`` → "priorities=P1; complaints"."""
    f = dict(source_filter or {})
    parts = [f"{k}={','.join(str(x) for x in f[k])}" for k in FILTER_KEYS if f.get(k)]
    if f.get("complaints_only"):
        parts.append("complaints")
    return "; ".join(parts)


def parse_filter(text: str) -> dict[str, Any] | None:
    """The inverse of :func:`filter_text`; raises ``ValueError`` for an unknown key."""
    out: dict[str, Any] = {}
    for part in filter(None, (p.strip() for p in text.split(";"))):
        if part == "complaints":
            out["complaints_only"] = True
            continue
        key, _, values = part.partition("=")
        if key.strip() not in FILTER_KEYS:
            raise ValueError(f"unknown ticket filter {key.strip()!r}")
        out[key.strip()] = [v.strip() for v in values.split(",") if v.strip()]
    return out or None


class TemplateEditorDialog(QDialog):
    """Edits one template version; saving a used version publishes a new revision."""

    def __init__(self, context: PageContext, spec: TemplateSpec | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.spec = spec
        self.saved: TemplateSpec | None = None
        self.setWindowTitle(self.tr("Scorecard template"))
        self.resize(1100, 640)
        self.code = QLineEdit(spec.code if spec else "")
        self.code.setEnabled(spec is None)
        self.name = QLineEdit(spec.name if spec else "")
        self.category = QLineEdit(spec.service_category or "" if spec else "")
        self.incomplete = QDoubleSpinBox()
        self.incomplete.setRange(0, 100)
        self.incomplete.setSuffix(" %")
        self.incomplete.setValue(spec.incomplete_threshold_pct if spec else 20.0)
        for w, n in ((self.code, self.tr("Code")), (self.name, self.tr("Name")),
                     (self.category, self.tr("Service category")),
                     (self.incomplete, self.tr("Incomplete above missing weight"))):
            w.setAccessibleName(n)
        form = QFormLayout()
        form.addRow(self.tr("Code"), self.code)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Service category (empty: all)"), self.category)
        form.addRow(self.tr("Incomplete when missing weight exceeds"), self.incomplete)
        if spec and spec.evaluations:
            note = QLabel(self.tr("Used by %1 evaluations: saving publishes revision %2; "
                                  "those evaluations keep this one.")
                          .replace("%1", str(spec.evaluations))
                          .replace("%2", str(spec.revision + 1)))
            note.setWordWrap(True)
            form.addRow(note)

        self.table = QTableWidget(0, len(COLS))
        self.table.setHorizontalHeaderLabels([
            self.tr("Criterion"), self.tr("Weight"), self.tr("Source"), self.tr("KPI / metric"),
            self.tr("Normalisation"), self.tr("Worst"), self.tr("Best"),
            self.tr("Bands (min:score; …)"), self.tr("Missing data"),
            self.tr("Ticket filter (priorities=P1,P2; complaints)"),
        ])
        self.table.setAccessibleName(self.tr("Criteria"))
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.itemChanged.connect(self._update_sum)
        self.sum_label = QLabel()
        self.sum_label.setObjectName("weightSum")
        add = QPushButton(self.tr("Add criterion"))
        remove = QPushButton(self.tr("Remove criterion"))
        ahp = QPushButton(self.tr("Weights by AHP…"))
        add.clicked.connect(lambda: self.add_criterion(CriterionDraft("", 0, "vendor_metric",
                                                                      worst=0, best=100)))
        remove.clicked.connect(self._remove_selected)
        ahp.clicked.connect(self.open_ahp)
        tools = QHBoxLayout()
        for b in (add, remove, ahp):
            tools.addWidget(b)
        tools.addStretch(1)
        tools.addWidget(self.sum_label)

        self.bands = QTableWidget(0, 3)
        self.bands.setHorizontalHeaderLabels([self.tr("Grade"), self.tr("Minimum total"),
                                              self.tr("Label")])
        self.bands.setAccessibleName(self.tr("Grade bands"))
        self.bands.horizontalHeader().setStretchLastSection(True)
        for b in (spec.grade_bands if spec else TemplateSpec("", "", ()).grade_bands):
            r = self.bands.rowCount()
            self.bands.insertRow(r)
            self.bands.setItem(r, 0, QTableWidgetItem(str(b["grade"])))
            self.bands.setItem(r, 1, QTableWidgetItem(f"{float(b['min']):g}"))
            self.bands.setItem(r, 2, QTableWidgetItem(
                f"{b.get('label_zh', '')} / {b.get('label_en', '')}".strip(" /")))
        self.veto_box = self._veto_group(spec)
        lower = QHBoxLayout()
        bands_box = QGroupBox(self.tr("Grade bands"))
        bl = QVBoxLayout(bands_box)
        bl.addWidget(self.bands)
        band_buttons = QHBoxLayout()
        add_band = QPushButton(self.tr("Add band"))
        remove_band = QPushButton(self.tr("Remove band"))
        add_band.clicked.connect(self._on_add_band_clicked)
        remove_band.clicked.connect(self._on_remove_band_clicked)
        band_buttons.addWidget(add_band)
        band_buttons.addWidget(remove_band)
        band_buttons.addStretch(1)
        bl.addLayout(band_buttons)
        lower.addWidget(bands_box, 1)
        lower.addWidget(self.veto_box, 1)

        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(tools)
        layout.addWidget(self.table, 2)
        layout.addLayout(lower, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        for c in (spec.criteria if spec else ()):
            self.add_criterion(c)
        self._update_sum()

    def _veto_group(self, spec: TemplateSpec | None) -> QGroupBox:
        rules = {r.get("kind"): r for r in (spec.veto_rules if spec else ())}
        box = QGroupBox(self.tr("Veto rules (grade D whatever the total)"))
        form = QFormLayout(box)
        self.veto_licence = QCheckBox(self.tr("Expired qualification of kind"))
        self.veto_licence_kind = QLineEdit(str(rules.get("qualification_expired", {}).get(
            "qualification", "business_licence")))
        self.veto_licence.setChecked("qualification_expired" in rules)
        self.veto_metric = QCheckBox(self.tr("Metric above a limit"))
        self.veto_metric_name = QLineEdit(str(rules.get("metric_above", {}).get(
            "metric", "breach_count")))
        self.veto_limit = QSpinBox()
        self.veto_limit.setRange(0, 1_000_000)
        self.veto_limit.setValue(int(rules.get("metric_above", {}).get("limit", 5)))
        self.veto_metric.setChecked("metric_above" in rules)
        self.veto_serious = QCheckBox(self.tr("Breach marked serious by an evaluator"))
        self.veto_serious.setChecked("serious_breach" in rules)
        metric_row = QHBoxLayout()
        metric_row.addWidget(self.veto_metric_name)
        metric_row.addWidget(QLabel(">"))
        metric_row.addWidget(self.veto_limit)
        form.addRow(self.veto_licence, self.veto_licence_kind)
        form.addRow(self.veto_metric, metric_row)
        form.addRow(self.veto_serious)
        return box

    def _on_add_band_clicked(self) -> None:
        r = self.bands.rowCount()
        self.bands.insertRow(r)
        for col, text in enumerate(("", "0", "")):
            self.bands.setItem(r, col, QTableWidgetItem(text))

    def _on_remove_band_clicked(self) -> None:
        for r in sorted({i.row() for i in self.bands.selectedIndexes()}, reverse=True):
            self.bands.removeRow(r)

    def add_criterion(self, c: CriterionDraft) -> None:
        self.table.blockSignals(True)
        r = self.table.rowCount()
        self.table.insertRow(r)
        self.table.setItem(r, 0, QTableWidgetItem(c.name))
        weight = QTableWidgetItem(f"{c.weight:g}")
        weight.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.table.setItem(r, 1, weight)
        self.table.setCellWidget(r, 2, self._combo(SOURCES, c.source))
        self.table.setItem(r, 3, QTableWidgetItem(c.source_key or ""))
        self.table.setCellWidget(r, 4, self._combo(NORMALISATIONS, c.normalisation))
        self.table.setItem(r, 5, QTableWidgetItem("" if c.worst is None else f"{c.worst:g}"))
        self.table.setItem(r, 6, QTableWidgetItem("" if c.best is None else f"{c.best:g}"))
        self.table.setItem(r, 7, QTableWidgetItem(bands_text(list(c.bands))))
        self.table.setCellWidget(r, 8, self._combo(MISSING_RULES, c.missing_rule))
        self.table.setItem(r, 9, QTableWidgetItem(filter_text(c.source_filter)))
        self.table.item(r, 0).setData(Qt.ItemDataRole.UserRole, c)
        self.table.blockSignals(False)
        self._update_sum()

    def _combo(self, table: dict[str, str], current: str) -> QComboBox:
        combo = QComboBox()
        for key in table:
            combo.addItem(label(table, key), key)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        return combo

    def _remove_selected(self) -> None:
        for r in sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True):
            self.table.removeRow(r)
        self._update_sum()

    def weights(self) -> list[float]:
        out = []
        for r in range(self.table.rowCount()):
            try:
                out.append(float(self.table.item(r, 1).text().replace(",", ".")))
            except (ValueError, AttributeError):
                out.append(float("nan"))
        return out

    def set_weight(self, row: int, weight: float) -> None:
        self.table.item(row, 1).setText(f"{weight:g}")

    def _update_sum(self, *_: object) -> None:
        total = sum(self.weights())
        if abs(total - 100) < 1e-6:
            self.sum_label.setText(self.tr("Σ = 100 ✓"))
            self.sum_label.setStyleSheet("color: #1b7f3b; font-weight: bold;")
        else:
            self.sum_label.setText(self.tr("Σ = %1 — weights must sum to 100")
                                   .replace("%1", f"{total:g}"))
            self.sum_label.setStyleSheet("color: #b00020; font-weight: bold;")

    def open_ahp(self) -> AhpDialog:
        names = [self.table.item(r, 0).text() for r in range(self.table.rowCount())]
        dialog = AhpDialog(names, self)
        dialog.accepted.connect(lambda: [self.set_weight(i, w)
                                         for i, w in enumerate(dialog.weights)])
        dialog.open()
        self.ahp_dialog = dialog
        return dialog

    def _cell(self, r: int, c: int) -> str:
        item = self.table.item(r, c)
        return item.text().strip() if item else ""

    def draft(self) -> TemplateSpec:
        """The template as edited; raises ``ValueError`` for unreadable numbers."""
        criteria = []
        for r in range(self.table.rowCount()):
            worst, best = self._cell(r, 5), self._cell(r, 6)
            combo = self.table.cellWidget
            criteria.append(CriterionDraft(
                name=self._cell(r, 0), weight=float(self._cell(r, 1) or 0),
                source=combo(r, 2).currentData(), source_key=self._cell(r, 3) or None,
                normalisation=combo(r, 4).currentData(),
                worst=float(worst) if worst else None, best=float(best) if best else None,
                bands=parse_bands(self._cell(r, 7)), missing_rule=combo(r, 8).currentData(),
                source_filter=parse_filter(self._cell(r, 9)),
            ))
        bands = []
        for r in range(self.bands.rowCount()):
            label_item = self.bands.item(r, 2)
            zh, _, en = (label_item.text() if label_item else "").partition(" / ")
            bands.append({"grade": self.bands.item(r, 0).text().strip(),
                          "min": float(self.bands.item(r, 1).text()),
                          "label_zh": zh.strip(), "label_en": en.strip()})
        vetoes: list[dict[str, object]] = []
        if self.veto_licence.isChecked():
            vetoes.append({"kind": "qualification_expired",
                           "qualification": self.veto_licence_kind.text().strip()})
        if self.veto_metric.isChecked():
            vetoes.append({"kind": "metric_above", "metric": self.veto_metric_name.text().strip(),
                           "limit": self.veto_limit.value()})
        if self.veto_serious.isChecked():
            vetoes.append({"kind": "serious_breach"})
        base = self.spec
        return TemplateSpec(
            code=self.code.text().strip(), name=self.name.text().strip(),
            criteria=tuple(criteria), grade_bands=tuple(bands), veto_rules=tuple(vetoes),
            service_category=self.category.text().strip() or None,
            incomplete_threshold_pct=self.incomplete.value(),
            id=base.id if base else None, revision=base.revision if base else 1,
            version=base.version if base else None,
        )

    def save(self) -> None:
        try:
            spec = self.draft()
        except ValueError as exc:
            self.error_label.setText(self.tr("A value cannot be read: %1").replace("%1", str(exc)))
            return
        try:
            self.saved = save_template(self.context.db, spec, self.context.user)
        except TemplateError as exc:
            self.error_label.setText("\n".join(exc.problems))
            return
        except ConflictError as exc:
            self.error_label.setText(str(exc))
            return
        self.context.bus.data_changed.emit({"scorecard_templates"})
        self.accept()
