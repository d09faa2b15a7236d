"""What the admissions code needs to know about a request: the visitor's address and rate limit."""

from django.conf import settings
from django.core.cache import cache

from rehab_site.network import client_ip


def over_rate_limit(request) -> bool:
    """Count one inquiry from this address; True once it has sent more than the limit allows.

    The count lives in the shared cache, so it holds across workers when CACHE_URL is Redis.
    """
    address = client_ip(request) or "unknown"
    key = f"admissions:rate:{address}"
    window = settings.ADMISSIONS_RATE_LIMIT_WINDOW
    if cache.add(key, 1, timeout=window):
        count = 1
    else:
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=window)
            count = 1
    return count > settings.ADMISSIONS_RATE_LIMIT
