"""What the admin dashboard asks staff to do about accreditations (contract: BRIEF, issue 14)."""

from django.urls import reverse

from dashboard.notices import Notice

from .models import WARN_DAYS, Accreditation


def attention(request) -> list[Notice]:
    if not request.user.has_perm("accreditations.change_accreditation"):
        return []
    changelist = reverse("admin:accreditations_accreditation_changelist")
    notices = []
    expiring = list(
        Accreditation.objects.expiring_within(WARN_DAYS).order_by("expires_on")
    )
    if expiring:
        first = expiring[0]
        count = len(expiring)
        notices.append(
            Notice(
                title=f"{count} accreditation{'s' if count != 1 else ''} or license{'s' if count != 1 else ''} expiring within {WARN_DAYS} days",
                url=f"{changelist}?validity=expiring",
                tone="warning",
                detail=f"{first.title} expires on {first.expires_on:%B %-d, %Y} and then disappears from the site. Enter the renewal when it arrives.",
            )
        )
    lapsed = Accreditation.objects.lapsed().count()
    if lapsed:
        notices.append(
            Notice(
                title=f"{lapsed} accreditation{'s' if lapsed != 1 else ''} or license{'s' if lapsed != 1 else ''} expired",
                url=f"{changelist}?validity=lapsed",
                tone="urgent",
                detail="Expired ones are hidden from the site. Enter the renewal, or untick “show on the site” once it is no longer held.",
            )
        )
    return notices
