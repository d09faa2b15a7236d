"""Telling admissions staff that an inquiry arrived: an email with no personal data, sent by
a task that retries with backoff when mail fails, and never sends twice for one inquiry.

django-tasks has no retries of its own: a failed send re-enqueues the task with a later
`run_after` and the next attempt number. The `notify_pending_inquiries` command sweeps up
inquiries whose task was lost (a worker killed mid-task, an enqueue that failed).
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from .models import Inquiry

try:
    from django.tasks import task
except ImportError:  # Django 5.2: the backport
    from django_tasks import task

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 8
LONGEST_RETRY_DELAY = timedelta(hours=1)


def retry_delay(attempt: int) -> timedelta:
    """1, 2, 4, 8... minutes (ADMISSIONS_NOTIFY_RETRY_SECONDS, doubling) after the given
    failed attempt, at most an hour."""
    first = timedelta(seconds=settings.ADMISSIONS_NOTIFY_RETRY_SECONDS)
    return min(first * 2 ** (attempt - 1), LONGEST_RETRY_DELAY)


def enqueue_notification(
    inquiry_id: int, attempt: int = 1, delay: timedelta | None = None
):
    """Queue the notification and record when it is due, so the sweep can spot a lost task."""
    due_at = timezone.now() + (delay or timedelta())
    notifier = notify_staff_of_inquiry
    if delay:
        notifier = notifier.using(run_after=due_at)
    Inquiry.objects.filter(pk=inquiry_id, notified_at__isnull=True).update(
        notification_due_at=due_at
    )
    return notifier.enqueue(inquiry_id, attempt)


def build_email(inquiry: Inquiry) -> tuple[str, str]:
    """Subject and body: that an inquiry exists, its number, time, urgency and admin link."""
    urgency = "URGENT: " if inquiry.is_urgent else ""
    subject = f"{urgency}A new inquiry has arrived ({inquiry.reference})"
    body = render_to_string(
        "admissions/email/new_inquiry.txt",
        {
            "inquiry": inquiry,
            "admin_link": settings.SITE_URL.rstrip("/") + inquiry.get_admin_url(),
        },
    )
    return subject, body


@task()
def notify_staff_of_inquiry(inquiry_id: int, attempt: int = 1) -> str:
    recipients = settings.ADMISSIONS_NOTIFY_EMAILS
    if not recipients:
        logger.warning(
            "Inquiry %s arrived but ADMISSIONS_NOTIFY_EMAILS is empty: nobody was notified.",
            inquiry_id,
        )
        return "no recipients"
    try:
        with transaction.atomic():
            # The row lock makes a second task for the same inquiry wait, then see notified_at.
            inquiry = (
                Inquiry.objects.select_for_update()
                .filter(pk=inquiry_id, notified_at__isnull=True)
                .first()
            )
            if inquiry is None:
                return "already notified or deleted"
            subject, body = build_email(inquiry)
            send_mail(subject, body, None, recipients)
            Inquiry.objects.filter(pk=inquiry_id).update(
                notified_at=timezone.now(),
                notification_attempts=attempt,
                notification_due_at=None,
            )
    except Exception:
        Inquiry.objects.filter(pk=inquiry_id).update(notification_attempts=attempt)
        if attempt < MAX_ATTEMPTS:
            delay = retry_delay(attempt)
            enqueue_notification(inquiry_id, attempt + 1, delay=delay)
            logger.warning(
                "Notification for inquiry %s failed (attempt %d); retrying in %s.",
                inquiry_id,
                attempt,
                delay,
            )
        else:
            logger.error(
                "Notification for inquiry %s failed %d times; the sweep will try again later.",
                inquiry_id,
                attempt,
            )
        raise
    return "sent"
