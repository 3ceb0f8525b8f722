"""Filling an inspection: start, answer item by item, attach photos, submit, correct.

Every write is its own small transaction, so an answer is on disk the moment the
function returns: closing the window, a crash or a killed process loses at most the
answer being given. An inspection is identified by its UUID everywhere (packages,
resume). A submitted inspection is read-only (:class:`InspectionLocked`); a correction
is a new draft that copies the answers and records who and why
(:func:`start_correction`); once submitted it supersedes the original, which stays
stored for the record but leaves the analysis views.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid as uuid_module
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, undefer

from models.checklists.scoring import AnswerValue, ScoreResult, score_inspection
from models.checklists.templates import load_spec_in
from models.db import Database
from models.orm import Site, utcnow
from models.orm.checklists import (
    AnswerType,
    ChecklistItem,
    ChecklistTemplate,
    Choice,
    Inspection,
    InspectionAnswer,
    InspectionKind,
    InspectionPhoto,
    InspectionStatus,
)

MAX_PHOTO_BYTES = 25 * 1024 * 1024


class InspectionNotFound(LookupError):
    """No inspection with that UUID."""


class InspectionLocked(RuntimeError):
    """The inspection is submitted and therefore read-only; correct it with a revision."""


class SubmissionBlocked(ValueError):
    """Submission refused; ``result.blockers`` lists the items and reasons."""

    def __init__(self, result: ScoreResult) -> None:
        super().__init__(f"{len(result.blockers)} item(s) block submission")
        self.result = result


@dataclass(frozen=True)
class PhotoInfo:
    id: int
    item_id: int | None
    file_name: str
    sha256: str
    taken_at: dt.datetime


@dataclass(frozen=True)
class InspectionState:
    """An inspection with its answers (by item id) and photo list; times in UTC."""

    id: int
    uuid: str
    template_id: int | None
    template_name: str | None
    site_id: int | None
    site_name: str | None
    inspector: str | None
    kind: InspectionKind
    status: InspectionStatus
    visited_at: dt.datetime
    submitted_at: dt.datetime | None
    score: float | None
    passed: bool | None
    critical_failures: int
    current_item_id: int | None
    revision_of_id: int | None
    revision_reason: str | None
    revised_by: str | None
    answers: dict[int, AnswerValue]
    photos: tuple[PhotoInfo, ...]

    @property
    def read_only(self) -> bool:
        return self.status is InspectionStatus.SUBMITTED


def _get(s: Session, inspection_uuid: str, *, writable: bool = False) -> Inspection:
    row = s.scalar(select(Inspection).where(Inspection.uuid == inspection_uuid))
    if row is None:
        raise InspectionNotFound(f"no inspection {inspection_uuid}")
    if writable and row.status is InspectionStatus.SUBMITTED:
        raise InspectionLocked("this inspection is submitted; start a correction instead")
    return row


def add_inspection(s: Session, template_id: int, site_id: int | None, inspector: str | None,
                   kind: InspectionKind, visited_at: dt.datetime | None = None,
                   inspection_uuid: str | None = None) -> Inspection:
    """Insert a draft inspection (session level, for demo data and packages)."""
    row = Inspection(uuid=inspection_uuid or str(uuid_module.uuid4()), template_id=template_id,
                     site_id=site_id, inspector=inspector, kind=kind,
                     status=InspectionStatus.DRAFT, visited_at=visited_at or utcnow())
    s.add(row)
    s.flush()
    return row


def start_inspection(db: Database, template_id: int, site_id: int | None, inspector: str | None,
                     kind: InspectionKind, visited_at: dt.datetime | None = None) -> str:
    """Create a draft for template version ``template_id``; returns its UUID.

    ``visited_at`` (aware, default now) is the visit's date and time.
    """
    with db.transaction() as s:
        if s.get(ChecklistTemplate, template_id) is None:
            raise LookupError(f"no checklist template with id {template_id}")
        return add_inspection(s, template_id, site_id, inspector, kind, visited_at).uuid


def put_answer(s: Session, inspection: Inspection, item_id: int, value: AnswerValue,
               at: dt.datetime | None = None, *, keep_note: bool = True) -> None:
    """Insert or replace the answer of one item (session level)."""
    answer = s.scalar(select(InspectionAnswer).where(
        InspectionAnswer.inspection_id == inspection.id, InspectionAnswer.item_id == item_id))
    if answer is None:
        answer = InspectionAnswer(inspection_id=inspection.id, item_id=item_id,
                                  answered_at=at or utcnow())
        s.add(answer)
    answer.choice, answer.scale = value.choice, value.scale
    answer.number, answer.text = value.number, value.text
    if not keep_note or value.note is not None:
        answer.note = value.note
    answer.answered_at = at or utcnow()


def _check_item(s: Session, inspection: Inspection, item_id: int) -> ChecklistItem:
    item = s.get(ChecklistItem, item_id)
    if item is None or item.section.template_id != inspection.template_id:
        raise LookupError(f"item {item_id} is not part of this inspection's checklist")
    return item


_FIELD_OF = {AnswerType.YES_NO: "choice", AnswerType.SCALE: "scale",
             AnswerType.NUMBER: "number", AnswerType.STOPWATCH: "number",
             AnswerType.TEXT: "text", AnswerType.PHOTO: None}


def _check_fits(item: ChecklistItem, value: AnswerValue) -> None:
    """Refuse an answer of the wrong kind (e.g. a scale for a yes/no item)."""
    given = {name for name in ("choice", "scale", "number", "text")
             if getattr(value, name) is not None}
    if value.choice is Choice.NA and given == {"choice"}:
        return
    expected = _FIELD_OF[item.answer_type]
    if given != ({expected} if expected else set()) or value.choice is Choice.NA:
        raise ValueError(f"a {item.answer_type.value} item cannot take that answer")


def answer_item(db: Database, inspection_uuid: str, item_id: int, *,
                choice: Choice | None = None, scale: int | None = None,
                number: float | None = None, text: str | None = None) -> None:
    """Save the answer to one item now (its own transaction); the note is kept.

    ``scale`` is 1–5; ``number`` in the item's unit (seconds for stopwatch items).
    Raises :class:`InspectionLocked`, :class:`InspectionNotFound`, ``LookupError`` for an
    item of another checklist and ``ValueError`` for a scale outside 1–5.
    """
    if scale is not None and not 1 <= scale <= 5:
        raise ValueError(f"scale {scale} is not within 1–5")
    choice = None if choice is None else Choice(choice)
    with db.transaction() as s:
        row = _get(s, inspection_uuid, writable=True)
        value = AnswerValue(choice, scale, number, text)
        _check_fits(_check_item(s, row, item_id), value)
        put_answer(s, row, item_id, value)
        row.current_item_id = item_id


def set_note(db: Database, inspection_uuid: str, item_id: int, note: str | None) -> None:
    """Save the note of one item (an empty note clears it)."""
    with db.transaction() as s:
        row = _get(s, inspection_uuid, writable=True)
        _check_item(s, row, item_id)
        answer = s.scalar(select(InspectionAnswer).where(
            InspectionAnswer.inspection_id == row.id, InspectionAnswer.item_id == item_id))
        if answer is None:
            answer = InspectionAnswer(inspection_id=row.id, item_id=item_id,
                                      answered_at=utcnow())
            s.add(answer)
        answer.note = (note or "").strip() or None


def clear_answer(db: Database, inspection_uuid: str, item_id: int) -> None:
    """Remove the answer of one item (note included)."""
    with db.transaction() as s:
        row = _get(s, inspection_uuid, writable=True)
        answer = s.scalar(select(InspectionAnswer).where(
            InspectionAnswer.inspection_id == row.id, InspectionAnswer.item_id == item_id))
        if answer is not None:
            s.delete(answer)


def set_current_item(db: Database, inspection_uuid: str, item_id: int | None) -> None:
    """Remember where the inspector is, so a resumed inspection opens there."""
    with db.transaction() as s:
        row = _get(s, inspection_uuid)
        if row.status is InspectionStatus.DRAFT:
            row.current_item_id = item_id


def add_photo(s: Session, inspection: Inspection, item_id: int | None, file_name: str,
              content: bytes, thumbnail: bytes | None, taken_at: dt.datetime | None = None,
              ) -> InspectionPhoto:
    """Store a photo once per inspection (same SHA-256 → the existing row)."""
    digest = hashlib.sha256(content).hexdigest()
    existing = s.scalar(select(InspectionPhoto).where(
        InspectionPhoto.inspection_id == inspection.id, InspectionPhoto.sha256 == digest))
    if existing is not None:
        return existing
    photo = InspectionPhoto(inspection_id=inspection.id, item_id=item_id,
                            file_name=file_name[-260:], sha256=digest, content=content,
                            thumbnail=thumbnail, taken_at=taken_at or utcnow())
    s.add(photo)
    s.flush()
    return photo


def attach_photo(db: Database, inspection_uuid: str, item_id: int | None, file_name: str,
                 content: bytes, thumbnail: bytes | None = None) -> PhotoInfo:
    """Attach a photo (bytes of the image file) to an item; stored with its SHA-256.

    ``thumbnail`` is a small PNG/JPEG made by the caller (the widget layer scales with
    QImage). Attaching the same bytes twice stores them once. Raises ``ValueError``
    above :data:`MAX_PHOTO_BYTES` and :class:`InspectionLocked`.
    """
    if len(content) > MAX_PHOTO_BYTES:
        raise ValueError(f"{file_name} is larger than {MAX_PHOTO_BYTES // 2**20} MB")
    with db.transaction() as s:
        row = _get(s, inspection_uuid, writable=True)
        if item_id is not None:
            _check_item(s, row, item_id)
        photo = add_photo(s, row, item_id, file_name, content, thumbnail)
        return PhotoInfo(photo.id, photo.item_id, photo.file_name, photo.sha256, photo.taken_at)


def remove_photo(db: Database, inspection_uuid: str, photo_id: int) -> None:
    with db.transaction() as s:
        row = _get(s, inspection_uuid, writable=True)
        photo = s.get(InspectionPhoto, photo_id)
        if photo is not None and photo.inspection_id == row.id:
            s.delete(photo)


def photo_bytes(db: Database, photo_id: int, *, thumbnail: bool = False) -> bytes | None:
    """The stored file (or its thumbnail) of one photo; ``None`` when absent."""
    column = InspectionPhoto.thumbnail if thumbnail else InspectionPhoto.content
    with db.session() as s:
        return s.scalar(select(column).where(InspectionPhoto.id == photo_id))


def state_in(s: Session, row: Inspection) -> InspectionState:
    answers = {a.item_id: AnswerValue(a.choice, a.scale, a.number, a.text, a.note)
               for a in s.scalars(select(InspectionAnswer)
                                  .where(InspectionAnswer.inspection_id == row.id))}
    photos = tuple(PhotoInfo(p.id, p.item_id, p.file_name, p.sha256, p.taken_at)
                   for p in s.scalars(select(InspectionPhoto)
                                      .where(InspectionPhoto.inspection_id == row.id)
                                      .order_by(InspectionPhoto.id)))
    for photo in photos:
        if photo.item_id is not None:
            base = answers.get(photo.item_id, AnswerValue())
            answers[photo.item_id] = AnswerValue(base.choice, base.scale, base.number, base.text,
                                                 base.note, base.photos + 1)
    template = s.get(ChecklistTemplate, row.template_id) if row.template_id else None
    site = s.get(Site, row.site_id) if row.site_id else None
    return InspectionState(
        row.id, row.uuid, row.template_id, template.name if template else None, row.site_id,
        site.name if site else None, row.inspector, row.kind, row.status, row.visited_at,
        row.submitted_at, row.score, row.passed, row.critical_failures, row.current_item_id,
        row.revision_of_id, row.revision_reason, row.revised_by, answers, photos)


def get_inspection(db: Database, inspection_uuid: str) -> InspectionState:
    """The inspection with its answers; raises :class:`InspectionNotFound`."""
    with db.session() as s:
        return state_in(s, _get(s, inspection_uuid))


def uuid_of(db: Database, inspection_id: int) -> str:
    with db.session() as s:
        value = s.scalar(select(Inspection.uuid).where(Inspection.id == inspection_id))
    if value is None:
        raise InspectionNotFound(f"no inspection with id {inspection_id}")
    return value


def score_in(s: Session, row: Inspection) -> ScoreResult:
    if row.template_id is None:
        raise ValueError("this inspection has no checklist to score against")
    return score_inspection(load_spec_in(s, row.template_id), state_in(s, row).answers)


def score_of(db: Database, inspection_uuid: str) -> ScoreResult:
    """The current scoring of an inspection (a draft is scored as far as it is answered)."""
    with db.session() as s:
        return score_in(s, _get(s, inspection_uuid))


def finish(s: Session, row: Inspection, at: dt.datetime | None = None) -> ScoreResult:
    """Score and submit ``row`` (session level); raises :class:`SubmissionBlocked`."""
    result = score_in(s, row)
    if result.blockers:
        raise SubmissionBlocked(result)
    apply_result(row, result, at)
    return result


def apply_result(row: Inspection, result: ScoreResult, at: dt.datetime | None = None) -> None:
    """Mark ``row`` submitted with ``result``'s score, pass/fail and critical failures."""
    row.status = InspectionStatus.SUBMITTED
    row.submitted_at = at or utcnow()
    row.score = None if result.score is None else round(result.score, 4)
    row.passed = result.passed
    row.critical_failures = len(result.critical_failures)
    row.current_item_id = None


def submit_inspection(db: Database, inspection_uuid: str) -> ScoreResult:
    """Check completeness, then store score (0–100), pass/fail and critical failures.

    Raises :class:`SubmissionBlocked` (nothing is written) when an item is unanswered
    or misses required evidence, and :class:`InspectionLocked` when already submitted.
    """
    with db.transaction() as s:
        return finish(s, _get(s, inspection_uuid, writable=True))


def start_correction(db: Database, inspection_uuid: str, revised_by: str, reason: str) -> str:
    """Open a correction of a submitted inspection: a new draft with the same answers,
    notes and photos that records who corrects it and why. Returns the new UUID.

    Raises ``ValueError`` without a name or a reason, and when the inspection is a draft.
    """
    if not revised_by.strip() or not reason.strip():
        raise ValueError("a correction needs the name of who corrects it and a reason")
    with db.transaction() as s:
        old = _get(s, inspection_uuid)
        if old.status is not InspectionStatus.SUBMITTED:
            raise ValueError("only a submitted inspection can be corrected")
        assert old.template_id is not None
        new = add_inspection(s, old.template_id, old.site_id, old.inspector, old.kind,
                             old.visited_at)
        new.revision_of_id, new.revised_by = old.id, revised_by.strip()
        new.revision_reason = reason.strip()
        for a in old.answers:
            put_answer(s, new, a.item_id, AnswerValue(a.choice, a.scale, a.number, a.text,
                                                      a.note), a.answered_at)
        photos = s.scalars(select(InspectionPhoto).options(
            undefer(InspectionPhoto.content), undefer(InspectionPhoto.thumbnail))
            .where(InspectionPhoto.inspection_id == old.id))
        for p in photos:
            add_photo(s, new, p.item_id, p.file_name, p.content, p.thumbnail, p.taken_at)
        return new.uuid
