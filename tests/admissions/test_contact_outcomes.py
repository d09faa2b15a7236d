"""Every outcome a counselor can log, on urgent and routine inquiries: what it records (the
first attempt, the reach), whether the queue's clock stops, and when the escalation email
goes out after it. Time moves with time-machine; the worker runs as in production."""

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from admissions.models import Inquiry, InquiryNote
from admissions.notifications import notify_staff_of_inquiry
from admissions.queue import wait_for
from tests.tasks import run_worker

from .conftest import change_form_data
from .factories import InquiryFactory, admissions_user

pytestmark = pytest.mark.django_db(transaction=True)

ARRIVAL = "2026-03-02 14:00:00+00:00"
URGENT_DEADLINE = timedelta(minutes=15)
ROUTINE_DEADLINE = timedelta(minutes=120)
LOGGED_AFTER = timedelta(minutes=1)

Kind = InquiryNote.Kind
REACHED = {Kind.SPOKE, Kind.REPLIED}
ATTEMPTS = {Kind.NO_ANSWER, Kind.VOICEMAIL, Kind.TEXT, Kind.EMAIL}


@pytest.fixture(autouse=True)
def escalation_settings(settings):
    settings.ADMISSIONS_URGENT_TARGET_MINUTES = 15
    settings.ADMISSIONS_TARGET_MINUTES = 60
    settings.ADMISSIONS_ESCALATE_AFTER_MINUTES = 120
    settings.ADMISSIONS_ESCALATION_EMAILS = ["lead@example.org"]
    settings.ADMISSIONS_ROUTINE_WAIT_ENDS = "attempt"
    # The counselor's session outlives the two hours a routine inquiry is followed here.
    settings.STAFF_IDLE_MINUTES = 24 * 60
    return settings


def escalations() -> list:
    return [message for message in mail.outbox if message.to == ["lead@example.org"]]


def change_url(inquiry) -> str:
    return reverse("admin:admissions_inquiry_change", args=[inquiry.pk])


class TestEveryOutcomeAndTheEscalationAfterIt:
    """One counselor logs one outcome a minute after the inquiry arrives; then the clock
    runs to the escalation deadline and a second past it."""

    def live(self, client, is_urgent: bool, log) -> dict:
        """Run the inquiry's first hours and note what the queue and the mail said."""
        seen = {}
        deadline = URGENT_DEADLINE if is_urgent else ROUTINE_DEADLINE
        with time_machine.travel(ARRIVAL, tick=False) as traveller:
            inquiry = InquiryFactory(is_urgent=is_urgent, received_at=timezone.now())
            notify_staff_of_inquiry.enqueue(inquiry.pk)
            run_worker()
            traveller.shift(LOGGED_AFTER)
            log(client, inquiry)
            traveller.shift(deadline - LOGGED_AFTER - timedelta(seconds=1))
            run_worker()
            inquiry.refresh_from_db()
            seen["wait_before_deadline"] = wait_for(inquiry, timezone.now())
            seen["escalated_before_deadline"] = len(escalations())
            traveller.shift(timedelta(seconds=1))
            run_worker()
            page = client.get(change_url(inquiry))
            assert page.status_code == 200
            seen["timeline"] = page.content.decode()
            traveller.shift(timedelta(hours=6))
            run_worker()
        inquiry.refresh_from_db()
        seen["inquiry"] = inquiry
        seen["subjects"] = [message.subject for message in escalations()]
        return seen

    @staticmethod
    def log_note(kind):
        def log(client, inquiry):
            body = "Insurance looks in network." if kind == Kind.NOTE else ""
            response = client.post(
                change_url(inquiry),
                change_form_data(kind=kind, note=body, is_urgent=inquiry.is_urgent),
            )
            assert response.status_code == 302

        return log

    @pytest.mark.parametrize("kind", list(Kind), ids=lambda kind: kind.value)
    @pytest.mark.parametrize("is_urgent", [True, False], ids=["urgent", "routine"])
    def test_each_note_kind(self, admissions_client, is_urgent, kind):
        seen = self.live(admissions_client, is_urgent, self.log_note(kind))
        inquiry = seen["inquiry"]
        logged_at = inquiry.received_at + LOGGED_AFTER

        # What was recorded.
        assert inquiry.first_attempt_at == (None if kind == Kind.NOTE else logged_at)
        assert inquiry.reached_at == (logged_at if kind in REACHED else None)
        if kind != Kind.NOTE:
            assert inquiry.first_attempt_by == admissions_client.user
        if kind in REACHED:
            assert inquiry.reached_by == admissions_client.user

        # Whether the clock stopped, and so whether the escalation went out at its deadline.
        clock_stops = kind in REACHED or (kind in ATTEMPTS and not is_urgent)
        assert seen["escalated_before_deadline"] == 0
        if clock_stops:
            assert seen["wait_before_deadline"].state == "reached"
            assert seen["wait_before_deadline"].words == "1 min"
            assert seen["subjects"] == []
            assert inquiry.escalated_at is None
        else:
            # Still waiting a second before the deadline: past half the urgent target,
            # past the whole routine one.
            assert seen["wait_before_deadline"].state == (
                "soon" if is_urgent else "over"
            )
            missing = "reached" if is_urgent else "contacted"
            waited = "15 min" if is_urgent else "2 h"
            urgency = "URGENT inquiry" if is_urgent else "Inquiry"
            assert seen["subjects"] == [
                f"{urgency} not {missing} after {waited} ({inquiry.reference})"
            ]
            deadline = URGENT_DEADLINE if is_urgent else ROUTINE_DEADLINE
            assert inquiry.escalated_at == inquiry.received_at + deadline

        # The timeline says which moment it was, and judges only the one that stops the clock.
        timeline = seen["timeline"]
        if kind in REACHED:
            assert (
                "Reached them on the first attempt, 1 min after it arrived "
                "(within the" in timeline
            )
        elif kind in ATTEMPTS and is_urgent:
            assert "First attempt, 1 min after it arrived<" in timeline
        elif kind in ATTEMPTS:
            assert (
                "First attempt, 1 min after it arrived (within the 1 h target)"
                in timeline
            )
        else:
            assert "First attempt" not in timeline and "Reached them" not in timeline

    @pytest.mark.parametrize("kind", sorted(ATTEMPTS), ids=lambda kind: kind.value)
    def test_a_center_that_waits_for_a_reach_escalates_routine_attempts_too(
        self, admissions_client, settings, kind
    ):
        settings.ADMISSIONS_ROUTINE_WAIT_ENDS = "reached"

        seen = self.live(admissions_client, False, self.log_note(kind))

        assert seen["wait_before_deadline"].state == "over"
        assert seen["subjects"] == [
            f"Inquiry not reached after 2 h ({seen['inquiry'].reference})"
        ]

    @pytest.mark.parametrize(
        ("status", "escalates", "reached"),
        [
            (Inquiry.Status.CONTACTED, True, False),
            (Inquiry.Status.ASSESSMENT_SCHEDULED, False, True),
            (Inquiry.Status.ADMITTED, False, True),
            (Inquiry.Status.REFERRED, False, False),
            (Inquiry.Status.CLOSED, False, False),
            (Inquiry.Status.SPAM, False, False),
        ],
        ids=lambda value: value if isinstance(value, str) else None,
    )
    def test_each_status_change_on_an_urgent_inquiry(
        self, admissions_client, status, escalates, reached
    ):
        def move(client, inquiry):
            client.post(
                change_url(inquiry), change_form_data(status=status, is_urgent=True)
            )

        seen = self.live(admissions_client, True, move)

        assert bool(seen["subjects"]) is escalates
        assert (seen["inquiry"].reached_at is not None) is reached


def test_a_reply_after_attempts_keeps_the_first_attempt_and_stops_the_clock_late(
    admissions_client,
):
    counselor = admissions_user(first_name="Ana", last_name="Ortiz")
    with time_machine.travel(ARRIVAL, tick=False) as traveller:
        inquiry = InquiryFactory(is_urgent=True, received_at=timezone.now())
        traveller.shift(timedelta(minutes=2))
        admissions_client.force_login(counselor)
        admissions_client.post(
            change_url(inquiry),
            change_form_data(_contact_attempt="voicemail", is_urgent=True),
        )
        traveller.shift(timedelta(minutes=18))
        admissions_client.force_login(admissions_client.user)
        response = admissions_client.post(
            change_url(inquiry),
            change_form_data(_contact_attempt="replied", is_urgent=True),
            follow=True,
        )

    inquiry.refresh_from_db()
    assert inquiry.first_attempt_by == counselor
    assert inquiry.reached_by == admissions_client.user
    assert inquiry.reached_at - inquiry.first_attempt_at == timedelta(minutes=18)
    assert wait_for(inquiry, inquiry.reached_at).state == "reached-late"
    html = response.content.decode()
    assert "The clock stopped: reached after 20 min, over the 15 min target." in html
    assert "Reached them, 20 min after it arrived (over the 15 min target)" in html


def test_logging_no_answer_on_an_urgent_inquiry_says_the_clock_still_runs(
    admissions_client,
):
    inquiry = InquiryFactory(
        is_urgent=True,
        received_at=timezone.now() - timedelta(minutes=1),
        message="My son took too many pills, I think it is an overdose",
    )

    response = admissions_client.post(
        change_url(inquiry),
        change_form_data(_contact_attempt="no_answer", is_urgent=True),
        follow=True,
    )

    html = response.content.decode()
    assert "Still waiting (tried, not reached), 15 min target." in html
    assert "First contact" not in html
    listing = admissions_client.get(
        reverse("admin:admissions_inquiry_changelist"), {"view": "urgent"}
    ).content.decode()
    assert "wait--ok" in listing and "tried, not reached" in listing


@pytest.mark.parametrize(
    ("value", "starts"),
    [("attempt", True), ("Reached", True), ("", True), ("sometimes", False)],
)
def test_the_routine_wait_setting_is_checked_at_start_up(value, starts):
    import os
    import subprocess
    import sys

    environment = {**os.environ, "ADMISSIONS_ROUTINE_WAIT_ENDS": value}

    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert (result.returncode == 0) is starts, result.stderr
    if not starts:
        assert (
            "ADMISSIONS_ROUTINE_WAIT_ENDS must be 'attempt' or 'reached'"
            in result.stderr
        )
