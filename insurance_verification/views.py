"""The insurance verification form and its thank-you page, at addresses under
/admissions/ beside the inquiry form's."""

import logging
import uuid

from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from admissions.client import over_rate_limit
from admissions.forms import new_form_key
from website.models import SiteSettings

from .forms import VerificationForm
from .models import InsuranceVerification
from .services import (
    FormKeyUsed,
    StorageFailed,
    find_verification,
    record_verification,
)

logger = logging.getLogger(__name__)


@sensitive_post_parameters()
@require_http_methods(["GET", "HEAD", "POST"])
def verification_form(request):
    """The insurance verification form, with the inquiry form's protections; never cached
    (PRIVATE_PATHS). ?insurer=<id> preselects a carrier (from its insurance page)."""
    site = SiteSettings.load()
    status = 200
    problem = ""
    if request.method == "POST":
        form = VerificationForm(request.POST, request.FILES, site_name=site.name)
        if form.is_valid():
            if form.spam_reason:
                logger.info("Verification dropped as spam (%s).", form.spam_reason)
                return redirect("insurance_verification:thank_you")
            verification = None
            try:
                verification = find_verification(form)
                if verification is None:
                    if over_rate_limit(request):
                        problem, status = "rate_limited", 429
                    else:
                        verification = record_verification(form, request)
            except FormKeyUsed:
                problem, status = "form_key_used", 409
                data = request.POST.copy()
                data["form_key"] = new_form_key()
                form = VerificationForm(data, site_name=site.name)
                form.is_valid()
            except StorageFailed:
                problem, status = "storage_failed", 503
            if verification is not None:
                return redirect(
                    "insurance_verification:thank_you_for",
                    token=verification.submission_token,
                )
    else:
        insurer = request.GET.get("insurer", "")
        form = VerificationForm(
            site_name=site.name,
            initial={
                "form_page": request.path,
                **({"insurance": insurer} if insurer.isdigit() else {}),
            },
        )
    context = {
        "form": form,
        "problem": problem,
        "breadcrumbs": [
            ("Home", "/"),
            ("Admissions", reverse("admissions:inquiry")),
            ("Verify insurance", request.path),
        ],
    }
    return render(
        request, "insurance_verification/verification_form.html", context, status=status
    )


@never_cache
def thank_you(request, token: uuid.UUID | None = None):
    reference = (
        InsuranceVerification.objects.filter(submission_token=token)
        .values_list("reference", flat=True)
        .first()
        if token
        else None
    )
    return render(
        request,
        "insurance_verification/thank_you.html",
        {"reference": reference or ""},
    )
