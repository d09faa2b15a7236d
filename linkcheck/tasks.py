"""The link check runs as a task (django-tasks, `manage.py db_worker`) shortly after staff
add, change or delete anything of the content apps in the admin (each such save writes the
admin's LogEntry), and daily from cron (`manage.py check_links`), which also covers changes
made outside the admin.

Saves come in bursts (a list page saving many rows, several editors at once), so a check
is queued a little later and only when none is already waiting: one check covers the burst.
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from rehab_site.task_queue import (
    enqueue_unless_waiting,
    is_waiting,
    run_waiting_now,
    task,
)

from .checker import CHECKED_APPS, check_all_links

DELAY_AFTER_SAVE = timedelta(seconds=30)


@task()
def check_links() -> str:
    checked, findings = check_all_links()
    return f"Checked {checked} internal link(s): {len(findings)} broken."


def task_path() -> str:
    return check_links.module_path


def queue_link_check() -> None:
    """Queue a check unless one is already waiting to run."""
    enqueue_unless_waiting(check_links, run_after=timezone.now() + DELAY_AFTER_SAVE)


def check_links_now() -> None:
    """ "Check now" on the report: the next check runs at once, whether it was waiting
    (after a save) or not."""
    now = timezone.now()
    run_waiting_now(check_links, now)
    enqueue_unless_waiting(check_links, run_after=now)


def check_waiting() -> bool:
    """Whether a check is queued and has not run yet."""
    return is_waiting(check_links)


def content_saved_in_admin(sender, instance, created, raw=False, **kwargs) -> None:
    """A new admin LogEntry: queue a check when it records a change to content."""
    if raw or not created or instance.content_type_id is None:
        return
    if instance.content_type.app_label in CHECKED_APPS:
        transaction.on_commit(queue_link_check)
