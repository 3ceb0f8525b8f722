"""Translated texts for the stable codes the importers return (reasons, refusals, stages)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImportMessages", text)


def _lookup(texts: dict[str, str], code: str, fallback: str) -> str:
    return _tr(texts[code]) if code in texts else (fallback or code)


REASON_TEXTS = {
    "missing_required": QT_TRANSLATE_NOOP("ImportMessages", "Required value is empty"),
    "unparseable": QT_TRANSLATE_NOOP("ImportMessages", "Value cannot be read"),
    "duplicate_id": QT_TRANSLATE_NOOP(
        "ImportMessages", "Duplicate ticket ID (the first one is kept)"),
    "resolved_before_created": QT_TRANSLATE_NOOP(
        "ImportMessages", "Resolved before it was created"),
    "first_response_before_created": QT_TRANSLATE_NOOP(
        "ImportMessages", "First response before it was created"),
    "first_response_after_resolution": QT_TRANSLATE_NOOP(
        "ImportMessages", "First response after the resolution"),
    "time_before_created": QT_TRANSLATE_NOOP("ImportMessages", "Time before the creation time"),
    "duration_out_of_range": QT_TRANSLATE_NOOP(
        "ImportMessages", "Duration is negative or longer than a year"),
    "unknown_priority": QT_TRANSLATE_NOOP("ImportMessages", "Unknown priority"),
    "unknown_status": QT_TRANSLATE_NOOP("ImportMessages", "Unknown status"),
    "unknown_value": QT_TRANSLATE_NOOP("ImportMessages", "Unknown value"),
    "csat_out_of_scale": QT_TRANSLATE_NOOP("ImportMessages", "Satisfaction outside its scale"),
    "nps_out_of_range": QT_TRANSLATE_NOOP(
        "ImportMessages", "NPS is not a whole number from 0 to 10"),
    "future_time": QT_TRANSLATE_NOOP("ImportMessages", "Time is more than a day in the future"),
    "negative_number": QT_TRANSLATE_NOOP("ImportMessages", "Number must not be negative"),
}


def reason_text(code: str, fallback: str = "") -> str:
    """The user's-language text of a row error's reason code."""
    return _lookup(REASON_TEXTS, code, fallback)


def refusal_text(code: str, fallback: str = "") -> str:
    """The user's-language text of a refused file or undo."""
    texts = {
        "not_found": QT_TRANSLATE_NOOP("ImportMessages", "The file does not exist."),
        "unreadable": QT_TRANSLATE_NOOP("ImportMessages", "The file cannot be read."),
        "password_protected": QT_TRANSLATE_NOOP(
            "ImportMessages", "The file is password protected."),
        "damaged": QT_TRANSLATE_NOOP("ImportMessages", "The file is damaged."),
        "not_a_spreadsheet": QT_TRANSLATE_NOOP("ImportMessages", "The file is not a spreadsheet."),
        "too_large": QT_TRANSLATE_NOOP("ImportMessages", "The file is over a safety limit."),
        "unsafe": QT_TRANSLATE_NOOP("ImportMessages", "This file could not be read safely."),
        "no_table": QT_TRANSLATE_NOOP("ImportMessages", "The file holds no table."),
        "unknown_profile": QT_TRANSLATE_NOOP("ImportMessages", "There is no such mapping profile."),
        "bad_timezone": QT_TRANSLATE_NOOP("ImportMessages", "Unknown time zone."),
        "bad_period": QT_TRANSLATE_NOOP(
            "ImportMessages", "Not a period (e.g. 2026Q1, 2026-03, 2026年3月)."),
        "bad_option": QT_TRANSLATE_NOOP("ImportMessages", "An import option is not valid."),
        "unknown_template": QT_TRANSLATE_NOOP("ImportMessages", "There is no such checklist."),
        "newer_batch": QT_TRANSLATE_NOOP(
            "ImportMessages", "A later import changed the same rows: undo that one first."),
        "already_undone": QT_TRANSLATE_NOOP("ImportMessages", "This import was undone already."),
        "not_found_batch": QT_TRANSLATE_NOOP("ImportMessages", "There is no such import."),
        "cannot_undo": QT_TRANSLATE_NOOP("ImportMessages", "This import cannot be undone."),
    }
    return _lookup(texts, code, fallback)


def stage_text(stage: str) -> str:
    """The user's-language name of a progress stage."""
    texts = {
        "checking": QT_TRANSLATE_NOOP("ImportMessages", "Checking"),
        "reading": QT_TRANSLATE_NOOP("ImportMessages", "Reading"),
        "parsing": QT_TRANSLATE_NOOP("ImportMessages", "Reading"),
        "read": QT_TRANSLATE_NOOP("ImportMessages", "Reading"),
        "mapping": QT_TRANSLATE_NOOP("ImportMessages", "Recognising columns"),
        "validating": QT_TRANSLATE_NOOP("ImportMessages", "Validating"),
        "loading": QT_TRANSLATE_NOOP("ImportMessages", "Loading"),
        "indexing": QT_TRANSLATE_NOOP("ImportMessages", "Indexing"),
        "done": QT_TRANSLATE_NOOP("ImportMessages", "Done"),
    }
    return _lookup(texts, stage, stage)


def confidence_text(confidence: str) -> str:
    """A short marker of how a column's field was found."""
    texts = {
        "profile": QT_TRANSLATE_NOOP("ImportMessages", "✔ profile"),
        "user": QT_TRANSLATE_NOOP("ImportMessages", "✔ chosen"),
        "exact": QT_TRANSLATE_NOOP("ImportMessages", "✔ sure"),
        "fuzzy": QT_TRANSLATE_NOOP("ImportMessages", "≈ likely"),
        "values": QT_TRANSLATE_NOOP("ImportMessages", "? guessed"),
        "none": QT_TRANSLATE_NOOP("ImportMessages", "— ignored"),
    }
    return _lookup(texts, confidence, confidence)


FIELD_TEXTS = {
    "external_id": QT_TRANSLATE_NOOP("ImportMessages", "Ticket ID"),
    "created_at": QT_TRANSLATE_NOOP("ImportMessages", "Created"),
    "created_date": QT_TRANSLATE_NOOP("ImportMessages", "Created (date)"),
    "created_time": QT_TRANSLATE_NOOP("ImportMessages", "Created (time of day)"),
    "first_response_at": QT_TRANSLATE_NOOP("ImportMessages", "First response"),
    "first_response_duration": QT_TRANSLATE_NOOP("ImportMessages",
                                                 "First response time (duration)"),
    "resolved_at": QT_TRANSLATE_NOOP("ImportMessages", "Resolved"),
    "resolution_duration": QT_TRANSLATE_NOOP("ImportMessages", "Resolution time (duration)"),
    "answered_at": QT_TRANSLATE_NOOP("ImportMessages", "Answered"),
    "onsite_at": QT_TRANSLATE_NOOP("ImportMessages", "On-site arrival"),
    "closed_at": QT_TRANSLATE_NOOP("ImportMessages", "Closed"),
    "updated_at": QT_TRANSLATE_NOOP("ImportMessages", "Last updated (event logs)"),
    "talk_duration": QT_TRANSLATE_NOOP("ImportMessages", "Talk time (calls)"),
    "priority": QT_TRANSLATE_NOOP("ImportMessages", "Priority"),
    "status": QT_TRANSLATE_NOOP("ImportMessages", "Status"),
    "channel": QT_TRANSLATE_NOOP("ImportMessages", "Channel"),
    "category": QT_TRANSLATE_NOOP("ImportMessages", "Category"),
    "title": QT_TRANSLATE_NOOP("ImportMessages", "Title"),
    "description": QT_TRANSLATE_NOOP("ImportMessages", "Description"),
    "customer": QT_TRANSLATE_NOOP("ImportMessages", "Customer"),
    "agent": QT_TRANSLATE_NOOP("ImportMessages", "Agent"),
    "team": QT_TRANSLATE_NOOP("ImportMessages", "Team"),
    "site": QT_TRANSLATE_NOOP("ImportMessages", "Site"),
    "vendor": QT_TRANSLATE_NOOP("ImportMessages", "Vendor"),
    "is_complaint": QT_TRANSLATE_NOOP("ImportMessages", "Complaint"),
    "csat": QT_TRANSLATE_NOOP("ImportMessages", "CSAT"),
    "nps": QT_TRANSLATE_NOOP("ImportMessages", "NPS"),
    "reopened_count": QT_TRANSLATE_NOOP("ImportMessages", "Reopened count"),
    "answered": QT_TRANSLATE_NOOP("ImportMessages", "Answered (Y/N)"),
    "resolved_flag": QT_TRANSLATE_NOOP("ImportMessages", "Resolved (Y/N)"),
}
"""Import field name → its label in the mapping dialog (the importers' labels are English)."""


def field_text(name: str, fallback: str = "") -> str:
    """The user's-language label of an import field (``fallback``: the importer's label)."""
    return _lookup(FIELD_TEXTS, name, fallback)


KINDS = ("tickets", "inspections", "vendor-metrics")


def kind_text(kind: str) -> str:
    """The user's-language name of an import kind (what a file holds)."""
    texts = {
        "tickets": QT_TRANSLATE_NOOP("ImportMessages", "Tickets"),
        "inspections": QT_TRANSLATE_NOOP("ImportMessages", "Inspections"),
        "vendor-metrics": QT_TRANSLATE_NOOP("ImportMessages", "Vendor metrics"),
    }
    return _lookup(texts, kind, kind)
