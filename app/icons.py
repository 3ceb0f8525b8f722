"""Icons from ``resources/icons``: drawn in the accent colour, white when selected."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from resources import resource_path

ACCENT = "#2f80ed"
SELECTED = "#ffffff"


def _pixmap(svg: str, size: int) -> QPixmap:
    pixmap = QPixmap(QSize(size, size))
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    QSvgRenderer(QByteArray(svg.encode("utf-8"))).render(painter)
    painter.end()
    return pixmap


def icon(name: str) -> QIcon:
    """The icon ``resources/icons/<name>.svg``, with a white variant for selected items."""
    svg = resource_path(f"icons/{name}.svg").read_text(encoding="utf-8")
    result = QIcon()
    for size in (16, 22, 32, 44, 64):
        result.addPixmap(_pixmap(svg, size), QIcon.Mode.Normal)
        result.addPixmap(_pixmap(svg.replace(ACCENT, SELECTED), size), QIcon.Mode.Selected)
    return result
