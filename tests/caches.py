"""Emptying the cache, for tests that need a cold start."""

from django.core.cache import cache

from rehab_site.caching import refresh_content_state


def empty_caches() -> None:
    """Everything cached is gone. The content state (which generation, when scheduled
    content next changes) is read again at once: it is worked out once per save for the
    whole site, not by the pages the tests count."""
    cache.clear()
    refresh_content_state()
