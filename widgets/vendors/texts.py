"""Translated labels of vendor statuses, document kinds and expiry states."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor

CONTEXT = "VendorTexts"
STATUSES = {
    "active": QT_TRANSLATE_NOOP("VendorTexts", "Active"),
    "probation": QT_TRANSLATE_NOOP("VendorTexts", "On probation"),
    "suspended": QT_TRANSLATE_NOOP("VendorTexts", "Suspended"),
    "blacklisted": QT_TRANSLATE_NOOP("VendorTexts", "Blacklisted"),
}
KINDS = {
    "business_licence": QT_TRANSLATE_NOOP("VendorTexts", "Business licence"),
    "iso9001": QT_TRANSLATE_NOOP("VendorTexts", "ISO 9001 certificate"),
    "security_permit": QT_TRANSLATE_NOOP("VendorTexts", "Security service permit"),
    "transport_permit": QT_TRANSLATE_NOOP("VendorTexts", "Road transport permit"),
    "food_permit": QT_TRANSLATE_NOOP("VendorTexts", "Food business licence"),
}
STATES = {
    "expired": QT_TRANSLATE_NOOP("VendorTexts", "Expired"),
    "expiring": QT_TRANSLATE_NOOP("VendorTexts", "Expires within 30 days"),
    "valid": QT_TRANSLATE_NOOP("VendorTexts", "Valid"),
    "none": QT_TRANSLATE_NOOP("VendorTexts", "No documents"),
}
STATE_COLOURS = {"expired": QColor("#f8d7da"), "expiring": QColor("#ffe5b4")}
"""Expired red, expiring within 30 days amber."""


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def status_label(key: str) -> str:
    return tr(STATUSES[key]) if key in STATUSES else key


def kind_label(key: str) -> str:
    return tr(KINDS[key]) if key in KINDS else key


def state_label(key: str) -> str:
    return tr(STATES[key]) if key in STATES else key
