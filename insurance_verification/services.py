"""Storing a verification: its card photos encrypted (encryption.py) and written first,
then the row in one transaction (admissions/cases.py). A photo that cannot be stored
leaves no row, and the photos stored before it are removed."""

import logging
import uuid

from django.core.files.base import ContentFile
from django.db.models import Q
from django.dispatch import receiver

from admissions.cases import find_submission, insert_case
from admissions.models import Inquiry
from admissions.services import inquiry_recorded

from .encryption import encrypt
from .forms import VerificationForm
from .models import InsuranceVerification

__all__ = ["StorageFailed", "find_verification", "record_verification"]

logger = logging.getLogger(__name__)

CARD_FIELDS = ("card_front", "card_back")
# What makes a resent form the same verification rather than a second request.
IDENTITY_FIELDS = ["holder_name", "phone", "email", "member_id"]


class StorageFailed(Exception):
    """The media storage refused a card photo: nothing was kept."""


def find_verification(form: VerificationForm) -> InsuranceVerification | None:
    return find_submission(InsuranceVerification, form, IDENTITY_FIELDS)


def record_verification(form: VerificationForm, request) -> InsuranceVerification:
    """Store a verification from a valid form, with its encrypted card photos, or return
    the one its form key already made (StorageFailed when a photo cannot be stored)."""
    existing = find_verification(form)
    if existing is not None:
        return existing
    verification = form.save(commit=False)
    saved = []
    try:
        for name in CARD_FIELDS:
            photo = form.cleaned_data.get(name)
            if photo is not None:
                file = getattr(verification, name)
                file.save(
                    f"{uuid.uuid4().hex}.bin",
                    ContentFile(encrypt(photo.content)),
                    save=False,
                )
                saved.append(file)
        stored = insert_case(verification, form, IDENTITY_FIELDS, also=link_to_inquiry)
    except OSError as error:
        _remove(saved)
        logger.exception("Storing an insurance card photo failed.")
        raise StorageFailed from error
    except BaseException:
        _remove(saved)
        raise
    if stored is not verification:  # the same form, stored first by a racing post
        _remove(saved)
    return stored


def _remove(files) -> None:
    for file in files:
        try:
            file.delete(save=False)
        except OSError:
            logger.exception("Removing a card photo after a failed save failed.")


def same_person_q(phone: str, email: str) -> Q:
    query = Q(pk__in=[])
    if phone:
        query |= Q(phone=phone)
    if email:
        query |= Q(email__iexact=email)
    return query


def link_to_inquiry(verification: InsuranceVerification) -> None:
    """Link the verification to the latest open inquiry from the same phone or email."""
    inquiry = (
        Inquiry.objects.open()
        .filter(same_person_q(verification.phone, verification.email))
        .order_by("-received_at")
        .first()
    )
    if inquiry is not None:
        verification.inquiry = inquiry
        verification.save(update_fields=["inquiry"])


@receiver(inquiry_recorded)
def link_verifications_to(sender, inquiry: Inquiry, **kwargs) -> int:
    """An inquiry sent after a verification: link the person's unlinked verifications."""
    return (
        InsuranceVerification.objects.open()
        .filter(inquiry__isnull=True)
        .filter(same_person_q(inquiry.phone, inquiry.email))
        .update(inquiry=inquiry)
    )
