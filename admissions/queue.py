"""The admissions queue: saved views, how long each inquiry has waited, and searches that
never put a personal term in a URL.

A search is sent by POST, written to the access log with a random token, and the list is
then shown at `?search=<token>`: web and proxy logs, Referer headers and the admin's
`_changelist_filters` only ever see the token. A token works for the staff member who
made it, for SEARCH_TOKEN_HOURS.
"""

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.contrib import admin
from django.db.models import Count, Q
from django.utils import timezone

from rehab_site.database import capped_count, count_words

from .display import duration_words
from .models import AccessLog, Inquiry, InquiryQuerySet

SEARCH_PARAMETER = "search"
SEARCH_TOKEN_HOURS = 12
SEARCH_MAX_LENGTH = 200


# The views whose inquiries pile up for ever (every closed one stays for years) show
# their count up to this, then "1,000+": a count that stops there costs the same at
# 100,000 inquiries as at 1,000.
COUNT_CAP = 1000


@dataclass(frozen=True)
class QueueView:
    key: str
    label: str
    condition: Callable[[object, datetime], Q]  # (user, now) -> which inquiries
    # Whether it holds closed inquiries too; the others hold only open ones.
    grows: bool = False

    def filter(self, inquiries, user, now: datetime):
        return inquiries.filter(self.condition(user, now))


OPEN = InquiryQuerySet.open_q()
CLOSED_NOT_SPAM = [
    Inquiry.Status.ADMITTED,
    Inquiry.Status.REFERRED,
    Inquiry.Status.CLOSED,
]

# The default view first; "all" is what a search looks through.
VIEWS = [
    QueueView("open", "Queue", lambda user, now: OPEN),
    QueueView("mine", "Mine", lambda user, now: OPEN & Q(assigned_to=user)),
    QueueView(
        "unassigned", "Unassigned", lambda user, now: OPEN & Q(assigned_to__isnull=True)
    ),
    QueueView("urgent", "Urgent", lambda user, now: OPEN & Q(is_urgent=True)),
    QueueView(
        "waiting", "Waiting for contact", lambda user, now: InquiryQuerySet.waiting_q()
    ),
    QueueView(
        "over_target",
        "Waiting over target",
        lambda user, now: InquiryQuerySet.over_target_q(now),
    ),
    QueueView(
        "closed", "Closed", lambda user, now: Q(status__in=CLOSED_NOT_SPAM), grows=True
    ),
    QueueView(
        "spam", "Spam", lambda user, now: Q(status=Inquiry.Status.SPAM), grows=True
    ),
    QueueView("all", "All", lambda user, now: Q(), grows=True),
]
DEFAULT_VIEW = VIEWS[0]
VIEWS_BY_KEY = {view.key: view for view in VIEWS}


def view_counts(user, now: datetime) -> dict[str, int]:
    """How many inquiries each saved view holds: the open views in one query over the
    open inquiries (from the status index), the growing ones each counted up to
    COUNT_CAP + 1 (see `count_label`)."""
    counts = Inquiry.objects.filter(OPEN).aggregate(
        **{
            view.key: Count(
                "pk", filter=view.condition(user, now) or Q(pk__isnull=False)
            )
            for view in VIEWS
            if not view.grows
        }
    )
    for view in VIEWS:
        if view.grows:
            counts[view.key] = capped_count(
                view.filter(Inquiry.objects.all(), user, now), COUNT_CAP
            )
    return counts


def count_label(count: int) -> str:
    """A tab's count as it reads: "12", or "1,000+" once past COUNT_CAP."""
    return count_words(count, COUNT_CAP)


class QueueViewFilter(admin.SimpleListFilter):
    """The saved views, shown as tabs above the queue (admin/admissions/inquiry/change_list.html)."""

    title = "view"
    parameter_name = "view"

    def lookups(self, request, model_admin):
        return [(view.key, view.label) for view in VIEWS[1:]]

    def current(self, request) -> QueueView:
        return VIEWS_BY_KEY.get(self.value(), DEFAULT_VIEW)

    def queryset(self, request, queryset):
        return self.current(request).filter(queryset, request.user, timezone.now())


class SearchTokenFilter(admin.SimpleListFilter):
    """Applies the search a token stands for; shows nothing in the filter sidebar."""

    title = "search"
    parameter_name = SEARCH_PARAMETER

    def lookups(self, request, model_admin):
        return ()

    def has_output(self) -> bool:
        # The changelist applies only filters that have output; this one is never shown
        # (the queue's template has no filter sidebar).
        return True

    def __init__(self, request, params, model, model_admin):
        self.model_admin = model_admin
        super().__init__(request, params, model, model_admin)

    def queryset(self, request, queryset):
        if self.value() is None:
            return queryset
        term = search_term(request, self.value())
        if term is None:
            return queryset.none()
        return self.model_admin.search(request, queryset, term)


def new_search(request, term: str) -> str:
    """Record a search in the access log and return the token the list's URL carries."""
    from .models import record_access

    token = secrets.token_urlsafe(24)
    record_access(request, AccessLog.Action.SEARCH, query=term, search_token=token)
    return token


def search_term(request, token: str) -> str | None:
    """The term a token stands for, if it is this user's and still fresh."""
    since = timezone.now() - timedelta(hours=SEARCH_TOKEN_HOURS)
    entry = (
        AccessLog.objects.filter(
            action=AccessLog.Action.SEARCH,
            search_token=token,
            user=request.user,
            at__gte=since,
        )
        .only("query")
        .first()
    )
    return entry.query if entry else None


def normalized_search(text: str) -> str:
    return " ".join(text.split())[:SEARCH_MAX_LENGTH]


@dataclass(frozen=True)
class Wait:
    """How long an inquiry has waited, against its target: until the person is reached
    for an urgent inquiry, until the first attempt for a routine one (see
    Inquiry.waits_until_reached)."""

    words: str
    state: str  # "ok", "soon", "over", "reached", "reached-late" or "closed"
    description: str

    @property
    def after_attempt(self) -> str:
        """What a counselor is told after logging an attempt."""
        if self.state in ("reached", "reached-late"):
            return f"The clock stopped: {self.description}."
        if self.state in ("ok", "soon", "over"):
            return f"Still {self.description}."
        return ""


def wait_for(inquiry: Inquiry, now: datetime) -> Wait:
    target = inquiry.contact_target
    target_words = duration_words(target)
    waited = inquiry.waited(now)
    words = duration_words(waited)
    goal = "reached" if inquiry.waits_until_reached else "first contact"
    if inquiry.wait_ended_at is not None:
        late = waited > target
        return Wait(
            words,
            "reached-late" if late else "reached",
            f"{goal} after {words}, "
            + (f"over the {target_words} target" if late else "within target"),
        )
    if not inquiry.is_waiting:
        noun = "reach" if inquiry.waits_until_reached else "first contact"
        return Wait(words, "closed", f"no {noun} was recorded")
    attempted = (
        " (tried, not reached)"
        if inquiry.waits_until_reached and inquiry.first_attempt_at
        else ""
    )
    if waited >= target:
        return Wait(
            words, "over", f"waiting{attempted}, over the {target_words} target"
        )
    if waited >= target / 2:
        return Wait(words, "soon", f"waiting{attempted}, {target_words} target")
    return Wait(words, "ok", f"waiting{attempted}, {target_words} target")
