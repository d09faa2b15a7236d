"""Emptying every cache the site keeps, for tests that need a cold start."""

from django.core.cache import cache

from rehab_site import cache as content_cache
from rehab_site import page_cache


def empty_caches() -> None:
    """The shared cache, and what this process keeps: the content version it trusts, its
    in-process values and its recent pages."""
    cache.clear()
    content_cache.forget_version()
    page_cache._recent_pages.clear()
