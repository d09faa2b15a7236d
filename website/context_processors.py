from django.utils.functional import SimpleLazyObject

from rehab_site.caching import FragmentCache
from website.models import SiteSettings
from website.models.menus import load_menus


def site(request) -> dict:
    """The center's details and menus, for every template (both cached until content changes),
    and the header link to mark as the current page, if any: the header's cached fragment
    varies by it. The details are read when a template first uses them: a page kept whole
    in one fragment (a site page) does not."""
    menus = load_menus()
    current = request.path if request.path in menus.get("main_hrefs", ()) else ""
    return {
        "site": SimpleLazyObject(SiteSettings.load),
        "menus": menus,
        "current_menu_href": current,
    }


def fragments(request) -> dict:
    """The timeout and key that every {% cache %} of a public template takes (caching.py)."""
    return {"fragments": FragmentCache.for_request(request)}
