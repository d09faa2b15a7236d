"""Escalation: an inquiry nobody has contacted in time is emailed to the escalation list,
once, through the task queue and its sweep, and it survives a mail outage."""

import io
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from admissions.contact import log_contact_attempt
from admissions.models import Inquiry, InquiryNote
from admissions.notifications import escalate_inquiry, notify_staff_of_inquiry
from tests.tasks import run_worker

from .conftest import change_form_data
from .factories import InquiryFactory, admissions_user

pytestmark = pytest.mark.django_db(transaction=True)

ARRIVAL = "2026-03-02 14:00:00+00:00"


@pytest.fixture(autouse=True)
def escalation_settings(settings):
    settings.ADMISSIONS_URGENT_TARGET_MINUTES = 15
    settings.ADMISSIONS_TARGET_MINUTES = 60
    settings.ADMISSIONS_ESCALATE_AFTER_MINUTES = 120
    settings.ADMISSIONS_ESCALATION_EMAILS = ["lead@example.org"]
    return settings


def escalations() -> list:
    return [message for message in mail.outbox if message.to == ["lead@example.org"]]


def sweep() -> str:
    out = io.StringIO()
    call_command("notify_pending_inquiries", stdout=out)
    return out.getvalue()


def test_an_untouched_urgent_inquiry_escalates_once_after_its_target():
    with time_machine.travel(ARRIVAL, tick=False) as traveller:
        inquiry = InquiryFactory(is_urgent=True, received_at=timezone.now())
        notify_staff_of_inquiry.enqueue(inquiry.pk)
        run_worker()
        traveller.shift(timedelta(minutes=14, seconds=59))
        run_worker()
        assert escalations() == []

        traveller.shift(timedelta(seconds=1))
        run_worker()
        traveller.shift(timedelta(hours=5))
        sweep()
        run_worker()

    inquiry.refresh_from_db()
    [message] = escalations()
    assert message.subject == (
        f"URGENT inquiry not reached after 15 min ({inquiry.reference})"
    )
    assert inquiry.escalated_at == inquiry.received_at + timedelta(minutes=15)
    assert inquiry.escalation_attempts == 1


def test_a_reached_urgent_inquiry_never_escalates():
    with time_machine.travel(ARRIVAL, tick=False) as traveller:
        inquiry = InquiryFactory(is_urgent=True, received_at=timezone.now())
        notify_staff_of_inquiry.enqueue(inquiry.pk)
        run_worker()
        traveller.shift(timedelta(minutes=14))
        log_contact_attempt(inquiry, InquiryNote.Kind.SPOKE, admissions_user())
        traveller.shift(timedelta(hours=6))
        run_worker()
        sweep()
        run_worker()

    inquiry.refresh_from_db()
    assert escalations() == []
    assert inquiry.escalated_at is None
    assert DBTaskResult.objects.get(
        task_path__endswith="escalate_inquiry"
    ).return_value == ("reached: no escalation needed")


def test_a_routine_inquiry_escalates_after_the_longer_delay_not_at_its_target():
    with time_machine.travel(ARRIVAL, tick=False) as traveller:
        inquiry = InquiryFactory(received_at=timezone.now())
        notify_staff_of_inquiry.enqueue(inquiry.pk)
        run_worker()
        traveller.shift(timedelta(minutes=119))
        run_worker()
        sweep()
        run_worker()
        assert escalations() == []
        traveller.shift(timedelta(minutes=1))
        run_worker()

    assert [message.subject for message in escalations()] == [
        f"Inquiry not contacted after 2 h ({inquiry.reference})"
    ]


def test_the_escalation_survives_a_mail_outage_and_is_sent_once_it_ends(
    failing_mail,
):
    with time_machine.travel(ARRIVAL, tick=False) as traveller:
        inquiry = InquiryFactory(is_urgent=True, received_at=timezone.now())
        traveller.shift(timedelta(minutes=20))
        escalate_inquiry.enqueue(inquiry.pk)
        run_worker()
        inquiry.refresh_from_db()
        assert inquiry.escalated_at is None
        assert inquiry.escalation_attempts == 1
        retry = DBTaskResult.objects.get(status="READY")
        assert retry.args_kwargs["args"] == [inquiry.pk, 2]

        failing_mail.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
        traveller.shift(timedelta(minutes=2))
        run_worker()
        sweep()
        run_worker()

    inquiry.refresh_from_db()
    assert len(escalations()) == 1
    assert inquiry.escalated_at is not None
    assert inquiry.escalation_attempts == 2


def test_the_sweep_queues_an_escalation_whose_task_was_lost():
    with time_machine.travel(ARRIVAL, tick=False) as traveller:
        lost = InquiryFactory(
            is_urgent=True, received_at=timezone.now(), notified_at=timezone.now()
        )
        InquiryFactory(received_at=timezone.now())  # routine: not due yet
        traveller.shift(timedelta(minutes=30))

        output = sweep()
        run_worker()
        again = sweep()

    assert "Queued 1 escalation." in output
    assert "Queued 0 escalations." in again
    assert [message.subject for message in escalations()] == [
        f"URGENT inquiry not reached after 30 min ({lost.reference})"
    ]


def test_an_inquiry_made_urgent_later_escalates_at_the_urgent_deadline(
    admissions_client,
):
    with time_machine.travel(ARRIVAL, tick=False) as traveller:
        inquiry = InquiryFactory(received_at=timezone.now())
        notify_staff_of_inquiry.enqueue(inquiry.pk)
        run_worker()
        admissions_client.post(
            reverse("admin:admissions_inquiry_change", args=[inquiry.pk]),
            change_form_data(is_urgent=True),
        )
        traveller.shift(timedelta(minutes=16))
        run_worker()

    assert len(escalations()) == 1


def test_the_escalation_email_carries_no_personal_data_and_links_to_the_inquiry():
    inquiry = InquiryFactory(
        is_urgent=True,
        received_at=timezone.now() - timedelta(minutes=40),
        name="Jordan Quixote",
        phone="+18285550187",
        email="jordan.quixote@example.com",
        substances=["Fentanyl"],
        message="Secret message about my brother",
    )

    escalate_inquiry.call(inquiry.pk)

    [message] = escalations()
    text = f"{message.subject}\n{message.body}"
    assert inquiry.reference in text
    assert (
        f"https://www.example.org/admin/admissions/inquiry/{inquiry.pk}/change/"
        in message.body
    )
    assert "Target:   reach them within 15 min" in message.body
    for personal in ["Jordan", "Quixote", "555", "Fentanyl", "Secret", "brother"]:
        assert personal not in text


def test_without_an_escalation_list_the_notification_list_is_told(settings):
    settings.ADMISSIONS_ESCALATION_EMAILS = []
    inquiry = InquiryFactory(
        is_urgent=True, received_at=timezone.now() - timedelta(minutes=20)
    )

    escalate_inquiry.call(inquiry.pk)

    assert [message.to for message in mail.outbox] == [["intake@example.org"]]


def test_the_escalation_is_recorded_on_the_inquiry_and_shown_in_its_timeline(
    admissions_client,
):
    inquiry = InquiryFactory(
        is_urgent=True, received_at=timezone.now() - timedelta(minutes=20)
    )
    escalate_inquiry.call(inquiry.pk)

    html = admissions_client.get(
        reverse("admin:admissions_inquiry_change", args=[inquiry.pk])
    ).content.decode()

    assert Inquiry.objects.get(pk=inquiry.pk).escalated_at is not None
    assert "Escalation emailed: nobody had reached them" in html
