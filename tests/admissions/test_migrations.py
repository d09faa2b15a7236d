"""Migrations 0005 and 0006: inquiries received before the first attempt and the reach
were kept apart get both moments from their notes (on PostgreSQL too, with rows)."""

from datetime import datetime, timedelta

import pytest

from tests.migrations import migrate

BEFORE = [("admissions", "0004_insurance_verifications")]
pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.migrations(BEFORE),
]
AFTER = [("admissions", "0006_inquiry_moments_from_notes")]
ARRIVAL = datetime.fromisoformat("2026-03-02T14:00:00+00:00")


def minutes(number: int) -> datetime:
    return ARRIVAL + timedelta(minutes=number)


def test_existing_inquiries_get_their_first_attempt_and_reach_from_their_notes(
    old_schema,
):
    Inquiry = old_schema.get_model("admissions", "Inquiry")
    InquiryNote = old_schema.get_model("admissions", "InquiryNote")
    User = old_schema.get_model("auth", "User")
    ana = User.objects.create(username="ana")
    ben = User.objects.create(username="ben")

    def inquiry(reference, **fields):
        return Inquiry.objects.create(
            reference=reference,
            name="Visitor",
            phone="+18285550187",
            for_whom="self",
            received_at=ARRIVAL,
            **fields,
        )

    untouched = inquiry("UNTOUCH1")
    moved_on = inquiry(
        "MOVEDON1",
        status="contacted",
        first_contact_at=minutes(4),
        first_contact_by=ana,
    )
    tried_then_reached = inquiry(
        "TRIED001",
        status="contacted",
        first_contact_at=minutes(2),
        first_contact_by=ana,
    )
    InquiryNote.objects.create(
        inquiry=tried_then_reached, author=ana, kind="no_answer", created_at=minutes(2)
    )
    InquiryNote.objects.create(
        inquiry=tried_then_reached, author=ben, kind="spoke", created_at=minutes(30)
    )
    InquiryNote.objects.create(
        inquiry=tried_then_reached, author=ben, kind="spoke", created_at=minutes(90)
    )
    only_a_note = inquiry("NOTEONLY")
    InquiryNote.objects.create(
        inquiry=only_a_note,
        author=ana,
        kind="note",
        body="Insurance?",
        created_at=minutes(3),
    )
    spoke_unrecorded = inquiry("SPOKEONE", status="assessment")
    InquiryNote.objects.create(
        inquiry=spoke_unrecorded, author=ben, kind="spoke", created_at=minutes(8)
    )

    new_apps = migrate(AFTER)
    Migrated = new_apps.get_model("admissions", "Inquiry")

    def moments(old):
        row = Migrated.objects.get(pk=old.pk)
        return (
            row.first_attempt_at,
            row.first_attempt_by_id,
            row.reached_at,
            row.reached_by_id,
        )

    assert moments(untouched) == (None, None, None, None)
    assert moments(moved_on) == (minutes(4), ana.pk, None, None)
    assert moments(tried_then_reached) == (minutes(2), ana.pk, minutes(30), ben.pk)
    assert moments(only_a_note) == (None, None, None, None)
    assert moments(spoke_unrecorded) == (minutes(8), ben.pk, minutes(8), ben.pk)
