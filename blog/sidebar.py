"""The blog sidebar's data (recent articles and categories) and the monthly archive, cached.

It is cached until content is saved, like everything built with cached_content. A
scheduled article goes live without any save, so the cached data also remembers when the
next scheduled article is due; once that moment passes, the content version is bumped and
every cached fragment (this one included) is rebuilt with the new article in it.
"""

from django.db.models import Count, Q
from django.utils import timezone

from rehab_site.cache import bump_content_version, cached_content
from rehab_site.publishing import Status

from .models import Article, Category

RECENT_COUNT = 5
ARCHIVE_MONTHS = 12


def sidebar_data() -> dict:
    data = cached_content("blog:sidebar", _build, in_process=True)
    due = data["next_publish_at"]
    if due is not None and due <= timezone.now():
        bump_content_version()
        data = cached_content("blog:sidebar", _build, in_process=True)
    return data


def _build() -> dict:
    now = timezone.now()
    next_scheduled = (
        Article.objects.filter(status=Status.PUBLISHED, publish_at__gt=now)
        .order_by("publish_at")
        .values("pk")[:1]
    )
    # One query for the recent articles and the next scheduled one: it sorts first.
    rows = list(
        Article.objects.filter(status=Status.PUBLISHED)
        .filter(Q(publish_at__lte=now) | Q(pk__in=next_scheduled))
        .order_by("-publish_at", "-pk")
        .values("title", "slug", "publish_at")[: RECENT_COUNT + 1]
    )
    next_publish_at = None
    if rows and rows[0]["publish_at"] > now:
        next_publish_at = rows.pop(0)["publish_at"]
    live = Q(articles__status=Status.PUBLISHED, articles__publish_at__lte=now)
    categories = (
        Category.objects.annotate(article_count=Count("articles", filter=live))
        .filter(article_count__gt=0)
        .order_by("name")
        .values("name", "slug", "article_count")
    )
    return {
        "recent": [
            {
                "title": row["title"],
                "url": Article(slug=row["slug"]).get_absolute_url(),
                "publish_at": row["publish_at"],
            }
            for row in rows[:RECENT_COUNT]
        ],
        "categories": [
            {
                "name": category["name"],
                "url": Category(slug=category["slug"]).get_absolute_url(),
                "count": category["article_count"],
            }
            for category in categories
        ],
        "next_publish_at": next_publish_at,
    }


def archive_months() -> list:
    """The most recent months with live articles, for the archive links on list pages."""
    return cached_content(
        "blog:archive-months",
        lambda: list(
            Article.objects.live().datetimes("publish_at", "month", order="DESC")[
                :ARCHIVE_MONTHS
            ]
        ),
    )
