"""Filters for the admissions admin pages: people by name, times once with their zone."""

from django import template

from admissions import display

register = template.Library()

register.filter("staff_name", display.staff_name)
register.filter("local_time", display.local_time)
register.filter("ago", display.ago)
register.filter("local_time_and_age", display.local_time_and_age)
register.filter("duration_words", display.duration_words)


@register.inclusion_tag("admin/admissions/alerts.html", takes_context=True)
def admissions_alerts(context) -> dict:
    """The banner admissions staff see when inquiry notifications are not getting out."""
    from admissions.alerts import notification_alerts

    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.has_perm("admissions.view_inquiry"):
        return {"notification_alerts": []}
    return {"notification_alerts": notification_alerts()}
