"""The blog sidebar's data (recent articles and categories) and the monthly archive, cached
until content changes or a scheduled article comes due (rehab_site/caching.py)."""

from django.db.models import Count, Q
from django.utils import timezone

from editing.publishing import Status
from rehab_site.caching import remember

from .models import Article, Category

RECENT_COUNT = 5
ARCHIVE_MONTHS = 12


def sidebar_data() -> dict:
    return remember("blog:sidebar", _build)


def _build() -> dict:
    recent = Article.objects.live().order_by("-publish_at", "-pk")[:RECENT_COUNT]
    live = Q(
        articles__status=Status.PUBLISHED, articles__publish_at__lte=timezone.now()
    )
    categories = (
        Category.objects.annotate(article_count=Count("articles", filter=live))
        .filter(article_count__gt=0)
        .order_by("name")
        .values("name", "slug", "article_count")
    )
    return {
        "recent": [
            {"title": article.title, "url": article.get_absolute_url()}
            for article in recent.only("title", "slug")
        ],
        "categories": [
            {
                "name": category["name"],
                "url": Category(slug=category["slug"]).get_absolute_url(),
                "count": category["article_count"],
            }
            for category in categories
        ],
    }


def archive_months() -> list:
    """The most recent months with live articles, for the archive links on list pages."""
    return remember(
        "blog:archive-months",
        lambda: list(
            Article.objects.live().datetimes("publish_at", "month", order="DESC")[
                :ARCHIVE_MONTHS
            ]
        ),
    )
