"""Retention: closed inquiries are deleted a while after closing, and the deletion is logged."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from admissions.models import AccessLog, Inquiry, InquiryNote

from .factories import InquiryFactory

pytestmark = pytest.mark.django_db


def purge(*args) -> str:
    out = io.StringIO()
    call_command("purge_inquiries", *args, stdout=out)
    return out.getvalue()


def test_purge_removes_only_inquiries_closed_longer_ago_than_the_retention(settings):
    settings.INQUIRY_RETENTION_DAYS = 365
    long_ago = timezone.now() - timedelta(days=400)
    recently = timezone.now() - timedelta(days=30)
    old_closed = InquiryFactory(status=Inquiry.Status.CLOSED)
    old_spam = InquiryFactory(status=Inquiry.Status.SPAM)
    Inquiry.objects.filter(pk__in=[old_closed.pk, old_spam.pk]).update(
        closed_at=long_ago
    )
    InquiryNote.objects.create(inquiry=old_closed, body="Called back.")
    recent_closed = InquiryFactory(status=Inquiry.Status.CLOSED)
    Inquiry.objects.filter(pk=recent_closed.pk).update(closed_at=recently)
    old_open = InquiryFactory(received_at=long_ago)

    output = purge()

    assert set(Inquiry.objects.values_list("pk", flat=True)) == {
        recent_closed.pk,
        old_open.pk,
    }
    assert not InquiryNote.objects.exists()
    assert "Deleted 2 inquiries" in output
    assert set(
        AccessLog.objects.filter(action=AccessLog.Action.DELETE).values_list(
            "inquiry_reference", flat=True
        )
    ) == {old_closed.reference, old_spam.reference}


def test_purge_follows_the_retention_setting(settings):
    settings.INQUIRY_RETENTION_DAYS = 10
    inquiry = InquiryFactory(status=Inquiry.Status.CLOSED)
    Inquiry.objects.filter(pk=inquiry.pk).update(
        closed_at=timezone.now() - timedelta(days=11)
    )

    purge()

    assert not Inquiry.objects.exists()


def test_a_dry_run_deletes_nothing_and_running_twice_is_safe(settings):
    inquiry = InquiryFactory(status=Inquiry.Status.CLOSED)
    Inquiry.objects.filter(pk=inquiry.pk).update(
        closed_at=timezone.now() - timedelta(days=999)
    )

    assert "Would delete 1 inquiry" in purge("--dry-run")
    assert Inquiry.objects.count() == 1
    assert "Deleted 1 inquiry" in purge()
    assert "Deleted 0 inquiries" in purge()
