from datetime import timedelta

from django.core.management.base import BaseCommand
from django.db.models import Q
from django.utils import timezone

from admissions.models import Inquiry, InsuranceVerification
from admissions.notifications import (
    enqueue_notification,
    enqueue_verification_notification,
    schedule_escalation,
)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


class Command(BaseCommand):
    help = (
        "Re-enqueue the staff notification of inquiries still not notified a few minutes after "
        "it was due (a lost task, a worker killed mid-task), and the escalation of inquiries "
        "nobody has contacted past their deadline. Safe to run from cron every few minutes: "
        "an inquiry is never emailed twice."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--minutes",
            type=int,
            default=5,
            help="How late a notification must be before it is queued again (default 5).",
        )

    def handle(self, *args, minutes=5, **options):
        now = timezone.now()
        late = now - timedelta(minutes=minutes)
        pending = list(
            Inquiry.objects.awaiting_notification(older_than=late).values_list(
                "pk", flat=True
            )
        )
        for inquiry_id in pending:
            enqueue_notification(inquiry_id)
        unescalated = list(
            Inquiry.objects.due_for_escalation(
                now, lost_after=timedelta(minutes=minutes)
            ).only("pk", "received_at", "is_urgent")
        )
        for inquiry in unescalated:
            schedule_escalation(inquiry)
        verifications = list(
            InsuranceVerification.objects.awaiting_notification(older_than=late)
            .filter(
                Q(notification_due_at__isnull=True) | Q(notification_due_at__lte=late)
            )
            .values_list("pk", flat=True)
        )
        for verification_id in verifications:
            enqueue_verification_notification(verification_id)
        self.stdout.write(f"Queued {_plural(len(pending), 'late notification')}.")
        self.stdout.write(
            f"Queued {_plural(len(verifications), 'late verification notification')}."
        )
        self.stdout.write(f"Queued {_plural(len(unescalated), 'escalation')}.")
