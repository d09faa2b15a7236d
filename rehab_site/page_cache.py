"""Whole-page caching for anonymous visitors, and Cache-Control headers for everyone.

A cached page is stored with the content version (rehab_site/cache.py) it was built
under, so any save of published content retires every cached page at once. A response is
only stored when it is the same for every visitor: no cookie set, no CSRF token rendered
into it, no CSP nonce used, no "private" caching header. Anyone with a session (signed-in
staff) always gets fresh pages.

The middleware sits before the session, authentication and staff middleware, so a page
served from the cache skips them: one cache round trip fetches the version and the page.
The CSRF middleware stays outside it, so a cached form still gets this visitor's token.
"""

import functools
import hashlib
import threading
import time
from collections import OrderedDict
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.module_loading import import_string

from .cache import VERSION_KEY, content_version, known_version, remember_version

MAX_CACHED_QUERY_LENGTH = 200


class RecentPages:
    """The pages this process served last, up to a number of bytes, so that a popular page
    costs no trip to the shared cache while this process trusts the content version."""

    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self.size = 0
        self.pages: OrderedDict[str, tuple[int, float, tuple]] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: str, version: int) -> tuple | None:
        with self.lock:
            entry = self.pages.get(key)
            if entry is None:
                return None
            stored_version, expires, frozen = entry
            if stored_version != version or expires < time.monotonic():
                self._remove(key)
                return None
            self.pages.move_to_end(key)
            return frozen

    def put(self, key: str, version: int, frozen: tuple) -> None:
        size = len(frozen[2])
        if size > self.max_bytes:
            return
        expires = time.monotonic() + settings.PAGE_CACHE_SECONDS
        with self.lock:
            self._remove(key)
            self.pages[key] = (version, expires, frozen)
            self.size += size
            while self.size > self.max_bytes:
                self._remove(next(iter(self.pages)))

    def clear(self) -> None:
        with self.lock:
            self.pages.clear()
            self.size = 0

    def _remove(self, key: str) -> None:
        entry = self.pages.pop(key, None)
        if entry is not None:
            self.size -= len(entry[2][2])


_recent_pages = RecentPages(max_bytes=settings.PAGE_CACHE_PROCESS_BYTES)


def per_visitor_placeholder(name: str) -> str:
    """What cacheable HTML holds where the value named in PER_VISITOR_VALUES belongs."""
    return f"__{name}_for_this_visitor__"


@functools.cache
def _per_visitor_values() -> list[tuple[bytes, Callable]]:
    return [
        (per_visitor_placeholder(name).encode(), import_string(path))
        for name, path in settings.PER_VISITOR_VALUES.items()
    ]


def _fill_in_per_visitor_values(request, response) -> bool:
    """Put this visitor's own values (CSRF token, form key) where a page holds placeholders;
    True when there were any."""
    if response.streaming or not response.get("Content-Type", "").startswith(
        "text/html"
    ):
        return False
    content = response.content
    filled = False
    for placeholder, make_value in _per_visitor_values():
        if placeholder in content:
            content = content.replace(placeholder, make_value(request).encode())
            filled = True
    if not filled:
        return False
    response.content = content
    if response.has_header("Content-Length"):
        response["Content-Length"] = str(len(content))
    return True


def _is_private_path(path: str) -> bool:
    return path.startswith((f"/{settings.ADMIN_URL}", *settings.NEVER_CACHED_PATHS))


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self._respond(request)
        personal = _fill_in_per_visitor_values(request, response)
        if request.path.startswith(tuple(settings.BROWSER_NO_STORE_PATHS)):
            add_never_cache_headers(response)
        elif personal:
            # The page now differs per visitor: shared caches must not keep this copy.
            patch_cache_control(response, private=True)
        return response

    def _respond(self, request):
        if _is_private_path(request.path):
            response = self.get_response(request)
            patch_cache_control(response, no_store=True, private=True)
            return response
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            # Possibly signed in: the session is not even loaded yet, so never share.
            response = self.get_response(request)
            patch_cache_control(response, private=True, no_cache=True)
            return response
        if not self._cacheable_request(request):
            return self.get_response(request)

        # Hashed: paths can be long and hold any character, cache keys should not.
        path_digest = hashlib.sha256(request.get_full_path().encode()).hexdigest()
        key = f"page:{request.method}:{path_digest}"
        version = known_version()
        frozen = _recent_pages.get(key, version) if version is not None else None
        if frozen is None:
            found = cache.get_many([VERSION_KEY, key])
            if VERSION_KEY in found:
                version = found[VERSION_KEY]
                remember_version(version)
            else:
                version = content_version()
            stored = found.get(key)
            if stored is not None and stored[0] == version:
                frozen = stored[1]
                _recent_pages.put(key, version, frozen)
        if frozen is not None:
            return self._rebuild(frozen)

        response = self.get_response(request)
        if self._cacheable_response(request, response):
            patch_cache_control(response, public=True, max_age=settings.PUBLIC_MAX_AGE)
            frozen = self._freeze(response)
            cache.set(key, (version, frozen), settings.PAGE_CACHE_SECONDS)
            _recent_pages.put(key, version, frozen)
            response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def _cacheable_request(request) -> bool:
        return (
            settings.PAGE_CACHE_SECONDS > 0
            and request.method in ("GET", "HEAD")
            and len(request.META.get("QUERY_STRING", "")) <= MAX_CACHED_QUERY_LENGTH
        )

    @staticmethod
    def _cacheable_response(request, response) -> bool:
        cache_control = response.get("Cache-Control", "")
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and getattr(request, "_csp_nonce", None) is None
            and "private" not in cache_control
            and "no-store" not in cache_control
            and "no-cache" not in cache_control
        )

    @staticmethod
    def _freeze(response) -> tuple:
        headers = [
            (name, value)
            for name, value in response.items()
            if name.lower() != "x-page-cache"
        ]
        return response.status_code, headers, response.content

    @staticmethod
    def _rebuild(stored: tuple) -> HttpResponse:
        status, headers, content = stored
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        response["X-Page-Cache"] = "hit"
        return response
