"""The dashboard notices every publishable model shares (rehab_site/attention.py): draft
changes waiting to be published, and pages or changes scheduled to go live."""

from django.urls import reverse
from django.utils import timezone

from .attention import Notice
from .drafts import scheduled_changes, waiting_changes
from .publishing import Status


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
    # Neither side of the union may keep its model's ordering: SQLite refuses ORDER BY
    # inside a compound statement.
    scheduled = (
        model.objects.filter(status=Status.PUBLISHED, publish_at__gt=timezone.now())
        .order_by()
        .values("pk")
        .union(scheduled_changes(model).order_by().values("object_id"))
        .count()
    )
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
