"""Storing an inquiry: one transaction, one row per submission token, then the notification."""

import logging
import uuid

from django.db import IntegrityError, transaction
from django.utils import timezone

from .attribution import attribution_for
from .forms import InquiryForm
from .models import Inquiry
from .notifications import enqueue_notification
from .text import mentions_crisis

logger = logging.getLogger(__name__)

# What makes a resubmitted form the same inquiry rather than a second person's request that
# happens to carry the same token (a cached page can serve one token to many visitors).
IDENTITY_FIELDS = ["name", "phone", "email", "message"]


def record_inquiry(form: InquiryForm, request) -> Inquiry:
    """Store the inquiry from a valid form, or return the one already stored for its token."""
    data = form.cleaned_data
    token = form.submission_token
    existing = Inquiry.objects.filter(submission_token=token).first()
    if existing is not None:
        if _same_request(existing, data):
            return existing
        token = None  # someone else's token (a copied form, an old cached page)
    program = data.get("program")
    substances = [condition.name for condition in data.get("substances") or []]
    inquiry = Inquiry(
        name=data["name"],
        phone=data["phone"],
        email=data["email"],
        contact_method=data.get("contact_method") or "",
        contact_time=data.get("contact_time") or Inquiry.ContactTime.ANY,
        for_whom=data["for_whom"],
        substances=substances,
        substance_other=data.get("substance_other", ""),
        program=program,
        program_label=program.name if program else "",
        insurance=data.get("insurance") or "",
        insurance_other=data.get("insurance_other", ""),
        message=data.get("message", ""),
        consented_at=timezone.now(),
        is_urgent=mentions_crisis(
            data.get("message", ""), data.get("substance_other", "")
        ),
        **attribution_for(request, data.get("form_page", "")),
    )
    if token is not None:
        inquiry.submission_token = token
    try:
        _save(inquiry)
    except IntegrityError:
        # Two posts with one token raced each other and the other was stored first.
        existing = Inquiry.objects.filter(
            submission_token=inquiry.submission_token
        ).first()
        if existing is not None and _same_request(existing, data):
            return existing
        inquiry.submission_token = uuid.uuid4()
        _save(inquiry)
    return inquiry


def _save(inquiry: Inquiry) -> None:
    with transaction.atomic():
        inquiry.save(force_insert=True)
        inquiry_id = inquiry.pk
        # A lambda, not functools.partial: when a robust hook fails Django logs its
        # __qualname__, which a partial lacks (an AttributeError, so a 500 for a stored
        # inquiry, whenever the database went away right after the commit).
        transaction.on_commit(lambda: _enqueue(inquiry_id), robust=True)


def find_resubmission(form: InquiryForm) -> Inquiry | None:
    """The inquiry this very form already created (a double click, a resent page), if any."""
    existing = Inquiry.objects.filter(submission_token=form.submission_token).first()
    if existing is not None and _same_request(existing, form.cleaned_data):
        return existing
    return None


def _same_request(inquiry: Inquiry, data: dict) -> bool:
    return all(
        getattr(inquiry, field) == data.get(field, "") for field in IDENTITY_FIELDS
    )


def _enqueue(inquiry_id: int) -> None:
    # robust=True above: a queue failure is logged and left to the sweep, never shown.
    enqueue_notification(inquiry_id)
