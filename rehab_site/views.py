"""Site-wide views: the home page, health check and the error pages."""

import logging
import sys

from django.conf import settings
from django.core.cache import caches
from django.db import InterfaceError, OperationalError, connection
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.utils.functional import SimpleLazyObject
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from .caching import COORDINATION, FragmentCache
from .models import HomePage, SiteSettings
from .page_parts import home_sections
from .task_queue import late_task_count

logger = logging.getLogger(__name__)


class HomeView(TemplateView):
    template_name = "home.html"

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            **home_sections(),
            # Loaded only when the home page's cached fragment is built.
            "home_page": SimpleLazyObject(HomePage.load),
        }


@never_cache
def healthz(request):
    """200 while the database answers, 503 with the reason when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception as error:  # any database failure means "not healthy"
        logger.warning("Health check failed: %s", error.__class__.__name__)
        return JsonResponse(
            {"status": "unavailable", "database": "unreachable"}, status=503
        )
    return JsonResponse({"status": "ok", "database": "ok"})


@never_cache
def readyz(request):
    """Ready to serve: the database answers, the cache works and every migration is applied.

    A task queue that nobody works (no worker running) does not stop this server from
    serving pages, so it is reported as a warning with status 200, and logged.
    """
    problems = []
    warnings = []
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception as error:
        problems.append(f"database unreachable ({error.__class__.__name__})")
    else:
        executor = MigrationExecutor(connection)
        if executor.migration_plan(executor.loader.graph.leaf_nodes()):
            problems.append("database migrations not applied")
        else:
            late = late_task_count()
            if late:
                warnings.append(
                    f"task queue: {late} task{'s' if late != 1 else ''} waiting more than "
                    f"{settings.TASK_QUEUE_LATE_MINUTES} minutes; is the worker "
                    "(manage.py db_worker) running? Inquiry notifications are not going out."
                )
                logger.warning("readyz: %s", warnings[-1])
    try:
        # The coordination cache raises when Redis fails (the default one ignores it).
        caches[COORDINATION].set("readyz", "ok", 5)
        if caches[COORDINATION].get("readyz") != "ok":
            problems.append("cache not storing values")
    except Exception as error:
        problems.append(f"cache unreachable ({error.__class__.__name__})")
    # The content cache ignores a Redis outage (CONTENT_CACHE_URL may name another one):
    # a value it does not give back is how one shows.
    caches["template_fragments"].set("readyz", "ok", 5)
    if caches["template_fragments"].get("readyz") != "ok":
        problems.append("content cache not storing values")
    if problems:
        return JsonResponse(
            {"status": "not ready", "problems": problems, "warnings": warnings},
            status=503,
        )
    if warnings:
        return JsonResponse({"status": "ready", "warnings": warnings})
    return JsonResponse({"status": "ready"})


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
