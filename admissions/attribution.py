"""Where a visitor came from: the first page they landed on, the referring site and UTM tags.

The first visit is kept in a small signed cookie rather than the session, so public pages
stay free of sessions (and of `Vary: Cookie`) and their cached HTML is shared by everyone.
The cookie carries no personal data: a path, a host name and campaign tags.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core import signing

from editing.links import is_site_path

COOKIE_NAME = "first_visit"
COOKIE_SALT = "admissions.first-visit"
COOKIE_MAX_AGE = 60 * 60 * 24 * 30
UTM_FIELDS = ["utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content"]
PATH_LIMIT = 300
TAG_LIMIT = 100
HOST_LIMIT = 255


def local_path(value: str) -> str:
    """`value` when it is a path on this site (editing.links' rule), else ""."""
    value = (value or "").strip()
    return value[:PATH_LIMIT] if is_site_path(value) else ""


def external_referrer_host(request) -> str:
    """The referring site's host name, when it is another site."""
    try:
        host = urlsplit(request.META.get("HTTP_REFERER", "")).hostname or ""
    except ValueError:
        return ""
    if not host or host == request.get_host().split(":")[0]:
        return ""
    return host[:HOST_LIMIT]


def first_visit_from(request) -> dict:
    return {
        "landing_page": local_path(request.path),
        "referrer_host": external_referrer_host(request),
        **{
            field: request.GET.get(field, "").strip()[:TAG_LIMIT]
            for field in UTM_FIELDS
            if request.GET.get(field, "").strip()
        },
    }


def read_first_visit(request) -> dict:
    """The first visit recorded in the visitor's cookie, or an empty dict."""
    raw = request.COOKIES.get(COOKIE_NAME)
    if not raw:
        return {}
    try:
        data = signing.loads(raw, salt=COOKIE_SALT, max_age=COOKIE_MAX_AGE)
    except signing.BadSignature:
        return {}
    if not isinstance(data, dict):
        return {}
    allowed = {"landing_page": PATH_LIMIT, "referrer_host": HOST_LIMIT}
    allowed.update(dict.fromkeys(UTM_FIELDS, TAG_LIMIT))
    return {
        key: value[: allowed[key]]
        for key, value in data.items()
        if key in allowed and isinstance(value, str)
    }


def attribution_for(request, form_page: str) -> dict:
    """The attribution fields of an inquiry sent in `request` from `form_page`."""
    form_page = local_path(form_page)
    first_visit = read_first_visit(request)
    if not first_visit.get("landing_page"):
        # No cookie (blocked, or expired): the page with the form is the best we know.
        first_visit["landing_page"] = form_page or local_path(request.path)
    return {
        **dict.fromkeys(UTM_FIELDS, ""),
        "referrer_host": "",
        **first_visit,
        "form_page": form_page,
    }


class FirstVisitMiddleware:
    """Remember, once per visitor, the page they landed on and what sent them there."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.skipped_prefixes = (
            f"/{settings.ADMIN_URL}",
            settings.STATIC_URL,
            settings.MEDIA_URL,
        )

    def __call__(self, request):
        response = self.get_response(request)
        if (
            request.method == "GET"
            and COOKIE_NAME not in request.COOKIES
            and response.status_code == 200
            and response.get("Content-Type", "").startswith("text/html")
            and not request.path.startswith(self.skipped_prefixes)
        ):
            response.set_cookie(
                COOKIE_NAME,
                signing.dumps(
                    first_visit_from(request), salt=COOKIE_SALT, compress=True
                ),
                max_age=COOKIE_MAX_AGE,
                secure=request.is_secure(),
                httponly=True,
                samesite="Lax",
            )
        return response
