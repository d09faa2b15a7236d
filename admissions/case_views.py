"""What the public form of every kind of case does with a post (admissions/cases.py): one
without the tokens a cached form fetches shown again to be sent once more; then, when it is
valid, spam dropped quietly, a resent form answered with the case it made, the rate limit,
a used form key refused, and the case stored."""

import logging
from dataclasses import dataclass

from django.http import JsonResponse
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from .cases import Case, FormKeyUsed
from .client import over_rate_limit
from .forms import new_form_key

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Received:
    """What became of a valid post: the case to thank the visitor for, a problem to show
    with the form (and its status code), or spam, dropped."""

    case: Case | None = None
    problem: str = ""
    status: int = 200
    dropped: bool = False


def receive_case(request, form, *, find, record) -> Received:
    """`find(form)` is the case this very form already made, if any; `record(form,
    request)` stores a new one. Both raise FormKeyUsed when the key made another case."""
    if form.spam_reason:
        # Quietly: a bot sees the same thank-you page and learns nothing.
        logger.info(
            "%s dropped as spam (%s).", form.instance.kind_name, form.spam_reason
        )
        return Received(dropped=True)
    try:
        case = find(form)
        if case is None:
            if over_rate_limit(request):
                return Received(problem="rate_limited", status=429)
            case = record(form, request)
    except FormKeyUsed:
        return Received(problem="form_key_used", status=409)
    return Received(case)


# Every public form's page is kept by the edge for everyone, so its HTML carries neither
# the CSRF token nor the form key: the page's script fetches both from here when the
# visitor starts the form (static/js/site.js), which starts the time trap then.
@never_cache
@require_safe
def form_tokens(request):
    return JsonResponse({"csrf_token": get_token(request), "form_key": new_form_key()})


def is_confirmed(request) -> bool:
    """Whether a form's post carries a form key and the visitor's CSRF token, the latter
    checked as Django's CSRF middleware checks it. A form sent without the page's script
    (or before it could fetch them) carries neither. The public form views are exempt
    from the middleware so that they can show such a form again instead of refusing it;
    they call this first, on every post."""
    if not request.POST.get("form_key"):
        return False
    checked = CsrfViewMiddleware(lambda request: None).process_view(
        request, None, (), {}
    )
    return checked is None


def with_new_form_key(request, form_class, **kwargs):
    """What the visitor sent, back in the form with a form key of its own: their key made
    another case already, or they sent the form without one. They filled it in once, so
    the time trap counts that time."""
    data = request.POST.copy()
    data["form_key"] = new_form_key(filled=True)
    form = form_class(data, **kwargs)
    form.is_valid()
    return form
