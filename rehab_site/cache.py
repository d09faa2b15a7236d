"""A site-wide content version, so cached fragments and pages expire on any content save.

Instead of deleting keys one by one, every cached value built from content carries the
current version in its key; saving content bumps the version and old keys age out.
"""

import time
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache

VERSION_KEY = "site:content-version"
DEFAULT_TIMEOUT = 60 * 60

T = TypeVar("T")


def content_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        # A timestamp rather than 1, so a restarted cache never reuses an old version.
        version = int(time.time() * 1000)
        cache.add(VERSION_KEY, version, timeout=None)
        version = cache.get(VERSION_KEY, version)
    return version


def bump_content_version() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, int(time.time() * 1000), timeout=None)


def cached_content(
    key: str, build: Callable[[], T], timeout: int = DEFAULT_TIMEOUT
) -> T:
    """Return the value cached under `key` for the current content version, building it once."""
    versioned_key = f"{key}:v{content_version()}"
    value = cache.get(versioned_key)
    if value is None:
        value = build()
        cache.set(versioned_key, value, timeout)
    return value
