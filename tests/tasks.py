"""Running the task queue in a test, as the worker does in production."""

import io

from django.core.management import call_command


def run_worker() -> None:
    """Run every task that is due, as `manage.py db_worker` does in production."""
    call_command(
        "db_worker",
        "--batch",
        "--queue-name",
        "*",
        "--no-startup-delay",
        stdout=io.StringIO(),
    )
