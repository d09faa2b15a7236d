from django import template
from django.utils.functional import SimpleLazyObject

from rehab_site.caching import FragmentCache
from website.models import SiteSettings

from ..forms import InquiryForm, new_form_key

register = template.Library()


@register.inclusion_tag("admissions/includes/short_form.html", takes_context=True)
def inquiry_short_form(context, program=None, condition=None, heading=""):
    """The short inquiry form, preset to the program or condition of the page that shows it.

    It posts to the full form's view; errors are shown there with everything kept. It
    carries the visitor's own CSRF token and form key, so it must never sit inside a cached
    fragment (tests/rehab_site/test_cache_rules.py makes sure it does not); its blank
    fields are one, and the form object they are drawn from is built only when that
    fragment is (most of the time it is not: building one costs about as much as the rest
    of the page, bench/results.md).
    """
    request = context.get("request")
    # The page's center details; a template rendered without them (an email, a test)
    # reads them itself, since the form's words live there.
    site = context.get("site") or SiteSettings.load()
    return {
        "form": SimpleLazyObject(lambda: InquiryForm(site_name=site.name)),
        "form_key": new_form_key(),
        "form_page": request.path if request else "",
        "program": program,
        "condition": condition,
        "heading": heading,
        "site": site,
        "csrf_token": context.get("csrf_token"),
        "fragments": context.get("fragments") or FragmentCache.off(),
        "request": request,
    }
