"""The first attempt: who first reached out and when, recorded once, and shown with the
reach as a timeline."""

from datetime import timedelta

import pytest
import time_machine
from django.contrib.admin.models import LogEntry
from django.urls import reverse
from django.utils import timezone

from admissions.contact import log_contact_attempt, record_first_attempt
from admissions.models import AccessLog, Inquiry, InquiryNote

from .conftest import change_form_data
from .factories import InquiryFactory, admissions_user

pytestmark = pytest.mark.django_db

LIST_URL = reverse("admin:admissions_inquiry_changelist")
ARRIVAL = "2026-03-02 14:00:00+00:00"


def change_url(inquiry):
    return reverse("admin:admissions_inquiry_change", args=[inquiry.pk])


def test_the_first_status_change_away_from_new_records_who_and_when(
    admissions_client,
):
    with time_machine.travel(ARRIVAL, tick=False) as traveller:
        inquiry = InquiryFactory(received_at=timezone.now())
        traveller.shift(timedelta(minutes=9))
        admissions_client.post(
            change_url(inquiry), change_form_data(status="contacted")
        )
        contacted_at = timezone.now()

    inquiry.refresh_from_db()
    assert inquiry.first_attempt_at == contacted_at
    assert inquiry.first_attempt_by == admissions_client.user


def test_a_contact_attempt_note_records_the_first_contact(admissions_client):
    inquiry = InquiryFactory()

    admissions_client.post(
        change_url(inquiry),
        change_form_data(kind=InquiryNote.Kind.NO_ANSWER, note=""),
    )

    inquiry.refresh_from_db()
    note = InquiryNote.objects.get()
    assert (note.kind, note.author) == ("no_answer", admissions_client.user)
    assert inquiry.status == Inquiry.Status.NEW
    assert inquiry.first_attempt_at == note.created_at
    assert inquiry.first_attempt_by == admissions_client.user


def test_a_plain_note_is_not_a_contact(admissions_client):
    inquiry = InquiryFactory()

    admissions_client.post(
        change_url(inquiry), change_form_data(note="Insurance looks in network.")
    )

    inquiry.refresh_from_db()
    assert InquiryNote.objects.get().kind == InquiryNote.Kind.NOTE
    assert inquiry.first_attempt_at is None


def test_marking_an_inquiry_as_spam_is_not_a_contact(admissions_client):
    inquiry = InquiryFactory()

    admissions_client.post(change_url(inquiry), change_form_data(status="spam"))
    admissions_client.post(
        LIST_URL, {"action": "mark_as_spam", "_selected_action": [InquiryFactory().pk]}
    )

    assert not Inquiry.objects.filter(first_attempt_at__isnull=False).exists()


def test_first_contact_is_recorded_once(admissions_client):
    colleague = admissions_user(first_name="Ana", last_name="Ortiz")
    with time_machine.travel(ARRIVAL, tick=False) as traveller:
        inquiry = InquiryFactory(received_at=timezone.now())
        traveller.shift(timedelta(minutes=5))
        log_contact_attempt(inquiry, InquiryNote.Kind.VOICEMAIL, colleague)
        first = timezone.now()
        traveller.shift(timedelta(minutes=30))
        admissions_client.post(
            change_url(inquiry),
            change_form_data(status="contacted", kind="spoke", note="Talked."),
        )
        admissions_client.post(
            change_url(inquiry), change_form_data(status="assessment")
        )

    inquiry.refresh_from_db()
    assert inquiry.first_attempt_at == first
    assert inquiry.first_attempt_by == colleague
    assert InquiryNote.objects.filter(inquiry=inquiry).count() == 2


def test_two_first_contacts_at_once_record_only_one():
    inquiry = InquiryFactory()
    first, second = admissions_user(), admissions_user()
    stale_copy = Inquiry.objects.get(pk=inquiry.pk)

    assert record_first_attempt(inquiry, first) is True
    assert record_first_attempt(stale_copy, second) is False

    inquiry.refresh_from_db()
    assert inquiry.first_attempt_by == first


def test_saving_the_form_never_erases_a_first_contact_made_meanwhile(
    admissions_client,
):
    colleague = admissions_user()
    inquiry = InquiryFactory()
    page_shown = change_form_data(assigned_to=admissions_client.user.pk)
    record_first_attempt(inquiry, colleague)

    admissions_client.post(change_url(inquiry), page_shown)

    inquiry.refresh_from_db()
    assert inquiry.first_attempt_by == colleague
    assert inquiry.assigned_to == admissions_client.user


def test_one_tap_logs_no_answer_stays_on_the_page_and_says_so(admissions_client):
    inquiry = InquiryFactory()

    response = admissions_client.post(
        change_url(inquiry),
        change_form_data(_contact_attempt="no_answer"),
        follow=True,
    )

    inquiry.refresh_from_db()
    note = InquiryNote.objects.get()
    assert response.redirect_chain[-1][0] == change_url(inquiry)
    assert (note.kind, note.body, note.author) == (
        "no_answer",
        "",
        admissions_client.user,
    )
    assert inquiry.first_attempt_by == admissions_client.user
    html = response.content.decode()
    assert "Logged “Called: no answer”" in html
    assert "The clock stopped: first contact after under 1 min, within target." in html
    assert "added contact attempt" in AccessLog.objects.get(action="change").detail
    assert "Added contact attempt" in LogEntry.objects.get().get_change_message()


def test_an_unknown_one_tap_value_logs_nothing(admissions_client):
    inquiry = InquiryFactory()

    admissions_client.post(
        change_url(inquiry), change_form_data(_contact_attempt="drop table")
    )

    inquiry.refresh_from_db()
    assert not InquiryNote.objects.exists()
    assert inquiry.first_attempt_at is None


def test_a_note_without_text_is_refused_with_a_clear_message_and_nothing_lost(
    admissions_client,
):
    inquiry = InquiryFactory()

    response = admissions_client.post(
        change_url(inquiry),
        change_form_data(status="contacted", kind="note", note="   ", assigned_to=""),
    )

    # An empty plain note is an unchanged form: nothing is added and the save goes on.
    inquiry.refresh_from_db()
    assert response.status_code == 302
    assert not InquiryNote.objects.exists()
    assert inquiry.status == Inquiry.Status.CONTACTED


def test_the_model_refuses_a_plain_note_without_text():
    from django.core.exceptions import ValidationError

    note = InquiryNote(inquiry=InquiryFactory(), kind="note", body="")

    with pytest.raises(ValidationError, match="Write the note"):
        note.full_clean()


def test_the_detail_page_shows_the_contact_attempts_as_a_timeline(admissions_client):
    counselor = admissions_user(first_name="Ana", last_name="Ortiz")
    with time_machine.travel("2026-03-02 14:00:00+00:00", tick=False) as traveller:
        inquiry = InquiryFactory(received_at=timezone.now())
        traveller.shift(timedelta(minutes=6))
        log_contact_attempt(inquiry, InquiryNote.Kind.NO_ANSWER, counselor)
        traveller.shift(timedelta(minutes=20))
        log_contact_attempt(
            inquiry, InquiryNote.Kind.SPOKE, counselor, body="Booked an assessment."
        )
        traveller.shift(timedelta(hours=3))
        html = admissions_client.get(change_url(inquiry)).content.decode()

    timeline = html[html.index('id="timeline-title"') :]
    order = [
        timeline.index(text)
        for text in [
            "Inquiry received",
            "Called: no answer",
            "First attempt, 6 min after it arrived (within the 1 h target)",
            "Called: spoke with them",
            "Booked an assessment.",
            "Reached them, 26 min after it arrived",
        ]
    ]
    assert order == sorted(order)
    assert "Ana Ortiz" in timeline
    # One time per event, in the center's zone, with its name and age.
    assert "Mon, Mar 2, 2026, 9:06 AM EST (3 h ago)" in timeline
    assert "UTC" not in html


def test_the_detail_page_has_one_tap_contact_links_and_the_preference(
    admissions_client,
):
    inquiry = InquiryFactory(
        phone="+18285550187",
        email="jordan@example.com",
        contact_method=Inquiry.ContactMethod.EMAIL,
        contact_time=Inquiry.ContactTime.MORNING,
    )

    html = admissions_client.get(change_url(inquiry)).content.decode()

    card = html[html.index('class="contact-card"') :]
    assert 'href="tel:+18285550187"' in card
    assert 'href="sms:+18285550187"' in card
    assert 'href="mailto:jordan@example.com"' in card
    assert "Prefers an email, mornings 8–12" in card
    # The preferred way comes first.
    assert card.index("mailto:") < card.index("tel:")
