"""The dashboard notices every publishable model shares (dashboard/notices.py): draft
changes waiting to be published, and pages or changes scheduled to go live."""

from django.urls import reverse
from django.utils import timezone

from dashboard.notices import Notice
from editing.drafts import scheduled_pages, waiting_changes
from editing.publishing import Status


def plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def publishing_notices(request, model) -> list[Notice]:
    """Notices about `model`'s drafts and schedule, for staff who may change its pages."""
    opts = model._meta
    if not request.user.has_perm(f"{opts.app_label}.change_{opts.model_name}"):
        return []
    changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    one, many = str(opts.verbose_name), str(opts.verbose_name_plural)
    notices = []
    waiting = waiting_changes(model).count()
    if waiting:
        notices.append(
            Notice(
                title=f"{plural(waiting, one, many)} with draft changes waiting",
                url=f"{changelist}?publishing=changes",
                detail="Changes saved as drafts: preview them, then publish or discard them.",
            )
        )
    scheduled = model.objects.filter(scheduled_pages(model)).count()
    if scheduled:
        first = (
            model.objects.filter(status=Status.PUBLISHED, publish_at__gt=timezone.now())
            .order_by("publish_at")
            .first()
        )
        detail = "Pages or changes that go live by themselves at their time."
        if first is not None:
            when = timezone.localtime(first.publish_at).strftime("%b %-d at %-I:%M %p")
            detail = f"Next: “{first}”, {when}. {detail}"
        notices.append(
            Notice(
                title=f"{plural(scheduled, one, many)} scheduled",
                url=f"{changelist}?publishing=scheduled",
                detail=detail,
            )
        )
    return notices
