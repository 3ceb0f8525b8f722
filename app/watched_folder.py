"""A watched folder: spreadsheets dropped into it are imported and the result logged.

``WatchedFolder(service, runner, bus)`` watches one folder with a
``QFileSystemWatcher``. A new file with a spreadsheet suffix is imported once its
size has stayed the same for one check (so a file still being copied is not read
half-way), one file at a time, through the same sandboxed import as the Imports page
(``service.run`` on ``runner``), as the kind its headers show (tickets, inspections or
vendor metrics), in ``mode`` (default ``skip-invalid``: unattended
imports keep the valid rows). Files present when watching starts are left alone;
a file imported before (same SHA-256) is reported as such and not imported again.

Each result is one line in ``<folder>/servicelens-imports.log`` and in the
``servicelens.watched_folder`` logger; successful imports emit
``bus.data_changed``. Start it with ``watcher.watch(folder, mode)``; ``watch(None)``
stops.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from models.progress import Progress

SUFFIXES = {".xlsx", ".xlsm", ".xls", ".ods", ".csv", ".tsv"}
LOG_NAME = "servicelens-imports.log"
SETTLE_MS = 1000
log = logging.getLogger("servicelens.watched_folder")


class WatchedFolder(QObject):
    """Imports new spreadsheets appearing in a folder (see module doc)."""

    file_imported = Signal(str, object)  # path, ImportOutcome
    file_failed = Signal(str, str)  # path, message
    logged = Signal(str)  # the log line

    def __init__(self, service: Any, runner: Any, bus: Any = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.service, self.runner, self.bus = service, runner, bus
        self.folder: Path | None = None
        self.mode = "skip-invalid"
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(self._on_watcher_directory_changed)
        self._timer = QTimer(self)
        self._timer.setInterval(SETTLE_MS)
        self._timer.timeout.connect(self.scan)
        self._seen: set[str] = set()
        self._sizes: dict[str, int] = {}
        self._queue: list[Path] = []
        self._busy = False

    def watch(self, folder: Path | str | None, mode: str = "skip-invalid") -> None:
        """Watch ``folder`` (None: stop). Files already there are not imported."""
        if self._watcher.directories():
            self._watcher.removePaths(self._watcher.directories())
        self._timer.stop()
        self._queue.clear()
        self._sizes.clear()
        self.folder, self.mode = (Path(folder) if folder else None), mode
        if self.folder is None or not self.folder.is_dir():
            self.folder = None
            return
        self._seen = {str(p) for p in self._candidates()}
        self._watcher.addPath(str(self.folder))
        self._timer.start()

    def _candidates(self) -> list[Path]:
        if self.folder is None:
            return []
        return sorted(p for p in self.folder.iterdir()
                      if p.is_file() and p.suffix.lower() in SUFFIXES
                      and not p.name.startswith((".", "~$")))

    def _on_watcher_directory_changed(self, _path: str) -> None:
        if not self._timer.isActive():
            self._timer.start()
        self.scan()

    def scan(self) -> None:
        """Queue files whose size has settled; start the next import."""
        for path in self._candidates():
            key = str(path)
            if key in self._seen:
                continue
            try:
                size = path.stat().st_size
            except OSError:
                continue
            if self._sizes.get(key) == size and size > 0:
                self._seen.add(key)
                self._sizes.pop(key, None)
                self._queue.append(path)
            else:
                self._sizes[key] = size
        self._start_next()

    def _start_next(self) -> None:
        if self._busy or not self._queue:
            return
        path = self._queue.pop(0)
        self._busy = True
        service, mode = self.service, self.mode

        def work(progress: Progress) -> Any:
            return service.run(path, mapping=None, mode=mode, progress=progress, kind="auto")

        self.runner.submit(work, on_result=lambda r, p=path: self._on_done(p, r),
                           on_error=lambda e, p=path: self._on_error(p, e),
                           key=f"watched:{path}", owner=self)

    def _on_done(self, path: Path, outcome: Any) -> None:
        self._busy = False
        if outcome.duplicate_of is not None:
            text = f"already imported as batch {outcome.duplicate_of}; skipped"
        elif outcome.batch is not None:
            text = (f"batch {outcome.batch}: {outcome.rows} rows, {outcome.inserted} inserted, "
                    f"{outcome.updated} updated, {outcome.rejected} rejected")
            if self.bus is not None:
                self.bus.data_changed.emit({"tickets", "import_batches", "sites", "vendors"})
        else:
            text = f"nothing imported: {outcome.rejected} of {outcome.rows} rows invalid"
        self._log(path, text)
        self.file_imported.emit(str(path), outcome)
        self._start_next()

    def _on_error(self, path: Path, error: BaseException) -> None:
        self._busy = False
        self._log(path, f"refused: {error}")
        self.file_failed.emit(str(path), str(error))
        self._start_next()

    def _log(self, path: Path, text: str) -> None:
        line = f"{dt.datetime.now().isoformat(timespec='seconds')} {path.name}: {text}"
        log.info(line)
        if self.folder is not None:
            try:
                with (self.folder / LOG_NAME).open("a", encoding="utf-8") as f:
                    f.write(line + "\n")
            except OSError as exc:
                log.warning("cannot write %s: %s", self.folder / LOG_NAME, exc)
        self.logged.emit(line)
