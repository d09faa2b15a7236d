from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from admissions.models import AccessLog, Inquiry, InsuranceVerification


class Command(BaseCommand):
    help = (
        "Delete inquiries and insurance verifications closed longer ago than "
        "INQUIRY_RETENTION_DAYS, with their notes and card photos. "
        "Safe to run daily (e.g. from cron); each deletion is written to the access log."
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
        with transaction.atomic():
            expired = Inquiry.objects.closed_before(cutoff).select_for_update()
            rows = list(expired.values_list("pk", "reference"))
            if not dry_run and rows:
                AccessLog.objects.bulk_create(
                    AccessLog(
                        action=AccessLog.Action.DELETE,
                        inquiry_id=pk,
                        inquiry_reference=reference,
                        detail=f"retention: closed more than {days} days ago",
                    )
                    for pk, reference in rows
                )
                Inquiry.objects.filter(pk__in=[pk for pk, _ in rows]).delete()
        with transaction.atomic():
            # Their card photos are removed once this commits (models.delete_card_files).
            expired = InsuranceVerification.objects.closed_before(
                cutoff
            ).select_for_update()
            verifications = list(expired.values_list("pk", "reference"))
            if not dry_run and verifications:
                AccessLog.objects.bulk_create(
                    AccessLog(
                        action=AccessLog.Action.DELETE,
                        subject=AccessLog.Subject.VERIFICATION,
                        inquiry_id=pk,
                        inquiry_reference=reference,
                        detail=f"retention: closed more than {days} days ago",
                    )
                    for pk, reference in verifications
                )
                for verification in InsuranceVerification.objects.filter(
                    pk__in=[pk for pk, _ in verifications]
                ):
                    verification.delete()
        verb = "Would delete" if dry_run else "Deleted"
        self.stdout.write(
            f"{verb} {len(rows)} inquir{'y' if len(rows) == 1 else 'ies'} and "
            f"{len(verifications)} insurance verification(s) closed before "
            f"{cutoff:%Y-%m-%d} ({days}-day retention)."
        )
