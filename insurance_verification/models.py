"""Insurance verifications: a family's request to have their benefits checked, with the
card's details, worked by admissions as a case (admissions/cases.py) beside inquiries.

The member ID, group number, dates of birth and the card photos are encrypted at rest
(encryption.py); a database dump or the media folder alone reveals none of them. The
tables kept the names they had in the admissions app.
"""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models, transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from admissions.cases import Case, CaseNote
from admissions.models import Inquiry

from .encryption import EncryptedDateField, EncryptedTextField


class PrivateMediaStorage(FileSystemStorage):
    """Files under PRIVATE_MEDIA_ROOT, outside MEDIA_ROOT: no web server serves them, and
    they have no URL. Read at each use, so a changed setting (tests) is followed."""

    @property
    def base_location(self):
        return settings.PRIVATE_MEDIA_ROOT

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Private files have no address; use the admin's card view.")


PRIVATE_STORAGE = PrivateMediaStorage()


def private_storage():
    return PRIVATE_STORAGE


class InsuranceVerification(Case):
    """A family's request to check their insurance benefits, with the card's details."""

    class Status(models.TextChoices):
        NEW = "new", "New"
        CHECKING = "checking", "Checking benefits"
        COVERAGE_FOUND = "coverage", "Coverage found"
        NO_COVERAGE = "no_coverage", "No coverage found"
        UNABLE = "unable", "Could not verify"
        CLOSED = "closed", "Closed"
        SPAM = "spam", "Spam"

    class Relationship(models.TextChoices):
        SELF = "self", "I am the policy holder"
        SPOUSE = "spouse", "Spouse or partner"
        PARENT = "parent", "Parent or guardian"
        CHILD = "child", "Adult child"
        OTHER = "other", "Other"

    CLOSED_STATUSES = [
        Status.COVERAGE_FOUND,
        Status.NO_COVERAGE,
        Status.UNABLE,
        Status.CLOSED,
        Status.SPAM,
    ]
    kind_name = "Verification"

    insurer = models.ForeignKey(
        "programs.Insurer",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The insurer chosen on the form, while it is on the list.",
    )
    insurer_name = models.CharField(
        "insurance provider",
        max_length=100,
        help_text="As chosen or typed when the form was sent.",
    )
    member_id = EncryptedTextField("member ID", max_length=40)
    group_number = EncryptedTextField("group number", max_length=40, blank=True)
    holder_name = models.CharField("policy holder's name", max_length=100)
    relationship = models.CharField(
        "patient's relationship to the holder",
        max_length=10,
        choices=Relationship.choices,
    )
    holder_birth_date = EncryptedDateField("policy holder's date of birth")
    patient_name = models.CharField("patient's name", max_length=100, blank=True)
    patient_birth_date = EncryptedDateField(
        "patient's date of birth", null=True, blank=True
    )
    card_front = models.FileField(
        "card front (encrypted)",
        storage=private_storage,
        upload_to="verification-cards/%Y/%m/",
        blank=True,
        editable=False,
    )
    card_back = models.FileField(
        "card back (encrypted)",
        storage=private_storage,
        upload_to="verification-cards/%Y/%m/",
        blank=True,
        editable=False,
    )

    status = models.CharField(
        max_length=12, choices=Status.choices, default=Status.NEW, db_index=True
    )
    benefits_notes = models.TextField(
        "benefits found",
        max_length=4000,
        blank=True,
        help_text="Deductible, out-of-pocket, levels of care covered, authorization needed…",
    )
    inquiry = models.ForeignKey(
        Inquiry,
        verbose_name="inquiry from the same person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="verifications",
    )

    class Meta(Case.Meta):
        db_table = "admissions_insuranceverification"
        indexes = [
            models.Index(
                fields=["status", "-received_at"], name="admissions__status_627eb5_idx"
            )
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(phone="", email=""),
                name="verification_has_a_way_to_reach",
            ),
        ]

    @property
    def is_holder_the_patient(self) -> bool:
        return self.relationship == self.Relationship.SELF

    def delete_card_files(self) -> None:
        for card in (self.card_front, self.card_back):
            if card:
                card.delete(save=False)


class VerificationNote(CaseNote):
    """A note by a staff member on a verification, or a record of an attempt to reach the
    family."""

    case_field = "verification"

    verification = models.ForeignKey(
        InsuranceVerification, on_delete=models.CASCADE, related_name="notes"
    )

    class Meta(CaseNote.Meta):
        db_table = "admissions_verificationnote"

    def __str__(self) -> str:
        return f"Note on {self.verification}"


@receiver(post_delete, sender=InsuranceVerification)
def delete_card_files(sender, instance, **kwargs):
    """A verification's card photos go with it (the retention purge included), once the
    deletion has committed."""
    transaction.on_commit(instance.delete_card_files, robust=True)
