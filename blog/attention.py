"""The blog's lines on the admin dashboard: articles scheduled to go live, and articles due
for medical review (never reviewed, or more than a year ago)."""

from django.urls import reverse
from django.utils import timezone

from rehab_site.attention import Notice
from rehab_site.publishing import Status

from .models import Article


def _articles(count: int) -> str:
    return f"{count} article{'' if count == 1 else 's'}"


def scheduled_changelist(changelist: str) -> str:
    """The admin list of published rows whose time has not come."""
    return f"{changelist}?visibility=scheduled"


def attention(request) -> list[Notice]:
    if not request.user.has_perm("blog.change_article"):
        return []
    now = timezone.now()
    changelist = reverse("admin:blog_article_changelist")
    notices = []
    scheduled = Article.objects.filter(status=Status.PUBLISHED, publish_at__gt=now)
    count = scheduled.count()
    if count:
        first = scheduled.order_by("publish_at").first()
        when = timezone.localtime(first.publish_at).strftime("%b %-d at %-I:%M %p")
        notices.append(
            Notice(
                title=f"{_articles(count)} scheduled to go live",
                url=scheduled_changelist(changelist),
                detail=f"Next: “{first.title}”, {when}.",
            )
        )
    due = Article.objects.live().due_for_review().count()
    if due:
        notices.append(
            Notice(
                title=f"{_articles(due)} due for medical review",
                url=f"{changelist}?review=due&visibility=live",
                tone="warning",
                detail="Live health articles never reviewed by a clinician, or reviewed more than 12 months ago.",
            )
        )
    return notices
