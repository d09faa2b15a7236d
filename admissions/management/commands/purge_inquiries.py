from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from admissions import cases
from admissions.models import AccessLog


class Command(BaseCommand):
    help = (
        "Delete inquiries, insurance verifications and every other kind of case closed "
        "longer ago than INQUIRY_RETENTION_DAYS, with their notes (and a verification's "
        "card photos). Safe to run daily (e.g. from cron); each deletion is written to the "
        "access log."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Count what would be deleted; delete nothing.",
        )

    def handle(self, *args, dry_run=False, **options):
        days = settings.INQUIRY_RETENTION_DAYS
        cutoff = timezone.now() - timedelta(days=days)
        counts = []
        for kind in cases.kinds():
            model = kind.model
            with transaction.atomic():
                expired = model.objects.closed_before(cutoff).select_for_update()
                rows = list(expired.values_list("pk", "reference"))
                if not dry_run and rows:
                    AccessLog.objects.bulk_create(
                        AccessLog(
                            action=AccessLog.Action.DELETE,
                            subject=model._meta.model_name,
                            inquiry_id=pk,
                            inquiry_reference=reference,
                            detail=f"retention: closed more than {days} days ago",
                        )
                        for pk, reference in rows
                    )
                    # Each kind's post_delete receivers run (a verification's card
                    # photos are removed once this commits).
                    model.objects.filter(pk__in=[pk for pk, _ in rows]).delete()
            name = (
                model._meta.verbose_name
                if len(rows) == 1
                else (model._meta.verbose_name_plural)
            )
            counts.append(f"{len(rows)} {name}")
        verb = "Would delete" if dry_run else "Deleted"
        self.stdout.write(
            f"{verb} {' and '.join(counts)} closed before {cutoff:%Y-%m-%d} "
            f"({days}-day retention)."
        )
