from django.contrib.sitemaps import Sitemap
from django.db.models import Max, Q
from django.db.models.functions import Greatest
from django.urls import reverse
from django.utils import timezone

from editing.publishing import Status
from rehab_site.caching import remember

from .models import Article, Category


class ArticleSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.7

    def items(self):
        return (
            Article.objects.live()
            .filter(noindex=False)
            .only("slug", "updated_at", "publish_at")
            .order_by("-publish_at", "-pk")
        )

    def lastmod(self, article):
        # A scheduled article changes for visitors when it goes live, after its last save.
        return max(article.updated_at, article.publish_at)

    def get_latest_lastmod(self):
        # Django's default loads every article to take the newest date; the sitemap
        # index asks for it on every request, so ask the database once per content change.
        return remember(
            "sitemap:articles:latest",
            lambda: self.items().aggregate(
                latest=Max(Greatest("updated_at", "publish_at"))
            )["latest"],
        )

    @property
    def paginator(self):
        paginator = super().paginator
        paginator.count = remember(
            "sitemap:articles:count", lambda: self.items().count()
        )
        return paginator


class BlogIndexSitemap(Sitemap):
    """The article list and category pages that have live articles."""

    changefreq = "weekly"
    priority = 0.6

    def items(self):
        # The newest change per category looks at every article: once per content change.
        return remember("sitemap:blog-index", self._build_items)

    def _build_items(self):
        now = timezone.now()
        categories = (
            Category.objects.annotate(
                last_update=Max(
                    Greatest("articles__updated_at", "articles__publish_at"),
                    filter=Q(
                        articles__status=Status.PUBLISHED,
                        articles__publish_at__lte=now,
                    ),
                )
            )
            .filter(last_update__isnull=False)
            .order_by("name")
        )
        latest = Article.objects.live().aggregate(
            last_update=Max(Greatest("updated_at", "publish_at"))
        )
        return [("blog:article_list", None, latest["last_update"])] + [
            ("blog:category", category.slug, category.last_update)
            for category in categories
        ]

    def location(self, item):
        name, slug, _ = item
        return reverse(name, kwargs={"slug": slug}) if slug else reverse(name)

    def lastmod(self, item):
        return item[2]
