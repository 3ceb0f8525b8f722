"""Light and dark appearance: follow the system colour scheme, or force one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


def apply_theme(app: QApplication, theme: str) -> None:
    """Use the Fusion style with the system's colour scheme, or ``light``/``dark``.

    Qt's Fusion style repaints itself when the colour scheme changes, so a system
    switch between light and dark is followed while the application runs.
    """
    app.setStyle("Fusion")
    scheme = {
        "light": Qt.ColorScheme.Light,
        "dark": Qt.ColorScheme.Dark,
    }.get(theme, Qt.ColorScheme.Unknown)
    app.styleHints().setColorScheme(scheme)


def configure_charts(app: QApplication) -> None:
    """Global pyqtgraph options, set once here: antialiasing and palette-matched colours.

    Called after the window first paints (pyqtgraph takes a while to import) and
    again when the theme changes.
    """
    import pyqtgraph as pg

    palette = app.palette()
    pg.setConfigOptions(
        antialias=True,
        background=palette.color(palette.ColorRole.Base),
        foreground=palette.color(palette.ColorRole.Text),
    )
