"""Counting attempts in the shared cache, for rate limits that hold across every worker and
server (CACHE_URL is Redis in production; local memory would be per process).

A count starts at the first attempt and ends `window` seconds later. Counting before
acting, and taking back an attempt that turned out fine, keeps the limit exact even when
attempts arrive at the same moment.
"""

import contextlib

from django.core.cache import cache


def count_attempt(key: str, window: int) -> int:
    """Add one attempt under `key`; the number of attempts in the current window."""
    if cache.add(key, 1, timeout=window):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # the window ended between add and incr
        cache.set(key, 1, timeout=window)
        return 1


def take_back_attempt(key: str) -> None:
    """An attempt counted by `count_attempt` that should not count after all."""
    with contextlib.suppress(ValueError):  # the window ended: nothing to take back
        cache.decr(key)
