from django import template

from dashboard.notices import attention_notices, dashboard_panels

register = template.Library()


@register.simple_tag(takes_context=True)
def notices_for_dashboard(context) -> list:
    """{% notices_for_dashboard as notices %}: what the signed-in user should act on."""
    request = context.get("request")
    if request is None or not request.user.is_authenticated:
        return []
    return attention_notices(request)


@register.simple_tag(takes_context=True)
def panels_for_dashboard(context) -> list:
    """{% panels_for_dashboard as panels %}: the signed-in user's work, panel by panel."""
    request = context.get("request")
    if request is None or not request.user.is_authenticated:
        return []
    return dashboard_panels(request)
