"""Application shell: command line, main window, settings, background tasks.

``app`` is the composition root: it is the only package that wires ``models``,
``importers`` and ``widgets`` together.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("servicelens")
except PackageNotFoundError:  # running from a source tree without an install
    __version__ = "0.0.0+unknown"

APP_NAME = "ServiceLens"
ORG_NAME = "ServiceLens"
