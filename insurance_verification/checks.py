"""System checks: the encryption keys must be present, well formed, and read what is
stored."""

from django.conf import settings
from django.core.checks import Error, Tags, register
from django.db.models import TextField
from django.db.models.functions import Cast


@register("insurance_verification")
def encryption_keys(app_configs, **kwargs):
    """Keys that are missing or malformed stop every command (settings refuse to load with
    DEBUG off); this says so again for a development setup that overrides them."""
    from .encryption import key_problem

    problem = key_problem(list(settings.FIELD_ENCRYPTION_KEYS))
    if not problem:
        return []
    return [Error(problem, id="insurance_verification.E001")]


@register(Tags.database)
def encryption_keys_read_stored_data(app_configs, databases=None, **kwargs):
    """The keys read what is stored: run by `migrate` (and `check --database default`), so
    a deploy with the wrong keys stops before it serves a page."""
    from cryptography.fernet import InvalidToken
    from django.db import DatabaseError

    from .encryption import cipher, key_problem
    from .models import InsuranceVerification

    if not databases or key_problem(list(settings.FIELD_ENCRYPTION_KEYS)):
        return []
    try:
        # The raw token, read without decrypting it: the column as text.
        token = (
            InsuranceVerification.objects.order_by("-pk")
            .annotate(raw=Cast("member_id", TextField()))
            .values_list("raw", flat=True)
            .first()
        )
    except DatabaseError:
        return []  # not migrated yet
    if not token:
        return []
    try:
        cipher().decrypt(token.encode("ascii"))
    except InvalidToken:
        return [
            Error(
                "FIELD_ENCRYPTION_KEYS cannot decrypt the stored insurance verifications: "
                "the key they were written with is not in the list.",
                hint="Put back the key in use (newest first), then rotate with "
                "`manage.py reencrypt_verifications` before removing an old key.",
                id="insurance_verification.E002",
            )
        ]
    return []
