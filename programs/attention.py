"""Program and site pages scheduled to go live, one line per page type, on the dashboard."""

from django.urls import reverse
from django.utils import timezone

from blog.attention import scheduled_changelist
from rehab_site.attention import Notice
from rehab_site.publishing import Status

from .models import Audience, Condition, Location, Page, Program

PAGE_TYPES = [Program, Condition, Audience, Location, Page]


def attention(request) -> list[Notice]:
    now = timezone.now()
    notices = []
    for model in PAGE_TYPES:
        opts = model._meta
        if not request.user.has_perm(f"{opts.app_label}.change_{opts.model_name}"):
            continue
        scheduled = model.objects.filter(status=Status.PUBLISHED, publish_at__gt=now)
        first = scheduled.order_by("publish_at").first()
        if first is None:
            continue
        count = scheduled.count()
        name = opts.verbose_name if count == 1 else opts.verbose_name_plural
        when = timezone.localtime(first.publish_at).strftime("%b %-d at %-I:%M %p")
        notices.append(
            Notice(
                title=f"{count} {name} scheduled to go live",
                url=scheduled_changelist(
                    reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
                ),
                detail=f"Next: “{first}”, {when}.",
            )
        )
    return notices
