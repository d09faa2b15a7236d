"""The task queue (django-tasks, worked by `manage.py db_worker`): queueing a task once, and
whether anybody works the queue. A task still waiting well past its time means no worker
is running, and emails such as inquiry notifications wait."""

from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult, get_date_max

# The decorator every app's tasks use: Django's own from 6.0, the backport before.
try:
    from django.tasks import task
except ImportError:  # Django 5.2: the backport
    from django_tasks import task

__all__ = [
    "enqueue_unless_waiting",
    "is_waiting",
    "late_task_count",
    "run_waiting_now",
    "task",
]


def waiting_runs(task):
    """The runs of `task` queued and not started."""
    return DBTaskResult.objects.filter(
        task_path=task.module_path, status=TaskResultStatus.READY
    )


def enqueue_unless_waiting(task, *, run_after, only_at_that_time=False) -> None:
    """Queue `task` to run at `run_after`, unless one of it is already waiting to run (at
    that very time, with `only_at_that_time`): one run does the work of all."""
    waiting = waiting_runs(task)
    if only_at_that_time:
        waiting = waiting.filter(run_after=run_after)
    if not waiting.exists():
        task.using(run_after=run_after).enqueue()


def is_waiting(task) -> bool:
    """Whether a run of `task` is queued and has not started."""
    return waiting_runs(task).exists()


def run_waiting_now(task, now) -> None:
    """A run of `task` waiting for a later time runs at `now` instead."""
    waiting_runs(task).filter(run_after__gt=now).update(run_after=now)


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
