"""Storing an inquiry: one transaction, one row per submission token, then the notification."""

import logging

from django.db import IntegrityError, transaction

from .attribution import attribution_for
from .forms import InquiryForm
from .models import Inquiry
from .notifications import enqueue_notification
from .verifications import link_verifications_to

logger = logging.getLogger(__name__)

# What makes a resent form the same inquiry rather than a second request sent with a form
# key that has been used already.
IDENTITY_FIELDS = ["name", "phone", "email", "message"]


class FormKeyUsed(Exception):
    """The form key already made an inquiry, with other details: a key works once."""


def record_inquiry(form: InquiryForm, request) -> Inquiry:
    """Store the inquiry from a valid form, or return the one its form key already made.

    Raises FormKeyUsed when that key made an inquiry with other details.
    """
    existing = find_submission(form)
    if existing is not None:
        return existing
    inquiry = form.save(commit=False)
    for field, value in attribution_for(
        request, form.cleaned_data.get("form_page", "")
    ).items():
        setattr(inquiry, field, value)
    try:
        with transaction.atomic():
            inquiry.save(force_insert=True)
            link_verifications_to(inquiry)
            inquiry_id = inquiry.pk
            # A lambda, not functools.partial: when a robust hook fails Django logs its
            # __qualname__, which a partial lacks (an AttributeError, so a 500 for a stored
            # inquiry, whenever the database went away right after the commit).
            transaction.on_commit(lambda: _enqueue(inquiry_id), robust=True)
    except IntegrityError:
        # Two posts with one key raced each other and the other was stored first.
        existing = find_submission(form)
        if existing is None:
            raise
        return existing
    return inquiry


def find_submission(form: InquiryForm) -> Inquiry | None:
    """The inquiry this very form already made (a double click, a resent page), if any.

    Raises FormKeyUsed when its key made an inquiry with other details.
    """
    existing = Inquiry.objects.filter(submission_token=form.submission_token).first()
    if existing is None:
        return None
    if not _same_request(existing, form.cleaned_data):
        raise FormKeyUsed
    return existing


def _same_request(inquiry: Inquiry, data: dict) -> bool:
    return all(
        getattr(inquiry, field) == data.get(field, "") for field in IDENTITY_FIELDS
    )


def _enqueue(inquiry_id: int) -> None:
    # robust=True above: a queue failure is logged and left to the sweep, never shown.
    enqueue_notification(inquiry_id)
