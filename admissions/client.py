"""What the admissions code needs to know about a request: the visitor's address and rate limit."""

import logging

from django.conf import settings
from django.core.cache import caches
from redis.exceptions import RedisError

from rehab_site.caching import COORDINATION
from rehab_site.network import client_ip

logger = logging.getLogger(__name__)


def over_rate_limit(request) -> bool:
    """Count one inquiry from this address; True once it has sent more than the limit allows.

    The count lives in the coordination cache (Redis in production), so it holds across
    workers. While Redis is unreachable it is kept in this process's memory instead, which
    lets an address send up to the limit to each worker, and a warning says so: an inquiry
    is never refused because the cache failed.
    """
    address = client_ip(request) or "unknown"
    try:
        count = _count(caches[COORDINATION], address)
    except RedisError as error:
        logger.warning(
            "Inquiry rate limit: the shared cache is unreachable (%s); counting in "
            "this process only until it answers again.",
            error.__class__.__name__,
        )
        count = _count(caches["this_process"], address)
    return count > settings.ADMISSIONS_RATE_LIMIT


def _count(cache, address: str) -> int:
    key = f"admissions:rate:{address}"
    window = settings.ADMISSIONS_RATE_LIMIT_WINDOW
    if cache.add(key, 1, timeout=window):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        return 1
