"""What the public site caches, where, and for how long: the one place to read.

Three places, all stock parts:

- The content state (below) lives in the coordination cache (`CACHE_URL`: Redis in
  production), shared by every process.
- Parts of pages and values built from content live in the `template_fragments` cache
  (`CONTENT_CACHE_URL`: each process's own memory by default, or Redis): fragments through
  the stock `{% cache fragments.ttl "name" fragments.key ... %}` tag, values through
  `remember()`.
- Whole public pages live at the edge (nginx's `proxy_cache` in deploy/nginx.conf, or a
  CDN) for as long as the `Cache-Control` header set here allows.

How they expire. Every cached fragment and value is keyed by the *content generation*,
which changes when content is saved or deleted (at once, and again once the transaction
has committed) and, by itself, when the next scheduled publish time arrives. Every request
reads the generation from the shared cache, so no process can serve a part built from
older content, wherever the part was kept. Every timeout, the edge's `max-age` included,
also ends at that next scheduled time. So nothing cached can outlive the next change of
what it shows: a save is seen on the next request and within `PUBLIC_MAX_AGE` seconds at
the edge; a scheduled page appears on time everywhere. A scheduled draft change is
published by a task at its time (editing/drafts.py), never by reading the state: its
publishing is a save like any other.

When Redis is unreachable. The state is worked out from the database for each request,
with no generation, and nothing is read from or kept in the caches of parts and values:
no process can know what another saved meanwhile. A process that lost Redis starts a new
generation on its first request once Redis answers again, since a save made meanwhile
(here or anywhere) could not say so, and Redis may come back with the generation it had.
"""

import contextlib
import contextvars
import datetime
import hashlib
import logging
import threading
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TypeVar

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import DisallowedHost, ObjectDoesNotExist
from django.db import transaction
from django.db.models import Model, QuerySet
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control
from redis.exceptions import RedisError

from rehab_site.content_apps import content_app_labels

T = TypeVar("T")
M = TypeVar("M", bound=Model)

STATE_KEY = "content:state"
# The cache of values every process must agree on; it raises when Redis fails (settings.py).
COORDINATION = "coordination"

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ContentState:
    """The content generation, and when scheduled content next changes by itself.

    `generation` is None while the shared cache is unreachable: then nothing is cached.
    """

    generation: str | None
    next_change: datetime.datetime | None

    @classmethod
    def now(cls) -> "ContentState":
        return cls(uuid.uuid4().hex[:16], next_scheduled_change(timezone.now()))

    @classmethod
    def unshared(cls) -> "ContentState":
        return cls(None, next_scheduled_change(timezone.now()))

    def is_current(self) -> bool:
        return self.next_change is None or timezone.now() < self.next_change

    def seconds_left(self, longest: int) -> int:
        """`longest`, cut to the whole seconds left before the next scheduled change."""
        if self.next_change is None:
            return longest
        left = (self.next_change - timezone.now()).total_seconds()
        return max(0, min(longest, int(left)))


def next_scheduled_change(now: datetime.datetime) -> datetime.datetime | None:
    """The first moment after `now` when something visitors see changes with no save: any
    model with a `next_scheduled_change(now)` class method takes part (see publishing.py)."""
    moments = [
        moment
        for model in apps.get_models()
        if hasattr(model, "next_scheduled_change")
        for moment in [model.next_scheduled_change(now)]
        if moment is not None
    ]
    return min(moments, default=None)


# Read at most once per request (CacheControlMiddleware), so that every fragment and value
# of one page agrees on the generation; outside a request, read each time it is asked for.
_request_state: contextvars.ContextVar[ContentState | None] = contextvars.ContextVar(
    "content_state", default=None
)
_in_request: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "in_request", default=False
)
# Set while something not stored is drawn (the admin's preview of a form as typed): what
# remember() and the template fragments build then describes rows that do not exist, so
# it is built each time and kept nowhere (`nothing_kept`).
_keeping: contextvars.ContextVar[bool] = contextvars.ContextVar("keeping", default=True)


@contextlib.contextmanager
def nothing_kept() -> Iterator[None]:
    """Within this block remember() builds without reading or keeping, and templates'
    fragments are not cached: for drawing content that is not stored."""
    token = _keeping.set(False)
    try:
        yield
    finally:
        _keeping.reset(token)


class _SharedCacheContact:
    """Whether this process reached the coordination cache the last time it tried."""

    lost = False

    def failed(self, error: RedisError) -> None:
        if not self.lost:
            self.lost = True
            logger.warning(
                "Cache unreachable (%s): pages are built from the database and nothing "
                "is cached until it answers again.",
                error.__class__.__name__,
            )

    def regained(self) -> None:
        self.lost = False
        logger.warning("Cache reachable again: a new content generation starts.")


_contact = _SharedCacheContact()


def refresh_content_state(*, keep_earlier_change: bool = False) -> ContentState:
    """Start a new generation: everything cached under the old one is never read again.

    `keep_earlier_change` keeps the known next scheduled change when it comes sooner: a
    save inside a transaction sees its own uncommitted rows, which a rollback may undo.
    When the shared cache is unreachable, nothing is cached until it is back (see above).
    """
    _changes.unread = False
    state = ContentState.now()
    try:
        previous = caches[COORDINATION].get(STATE_KEY) if keep_earlier_change else None
        sooner = previous is not None and previous.next_change is not None
        if sooner and (
            state.next_change is None or previous.next_change < state.next_change
        ):
            state = ContentState(state.generation, previous.next_change)
        caches[COORDINATION].set(STATE_KEY, state, timeout=None)
    except RedisError as error:
        _contact.failed(error)
        state = ContentState(None, state.next_change)
    if _in_request.get():
        _request_state.set(state)
    return state


def _read_content_state() -> ContentState:
    try:
        state = caches[COORDINATION].get(STATE_KEY)
    except RedisError as error:
        _contact.failed(error)
        return ContentState.unshared()
    if _contact.lost:
        _contact.regained()
        state = None
    if state is None or not state.is_current():
        state = refresh_content_state()
    return state


class _UnseenChanges(threading.local):
    """What this thread saved since the content state was last refreshed.

    `unread`: its next read of the state must start a new generation first, so that it
    (and a test inside its transaction) sees its own change. `uncommitted`: the next
    commit must start a new generation for every process. A transaction that saves 400
    rows so refreshes the state once after its commit, not 400 times.
    """

    unread = False
    uncommitted = False


_changes = _UnseenChanges()


def content_state() -> ContentState:
    if _changes.unread:
        _changes.unread = False
        # Inside the transaction that saved: its rows may still be rolled back.
        return refresh_content_state(keep_earlier_change=True)
    state = _request_state.get()
    if state is None or not state.is_current():
        state = _read_content_state()
        if _in_request.get():
            _request_state.set(state)
    return state


@contextlib.contextmanager
def one_content_state() -> Iterator[None]:
    tokens = _in_request.set(True), _request_state.set(None)
    try:
        yield
    finally:
        _request_state.reset(tokens[1])
        _in_request.reset(tokens[0])


def remember(name: str, build: Callable[[], T]) -> T:
    """The value `build()` makes from content, cached until that content changes. When
    `build()` raises, nothing is kept."""
    if not _keeping.get():
        return build()
    state = content_state()
    if state.generation is None:
        return build()
    return caches["template_fragments"].get_or_set(
        f"content:{name}:{state.generation}",
        build,
        state.seconds_left(settings.CONTENT_CACHE_SECONDS),
    )


def shares_the_cache(request) -> bool:
    """Whether `request` may read and fill what is cached for every visitor: GET and HEAD
    without a session. Posts render what someone typed; anyone with a session (signed-in
    staff) may be looking at drafts."""
    return settings.SESSION_COOKIE_NAME not in request.COOKIES and request.method in (
        "GET",
        "HEAD",
    )


def kept_object_or_404(
    request, name: str, queryset: QuerySet[M] | Callable[[], QuerySet[M]], **lookup
) -> M:
    """`get_object_or_404(queryset, **lookup)`, kept like remember() under `name` and the
    lookup, so that a page whose parts are all cached costs no query. A lookup that finds
    nothing keeps nothing: no visitor can make entries up. A request that does not share
    the cache (staff, who may be previewing drafts) asks the database.

    `queryset` may be a function that makes it, called only when the object is not kept:
    a view's filtered queryset takes about half a millisecond to build, a third of a
    cached page's time (the composed home page, bench/results.md)."""
    rows = queryset if callable(queryset) else lambda: queryset
    if not shares_the_cache(request):
        return get_object_or_404(rows(), **lookup)
    key = ",".join(f"{field}={value}" for field, value in sorted(lookup.items()))
    if len(key) > 100:  # an address of any length must not make a key of any length
        key = hashlib.sha256(key.encode()).hexdigest()
    try:
        return remember(f"{name}:{key}", lambda: rows().get(**lookup))
    except ObjectDoesNotExist:
        raise Http404("Nothing matches the given query.") from None


@dataclass(frozen=True)
class FragmentCache:
    """What every `{% cache %}` of a public template is given: `ttl`, and `key`, its first
    vary-on value (tests/rehab_site/test_cache_rules.py makes sure that each one is).

    The key holds the site's scheme and host (fragments hold absolute links) and the
    content generation. Only GET and HEAD requests use it. Anyone with a session (signed-in staff, who may be looking at
    drafts) gets a key of their own that is never stored, so what they see never reaches
    the shared cache, and what others were shown never hides a draft from them.
    """

    key: str
    ttl: int

    @classmethod
    def off(cls) -> "FragmentCache":
        return cls(key=f"uncached:{uuid.uuid4().hex}", ttl=0)

    def varied_by(self, value: str) -> "FragmentCache":
        """The same fragments kept apart for `value` (a page that shows its own phone
        number in the site's header and footer)."""
        return FragmentCache(key=f"{self.key}|{value}", ttl=self.ttl)

    @classmethod
    def for_request(cls, request) -> "FragmentCache":
        if (
            not settings.CACHE_FRAGMENTS
            or not _keeping.get()
            or not shares_the_cache(request)
        ):
            return cls.off()
        try:
            site = f"{request.scheme}://{request.get_host()}"
        except DisallowedHost:
            return cls.off()
        state = content_state()
        if state.generation is None:
            return cls.off()
        return cls(
            key=f"{site}/{state.generation}",
            ttl=state.seconds_left(settings.CONTENT_CACHE_SECONDS),
        )


def _private_path(path: str) -> bool:
    return path.startswith((f"/{settings.ADMIN_URL}", *settings.PRIVATE_PATHS))


class CacheControlMiddleware:
    """Says who may keep each response, and for how long.

    - The admin and the private paths (the admissions form and thank-you pages, health
      checks): nobody, browsers included (a form typed into must not come back with Back
      on a shared computer).
    - Anyone with a session (signed-in staff): their browser only, revalidated each time.
    - A response that sets a cookie or carries a CSP nonce: the visitor's browser only.
    - Every other successful GET of a public page: everyone, the edge included, for
      `PUBLIC_MAX_AGE` seconds or until the next scheduled change, whichever comes first.

    It also reads the content state once for the whole request (one_content_state).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with one_content_state():
            response = self.get_response(request)
            self.set_cache_control(request, response)
        return response

    @staticmethod
    def set_cache_control(request, response) -> None:
        if _private_path(request.path):
            add_never_cache_headers(response)
        elif settings.SESSION_COOKIE_NAME in request.COOKIES:
            patch_cache_control(response, private=True, no_cache=True)
        elif response.has_header("Cache-Control"):
            return  # the view decided (a preview is never_cache, say)
        elif (
            response.cookies
            or "'nonce-" in response.get("Content-Security-Policy", "")
            or request.method not in ("GET", "HEAD")
            or response.status_code != 200
        ):
            patch_cache_control(response, private=True)
        else:
            seconds = content_state().seconds_left(settings.PUBLIC_MAX_AGE)
            patch_cache_control(response, public=True, max_age=seconds)


def _content_changed(sender, **kwargs) -> None:
    # A data migration saves historical models (their own app registry), possibly before
    # every table the content state reads exists: post_migrate refreshes it once instead.
    if sender._meta.apps is not apps:
        return
    # Only the content apps' rows are what visitors see (content_apps.py). Saving anything
    # else (inquiries, sessions, tasks, the login throttle's records) leaves the cache
    # alone, so no visitor can churn it.
    if sender._meta.app_label in content_app_labels():
        # Before this thread next reads the state, so that it (and a test inside its
        # transaction) sees the change; and again after the commit, so that nothing
        # another process built from the rows as they were before the commit is kept as
        # the new content.
        _changes.unread = _changes.uncommitted = True
        transaction.on_commit(_refresh_after_commit)


def _refresh_after_commit() -> None:
    # Every save of the transaction registered this; the first one to run refreshes.
    if _changes.uncommitted:
        _changes.unread = _changes.uncommitted = False
        refresh_content_state()


def _migrated(sender, **kwargs) -> None:
    refresh_content_state()


def connect_signals(*, after_migrate_of) -> None:
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_content_changed, dispatch_uid=f"content_changed_{id(signal)}")
    post_migrate.connect(
        _migrated, sender=after_migrate_of, dispatch_uid="content_migrated"
    )
