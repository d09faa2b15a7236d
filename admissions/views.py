"""The public side of admissions: the inquiry form and its thank-you page."""

import uuid

from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from rehab_site.caching import FragmentCache
from website.models import SiteSettings

from .case_views import (
    is_confirmed,
    receive_case,
    with_new_form_key,
)
from .forms import InquiryForm
from .models import Inquiry
from .services import find_inquiry, record_inquiry


@sensitive_post_parameters()
@csrf_exempt  # checked by is_confirmed() on every post, which shows an unsent form again
@require_http_methods(["GET", "HEAD", "POST"])
def inquiry_form(request):
    """The form. Blank, it is the same page for everyone and the edge keeps it (the script
    fetches the tokens: case_views.form_tokens); a form shown again with what someone
    typed is kept by no one."""
    site = SiteSettings.load()
    status = 200
    problem = ""
    preselected = {}
    if request.method == "POST":
        form = InquiryForm(request.POST, site_name=site.name)
        if not is_confirmed(request):
            problem = "unconfirmed"
            form = with_new_form_key(request, InquiryForm, site_name=site.name)
        elif form.is_valid():
            received = receive_case(
                request, form, find=find_inquiry, record=record_inquiry
            )
            if received.dropped:
                return redirect("admissions:thank_you")
            if received.case is not None:
                return redirect(
                    "admissions:thank_you_for", token=received.case.submission_token
                )
            problem, status = received.problem, received.status
            if problem == "form_key_used":
                form = with_new_form_key(request, InquiryForm, site_name=site.name)
    else:
        preselected = _preselected(request)
        form = InquiryForm(
            site_name=site.name, initial={"form_page": request.path, **preselected}
        )
    context = {
        "form": form,
        "problem": problem,
        "breadcrumbs": [("Home", "/"), ("Admissions", request.path)],
    }
    if form.is_bound or preselected:
        # The cached form fields are the blank form's (posts never use the cache at all).
        context["fragments"] = FragmentCache.off()
    response = render(request, "admissions/inquiry_form.html", context, status=status)
    if form.is_bound:
        # What someone typed: no cache keeps it, and Back in a shared browser does not
        # bring it back.
        add_never_cache_headers(response)
    return response


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
