"""What the admissions code needs to know about a request: the visitor's address and rate limit."""

from django.conf import settings

from rehab_site.network import client_ip
from rehab_site.rate_limits import count_attempt


def over_rate_limit(request) -> bool:
    """Count one inquiry from this address; True once it has sent more than the limit allows.

    The count lives in the coordination cache (Redis in production), so it holds across
    workers. While Redis is unreachable it is kept in this process's memory instead, which
    lets an address send up to the limit to each worker, and a warning says so: an inquiry
    is never refused because the cache failed.
    """
    address = client_ip(request) or "unknown"
    count = count_attempt(
        f"admissions:rate:{address}",
        settings.ADMISSIONS_RATE_LIMIT_WINDOW,
        limit_name="Inquiry rate limit",
    )
    return count > settings.ADMISSIONS_RATE_LIMIT
