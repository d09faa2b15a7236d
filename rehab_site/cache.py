"""A site-wide content version, so cached fragments and pages expire on any content save.

Instead of deleting keys one by one, every cached value built from content carries the
current version in its key; saving content bumps the version and old keys age out.

The version is read from the cache once per request and remembered until the request
ends, so a page built from several cached fragments asks the cache for it only once.
"""

import contextlib
import time
from collections.abc import Callable
from typing import TypeVar

from asgiref.local import Local
from django.core.cache import cache
from django.core.signals import request_finished, request_started

VERSION_KEY = "site:content-version"
DEFAULT_TIMEOUT = 60 * 60

T = TypeVar("T")

# Values kept per process by cached_content(in_process=True), by versioned key.
IN_PROCESS_ENTRIES = 256
_in_process: dict = {}

# Holds `version` only while a request is being served; None means "not read yet".
_request = Local()


def _request_started(**kwargs) -> None:
    _request.version = None


def _request_finished(**kwargs) -> None:
    with contextlib.suppress(AttributeError):
        del _request.version


request_started.connect(_request_started, dispatch_uid="rehab_site.cache.started")
request_finished.connect(_request_finished, dispatch_uid="rehab_site.cache.finished")


def remember_version(version: int) -> None:
    """Keep a version read elsewhere (the page cache reads it with the page) for this request."""
    if hasattr(_request, "version"):
        _request.version = version


def content_version() -> int:
    version = getattr(_request, "version", None)
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
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, int(time.time() * 1_000_000), timeout=None)
    if hasattr(_request, "version"):
        _request.version = None


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
