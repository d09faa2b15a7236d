"""First contact on a verification, as on an inquiry: one tap logs a call, text or email,
the first attempt and the first reach are recorded once with who and when, and the page
shows them with each attempt in the notes."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from admissions.contact import log_contact_attempt
from insurance_verification.models import InsuranceVerification, VerificationNote
from tests.admissions.factories import admissions_user
from tests.html_forms import admin_form

from .helpers import verification

pytestmark = pytest.mark.django_db

ARRIVAL = "2026-03-02 14:00:00+00:00"


def change_url(case) -> str:
    return reverse(
        "admin:insurance_verification_insuranceverification_change", args=[case.pk]
    )


def tap(client, case, kind: str):
    data = admin_form(client, change_url(case))
    data["_contact_attempt"] = [kind]
    return client.post(change_url(case), data, follow=True)


def test_one_tap_logs_the_attempt_and_records_the_first_contact(admissions_client):
    with time_machine.travel(ARRIVAL, tick=False) as traveller:
        case = verification()
        traveller.shift(timedelta(minutes=12))
        response = tap(admissions_client, case, "no_answer")
        tried_at = timezone.now()
        traveller.shift(timedelta(minutes=30))
        tap(admissions_client, case, "spoke")
        reached_at = timezone.now()
        page = admissions_client.get(change_url(case)).content.decode()

    assert "Logged “Called: no answer” on Verification" in response.content.decode()
    case.refresh_from_db()
    assert (case.first_attempt_at, case.first_attempt_by) == (
        tried_at,
        admissions_client.user,
    )
    assert (case.reached_at, case.reached_by) == (reached_at, admissions_client.user)
    assert list(case.notes.values_list("kind", flat=True)) == ["no_answer", "spoke"]
    assert case.status == InsuranceVerification.Status.NEW  # logging changes no status
    assert "Called: spoke with them" in page
    assert "First attempt: " in page and "Reached: not yet" not in page


def test_an_attempt_can_come_with_a_note(admissions_client):
    case = verification()
    data = admin_form(admissions_client, change_url(case))
    prefix = next(
        key.removesuffix("-TOTAL_FORMS") for key in data if key.endswith("-TOTAL_FORMS")
    )
    data[f"{prefix}-0-kind"] = ["voicemail"]
    data[f"{prefix}-0-body"] = ["Left the benefits summary on their voicemail."]

    admissions_client.post(change_url(case), data)

    note = VerificationNote.objects.get()
    assert (note.kind, note.author) == ("voicemail", admissions_client.user)
    case.refresh_from_db()
    assert case.first_attempt_at == note.created_at
    assert case.reached_at is None


def test_a_status_change_or_a_plain_note_is_not_a_contact(admissions_client):
    case = verification()
    data = admin_form(admissions_client, change_url(case))
    prefix = next(
        key.removesuffix("-TOTAL_FORMS") for key in data if key.endswith("-TOTAL_FORMS")
    )
    data["status"] = [InsuranceVerification.Status.CHECKING]
    data[f"{prefix}-0-body"] = ["Called the insurer; waiting on their answer."]

    admissions_client.post(change_url(case), data)

    case.refresh_from_db()
    assert case.status == InsuranceVerification.Status.CHECKING
    assert case.first_attempt_at is None and case.reached_at is None
    assert (
        "First attempt: not yet"
        in admissions_client.get(change_url(case)).content.decode()
    )


def test_the_first_attempt_is_recorded_once():
    case = verification()
    first, second = admissions_user(), admissions_user()
    with time_machine.travel(ARRIVAL, tick=False) as traveller:
        log_contact_attempt(case, "text", first)
        traveller.shift(timedelta(minutes=5))
        log_contact_attempt(case, "email", second)

    case.refresh_from_db()
    assert case.first_attempt_by == first


def test_an_empty_note_is_refused_by_the_database():
    case = verification()
    with pytest.raises(Exception, match="note_has_text"):
        VerificationNote.objects.create(verification=case, kind="note", body="")


def test_a_patient_without_a_birth_date_is_shown_not_a_server_error(admissions_client):
    case = verification(
        relationship=InsuranceVerification.Relationship.PARENT, patient_name="Riley"
    )

    page = admissions_client.get(change_url(case))

    assert page.status_code == 200
    assert "Riley, date of birth not given" in page.content.decode()
