"""The staff notification: PHI-free, retried with backoff when mail fails, never sent twice."""

import io
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from admissions.models import Inquiry
from admissions.notifications import (
    MAX_ATTEMPTS,
    NoRecipients,
    notify_staff_of_inquiry,
    retry_delay,
)
from tests.factories import SiteSettingsFactory
from tests.tasks import run_worker

from .conftest import valid_post
from .factories import InquiryFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_worker_emails_staff_and_records_when(client):
    SiteSettingsFactory()
    client.post("/admissions/", valid_post())

    run_worker()

    inquiry = Inquiry.objects.get()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["intake@example.org"]
    assert inquiry.notified_at is not None
    assert inquiry.notification_attempts == 1


def test_the_email_says_an_inquiry_arrived_with_number_time_urgency_and_admin_link():
    inquiry = InquiryFactory(is_urgent=True)

    notify_staff_of_inquiry.call(inquiry.pk)

    message = mail.outbox[0]
    assert message.subject == f"URGENT: A new inquiry has arrived ({inquiry.reference})"
    assert "A new inquiry has arrived." in message.body
    assert inquiry.reference in message.body
    assert (
        f"https://www.example.org/admin/admissions/inquiry/{inquiry.pk}/change/"
        in message.body
    )
    assert str(timezone.localtime(inquiry.received_at).year) in message.body


def test_the_email_contains_none_of_the_personal_fields():
    inquiry = InquiryFactory(
        name="Jordan Quixote",
        phone="+18285550187",
        email="jordan.quixote@example.com",
        substances=["Fentanyl"],
        substance_other="Xylazine",
        program_label="Medical Detox",
        insurance="Cigna",
        insurance_other="Zephyr Health",
        message="Secret message about my brother",
    )

    notify_staff_of_inquiry.call(inquiry.pk)

    message = mail.outbox[0]
    text = f"{message.subject}\n{message.body}\n{message.to}\n{message.from_email}"
    for personal in [
        "Jordan",
        "Quixote",
        "555",
        "jordan.quixote",
        "Fentanyl",
        "Xylazine",
        "Detox",
        "Cigna",
        "Zephyr",
        "Secret",
        "brother",
    ]:
        assert personal not in text


def test_with_mail_failing_the_inquiry_is_stored_the_visitor_is_thanked_and_the_task_retries(
    client, failing_mail
):
    SiteSettingsFactory()

    response = client.post("/admissions/", valid_post(), follow=True)
    run_worker()

    inquiry = Inquiry.objects.get()
    assert response.status_code == 200
    assert "Thank you. We have your request." in response.content.decode()
    assert inquiry.notified_at is None
    assert inquiry.notification_attempts == 1
    first, retry = DBTaskResult.objects.order_by("enqueued_at")
    assert first.status == "FAILED"
    assert "ConnectionRefusedError" in first.traceback
    assert retry.status == "READY"
    assert retry.args_kwargs["args"] == [inquiry.pk, 2]
    assert retry.run_after > timezone.now() + timedelta(seconds=50)
    assert inquiry.notification_due_at == retry.run_after


def test_the_retry_succeeds_once_mail_works_again(failing_mail, settings):
    inquiry = InquiryFactory()
    with pytest.raises(OSError):
        notify_staff_of_inquiry.call(inquiry.pk, 1)
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    DBTaskResult.objects.update(run_after=timezone.now() - timedelta(seconds=1))

    run_worker()

    inquiry.refresh_from_db()
    assert inquiry.notified_at is not None
    assert inquiry.notification_attempts == 2
    assert len(mail.outbox) == 1


def test_retries_back_off_and_stop_after_the_last_attempt(failing_mail):
    inquiry = InquiryFactory()

    with pytest.raises(OSError):
        notify_staff_of_inquiry.call(inquiry.pk, MAX_ATTEMPTS)

    assert DBTaskResult.objects.count() == 0
    assert [retry_delay(attempt).total_seconds() for attempt in (1, 2, 3, 7, 8)] == [
        60,
        120,
        240,
        3600,
        3600,
    ]


def test_an_inquiry_is_emailed_only_once_even_if_its_task_runs_twice():
    inquiry = InquiryFactory()

    notify_staff_of_inquiry.call(inquiry.pk)
    second = notify_staff_of_inquiry.call(inquiry.pk)

    assert len(mail.outbox) == 1
    assert second == "already notified or deleted"


def test_once_notified_the_escalation_is_queued_for_the_inquirys_deadline(settings):
    settings.ADMISSIONS_ESCALATE_AFTER_MINUTES = 120
    inquiry = InquiryFactory()

    notify_staff_of_inquiry.call(inquiry.pk)

    task = DBTaskResult.objects.get(task_path__endswith="escalate_inquiry")
    assert task.args_kwargs["args"] == [inquiry.pk, 1]
    assert task.run_after == inquiry.received_at + timedelta(minutes=120)


def test_without_recipients_the_task_fails_loudly_and_retries(settings, caplog):
    settings.ADMISSIONS_NOTIFY_EMAILS = []
    inquiry = InquiryFactory()

    with pytest.raises(NoRecipients):
        notify_staff_of_inquiry.call(inquiry.pk)

    inquiry.refresh_from_db()
    assert mail.outbox == []
    assert inquiry.notified_at is None
    assert inquiry.notification_attempts == 1
    assert "ADMISSIONS_NOTIFY_EMAILS is empty" in caplog.text
    assert [record.levelname for record in caplog.records] == ["ERROR"]
    assert DBTaskResult.objects.get().args_kwargs["args"] == [inquiry.pk, 2]


def test_the_sweep_requeues_only_late_unnotified_inquiries():
    long_ago = timezone.now() - timedelta(minutes=30)
    lost = InquiryFactory(received_at=long_ago, notification_due_at=long_ago)
    never_queued = InquiryFactory(received_at=long_ago)
    InquiryFactory(received_at=long_ago, notified_at=long_ago)
    InquiryFactory(
        received_at=long_ago, notification_due_at=timezone.now() + timedelta(minutes=8)
    )
    InquiryFactory()  # just arrived: its own task will run

    out = io.StringIO()
    call_command("notify_pending_inquiries", stdout=out)
    run_worker()

    assert "Queued 2 late inquiry notifications." in out.getvalue()
    assert sorted(
        task.args_kwargs["args"][0]
        for task in DBTaskResult.objects.filter(
            task_path__endswith="notify_staff_of_inquiry"
        )
    ) == sorted([lost.pk, never_queued.pk])
    assert len(mail.outbox) == 2


def test_the_sweep_twice_in_a_row_never_sends_twice():
    long_ago = timezone.now() - timedelta(minutes=30)
    InquiryFactory(received_at=long_ago)

    call_command("notify_pending_inquiries", stdout=io.StringIO())
    call_command("notify_pending_inquiries", "--minutes", "0", stdout=io.StringIO())
    run_worker()

    assert len(mail.outbox) == 1
