"""The site's own views: the site's search, robots.txt and the error pages."""

import logging
import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.shortcuts import render
from django.template import loader
from django.views.generic import TemplateView

from rehab_site.caching import FragmentCache
from website.models import SiteSettings
from website.search import SearchForm, search_site

logger = logging.getLogger(__name__)


class SiteSearchView(TemplateView):
    """Every kind of public page, ranked together (website/search.py). The blog's own
    search (/blog/search/) stays inside the blog."""

    template_name = "search.html"

    def get_context_data(self, **kwargs):
        form = SearchForm(self.request.GET)
        query = form.cleaned_data["q"] if form.is_valid() else ""
        return {
            **super().get_context_data(**kwargs),
            "form": form,
            "query": query,
            "results": search_site(query),
            "search_breadcrumbs": [("Home", "/"), ("Search", self.request.path)],
        }


def _site_or_default() -> SiteSettings:
    # Error pages must render even when the database is what failed.
    try:
        return SiteSettings.load()
    except Exception:
        return SiteSettings()


def _render_error_page(template_name: str, status: int) -> HttpResponse:
    # Rendered without the request, so no context processor touches a failing database,
    # and without the cache: its stand-in header and footer must not be kept for others.
    html = loader.render_to_string(
        template_name,
        {"site": _site_or_default(), "menus": {}, "fragments": FragmentCache.off()},
    )
    return HttpResponse(html, status=status)


def bad_request(request, exception=None):
    return _render_error_page("400.html", status=400)


# How long a visitor's browser (or a crawler) should wait before asking again while the
# database is unreachable: a restart or failover usually takes seconds.
DATABASE_OUTAGE_RETRY_AFTER_SECONDS = 30


def server_error(request):
    # Django calls this while handling the exception, so it is still sys.exc_info().
    if isinstance(sys.exc_info()[1], (OperationalError, InterfaceError)):
        return database_unavailable(request)
    return _render_error_page("500.html", status=500)


def database_unavailable(request):
    """A 503 with our phone number when the database is down, restarting or refusing us."""
    response = _render_error_page("503.html", status=503)
    response["Retry-After"] = str(DATABASE_OUTAGE_RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def csrf_failure(request, reason=""):
    return _render_error_page("403_csrf.html", status=403)


def robots_txt(request):
    return render(
        request,
        "robots.txt",
        {"admin_url": settings.ADMIN_URL},
        content_type="text/plain",
    )
