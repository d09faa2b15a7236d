"""A site-wide content version, so cached fragments and pages expire on any content save.

Instead of deleting keys one by one, every cached value built from content carries the
current version in its key; saving content bumps the version and old keys age out.

Each process remembers the version it last read for VERSION_RECHECK_SECONDS before asking
the shared cache again, so most requests never ask for it: a save in this process is seen
at once, a save in another process within that time.
"""

import time
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache

VERSION_KEY = "site:content-version"
VERSION_RECHECK_SECONDS = 1.0
DEFAULT_TIMEOUT = 60 * 60

T = TypeVar("T")

# Values kept per process by cached_content(in_process=True), by versioned key.
IN_PROCESS_ENTRIES = 256
_in_process: dict = {}

# The version this process last read or wrote, and until when (time.monotonic) to trust it.
_known: tuple[int | None, float] = (None, 0.0)


def remember_version(version: int) -> None:
    global _known
    _known = (version, time.monotonic() + VERSION_RECHECK_SECONDS)


def known_version() -> int | None:
    """The version this process read less than VERSION_RECHECK_SECONDS ago, if any."""
    version, trusted_until = _known
    return version if time.monotonic() < trusted_until else None


def forget_version() -> None:
    """Ask the shared cache next time (after the cache was cleared, say)."""
    global _known
    _known = (None, 0.0)
    _in_process.clear()


def content_version() -> int:
    version = known_version()
    if version is None:
        version = _read_version()
        remember_version(version)
    return version


def _read_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        # A timestamp (µs) rather than 1, so a restarted cache never reuses an old version.
        version = int(time.time() * 1_000_000)
        cache.add(VERSION_KEY, version, timeout=None)
        version = cache.get(VERSION_KEY, version)
    return version


def bump_content_version() -> None:
    try:
        version = cache.incr(VERSION_KEY)
    except ValueError:
        version = int(time.time() * 1_000_000)
        cache.set(VERSION_KEY, version, timeout=None)
    remember_version(version)


def cached_content(
    key: str,
    build: Callable[[], T],
    timeout: int = DEFAULT_TIMEOUT,
    *,
    in_process: bool = False,
) -> T:
    """Return the value cached under `key` for the current content version, building it once.

    `in_process` also keeps the value in this process, for the few values nearly every page
    uses (the center's details, menus, header and footer): a value never changes under one
    version, so only the version is then asked of the shared cache. Callers must not change
    what they get back.
    """
    versioned_key = f"{key}:v{content_version()}"
    if in_process and versioned_key in _in_process:
        return _in_process[versioned_key]
    value = cache.get(versioned_key)
    if value is None:
        value = build()
        cache.set(versioned_key, value, timeout)
    if in_process:
        if len(_in_process) >= IN_PROCESS_ENTRIES:
            _in_process.clear()  # old versions' values; the live ones come back at once
        _in_process[versioned_key] = value
    return value
