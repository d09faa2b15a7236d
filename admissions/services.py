"""Storing an inquiry: one transaction, one row per submission token, then the notification."""

from django.dispatch import Signal

from .attribution import attribution_for
from .cases import find_submission, insert_case
from .forms import InquiryForm
from .models import Inquiry

__all__ = ["find_inquiry", "inquiry_recorded", "record_inquiry"]

# What makes a resent form the same inquiry rather than a second request sent with a form
# key that has been used already.
IDENTITY_FIELDS = ["name", "phone", "email", "message"]

# Sent inside the inquiry's transaction, with `inquiry`: other kinds of case link the
# same person's requests to it (insurance_verification/services.py).
inquiry_recorded = Signal()


def record_inquiry(form: InquiryForm, request) -> Inquiry:
    """Store the inquiry from a valid form, or return the one its form key already made.

    Raises FormKeyUsed when that key made an inquiry with other details.
    """
    existing = find_inquiry(form)
    if existing is not None:
        return existing
    inquiry = form.save(commit=False)
    for field, value in attribution_for(
        request, form.cleaned_data.get("form_page", "")
    ).items():
        setattr(inquiry, field, value)
    return insert_case(
        inquiry,
        form,
        IDENTITY_FIELDS,
        also=lambda inquiry: inquiry_recorded.send(Inquiry, inquiry=inquiry),
    )


def find_inquiry(form: InquiryForm) -> Inquiry | None:
    """The inquiry this very form already made, if any (see cases.find_submission)."""
    return find_submission(Inquiry, form, IDENTITY_FIELDS)
