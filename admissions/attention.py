"""Admissions staff's lines on the dashboard: urgent open inquiries, new ones nobody has
contacted yet (with how many are past their first-contact target), and insurance
verifications nobody has started on. Counts only, no names."""

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone

from dashboard.notices import Notice

from .models import Inquiry, InquiryQuerySet, InsuranceVerification


def _inquiries(count: int) -> str:
    return f"{count} inquir{'y' if count == 1 else 'ies'}"


def attention(request) -> list[Notice]:
    return inquiry_notices(request) + verification_notices(request)


def inquiry_notices(request) -> list[Notice]:
    if not request.user.has_perm("admissions.view_inquiry"):
        return []
    now = timezone.now()
    counts = Inquiry.objects.aggregate(
        urgent=Count("pk", filter=InquiryQuerySet.open_q() & Q(is_urgent=True)),
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
    if counts["new"]:
        late = counts["over_target"]
        notices.append(
            Notice(
                title=f"{_inquiries(counts['new'])} waiting for contact",
                url=f"{queue}?view=over_target" if late else queue,
                tone="warning" if late else "info",
                detail=f"{late} past the contact target." if late else "",
            )
        )
    return notices


def verification_notices(request) -> list[Notice]:
    """Insurance verifications nobody has started on, for staff who may work them."""
    if not request.user.has_perm("admissions.view_insuranceverification"):
        return []
    waiting = InsuranceVerification.objects.filter(
        status=InsuranceVerification.Status.NEW
    ).count()
    if not waiting:
        return []
    noun = "verification" if waiting == 1 else "verifications"
    return [
        Notice(
            title=f"{waiting} new insurance {noun} to check",
            url=reverse("admin:admissions_insuranceverification_changelist")
            + "?status=new",
            tone="warning",
            detail="Families are waiting to hear what their plan covers.",
        )
    ]
