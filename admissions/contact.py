"""Speed to first contact: who first reached out to an inquirer, and when.

The first contact is the first status change away from New (other than to Spam) or the
first note that records a contact attempt. It is written once, by a conditional UPDATE,
so two counselors saving at the same moment cannot both claim it or overwrite it.
"""

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from .models import Inquiry, InquiryNote


def record_first_contact(inquiry: Inquiry, by, at: datetime | None = None) -> bool:
    """Record the first contact unless one is already recorded; True when this was it."""
    at = at or timezone.now()
    recorded = Inquiry.objects.filter(
        pk=inquiry.pk, first_contact_at__isnull=True
    ).update(first_contact_at=at, first_contact_by=by)
    if recorded:
        inquiry.first_contact_at, inquiry.first_contact_by = at, by
    return bool(recorded)


def status_change_is_contact(old_status: str, new_status: str) -> bool:
    return (
        old_status == Inquiry.Status.NEW
        and new_status != old_status
        and new_status != Inquiry.Status.SPAM
    )


def note_added(note: InquiryNote) -> bool:
    """Call after a note is saved: a contact attempt may be the first contact."""
    if not note.is_contact_attempt:
        return False
    return record_first_contact(note.inquiry, note.author, note.created_at)


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
