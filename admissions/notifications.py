"""Emails that tell admissions staff about an inquiry, with no personal data in them:

- the notification that a new inquiry arrived (ADMISSIONS_NOTIFY_EMAILS), and
- the escalation when it still waits (ADMISSIONS_ESCALATION_EMAILS): an urgent inquiry
  whose person nobody has reached by its target, any other that nobody has tried (or,
  with ADMISSIONS_ROUTINE_WAIT_ENDS=reached, reached) after
  ADMISSIONS_ESCALATE_AFTER_MINUTES.

Each is sent at most once per inquiry, by a task that retries with backoff when mail fails.
django-tasks has no retries of its own: a failed send re-enqueues the task with a later
`run_after` and the next attempt number. The escalation is queued, to run at its deadline,
once the notification has gone out. The `notify_pending_inquiries` command sweeps up
whatever a lost task (a worker killed mid-task, an enqueue that failed) left undone.
"""

import logging
from abc import ABC, abstractmethod
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from rehab_site.task_queue import task

from .display import duration_words
from .models import Inquiry

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 8
LONGEST_RETRY_DELAY = timedelta(hours=1)


class NoRecipients(Exception):
    """The address list for this email is empty: nobody would be told."""


def retry_delay(attempt: int) -> timedelta:
    """1, 2, 4, 8... minutes (ADMISSIONS_NOTIFY_RETRY_SECONDS, doubling) after the given
    failed attempt, at most an hour."""
    first = timedelta(seconds=settings.ADMISSIONS_NOTIFY_RETRY_SECONDS)
    return min(first * 2 ** (attempt - 1), LONGEST_RETRY_DELAY)


def admin_link(case) -> str:
    return settings.SITE_URL.rstrip("/") + case.get_admin_url()


class CaseEmail(ABC):
    """One email about one case (an inquiry, a verification), sent exactly once: a row
    lock and the `sent_field` timestamp make a second task for the same case find it
    already sent. Each kind of case subclasses it for its own emails."""

    name = ""
    done = ""  # what a sent one is: "notified"
    setting = ""  # the address list's setting, for the message when it is empty
    sent_field = ""
    due_field = ""
    attempts_field = ""
    task = None  # set below, once the task function exists
    model = None  # the kind of case

    @abstractmethod
    def recipients(self) -> list[str]:
        """The addresses this email goes to (from its setting)."""

    @abstractmethod
    def build(self, case) -> tuple[str, str]:
        """The subject and the PHI-free body for `case`."""

    def not_wanted(self, case, now: datetime) -> str:
        """Why this email should not go out (now), or "" to send it."""
        return ""

    def after_sent(self, case) -> None:  # noqa: B027 (optional hook)
        """What to do once it is sent (nothing by default)."""

    def enqueue(self, case_id: int, attempt: int = 1, run_after=None):
        """Queue the task and record when it is due, so the sweep can spot a lost task."""
        due_at = run_after or timezone.now()
        runner = self.task.using(run_after=run_after) if run_after else self.task
        self.model.objects.filter(
            pk=case_id, **{f"{self.sent_field}__isnull": True}
        ).update(**{self.due_field: due_at})
        return runner.enqueue(case_id, attempt)

    def send(self, case_id: int, attempt: int) -> str:
        try:
            recipients = self.recipients()
            if not recipients:
                kind = self.model._meta.verbose_name
                raise NoRecipients(
                    f"{self.setting} is empty: nobody was told about {kind} {case_id}."
                )
            with transaction.atomic():
                case = (
                    self.model.objects.select_for_update()
                    .filter(pk=case_id, **{f"{self.sent_field}__isnull": True})
                    .first()
                )
                if case is None:
                    return f"already {self.done} or deleted"
                reason = self.not_wanted(case, timezone.now())
                if reason:
                    return reason
                subject, body = self.build(case)
                send_mail(subject, body, None, recipients)
                self.model.objects.filter(pk=case_id).update(
                    **{
                        self.sent_field: timezone.now(),
                        self.attempts_field: attempt,
                        self.due_field: None,
                    }
                )
        except Exception as error:
            self.model.objects.filter(pk=case_id).update(
                **{self.attempts_field: attempt}
            )
            if attempt < MAX_ATTEMPTS:
                delay = retry_delay(attempt)
                self.enqueue(case_id, attempt + 1, run_after=timezone.now() + delay)
                logger.error(
                    "The %s for %s %s failed (attempt %d: %s); retrying in %s.",
                    self.name,
                    self.model._meta.verbose_name,
                    case_id,
                    attempt,
                    error,
                    delay,
                )
            else:
                logger.error(
                    "The %s for %s %s failed %d times; the sweep will try again later.",
                    self.name,
                    self.model._meta.verbose_name,
                    case_id,
                    attempt,
                )
            raise
        self.after_sent(case)
        return "sent"


class NewCaseEmail(CaseEmail):
    """That a case has arrived, to ADMISSIONS_NOTIFY_EMAILS (the fields are every case's,
    admissions/cases.py)."""

    name = "notification"
    done = "notified"
    setting = "ADMISSIONS_NOTIFY_EMAILS"
    sent_field = "notified_at"
    due_field = "notification_due_at"
    attempts_field = "notification_attempts"

    def recipients(self) -> list[str]:
        return settings.ADMISSIONS_NOTIFY_EMAILS


class NewInquiryEmail(NewCaseEmail):
    """That an inquiry exists: its number, time, urgency and admin link."""

    model = Inquiry

    def build(self, inquiry: Inquiry) -> tuple[str, str]:
        urgency = "URGENT: " if inquiry.is_urgent else ""
        subject = f"{urgency}A new inquiry has arrived ({inquiry.reference})"
        body = render_to_string(
            "admissions/email/new_inquiry.txt",
            {"inquiry": inquiry, "admin_link": admin_link(inquiry)},
        )
        return subject, body

    def after_sent(self, inquiry: Inquiry) -> None:
        if inquiry.is_waiting and inquiry.escalated_at is None:
            schedule_escalation(inquiry)


class EscalationEmail(CaseEmail):
    """That an inquiry has waited past its deadline: nobody reached the person (urgent),
    or nobody tried to (routine, unless the center waits for a reach there too)."""

    name = "escalation"
    done = "escalated"
    setting = "ADMISSIONS_ESCALATION_EMAILS (and ADMISSIONS_NOTIFY_EMAILS)"
    sent_field = "escalated_at"
    due_field = "escalation_due_at"
    attempts_field = "escalation_attempts"
    model = Inquiry

    def recipients(self) -> list[str]:
        return (
            settings.ADMISSIONS_ESCALATION_EMAILS or settings.ADMISSIONS_NOTIFY_EMAILS
        )

    def not_wanted(self, inquiry: Inquiry, now: datetime) -> str:
        if not inquiry.is_waiting:
            Inquiry.objects.filter(pk=inquiry.pk).update(escalation_due_at=None)
            return (
                "reached: no escalation needed"
                if inquiry.waits_until_reached
                else "contacted: no escalation needed"
            )
        if now < inquiry.escalation_deadline:
            # Urgency changed, or the task ran early: come back at the deadline.
            self.enqueue(inquiry.pk, run_after=inquiry.escalation_deadline)
            return "not due yet"
        return ""

    def build(self, inquiry: Inquiry) -> tuple[str, str]:
        waited = duration_words(inquiry.waited())
        urgency = "URGENT inquiry" if inquiry.is_urgent else "Inquiry"
        missing = "reached" if inquiry.waits_until_reached else "contacted"
        subject = f"{urgency} not {missing} after {waited} ({inquiry.reference})"
        body = render_to_string(
            "admissions/email/escalation.txt",
            {
                "inquiry": inquiry,
                "waited": waited,
                "attempted": inquiry.first_attempt_at is not None,
                "target": duration_words(inquiry.contact_target),
                "admin_link": admin_link(inquiry),
            },
        )
        return subject, body


NEW_INQUIRY_EMAIL = NewInquiryEmail()
ESCALATION_EMAIL = EscalationEmail()


@task()
def notify_staff_of_inquiry(inquiry_id: int, attempt: int = 1) -> str:
    return NEW_INQUIRY_EMAIL.send(inquiry_id, attempt)


@task()
def escalate_inquiry(inquiry_id: int, attempt: int = 1) -> str:
    return ESCALATION_EMAIL.send(inquiry_id, attempt)


NEW_INQUIRY_EMAIL.task = notify_staff_of_inquiry
ESCALATION_EMAIL.task = escalate_inquiry


def enqueue_notification(
    inquiry_id: int, attempt: int = 1, delay: timedelta | None = None
):
    run_after = timezone.now() + delay if delay else None
    return NEW_INQUIRY_EMAIL.enqueue(inquiry_id, attempt, run_after=run_after)


def schedule_escalation(inquiry: Inquiry):
    """Queue the escalation to run at the inquiry's deadline (at once if that has passed);
    the task itself checks again whether anybody has been in touch by then."""
    deadline = inquiry.escalation_deadline
    run_after = deadline if deadline > timezone.now() else None
    return ESCALATION_EMAIL.enqueue(inquiry.pk, run_after=run_after)


def build_email(inquiry: Inquiry) -> tuple[str, str]:
    """The new-inquiry email's subject and body."""
    return NEW_INQUIRY_EMAIL.build(inquiry)
