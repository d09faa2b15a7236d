"""Volume data for the benchmark: many articles and inquiries, inserted in bulk.

Tops the database up to the numbers asked for, so running it twice adds nothing, and
running it with a bigger number adds only the difference. It reuses the demo's
categories, tags, people and programs (loading the demo first on an empty site). Each
app's volume is registered in website/bench.py.
"""

import random

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from rehab_site.caching import refresh_content_state
from website.bench import volumes
from website.models import SiteSettings

DEFAULTS = {"articles": 1000}


class Command(BaseCommand):
    help = "Top the database up to N articles and M inquiries for the benchmark (bulk inserts)."

    def add_arguments(self, parser):
        for volume in volumes():
            parser.add_argument(
                f"--{volume.option}",
                type=int,
                default=DEFAULTS.get(volume.option, 0),
                help=volume.help,
            )
        parser.add_argument("--seed", type=int, default=7)

    def handle(self, *args, seed, **options):
        if connection.vendor != "postgresql":
            raise CommandError(
                "seed_bench needs PostgreSQL (DATABASE_URL=postgres://…)."
            )
        wanted = {volume: options[volume.option] for volume in volumes()}
        if any(count < 0 for count in wanted.values()):
            raise CommandError("Counts cannot be negative.")
        if not SiteSettings.objects.exists():
            call_command("seed_demo", stdout=self.stdout)
        rng = random.Random(seed + sum(volume.count() for volume in wanted))
        added = {
            volume: volume.top_up(count, rng, self.stdout.write)
            for volume, count in wanted.items()
        }
        if any(added.values()):
            # As autovacuum would soon, but now rather than in the middle of a measurement:
            # clear the dead rows the derived-field updates left, and tell the planner
            # how large the tables grew.
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")
        if any(count for volume, count in added.items() if volume.changes_content):
            refresh_content_state()
        self.stdout.write(
            self.style.SUCCESS(
                ", ".join(
                    f"{volume.count()} {volume.option} (+{count})"
                    for volume, count in added.items()
                )
                + "."
            )
        )
