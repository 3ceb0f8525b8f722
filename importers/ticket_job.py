"""The tickets kind: choose the mapping, validate, load — one table to one batch.

The mapping is, in order: the one passed in (the GUI's confirmed mapping), the profile
named by ``--profile``, a saved or shipped profile matching the file's headers, or
the proposal of :func:`importers.mapping.propose_mapping`. The source is the option,
else the profile's, else derived from the file name. An event log (one row per state
change) is reduced to one row per ticket first when the job's or the mapping's
``event_log`` option says ``reduce`` (:mod:`importers.event_log`); kept, it gets a note.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from importers.event_log import EventLogInfo, apply_event_log_choice, event_log_choice
from importers.kinds import JobOptions, source_from_path
from importers.loading import BatchInfo, load_tickets
from importers.mapping import Mapping, propose_mapping
from importers.profiles import find_matching_profile, load_profile
from importers.report import ImportReport, ValidationReport
from importers.table import ImportRefused, RawTable
from importers.validation import TicketData, validate_tickets
from importers.values import resolve_timezone
from models.db import Database
from models.progress import Progress

MAX_STORED_ERRORS = 10_000


def choose_mapping(table: RawTable, db: Database, job: JobOptions
                   ) -> tuple[Mapping, str | None, str | None]:
    """(mapping, profile name, profile source) for ``table`` (see module doc).

    Raises :class:`ImportRefused` ``unknown_profile`` for a ``--profile`` that does not exist.
    """
    if job.mapping is not None:
        return job.mapping, job.profile, None
    if job.profile:
        profile = load_profile(db, job.profile)
        if profile is None:
            raise ImportRefused("unknown_profile", job.path, f"no profile named {job.profile!r}")
        return profile.to_mapping(table.headers), profile.name, profile.source
    found = find_matching_profile(db, table.headers, job.kind)
    if found is not None:
        return found.to_mapping(table.headers), found.name, found.source
    return propose_mapping(table, job.kind), None, None


def stored_report(validation: ValidationReport, mapping: Mapping) -> dict[str, Any]:
    """The JSON kept with the batch: the first errors, warnings, unknown values, mapping."""
    return {
        "file": validation.file, "sheet": validation.sheet, "rows": validation.rows,
        "rejected": validation.rejected,
        "errors": [e.to_json() for e in validation.errors[:MAX_STORED_ERRORS]],
        "errors_total": len(validation.errors),
        "warnings": list(validation.warnings),
        "unknown_values": validation.unknown_values,
        "mapping": mapping.to_dict(),
    }


def validate_ticket_table(table: RawTable, mapping: Mapping, job: JobOptions
                          ) -> tuple[RawTable, TicketData, ValidationReport,
                                     EventLogInfo | None]:
    """Validate ``table`` as the job says: its time zone, and an event log reduced or
    flagged (the notes open the report's warnings). Returns the table validated (the
    reduced one for an event log), its data, the report and what event-log detection
    found. Raises :class:`ImportRefused` ``bad_timezone`` / ``bad_option``."""
    try:
        tz = resolve_timezone(job.tz or mapping.options.get("tz"))
    except ValueError as exc:
        raise ImportRefused("bad_timezone", job.path, str(exc)) from exc
    try:
        choice = event_log_choice(job.options, mapping)
    except ValueError as exc:
        raise ImportRefused("bad_option", job.path, str(exc)) from exc
    checked, used, info, notes = apply_event_log_choice(table, mapping, tz, choice)
    data, validation = validate_tickets(checked, used, tz=tz, now=dt.datetime.now(dt.UTC))
    validation.warnings[:0] = notes  # kept with the batch too
    return checked, data, validation, info


def run_tickets(table: RawTable, db: Database, job: JobOptions,
                progress: Progress) -> ImportReport:
    """Validate ``table`` as tickets and, mode permitting, load it as one batch.

    The table's columns are emptied after validation to bound peak memory.
    """
    mapping, profile_name, profile_source = choose_mapping(table, db, job)
    source = job.source or profile_source or source_from_path(job.path)
    file_rows = table.n_rows
    progress.update(0, file_rows, "validating")
    checked, data, validation, _info = validate_ticket_table(table, mapping, job)
    # The raw cells are not needed any more (the report kept the rejected rows): let the
    # memory go before the load builds its rows. The caller's table is emptied.
    for column in (*table.columns, *checked.columns):
        column.clear()
    progress.check()
    report = ImportReport(str(job.path), job.kind, rows=file_rows,
                          rejected=validation.rejected, errors=validation.errors,
                          warnings=list(validation.warnings),
                          unknown_values=validation.unknown_values, source=source,
                          sheet=table.sheet, mode=job.mode, validation=validation)
    if mapping.header_of("external_id") is None:
        report.warnings.append("no ticket id column was recognised")
    if validation.errors and not job.skip_invalid:
        report.warnings.append("nothing imported: some rows are invalid (all-or-nothing)")
        return report
    keep = ~data.reject
    if not keep.any():
        report.warnings.append("nothing imported: no valid row")
        return report
    info = BatchInfo(kind="tickets", file_name=str(job.path), file_sha256=job.file_sha256,
                     source=source, sheet=table.sheet, profile=profile_name, user=job.user,
                     rows=file_rows, rejected=validation.rejected,
                     report=stored_report(validation, mapping))
    result = load_tickets(db, data, keep, info, progress)
    report.batch, report.inserted, report.updated = result.batch, result.inserted, result.updated
    return report
