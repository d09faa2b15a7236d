from django import template
from django.utils.functional import SimpleLazyObject
from django.utils.html import format_html_join

from rehab_site.caching import FragmentCache
from website.models import SiteSettings

from ..attribution import POSTED_FIELDS
from ..forms import InquiryForm

register = template.Library()


@register.simple_tag
def first_visit_fields():
    """The empty hidden fields the site's script fills with the visitor's first visit."""
    return format_html_join(
        "",
        '<input type="hidden" name="{}" value="">',
        ((name,) for name in POSTED_FIELDS),
    )


@register.inclusion_tag("admissions/includes/short_form.html", takes_context=True)
def inquiry_short_form(context, program=None, condition=None, heading=""):
    """The short inquiry form, preset to the program or condition of the page that shows it.

    It posts to the full form's view; errors are shown there with everything kept. It is
    the same for everyone (the script fetches its tokens), so its fields are a cached
    fragment, and the form object they are drawn from is built only when that fragment is
    (building one costs about as much as the rest of the page, bench/results.md).
    """
    request = context.get("request")
    # The page's center details; a template rendered without them (an email, a test)
    # reads them itself, since the form's words live there.
    site = context.get("site") or SiteSettings.load()
    return {
        "form": SimpleLazyObject(lambda: InquiryForm(site_name=site.name)),
        "form_page": request.path if request else "",
        "program": program,
        "condition": condition,
        "heading": heading,
        "site": site,
        "fragments": context.get("fragments") or FragmentCache.off(),
        "request": request,
    }
