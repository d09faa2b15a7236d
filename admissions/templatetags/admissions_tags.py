from django import template

from rehab_site.page_cache import per_visitor_placeholder

from ..forms import InquiryForm

register = template.Library()


@register.inclusion_tag("admissions/includes/short_form.html", takes_context=True)
def inquiry_short_form(context, program=None, condition=None, heading=""):
    """The short inquiry form, preset to the program or condition of the page that shows it.

    It posts to the full form's view; errors are shown there with everything kept. Its CSRF
    token and form key are placeholders, so the page around it can be cached whole: the page
    cache gives each visitor their own.
    """
    request = context.get("request")
    initial = {
        "form_page": request.path if request else "",
        "form_key": per_visitor_placeholder("form_key"),
    }
    if program is not None:
        initial["program"] = program.pk
    if condition is not None:
        initial["substances"] = [condition.pk]
    site = context.get("site")
    return {
        "form": InquiryForm(initial=initial, site_name=getattr(site, "name", "")),
        "heading": heading,
        "site": site,
        "csrf_token": context.get("csrf_token"),
        "request": request,
    }
