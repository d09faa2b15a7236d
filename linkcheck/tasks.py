"""The link check runs as a task (django-tasks, `manage.py db_worker`) shortly after any
save in the content apps, and daily from cron (`manage.py check_links`).

Saves come in bursts (an admin form with inlines saves many rows), so a check is queued a
little later and only when none is already waiting: one check covers the whole burst.
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from .checker import CHECKED_APPS, check_all_links

try:
    from django.tasks import task
except ImportError:  # Django 5.2: the backport
    from django_tasks import task

DELAY_AFTER_SAVE = timedelta(seconds=30)


@task()
def check_links() -> str:
    checked, findings = check_all_links()
    return f"Checked {checked} internal link(s): {len(findings)} broken."


def task_path() -> str:
    return check_links.module_path


def queue_link_check() -> None:
    """Queue a check unless one is already waiting to run."""
    if DBTaskResult.objects.filter(
        task_path=task_path(), status=TaskResultStatus.READY
    ).exists():
        return
    check_links.using(run_after=timezone.now() + DELAY_AFTER_SAVE).enqueue()


def content_saved(sender, **kwargs) -> None:
    if kwargs.get("raw") or sender._meta.app_label not in CHECKED_APPS:
        return
    if kwargs.get("action", "post_").startswith("pre_"):
        return  # m2m_changed fires before and after; the "post_" one is enough
    transaction.on_commit(queue_link_check)
