from django import template

from ..forms import VerificationForm

register = template.Library()


@register.inclusion_tag(
    "insurance_verification/includes/verification_form.html", takes_context=True
)
def verification_form(context, insurer=None):
    """The insurance verification form with `insurer` preselected (a carrier's page).

    It posts to the form's own page, where errors are shown with what was typed kept.
    """
    request = context.get("request")
    initial = {"form_page": request.path if request else ""}
    if insurer is not None:
        initial["insurance"] = str(insurer.pk)
    site = context.get("site")
    return {
        "form": VerificationForm(initial=initial, site_name=getattr(site, "name", "")),
        "site": site,
        "request": request,
    }
