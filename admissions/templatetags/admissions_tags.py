from django import template

from ..forms import InquiryForm

register = template.Library()


@register.inclusion_tag("admissions/includes/short_form.html", takes_context=True)
def inquiry_short_form(context, program=None, condition=None, heading=""):
    """The short inquiry form, preset to the program or condition of the page that shows it.

    It posts to the full form's view; errors are shown there with everything kept. Render it
    fresh per request (not inside cached HTML): it carries a CSRF token and a submission token.
    """
    request = context.get("request")
    initial = {"form_page": request.path if request else ""}
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
