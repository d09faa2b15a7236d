"""The public side of admissions: the inquiry form and the thank-you page."""

import logging
import uuid

from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from rehab_site.models import SiteSettings
from rehab_site.page_cache import per_visitor_placeholder

from .client import over_rate_limit
from .forms import InquiryForm
from .models import Inquiry
from .services import find_resubmission, record_inquiry

logger = logging.getLogger(__name__)


@sensitive_post_parameters()
@require_http_methods(["GET", "HEAD", "POST"])
def inquiry_form(request):
    """The blank form is the same for everyone, so the page cache keeps it; its CSRF token
    and form key are placeholders filled per visitor, and browsers are told not to store
    it (BROWSER_NO_STORE_PATHS)."""
    site = SiteSettings.load()
    status = 200
    rate_limited = False
    if request.method == "POST":
        form = InquiryForm(request.POST, site_name=site.name)
        if form.is_valid():
            if form.spam_reason:
                # Quietly: a bot sees the same thank-you page and learns nothing.
                logger.info("Inquiry dropped as spam (%s).", form.spam_reason)
                return redirect("admissions:thank_you")
            resubmitted = find_resubmission(form)
            if resubmitted is not None:
                return redirect(
                    "admissions:thank_you_for", token=resubmitted.submission_token
                )
            if over_rate_limit(request):
                rate_limited = True
                status = 429
            else:
                inquiry = record_inquiry(form, request)
                return redirect(
                    "admissions:thank_you_for", token=inquiry.submission_token
                )
    else:
        form = InquiryForm(
            site_name=site.name,
            initial={
                "form_page": request.path,
                "form_key": per_visitor_placeholder("form_key"),
                **_preselected(request),
            },
        )
    return render(
        request,
        "admissions/inquiry_form.html",
        {
            "form": form,
            "rate_limited": rate_limited,
            "breadcrumbs": [("Home", "/"), ("Admissions", request.path)],
        },
        status=status,
    )


def _preselected(request) -> dict:
    """?program=<pk> from a program page's link preselects that program."""
    program = request.GET.get("program", "")
    return {"program": program} if program.isdigit() else {}


@never_cache
def thank_you(request, token: uuid.UUID | None = None):
    inquiry = (
        Inquiry.objects.filter(submission_token=token)
        .only("is_urgent", "reference")
        .first()
        if token
        else None
    )
    return render(
        request,
        "admissions/thank_you.html",
        {
            "is_urgent": bool(inquiry and inquiry.is_urgent),
            "form_url": reverse("admissions:inquiry"),
        },
    )
