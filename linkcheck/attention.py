from django.urls import reverse

from dashboard.notices import Notice

from .models import BrokenLink


def attention(request) -> list[Notice]:
    if not request.user.has_perm("linkcheck.view_brokenlink"):
        return []
    count = BrokenLink.objects.count()
    if not count:
        return []
    return [
        Notice(
            title=f"{count} broken link{'' if count == 1 else 's'} on the site",
            url=reverse("admin:linkcheck_brokenlink_changelist"),
            tone="warning",
            detail="Links in pages, articles or menus that lead nowhere. Each row links to the page to fix.",
        )
    ]
