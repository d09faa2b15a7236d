from importlib import import_module
from importlib.util import find_spec

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

# Each app adds its own part of the demo in <app>/demo.py, as a seed(stdout) function.
DEMO_APPS = ["website", "programs", "blog", "accreditations", "admissions"]


class Command(BaseCommand):
    help = "Load the fictional center's demo content. Safe to run again: it only adds what is missing."

    def handle(self, *args, **options):
        for app in DEMO_APPS:
            if find_spec(f"{app}.demo") is None:
                continue
            with transaction.atomic():
                import_module(f"{app}.demo").seed(self.stdout)
        # A first version of every piece of content that has none, so History and
        # Compare have something to show from the first edit (editing/content_admin.py).
        call_command(
            "createinitialrevisions",
            comment="The demo content as loaded.",
            verbosity=0,
            stdout=self.stdout,
        )
        self.stdout.write(self.style.SUCCESS("Demo content is in place."))
