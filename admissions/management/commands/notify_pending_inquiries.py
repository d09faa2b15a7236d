from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from admissions.models import Inquiry
from admissions.notifications import enqueue_notification


class Command(BaseCommand):
    help = (
        "Re-enqueue the staff notification of inquiries still not notified a few minutes after "
        "it was due (a lost task, a worker killed mid-task). Safe to run from cron every few "
        "minutes: an inquiry is never emailed twice."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--minutes",
            type=int,
            default=5,
            help="How late a notification must be before it is queued again (default 5).",
        )

    def handle(self, *args, minutes=5, **options):
        late = timezone.now() - timedelta(minutes=minutes)
        pending = list(
            Inquiry.objects.awaiting_notification(older_than=late).values_list(
                "pk", flat=True
            )
        )
        for inquiry_id in pending:
            enqueue_notification(inquiry_id)
        self.stdout.write(
            f"Queued {len(pending)} late notification{'' if len(pending) == 1 else 's'}."
        )
