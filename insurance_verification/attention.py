"""Admissions staff's line on the dashboard: insurance verifications nobody has started
on. A count only, no names."""

from django.urls import reverse

from dashboard.notices import Notice

from .models import InsuranceVerification


def attention(request) -> list[Notice]:
    if not request.user.has_perm("insurance_verification.view_insuranceverification"):
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
            url=reverse("admin:insurance_verification_insuranceverification_changelist")
            + "?status=new",
            tone="warning",
            detail="Families are waiting to hear what their plan covers.",
        )
    ]
