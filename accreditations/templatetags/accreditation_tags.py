from django import template

from rehab_site.caching import remember

from ..models import Accreditation

register = template.Library()


@register.simple_tag
def current_accreditations() -> list[Accreditation]:
    """Those visitors see now, cached until content changes or one of them starts or lapses
    (Accreditation.next_scheduled_change cuts the cache's timeouts). Show them with
    {% include "accreditations/includes/badges.html" with variant="footer" or "full" %}."""
    return remember(
        "accreditations",
        lambda: list(Accreditation.objects.current().select_related("seal_picture")),
    )
