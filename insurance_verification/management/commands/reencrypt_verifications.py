"""Re-encrypt every insurance verification under the newest key in FIELD_ENCRYPTION_KEYS."""

import uuid

from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand
from django.db import transaction

from insurance_verification.encryption import rotate
from insurance_verification.models import InsuranceVerification

ENCRYPTED_COLUMNS = [
    "member_id",
    "group_number",
    "holder_birth_date",
    "patient_birth_date",
]
CARD_FIELDS = ["card_front", "card_back"]


class Command(BaseCommand):
    help = (
        "Re-encrypt the member IDs, group numbers, dates of birth and card photos of every "
        "insurance verification with the first (newest) key of FIELD_ENCRYPTION_KEYS. "
        "Until it has run, the older keys must stay in the list: they still read what they "
        "wrote. Safe to run again; stop and rerun at any point."
    )

    def handle(self, *args, **options):
        rows = files = 0
        ids = InsuranceVerification.objects.order_by("pk").values_list("pk", flat=True)
        for pk in list(ids):
            with transaction.atomic():
                verification = (
                    InsuranceVerification.objects.select_for_update()
                    .filter(pk=pk)
                    .first()
                )
                if verification is None:
                    continue
                old_files = []
                for name in CARD_FIELDS:
                    card = getattr(verification, name)
                    if not card:
                        continue
                    with card.open("rb") as stored:
                        token = stored.read()
                    old_files.append(card.name)
                    card.save(
                        f"{uuid.uuid4().hex}.bin",
                        ContentFile(rotate(token)),
                        save=False,
                    )
                    files += 1
                # Saving writes each value again, encrypted with the newest key.
                verification.save(update_fields=[*ENCRYPTED_COLUMNS, *CARD_FIELDS])
                storage = verification.card_front.storage
                transaction.on_commit(
                    lambda names=old_files, storage=storage: [
                        storage.delete(name) for name in names
                    ]
                )
                rows += 1
        self.stdout.write(
            f"Re-encrypted {rows} verification(s) and {files} card photo(s) with the newest key."
        )
