"""What admissions staff must be told at once when inquiries may arrive unseen: nobody to
email, mail failing, or no worker sending. Shown as a banner on the admin pages they use."""

from datetime import timedelta

from django.conf import settings
from django.db.models import Count, Q
from django.utils import timezone

from rehab_site.task_queue import late_task_count

from .models import Inquiry, InquiryQuerySet


def _inquiries(count: int) -> str:
    return f"{count} inquir{'y' if count == 1 else 'ies'}"


def notification_alerts() -> list[str]:
    """Sentences for the banner; empty when notifications are working. Two queries."""
    alerts = []
    if not settings.ADMISSIONS_NOTIFY_EMAILS:
        alerts.append(
            "Nobody is emailed about new inquiries: ADMISSIONS_NOTIFY_EMAILS is empty. "
            "Check this queue often until it is set."
        )
    late = timezone.now() - timedelta(minutes=settings.TASK_QUEUE_LATE_MINUTES)
    # Each part of the filter matches a partial index, so this stays cheap.
    counts = Inquiry.objects.filter(
        Q(notified_at__isnull=True) | InquiryQuerySet.waiting_q()
    ).aggregate(
        failed=Count(
            "pk", filter=Q(notified_at__isnull=True, notification_attempts__gt=0)
        ),
        waiting=Count(
            "pk",
            filter=Q(
                notified_at__isnull=True,
                notification_attempts=0,
                received_at__lte=late,
            ),
        ),
        escalation_failed=Count(
            "pk", filter=Q(escalated_at__isnull=True, escalation_attempts__gt=0)
        ),
    )
    if counts["failed"]:
        alerts.append(
            f"The notification email failed for {_inquiries(counts['failed'])}; it is "
            "being retried. Check the mail settings (EMAIL_URL) and the worker's log."
        )
    if counts["escalation_failed"]:
        alerts.append(
            f"The escalation email failed for {_inquiries(counts['escalation_failed'])}; "
            "it is being retried."
        )
    late_tasks = late_task_count()
    if late_tasks or counts["waiting"]:
        alerts.append(
            "Emails are waiting in the task queue for more than "
            f"{settings.TASK_QUEUE_LATE_MINUTES} minutes: the worker (manage.py db_worker) "
            "does not seem to be running."
        )
    return alerts
