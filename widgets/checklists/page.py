"""Checklists page: the checklists and their versions, and the template designer.

Saving publishes a new version when the edited version already has inspections
(:func:`models.checklists.templates.save_template` decides); templates can be imported
from and exported to xlsx.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QSplitter,
    QToolBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.checklists.spec import ItemSpec, SectionSpec, SpecError, TemplateSpec
from models.checklists.template_xlsx import (
    TemplateFileError,
    read_template_xlsx,
    write_template_xlsx,
)
from models.checklists.templates import (
    TemplateConflict,
    TemplateVersion,
    create_template,
    list_versions,
    load_spec,
    save_template,
)
from models.export import write_table
from widgets.checklists.document import TemplateDocument
from widgets.checklists.item_editor import PropertiesEditor
from widgets.checklists.outline import OutlineTree
from widgets.checklists.preview import PreviewWidget
from widgets.common.context import PageContext


class ChecklistsPage(QWidget):
    """Versions on the left; outline, properties and live preview on the right."""

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.template_id: int | None = None  # the stored version being edited (None: new)
        self.document = TemplateDocument(self._blank(), self)
        title = QLabel(self.tr("Checklists"))
        title.setObjectName("pageTitle")
        self.versions = QTreeWidget()
        self.versions.setHeaderLabels([self.tr("Checklist / version"), self.tr("Published"),
                                       self.tr("Inspections")])
        self.versions.setAccessibleName(self.tr("Checklists and versions"))
        self.versions.setColumnWidth(0, 230)
        self.versions.itemActivated.connect(self._on_versions_item_activated)
        self.versions.itemClicked.connect(self._on_versions_item_activated)
        self.outline = OutlineTree(self.document)
        self.editor = PropertiesEditor(self.document)
        self.preview = PreviewWidget(self.document)
        self.status = QLabel()
        self.toolbar = self._build_toolbar()

        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.versions)
        middle = QSplitter(Qt.Orientation.Vertical)
        middle.addWidget(self.outline)
        middle.addWidget(self.editor)
        middle.setSizes([420, 330])
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(middle)
        splitter.addWidget(self.preview)
        splitter.setSizes([340, 520, 460])
        head = QHBoxLayout()
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(self.status)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.toolbar)
        layout.addWidget(splitter, 1)
        self.document.stack.cleanChanged.connect(self._update_status)
        self.document.changed.connect(self._update_status)
        context.bus.data_changed.connect(self._on_bus_data_changed)
        self.reload_versions()
        first = self.versions.topLevelItem(0)
        if first is not None and first.childCount():
            self.open_version(first.child(0).data(0, Qt.ItemDataRole.UserRole))
        self._update_status()

    def _blank(self) -> TemplateSpec:
        return TemplateSpec(code="NEW", name=self.tr("New checklist"), sections=(
            SectionSpec(self.tr("New section"), (ItemSpec(self.tr("New item")),)),))

    def _build_toolbar(self) -> QToolBar:
        bar = QToolBar()
        stack = self.document.stack
        undo = stack.createUndoAction(self, self.tr("Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = stack.createRedoAction(self, self.tr("Redo"))
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        self.undo_action, self.redo_action = undo, redo

        def action(text: str, slot: object, shortcut: object = None) -> QAction:
            a = QAction(text, self)
            a.triggered.connect(slot)
            if shortcut is not None:
                a.setShortcut(shortcut)  # type: ignore[arg-type]
                a.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(a)
            return a

        self.new_action = action(self.tr("New checklist"), self.new_template,
                                 QKeySequence.StandardKey.New)
        self.save_action = action(self.tr("Save"), self.save, QKeySequence.StandardKey.Save)
        self.add_section_action = action(self.tr("Add section"), self.document.add_section)
        self.add_item_action = action(self.tr("Add item"), self.document.add_item,
                                      QKeySequence("Ctrl+Shift+N"))
        self.duplicate_action = action(self.tr("Duplicate"), self.document.duplicate,
                                       QKeySequence("Ctrl+D"))
        self.delete_action = action(self.tr("Delete"), self.document.delete,
                                    QKeySequence.StandardKey.Delete)
        self.up_action = action(self.tr("Move up"), lambda: self.document.move_by(-1),
                                QKeySequence("Alt+Up"))
        self.down_action = action(self.tr("Move down"), lambda: self.document.move_by(1),
                                  QKeySequence("Alt+Down"))
        self.properties_action = action(self.tr("Checklist properties"),
                                        self.editor.show_template)
        self.import_action = action(self.tr("Import xlsx…"), self.choose_import)
        self.export_action = action(self.tr("Export xlsx…"), self.choose_export)
        for a in (undo, redo):
            a.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(a)
        for a in (self.new_action, self.save_action, undo, redo, self.add_section_action,
                  self.add_item_action, self.duplicate_action, self.delete_action,
                  self.up_action, self.down_action, self.properties_action,
                  self.import_action, self.export_action):
            bar.addAction(a)
        return bar

    # -- versions -----------------------------------------------------------------------
    def reload_versions(self) -> None:
        self.versions.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        for version in list_versions(self.context.db):
            top = groups.get(version.code)
            if top is None:
                top = QTreeWidgetItem([f"{version.name}  ({version.code})", "", ""])
                groups[version.code] = top
                self.versions.addTopLevelItem(top)
            published = (version.published_at.astimezone().strftime("%Y-%m-%d %H:%M")
                         if version.published_at else "")
            label = self.tr("Version %1").replace("%1", str(version.revision))
            if version.latest:
                label += self.tr(" (latest)")
            child = QTreeWidgetItem([label, published, str(version.inspections)])
            child.setData(0, Qt.ItemDataRole.UserRole, version.id)
            top.addChild(child)
        self.versions.expandAll()

    def _on_versions_item_activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        template_id = item.data(0, Qt.ItemDataRole.UserRole)
        if template_id is not None and template_id != self.template_id:
            self.open_version(int(template_id))

    def open_version(self, template_id: int) -> None:
        self.template_id = template_id
        self.document.load(load_spec(self.context.db, template_id))
        self._update_status()

    def new_template(self) -> None:
        self.template_id = None
        self.document.load(self._blank())
        self.document.stack.resetClean()
        self._update_status()

    def _on_bus_data_changed(self, tables: set[str]) -> None:
        if tables & {"checklist_templates", "inspections"}:
            self.reload_versions()

    def _update_status(self) -> None:
        spec = self.document.spec
        where = (self.tr("new, not saved") if self.template_id is None
                 else self.tr("version %1").replace("%1", str(spec.revision)))
        dirty = "" if self.document.stack.isClean() else self.tr(" — unsaved changes")
        self.status.setText(f"{spec.name} ({where}){dirty}")

    # -- saving, xlsx -------------------------------------------------------------------
    def save(self) -> bool:
        """Store the design; returns False (with a message) when it is invalid."""
        spec = self.document.spec
        try:
            if self.template_id is None:
                new_id, published = create_template(self.context.db, spec.without_ids()), True
            else:
                result = save_template(self.context.db, self.template_id, spec)
                new_id, published = result.template_id, result.new_version
        except SpecError as exc:
            QMessageBox.warning(self, self.tr("Cannot save"), str(exc))
            return False
        except TemplateConflict:
            answer = QMessageBox.question(
                self, self.tr("Checklist changed meanwhile"),
                self.tr("Someone else saved this checklist since you opened it. Publish your "
                        "design as a new version instead (theirs is kept)?"))
            if answer != QMessageBox.StandardButton.Yes:
                return False
            new_id, published = create_template(self.context.db, spec.without_ids()), True
        self.template_id = new_id
        self.document.load(load_spec(self.context.db, new_id))
        self.reload_versions()
        self.context.bus.data_changed.emit({"checklist_templates"})
        message = (self.tr("Published version %1 (the previous version has inspections).")
                   if published and self.document.spec.revision != 1
                   else self.tr("Saved version %1.")).replace(
            "%1", str(self.document.spec.revision))
        self.context.bus.status_message.emit(message)
        self._update_status()
        return True

    def choose_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import checklist"), "",
                                              self.tr("Excel workbook (*.xlsx)"))
        if path:
            self.import_xlsx(Path(path))

    def import_xlsx(self, path: Path) -> None:
        """Load a template workbook into the designer as a new, unsaved checklist."""
        try:
            spec = read_template_xlsx(path)
        except (TemplateFileError, OSError) as exc:
            QMessageBox.warning(self, self.tr("Import checklist"), str(exc))
            return
        self.template_id = None
        self.document.load(spec)
        self.document.stack.resetClean()
        self._update_status()

    def choose_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export checklist"),
                                              f"{self.document.spec.code}.xlsx",
                                              self.tr("Excel workbook (*.xlsx)"))
        if path:
            write_template_xlsx(self.document.spec, Path(path))

    def export_table(self, path: Path) -> Path:
        """The version list (File ▸ Export… of the main window)."""
        versions: list[TemplateVersion] = list_versions(self.context.db)
        headers = [self.tr("Code"), self.tr("Name"), self.tr("Version"), self.tr("Kind"),
                   self.tr("Items"), self.tr("Pass score"), self.tr("Inspections"),
                   self.tr("Published")]
        rows = [[v.code, v.name, v.revision, v.kind, v.items, v.pass_score, v.inspections,
                 v.published_at] for v in versions]
        return write_table(path, headers, rows)
