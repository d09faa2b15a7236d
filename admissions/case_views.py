"""What the public form of every kind of case does with a valid post (admissions/cases.py):
spam dropped quietly, a resent form answered with the case it made, the rate limit, a used
form key refused, then the case stored."""

import logging
from dataclasses import dataclass

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


def with_new_form_key(request, form_class, **kwargs):
    """What the visitor sent, back in the form with a form key of its own (their key
    already made another case)."""
    data = request.POST.copy()
    data["form_key"] = new_form_key()
    form = form_class(data, **kwargs)
    form.is_valid()
    return form
