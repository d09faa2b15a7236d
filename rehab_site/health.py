"""Health checks for the load balancer and the deploy: is this server able to serve?"""

import logging

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from rehab_site.caching import COORDINATION
from rehab_site.task_queue import late_task_count

logger = logging.getLogger(__name__)


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
