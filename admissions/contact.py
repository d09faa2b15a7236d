"""Speed to contact: when somebody first tried to reach an inquirer, and when somebody
first got through.

Two moments, kept apart:

- the first attempt: the first note recording a call, text, email or voicemail (whatever
  came of it), or the first status change away from New (other than to Spam);
- the reach: the first note saying they spoke with the person or heard back from them, or
  the first move to a status that only follows a conversation (Assessment scheduled,
  Admitted). A reach is also an attempt, if none came before it.

Each is written once, by a conditional UPDATE, so two counselors saving at the same moment
cannot both claim it or overwrite it.
"""

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from .models import Inquiry, InquiryNote


def _record_once(inquiry: Inquiry, at_field: str, by_field: str, by, at) -> bool:
    recorded = Inquiry.objects.filter(
        pk=inquiry.pk, **{f"{at_field}__isnull": True}
    ).update(**{at_field: at, by_field: by})
    if recorded:
        setattr(inquiry, at_field, at)
        setattr(inquiry, by_field, by)
    return bool(recorded)


def record_first_attempt(inquiry: Inquiry, by, at: datetime | None = None) -> bool:
    """Record the first attempt unless one is already recorded; True when this was it."""
    return _record_once(
        inquiry, "first_attempt_at", "first_attempt_by", by, at or timezone.now()
    )


def record_reached(inquiry: Inquiry, by, at: datetime | None = None) -> bool:
    """Record that the person was reached (and so, if none was yet, the first attempt);
    True when this was the first reach."""
    at = at or timezone.now()
    record_first_attempt(inquiry, by, at)
    return _record_once(inquiry, "reached_at", "reached_by", by, at)


def status_change_is_attempt(old_status: str, new_status: str) -> bool:
    return (
        old_status == Inquiry.Status.NEW
        and new_status != old_status
        and new_status != Inquiry.Status.SPAM
    )


def status_changed(inquiry: Inquiry, old_status: str, by) -> None:
    """Call after a status change is saved: it may be the first attempt or the reach."""
    if inquiry.status in Inquiry.REACHED_STATUSES:
        record_reached(inquiry, by)
    elif status_change_is_attempt(old_status, inquiry.status):
        record_first_attempt(inquiry, by)


def note_added(note: InquiryNote) -> None:
    """Call after a note is saved: a contact attempt may be the first, or the reach."""
    if note.reached_them:
        record_reached(note.inquiry, note.author, note.created_at)
    elif note.is_contact_attempt:
        record_first_attempt(note.inquiry, note.author, note.created_at)


def log_contact_attempt(inquiry: Inquiry, kind: str, by, body: str = "") -> InquiryNote:
    """A counselor's one-tap record of a call, text or email (and whether it got through)."""
    if kind not in InquiryNote.Kind.values or kind == InquiryNote.Kind.NOTE:
        raise ValueError(f"Not a contact attempt: {kind!r}")
    with transaction.atomic():
        note = InquiryNote.objects.create(
            inquiry=inquiry, author=by, kind=kind, body=body
        )
        note_added(note)
    return note
