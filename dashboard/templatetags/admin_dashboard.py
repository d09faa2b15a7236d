from django import template

from dashboard.notices import attention_notices, dashboard_panels

register = template.Library()


def for_signed_in(read):
    """A tag that reads `read(request)` for a signed-in user, and nothing otherwise."""

    def tag(context) -> list:
        request = context.get("request")
        if request is None or not request.user.is_authenticated:
            return []
        return read(request)

    return tag


# {% notices_for_dashboard as notices %}: what the signed-in user should act on.
register.simple_tag(
    for_signed_in(attention_notices), takes_context=True, name="notices_for_dashboard"
)
# {% panels_for_dashboard as panels %}: the signed-in user's work, panel by panel.
register.simple_tag(
    for_signed_in(dashboard_panels), takes_context=True, name="panels_for_dashboard"
)
