"""What admissions contributes to the admin dashboard (rehab_site.attention)."""

from django.urls import reverse

from rehab_site.attention import Notice

from .models import InsuranceVerification


def attention(request) -> list[Notice]:
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
