from importlib import import_module

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from website import demos


class Command(BaseCommand):
    help = "Load the fictional center's demo content. Safe to run again: it only adds what is missing."

    def handle(self, *args, **options):
        for module in demos.modules():
            with transaction.atomic():
                import_module(module).seed(self.stdout)
        # A first version of every piece of content that has none, so History and
        # Compare have something to show from the first edit (editing/content_admin.py).
        call_command(
            "createinitialrevisions",
            comment="The demo content as loaded.",
            verbosity=0,
            stdout=self.stdout,
        )
        self.stdout.write(self.style.SUCCESS("Demo content is in place."))
