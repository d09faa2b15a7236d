"""The public side of admissions: the inquiry form and its thank-you page."""

import logging
import uuid

from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from rehab_site.caching import FragmentCache
from website.models import SiteSettings

from .client import over_rate_limit
from .forms import InquiryForm, new_form_key
from .models import Inquiry
from .services import FormKeyUsed, find_inquiry, record_inquiry

logger = logging.getLogger(__name__)


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
            if form.spam_reason:
                # Quietly: a bot sees the same thank-you page and learns nothing.
                logger.info("Inquiry dropped as spam (%s).", form.spam_reason)
                return redirect("admissions:thank_you")
            inquiry = None
            try:
                inquiry = find_inquiry(form)
                if inquiry is None:
                    if over_rate_limit(request):
                        problem, status = "rate_limited", 429
                    else:
                        inquiry = record_inquiry(form, request)
            except FormKeyUsed:
                problem, status = "form_key_used", 409
                form = _with_new_form_key(request, site)
            if inquiry is not None:
                return redirect(
                    "admissions:thank_you_for", token=inquiry.submission_token
                )
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


def _with_new_form_key(request, site) -> InquiryForm:
    """What the visitor sent, back in the form with a form key of its own."""
    data = request.POST.copy()
    data["form_key"] = new_form_key()
    form = InquiryForm(data, site_name=site.name)
    form.is_valid()
    return form


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
