"""Admissions staff's lines on the dashboard: urgent open inquiries, the ones nobody has
contacted yet, and those past their first-contact target; and a panel with the count of
every view of the queue. Counts only, no names; each count is the length of the queue's
view it links to."""

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone

from dashboard.notices import Notice, Panel, PanelRow

from .models import Inquiry, InquiryQuerySet
from .queue import VIEWS, count_label, view_counts


def _inquiries(count: int) -> str:
    return f"{count} inquir{'y' if count == 1 else 'ies'}"


def attention(request) -> list[Notice]:
    if not request.user.has_perm("admissions.view_inquiry"):
        return []
    now = timezone.now()
    # Every count is of open inquiries, which the status index finds among the closed.
    counts = Inquiry.objects.filter(InquiryQuerySet.open_q()).aggregate(
        urgent=Count("pk", filter=Q(is_urgent=True)),
        new=Count("pk", filter=InquiryQuerySet.waiting_q()),
        over_target=Count("pk", filter=InquiryQuerySet.over_target_q(now)),
    )
    queue = reverse("admin:admissions_inquiry_changelist")
    notices = []
    if counts["urgent"]:
        notices.append(
            Notice(
                title=f"{_inquiries(counts['urgent'])} marked urgent",
                url=f"{queue}?view=urgent",
                tone="urgent",
                detail="Open inquiries whose message mentions a crisis. Call first.",
            )
        )
    # Each count links to the queue's view that lists exactly those inquiries.
    if counts["new"]:
        notices.append(
            Notice(
                title=f"{_inquiries(counts['new'])} waiting for contact",
                url=f"{queue}?view=waiting",
                detail="No one has reached them yet.",
            )
        )
    if counts["over_target"]:
        notices.append(
            Notice(
                title=f"{_inquiries(counts['over_target'])} past their first-contact target",
                url=f"{queue}?view=over_target",
                tone="warning",
                detail="Waiting longer than the center's target to be called back.",
            )
        )
    return notices


def queue_panel(request) -> list[Panel]:
    """The queue's views with their counts, the same counts as its tabs."""
    if not request.user.has_perm("admissions.view_inquiry"):
        return []
    counts = view_counts(request.user, timezone.now())
    queue = reverse("admin:admissions_inquiry_changelist")
    rows = tuple(
        PanelRow(
            label=view.label,
            url=queue if view.key == "open" else f"{queue}?view={view.key}",
            count=count_label(counts[view.key]),
        )
        for view in VIEWS
    )
    return [Panel(title="Inquiry queue", rows=rows, empty="", order=5)]
