"""Second-factor enrolment needs more than a password: a one-time link (or the code in it)
that an administrator issues to one staff member, valid for a day."""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone

VALID_FOR = timedelta(days=1)
# No 0/O, 1/I/L or U: the code is read aloud or typed from a message.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789"
CODE_LENGTH = 16


def normalize_code(code: str) -> str:
    return "".join(character for character in code.upper() if character.isalnum())


def hash_code(code: str) -> str:
    return hashlib.sha256(normalize_code(code).encode()).hexdigest()


def format_code(code: str) -> str:
    """ABCD-EFGH-JKMN-PQRS: easier to read out and type."""
    return "-".join(code[start : start + 4] for start in range(0, len(code), 4))


class EnrolmentRefused(Exception):
    """The code cannot be used; the message says why, in words for the staff member."""


class EnrolmentLink(models.Model):
    """Permission for one staff member to set up a second factor, issued by an administrator.

    Only a hash of the code is stored, so the link is shown once, when it is issued.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="enrolment_links",
        verbose_name="staff member",
        limit_choices_to={"is_staff": True, "is_active": True},
    )
    code_hash = models.CharField(max_length=64, unique=True, editable=False)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    issued_at = models.DateTimeField(default=timezone.now, editable=False)
    expires_at = models.DateTimeField(editable=False)
    used_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        db_table = "rehab_site_enrolmentlink"
        ordering = ["-issued_at"]
        verbose_name = "second-factor enrolment link"

    def __str__(self) -> str:
        return f"Enrolment link for {self.user}"

    @property
    def is_expired(self) -> bool:
        return timezone.now() >= self.expires_at

    @property
    def state(self) -> str:
        if self.used_at:
            return "used"
        return "expired" if self.is_expired else "waiting"

    @classmethod
    def issue(cls, user, issued_by=None) -> tuple["EnrolmentLink", str]:
        """A new link for `user`, and its code (never stored, so shown only now)."""
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        now = timezone.now()
        link = cls.objects.create(
            user=user,
            issued_by=issued_by,
            code_hash=hash_code(code),
            issued_at=now,
            expires_at=now + VALID_FOR,
        )
        return link, code

    @classmethod
    def redeem(cls, user, code: str) -> "EnrolmentLink":
        """Use the code once, for `user`; raise EnrolmentRefused saying why it cannot be."""
        with transaction.atomic():
            link = (
                cls.objects.select_for_update()
                .filter(code_hash=hash_code(code), user=user)
                .first()
            )
            if link is None:
                raise EnrolmentRefused(
                    "That enrolment code is not valid for your account. Check it, or ask "
                    "an administrator for a new link."
                )
            if link.used_at is not None:
                raise EnrolmentRefused(
                    "That enrolment link was already used. Ask an administrator for a new one."
                )
            if link.is_expired:
                raise EnrolmentRefused(
                    "That enrolment link has expired (links last one day). Ask an "
                    "administrator for a new one."
                )
            link.used_at = timezone.now()
            link.save(update_fields=["used_at"])
        return link
