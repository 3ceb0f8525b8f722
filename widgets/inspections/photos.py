"""Photos for inspections: reading a file as an image, making its thumbnail, showing it."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QImage, QPixmap

from models.checklists.inspections import MAX_PHOTO_BYTES, PhotoInfo, photo_bytes
from models.db import Database

THUMBNAIL_PX = 240


def thumbnail_png(image: QImage, size: int = THUMBNAIL_PX) -> bytes:
    """PNG bytes of ``image`` scaled to fit ``size`` × ``size`` pixels."""
    small = image.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio,
                         Qt.TransformationMode.SmoothTransformation)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    small.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def load_photo(path: Path) -> tuple[bytes, bytes]:
    """The file's bytes and a PNG thumbnail. Raises ``ValueError`` for a file that is not
    an image Qt can read or is over the size limit, ``OSError`` when unreadable."""
    if path.stat().st_size > MAX_PHOTO_BYTES:
        raise ValueError(f"{path.name} is larger than {MAX_PHOTO_BYTES // 2**20} MB")
    content = path.read_bytes()
    image = QImage()
    if not image.loadFromData(content):
        raise ValueError(f"{path.name} is not an image")
    return content, thumbnail_png(image)


def pixmap_from(data: bytes | None) -> QPixmap:
    pixmap = QPixmap()
    if data:
        pixmap.loadFromData(data)
    return pixmap


def thumbnail_pixmaps(db: Database, photos: Sequence[PhotoInfo]) -> dict[int, QPixmap]:
    """A pixmap per photo id: the stored thumbnail, or one made from the photo."""
    out: dict[int, QPixmap] = {}
    for photo in photos:
        thumb = photo_bytes(db, photo.id, thumbnail=True)
        if thumb is None:
            image = QImage()
            image.loadFromData(photo_bytes(db, photo.id) or b"")
            thumb = thumbnail_png(image) if not image.isNull() else None
        out[photo.id] = pixmap_from(thumb)
    return out
