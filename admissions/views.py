"""The public side of admissions: the inquiry form and its thank-you page."""

import uuid

from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from rehab_site.caching import FragmentCache
from website.models import SiteSettings

from .case_views import receive_case, with_new_form_key
from .forms import InquiryForm
from .models import Inquiry
from .services import find_inquiry, record_inquiry


@sensitive_post_parameters()
@require_http_methods(["GET", "HEAD", "POST"])
def inquiry_form(request):
    """The form, never cached by anyone (PRIVATE_PATHS): each showing carries its own CSRF
    token and form key, and a form someone typed into must not come back with Back."""
    site = SiteSettings.load()
    status = 200
    problem = ""
    preselected = {}
    if request.method == "POST":
        form = InquiryForm(request.POST, site_name=site.name)
        if form.is_valid():
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
    return render(request, "admissions/inquiry_form.html", context, status=status)


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
