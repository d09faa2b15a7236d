"""What the admissions code needs to know about a request: the visitor's address and rate limit."""

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.validators import validate_ipv46_address


def client_ip(request) -> str | None:
    """The visitor's address: REMOTE_ADDR, or the header a trusted proxy sets (see README)."""
    header = settings.ADMISSIONS_CLIENT_IP_HEADER
    value = request.META.get(header) or request.META.get("REMOTE_ADDR") or ""
    # X-Forwarded-For style lists: the proxy in front of us appends the client's address last.
    address = value.split(",")[-1].strip()
    try:
        validate_ipv46_address(address)
    except ValidationError:
        return None
    return address


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
