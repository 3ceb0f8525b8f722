"""Every preference ServiceLens keeps, behind typed properties (the only QSettings user).

Window geometry is stored under a key that includes the Qt version, so state saved by
another Qt is never restored. Pages keep their own small preferences (remembered
filters, the inspector's name) through :class:`PageSettings`, namespaced per page.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QSettings, qVersion

SETTINGS_VERSION = 1
LANGUAGES = ("system", "zh_CN", "en")
THEMES = ("system", "light", "dark")


class PageSettings:
    """Preferences of one page, stored under ``pages/<name>/``."""

    def __init__(self, settings: QSettings, page: str) -> None:
        self._settings, self._prefix = settings, f"pages/{page}/"

    def get(self, key: str, default: Any = None) -> Any:
        return self._settings.value(self._prefix + key, default)

    def set(self, key: str, value: Any) -> None:
        self._settings.setValue(self._prefix + key, value)


class Settings:
    """Typed access to the application's QSettings."""

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self._s = qsettings or QSettings()
        if int(self._s.value("settings_version", 0)) != SETTINGS_VERSION:
            self._s.setValue("settings_version", SETTINGS_VERSION)

    def page(self, name: str) -> PageSettings:
        return PageSettings(self._s, name)

    def sync(self) -> None:
        self._s.sync()

    def _choice(self, key: str, allowed: tuple[str, ...]) -> str:
        value = str(self._s.value(key, allowed[0]))
        return value if value in allowed else allowed[0]

    @property
    def language(self) -> str:
        """``system`` (follow the system locale), ``zh_CN`` or ``en``."""
        return self._choice("ui/language", LANGUAGES)

    @language.setter
    def language(self, value: str) -> None:
        if value not in LANGUAGES:
            raise ValueError(f"unknown language {value!r}")
        self._s.setValue("ui/language", value)

    @property
    def theme(self) -> str:
        """``system``, ``light`` or ``dark``."""
        return self._choice("ui/theme", THEMES)

    @theme.setter
    def theme(self, value: str) -> None:
        if value not in THEMES:
            raise ValueError(f"unknown theme {value!r}")
        self._s.setValue("ui/theme", value)

    @property
    def last_page(self) -> str | None:
        value = self._s.value("window/last_page")
        return str(value) if value else None

    @last_page.setter
    def last_page(self, value: str) -> None:
        self._s.setValue("window/last_page", value)

    def _geometry_key(self, what: str) -> str:
        return f"window/{what}_qt{qVersion()}"

    @property
    def window_geometry(self) -> QByteArray | None:
        value = self._s.value(self._geometry_key("geometry"))
        return value if isinstance(value, QByteArray) else None

    @window_geometry.setter
    def window_geometry(self, value: QByteArray) -> None:
        self._s.setValue(self._geometry_key("geometry"), value)

    @property
    def window_state(self) -> QByteArray | None:
        value = self._s.value(self._geometry_key("state"))
        return value if isinstance(value, QByteArray) else None

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self._s.setValue(self._geometry_key("state"), value)

    @property
    def demo_offered(self) -> bool:
        """Whether the first-start offer of demo data was already made for a database."""
        return str(self._s.value("start/demo_offered", "false")).lower() == "true"

    @demo_offered.setter
    def demo_offered(self, value: bool) -> None:
        self._s.setValue("start/demo_offered", "true" if value else "false")

    @property
    def user_name(self) -> str:
        """The name written to audit entries; defaults to the login name."""
        import getpass

        return str(self._s.value("user/name", "") or getpass.getuser())

    @user_name.setter
    def user_name(self, value: str) -> None:
        self._s.setValue("user/name", value.strip())

    @property
    def recent_databases(self) -> list[str]:
        value = self._s.value("database/recent", [])
        if isinstance(value, list):
            return [str(v) for v in value]
        return [str(value)] if value else []

    def remember_database(self, url: str) -> None:
        recent = [url, *[u for u in self.recent_databases if u != url]][:8]
        self._s.setValue("database/recent", recent)
