"""Emptying the caches, for tests that need a cold start."""

from django.conf import settings
from django.core.cache import caches

from rehab_site.caching import refresh_content_state


def empty_every_cache() -> None:
    for alias in settings.CACHES:
        caches[alias].clear()


def empty_caches() -> None:
    """Everything cached is gone. The content state (which generation, when scheduled
    content next changes) is read again at once: it is worked out once per save for the
    whole site, not by the pages the tests count."""
    empty_every_cache()
    refresh_content_state()
