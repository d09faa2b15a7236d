"""The library's notice on the dashboard: pictures nobody has described yet (uploaded in
the editor without alt text), which hold publishing of any page that shows them."""

from django.urls import reverse

from dashboard.notices import Notice

from .models import Picture


def pictures_without_alt(request) -> list[Notice]:
    if not request.user.has_perm("pictures.change_picture"):
        return []
    count = Picture.objects.filter(alt="", decorative=False).count()
    if not count:
        return []
    return [
        Notice(
            title=f"{count} picture{'' if count == 1 else 's'} without alt text",
            url=reverse("admin:pictures_picture_changelist") + "?alt=missing",
            tone="warning",
            detail="Describe each one (or mark it decorative): a page that shows it "
            "cannot be published until then.",
        )
    ]
