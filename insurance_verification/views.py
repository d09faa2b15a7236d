"""The insurance verification form and its thank-you page, at addresses under
/admissions/ beside the inquiry form's."""

import uuid

from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from admissions.case_views import (
    Received,
    is_confirmed,
    receive_case,
    with_new_form_key,
)
from website.models import SiteSettings

from .forms import VerificationForm
from .models import InsuranceVerification
from .services import StorageFailed, find_verification, record_verification


@sensitive_post_parameters()
@csrf_exempt  # checked by is_confirmed() on every post, which shows an unsent form again
@require_http_methods(["GET", "HEAD", "POST"])
def verification_form(request):
    """The insurance verification form, with the inquiry form's protections and its
    caching: blank, the edge keeps it; with what someone typed, no one does.
    ?insurer=<id> preselects a carrier (from its insurance page)."""
    site = SiteSettings.load()
    status = 200
    problem = ""
    if request.method == "POST":
        form = VerificationForm(request.POST, request.FILES, site_name=site.name)
        if not is_confirmed(request):
            problem = "unconfirmed"
            form = with_new_form_key(request, VerificationForm, site_name=site.name)
        elif form.is_valid():
            try:
                received = receive_case(
                    request, form, find=find_verification, record=record_verification
                )
            except StorageFailed:
                received = Received(problem="storage_failed", status=503)
            if received.dropped:
                return redirect("insurance_verification:thank_you")
            if received.case is not None:
                return redirect(
                    "insurance_verification:thank_you_for",
                    token=received.case.submission_token,
                )
            problem, status = received.problem, received.status
            if problem == "form_key_used":
                form = with_new_form_key(request, VerificationForm, site_name=site.name)
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
    response = render(
        request, "insurance_verification/verification_form.html", context, status=status
    )
    if form.is_bound:
        # What someone typed: no cache keeps it, and Back in a shared browser does not
        # bring it back.
        add_never_cache_headers(response)
    return response


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
