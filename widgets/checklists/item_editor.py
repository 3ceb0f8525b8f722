"""Property editors: the checklist itself, a section, an item (every property)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QStackedWidget,
    QWidget,
)

from models.orm.checklists import AnswerType, Dimension, InspectionKind
from widgets.checklists.document import TemplateDocument
from widgets.checklists.outline import type_label
from widgets.inspections.report_html import dimension_label, kind_label


class PropertiesEditor(QStackedWidget):
    """Page 0: checklist; page 1: section; page 2: item. Edits become undoable commands."""

    def __init__(self, document: TemplateDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self._loading = False
        self.addWidget(self._template_page())
        self.addWidget(self._section_page())
        self.addWidget(self._item_page())
        self._template_mode = False  # showing the checklist's own properties
        document.changed.connect(self.refresh)
        document.selection_changed.connect(self._on_document_selection_changed)
        self.refresh()

    # -- pages --------------------------------------------------------------------------
    def _template_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.code, self.name = QLineEdit(), QLineEdit()
        self.kind = QComboBox()
        for kind in InspectionKind:
            self.kind.addItem(kind_label(kind), kind.value)
        self.pass_score = QDoubleSpinBox()
        self.pass_score.setRange(0, 100)
        self.pass_score.setSuffix(" %")
        self.description = QPlainTextEdit()
        self.description.setMaximumHeight(90)
        for label, widget in ((self.tr("Code"), self.code), (self.tr("Name"), self.name),
                              (self.tr("Kind"), self.kind),
                              (self.tr("Pass score"), self.pass_score),
                              (self.tr("Description"), self.description)):
            widget.setAccessibleName(label)
            form.addRow(label, widget)
        self.code.textEdited.connect(lambda t: self._meta("code", t.strip()))
        self.name.textEdited.connect(lambda t: self._meta("name", t))
        self.kind.activated.connect(
            lambda _i: self._meta("kind", InspectionKind(self.kind.currentData())))
        self.pass_score.valueChanged.connect(lambda v: self._meta("pass_score", float(v)))
        self.description.textChanged.connect(
            lambda: self._meta("description", self.description.toPlainText() or None))
        return page

    def _section_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.section_title = QLineEdit()
        self.section_title.setAccessibleName(self.tr("Section title"))
        form.addRow(self.tr("Section title"), self.section_title)
        self.section_title.textEdited.connect(self._on_section_title_edited)
        return page

    def _item_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.text, self.guidance = QLineEdit(), QLineEdit()
        self.item_code, self.unit = QLineEdit(), QLineEdit()
        self.answer_type, self.dimension = QComboBox(), QComboBox()
        for kind in AnswerType:
            self.answer_type.addItem(type_label(kind), kind.value)
        self.dimension.addItem(self.tr("(none)"), None)
        for dim in Dimension:
            self.dimension.addItem(dimension_label(dim), dim.value)
        self.weight, self.threshold = QDoubleSpinBox(), QDoubleSpinBox()
        self.weight.setRange(0, 100)
        self.weight.setDecimals(1)
        self.threshold.setRange(-1e6, 1e6)
        self.threshold.setSpecialValueText(self.tr("(no threshold)"))
        self.threshold.setMinimum(-1e6)
        self.critical = QCheckBox(self.tr("Critical: a failure fails the whole inspection"))
        self.allow_na = QCheckBox(self.tr("N/A allowed"))
        self.lower_is_better = QCheckBox(self.tr("Lower is better (e.g. waiting time)"))
        self.evidence = QCheckBox(self.tr("A failure requires a note or photo"))
        rows = ((self.tr("Text"), self.text), (self.tr("Guidance"), self.guidance),
                (self.tr("Code"), self.item_code), (self.tr("Answer type"), self.answer_type),
                (self.tr("Weight"), self.weight), (self.tr("Dimension"), self.dimension),
                (self.tr("Threshold"), self.threshold), (self.tr("Unit"), self.unit),
                ("", self.lower_is_better), ("", self.critical), ("", self.allow_na),
                ("", self.evidence))
        for label, widget in rows:
            widget.setAccessibleName(label or widget.text())  # type: ignore[attr-defined]
            form.addRow(label, widget)
        self.text.textEdited.connect(lambda t: self._item("text", t))
        self.guidance.textEdited.connect(lambda t: self._item("guidance", t or None))
        self.item_code.textEdited.connect(lambda t: self._item("code", t.strip() or None))
        self.unit.textEdited.connect(lambda t: self._item("unit", t.strip() or None))
        self.answer_type.activated.connect(
            lambda _i: self._item("answer_type", AnswerType(self.answer_type.currentData())))
        self.dimension.activated.connect(lambda _i: self._item(
            "dimension", Dimension(d) if (d := self.dimension.currentData()) else None))
        self.weight.valueChanged.connect(lambda v: self._item("weight", float(v)))
        self.threshold.valueChanged.connect(lambda v: self._item(
            "threshold", None if v == self.threshold.minimum() else float(v)))
        for box, field in ((self.critical, "critical"), (self.allow_na, "allow_na"),
                           (self.lower_is_better, "lower_is_better"),
                           (self.evidence, "evidence_on_fail")):
            box.toggled.connect(lambda on, f=field: self._item(f, on))
        return page

    # -- edits --------------------------------------------------------------------------
    def _meta(self, field: str, value: object) -> None:
        if not self._loading:
            self.document.set_meta(field, value)

    def _on_section_title_edited(self, text: str) -> None:
        if not self._loading and self.document.selection is not None:
            self.document.set_section_title(self.document.selection[0], text)

    def _item(self, field: str, value: object) -> None:
        selection = self.document.selection
        if self._loading or selection is None or selection[1] is None:
            return
        self.document.set_item(selection[0], selection[1], field, value)

    # -- showing ------------------------------------------------------------------------
    def show_template(self) -> None:
        """Show the checklist's own properties (code, name, kind, pass score) until
        another section or item is selected."""
        self._template_mode = True
        self.refresh()

    def _on_document_selection_changed(self) -> None:
        self._template_mode = False
        self.refresh()

    def refresh(self) -> None:
        self._loading = True
        try:
            spec, selection = self.document.spec, self.document.selection
            self._set_text(self.code, spec.code)
            self._set_text(self.name, spec.name)
            self.kind.setCurrentIndex(self.kind.findData(spec.kind.value))
            self.pass_score.setValue(spec.pass_score)
            if self.description.toPlainText() != (spec.description or ""):
                self.description.setPlainText(spec.description or "")
            if selection is None or self._template_mode:
                self.setCurrentIndex(0)
                return
            s, i = selection
            if i is None:
                self._set_text(self.section_title, spec.sections[s].title)
                self.setCurrentIndex(1)
                return
            item = spec.sections[s].items[i]
            self._set_text(self.text, item.text)
            self._set_text(self.guidance, item.guidance or "")
            self._set_text(self.item_code, item.code or "")
            self._set_text(self.unit, item.unit or "")
            self.answer_type.setCurrentIndex(self.answer_type.findData(item.answer_type.value))
            self.dimension.setCurrentIndex(max(0, self.dimension.findData(
                item.dimension.value if item.dimension else None)))
            self.weight.setValue(item.weight)
            self.threshold.setValue(self.threshold.minimum() if item.threshold is None
                                    else item.threshold)
            measured = item.answer_type in (AnswerType.NUMBER, AnswerType.STOPWATCH)
            for widget in (self.threshold, self.unit, self.lower_is_better):
                widget.setEnabled(measured)
            self.critical.setChecked(item.critical)
            self.allow_na.setChecked(item.allow_na)
            self.lower_is_better.setChecked(item.lower_is_better)
            self.evidence.setChecked(item.evidence_on_fail)
            self.setCurrentIndex(2)
        finally:
            self._loading = False

    @staticmethod
    def _set_text(edit: QLineEdit, text: str) -> None:
        if edit.text() != text:
            edit.setText(text)
