"""The layering of STYLE.md: contracts run by import-linter, and Qt-free packages import
with PySide6 made unimportable."""

from __future__ import annotations

import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

BLOCK_QT = """
import importlib, pkgutil, sys
class BlockQt:
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in ('PySide6', 'pyqtgraph', 'shiboken6'):
            raise ImportError(f'{name} is blocked: models/importers must not need Qt')
        return None
sys.meta_path.insert(0, BlockQt())
failed = []
for package in ('models', 'importers'):
    root = importlib.import_module(package)
    for info in pkgutil.walk_packages(root.__path__, package + '.'):
        if '.migrations' in info.name:
            continue
        try:
            importlib.import_module(info.name)
        except ImportError as exc:
            if 'blocked' in str(exc):
                failed.append(f'{info.name}: {exc}')
            else:
                raise
print('\\n'.join(failed))
sys.exit(1 if failed else 0)
"""


def test_models_and_importers_import_without_qt() -> None:
    result = subprocess.run(
        [sys.executable, "-c", BLOCK_QT], cwd=REPO, capture_output=True, text=True, timeout=120,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_qt_free_module_was_checked() -> None:
    import importers
    import models

    names = [i.name for p in (models, importers) for i in pkgutil.walk_packages(p.__path__)]
    assert len(names) >= 5


def test_import_linter_contracts_hold() -> None:
    lint = Path(sys.executable).with_name("lint-imports")
    if not lint.exists():
        pytest.fail("import-linter is a test dependency; install '.[test]'")
    result = subprocess.run([str(lint)], cwd=REPO, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-3000:]
