"""Inquiries received before the first attempt and the reach were kept apart get both
moments from their notes.

A migration of its own: on PostgreSQL, these updates leave foreign-key checks pending,
and 0005's deferred index creation cannot run in the same transaction after them.
"""

from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def moments_from_notes(apps, schema_editor):
    """The reach is the first "spoke with them" note; the first attempt stays what was
    recorded (a status change or an attempt note), else the first attempt note."""
    Inquiry = apps.get_model("admissions", "Inquiry")
    InquiryNote = apps.get_model("admissions", "InquiryNote")

    def first(kinds, column):
        notes = InquiryNote.objects.filter(inquiry=OuterRef("pk"), kind__in=kinds)
        return Subquery(notes.order_by("created_at", "pk").values(column)[:1])

    attempts = ["spoke", "no_answer", "voicemail", "text", "email"]
    Inquiry.objects.filter(reached_at__isnull=True).update(
        reached_at=first(["spoke"], "created_at"),
        reached_by=first(["spoke"], "author"),
    )
    Inquiry.objects.filter(first_attempt_at__isnull=True).update(
        first_attempt_at=first(attempts, "created_at"),
        first_attempt_by=first(attempts, "author"),
    )
    # A reach is an attempt too, whatever else was recorded.
    Inquiry.objects.filter(
        first_attempt_at__isnull=True, reached_at__isnull=False
    ).update(
        first_attempt_at=models.F("reached_at"),
        first_attempt_by=models.F("reached_by"),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("admissions", "0005_inquiry_first_attempt_and_reach"),
    ]

    operations = [
        migrations.RunPython(moments_from_notes, migrations.RunPython.noop),
    ]
