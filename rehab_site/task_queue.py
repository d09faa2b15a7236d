"""Is anybody working the task queue? A task still waiting well past its time means no
worker (`manage.py db_worker`) is running, and emails such as inquiry notifications wait."""

from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max


def late_task_count() -> int:
    """Tasks ready to run for longer than TASK_QUEUE_LATE_MINUTES."""
    cutoff = timezone.now() - timedelta(minutes=settings.TASK_QUEUE_LATE_MINUTES)
    return (
        DBTaskResult.objects.ready()
        .filter(
            Q(run_after__lte=cutoff)
            | Q(run_after=get_date_max(), enqueued_at__lte=cutoff)
        )
        .count()
    )
