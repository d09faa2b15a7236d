from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from admissions import cases
from admissions.models import Inquiry
from admissions.notifications import schedule_escalation


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


class Command(BaseCommand):
    help = (
        "Re-enqueue the staff notification of inquiries and every other kind of case still not "
        "notified a few minutes after it was due (a lost task, a worker killed mid-task), and "
        "the escalation of inquiries "
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
        for kind in cases.kinds():
            pending = list(
                kind.model.objects.awaiting_notification(older_than=late).values_list(
                    "pk", flat=True
                )
            )
            for case_id in pending:
                kind.notify(case_id)
            noun = f"late {kind.model._meta.verbose_name} notification"
            self.stdout.write(f"Queued {_plural(len(pending), noun)}.")
        unescalated = list(
            Inquiry.objects.due_for_escalation(
                now, lost_after=timedelta(minutes=minutes)
            ).only("pk", "received_at", "is_urgent")
        )
        for inquiry in unescalated:
            schedule_escalation(inquiry)
        self.stdout.write(f"Queued {_plural(len(unescalated), 'escalation')}.")
