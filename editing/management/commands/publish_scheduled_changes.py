from django.core.management.base import BaseCommand
from django.utils import timezone

from editing.drafts import publish_due_changes


class Command(BaseCommand):
    help = (
        "Publish every draft change whose scheduled time has passed. The task queued when "
        "the change was saved does this on time; this catches up after a worker was down. "
        "Safe to run from cron every few minutes, and beside the worker: a change is "
        "published once."
    )

    def handle(self, *args, **options):
        published = publish_due_changes(timezone.now())
        plural = "" if published == 1 else "s"
        self.stdout.write(f"Published {published} overdue draft change{plural}.")
