"""Speed to contact: when somebody first tried to reach the person behind a case (an
inquiry, an insurance verification), and when somebody first got through.

Two moments, kept apart:

- the first attempt: the first note recording a call, text, email or voicemail (whatever
  came of it), or a status change that the kind counts as one
  (`Case.status_change_is_attempt`: for an inquiry, leaving New other than for Spam);
- the reach: the first note saying they spoke with the person or heard back from them, or
  the first move to a status that only follows a conversation (`Case.REACHED_STATUSES`:
  for an inquiry, Assessment scheduled and Admitted). A reach is also an attempt, if none
  came before it.

Each is written once, by a conditional UPDATE, so two counselors saving at the same moment
cannot both claim it or overwrite it.
"""

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from .cases import Case, CaseNote


def _record_once(case: Case, at_field: str, by_field: str, by, at) -> bool:
    recorded = (
        type(case)
        .objects.filter(pk=case.pk, **{f"{at_field}__isnull": True})
        .update(**{at_field: at, by_field: by})
    )
    if recorded:
        setattr(case, at_field, at)
        setattr(case, by_field, by)
    return bool(recorded)


def record_first_attempt(case: Case, by, at: datetime | None = None) -> bool:
    """Record the first attempt unless one is already recorded; True when this was it."""
    return _record_once(
        case, "first_attempt_at", "first_attempt_by", by, at or timezone.now()
    )


def record_reached(case: Case, by, at: datetime | None = None) -> bool:
    """Record that the person was reached (and so, if none was yet, the first attempt);
    True when this was the first reach."""
    at = at or timezone.now()
    record_first_attempt(case, by, at)
    return _record_once(case, "reached_at", "reached_by", by, at)


def status_changed(case: Case, old_status: str, by) -> None:
    """Call after a status change is saved: it may be the first attempt or the reach."""
    if case.status in case.REACHED_STATUSES:
        record_reached(case, by)
    elif case.status_change_is_attempt(old_status, case.status):
        record_first_attempt(case, by)


def note_added(note: CaseNote) -> None:
    """Call after a note is saved: a contact attempt may be the first, or the reach."""
    if note.reached_them:
        record_reached(note.case, note.author, note.created_at)
    elif note.is_contact_attempt:
        record_first_attempt(note.case, note.author, note.created_at)


def log_contact_attempt(case: Case, kind: str, by, body: str = "") -> CaseNote:
    """A counselor's one-tap record of a call, text or email (and whether it got through)."""
    if kind not in CaseNote.Kind.values or kind == CaseNote.Kind.NOTE:
        raise ValueError(f"Not a contact attempt: {kind!r}")
    with transaction.atomic():
        note = case.notes.create(author=by, kind=kind, body=body)
        note_added(note)
    return note
