"""Where a visitor came from: the first page they landed on, the referring site and UTM tags.

The site's script keeps the first visit in the visitor's own browser (localStorage, for
30 days: static/js/site.js) and sends it with a form, in the hidden fields named below.
The server sets no cookie and keeps no session for it, so every public page is the same
for everyone and the edge can serve it to first visitors too. Without the script, the
inquiry records the page the form was on and the site that sent the visitor there, if the
browser says. The values hold no personal data: a path, a host name and campaign tags.
"""

import re
from urllib.parse import urlsplit

from editing.links import is_site_path
from programs.models import Page

UTM_FIELDS = ["utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content"]
# The hidden fields the script fills in each public form (templates/admissions/includes/
# first_visit_fields.html).
POSTED_FIELDS = ["landing_page", "referrer_host", *UTM_FIELDS, "campaign_page"]
# How long the script keeps a first visit, in days (site.js reads it from the page).
FIRST_VISIT_DAYS = 30
PATH_LIMIT = 300
TAG_LIMIT = 100
HOST_LIMIT = 255
HOST_NAME = re.compile(
    r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$"
)


def local_path(value: str) -> str:
    """`value` when it is a path on this site (editing.links' rule), else ""."""
    value = (value or "").strip()
    return value[:PATH_LIMIT] if is_site_path(value) else ""


def host_name(value: str) -> str:
    """`value` when it reads as a host name, lower-cased, else ""."""
    value = (value or "").strip().lower().rstrip(".")
    return value if len(value) <= HOST_LIMIT and HOST_NAME.match(value) else ""


def campaign_tag(value: str) -> str:
    return " ".join((value or "").split())[:TAG_LIMIT]


def own_host(request) -> str:
    return request.get_host().split(":")[0].lower()


def external_referrer_host(request) -> str:
    """The host name of the site the browser says the request came from, when it is
    another site."""
    try:
        host = host_name(urlsplit(request.META.get("HTTP_REFERER", "")).hostname or "")
    except ValueError:
        return ""
    return "" if host == own_host(request) else host


def posted_first_visit(request) -> dict:
    """The first visit the site's script sent with the form, each value checked."""
    data = request.POST
    visit = {
        "landing_page": local_path(data.get("landing_page", "")),
        "referrer_host": host_name(data.get("referrer_host", "")),
        **{field: campaign_tag(data.get(field, "")) for field in UTM_FIELDS},
    }
    if visit["referrer_host"] == own_host(request):
        visit["referrer_host"] = ""
    return visit


def attribution_for(request, form_page: str) -> dict:
    """The attribution fields of an inquiry sent in `request` from `form_page`."""
    form_page = local_path(form_page)
    visit = posted_first_visit(request)
    # No script, no storage (or a value that is not a path here): the page with the form
    # is the best we know, and the site that sent the visitor to it, if the browser says.
    visit["landing_page"] = (
        visit["landing_page"] or form_page or local_path(request.path)
    )
    visit["referrer_host"] = visit["referrer_host"] or external_referrer_host(request)
    return {**visit, **campaign_for(request, form_page), "form_page": form_page}


def campaign_for(request, form_page: str) -> dict:
    """The landing page with a campaign number that this visit went through, and that
    number, as the page has it now: the one the script says (it keeps it for the visit),
    else the page with the form itself. A path that is no such page records nothing."""
    numbers = campaign_numbers()
    for path in (local_path(request.POST.get("campaign_page", "")), form_page):
        if path in numbers:
            return {"campaign_page": path, "campaign_phone": numbers[path]}
    return {"campaign_page": "", "campaign_phone": ""}


def campaign_numbers() -> dict[str, str]:
    """{path: campaign number} of every live page that has one (a handful of rows)."""
    return {
        page.get_absolute_url(): page.campaign_phone
        for page in Page.objects.live()
        .exclude(campaign_phone="")
        .only("slug", "campaign_phone")
    }
