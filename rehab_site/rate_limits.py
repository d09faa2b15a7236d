"""Counting attempts in the shared cache, for rate limits that hold across every worker and
server (the coordination cache: Redis in production; local memory would be per process).

A count starts at the first attempt and ends `window` seconds later. Counting before
acting, and taking back an attempt that turned out fine, keeps the limit exact even when
attempts arrive at the same moment.

While Redis is unreachable the count is kept in this process's memory instead, and a
warning says so: a limit then holds per worker, and nothing is refused because the cache
failed.
"""

import contextlib
import logging

from django.core.cache import caches
from redis.exceptions import RedisError

from rehab_site.caching import COORDINATION

logger = logging.getLogger(__name__)
THIS_PROCESS = "this_process"


def _count(cache, key: str, window: int) -> int:
    if cache.add(key, 1, timeout=window):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # the window ended between add and incr
        cache.set(key, 1, timeout=window)
        return 1


def count_attempt(key: str, window: int, *, limit_name: str = "Rate limit") -> int:
    """Add one attempt under `key`; the number of attempts in the current window.
    `limit_name` names the limit in the warning while Redis is unreachable."""
    try:
        return _count(caches[COORDINATION], key, window)
    except RedisError as error:
        logger.warning(
            "%s: the shared cache is unreachable (%s); counting in this process only "
            "until it answers again.",
            limit_name,
            error.__class__.__name__,
        )
        return _count(caches[THIS_PROCESS], key, window)


def take_back_attempt(key: str) -> None:
    """An attempt counted by `count_attempt` that should not count after all."""
    for alias in (COORDINATION, THIS_PROCESS):
        with contextlib.suppress(
            ValueError, RedisError
        ):  # ended, or never counted there
            caches[alias].decr(key)
            return
