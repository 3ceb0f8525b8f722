"""Light and dark appearance: follow the system colour scheme, or force one.

The Fusion style is used everywhere. Where the platform can switch its own colour
scheme (Windows, macOS, GNOME/KDE with Qt 6.8+) it is asked to; the palette is set
explicitly as well, so a forced dark theme is dark on every platform.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

_following_system: list[bool] = [False]


def dark_palette() -> QPalette:
    """A dark palette for the Fusion style."""
    p = QPalette()
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    colours = {
        role.Window: "#202124", role.WindowText: "#e8eaed", role.Base: "#17181a",
        role.AlternateBase: "#26272b", role.ToolTipBase: "#303134", role.ToolTipText: "#e8eaed",
        role.Text: "#e8eaed", role.Button: "#2b2c30", role.ButtonText: "#e8eaed",
        role.BrightText: "#ff6b6b", role.Link: "#8ab4f8", role.Highlight: "#2f80ed",
        role.HighlightedText: "#ffffff", role.PlaceholderText: "#9aa0a6",
    }
    for r, colour in colours.items():
        p.setColor(r, QColor(colour))
    for r in (role.WindowText, role.Text, role.ButtonText):
        p.setColor(group.Disabled, r, QColor("#6f7378"))
    return p


def effective_scheme(app: QApplication, theme: str) -> Qt.ColorScheme:
    if theme == "dark":
        return Qt.ColorScheme.Dark
    if theme == "light":
        return Qt.ColorScheme.Light
    return app.styleHints().colorScheme()


def apply_theme(app: QApplication, theme: str) -> None:
    """Use Fusion with the system's colour scheme (``system``), or ``light``/``dark``."""
    app.setStyle("Fusion")
    hints = app.styleHints()
    requested = {"light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}.get(
        theme, Qt.ColorScheme.Unknown
    )
    hints.setColorScheme(requested)
    _set_palette(app, effective_scheme(app, theme))
    if not _following_system[0]:
        _following_system[0] = True
        hints.colorSchemeChanged.connect(lambda scheme: _on_system_scheme_changed(app, scheme))
    app.setProperty("servicelens_theme", theme)


def _set_palette(app: QApplication, scheme: Qt.ColorScheme) -> None:
    style = app.style()
    app.setPalette(dark_palette() if scheme == Qt.ColorScheme.Dark else style.standardPalette())


def _on_system_scheme_changed(app: QApplication, scheme: Qt.ColorScheme) -> None:
    if app.property("servicelens_theme") in (None, "system"):
        _set_palette(app, scheme)
        configure_charts(app)


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
