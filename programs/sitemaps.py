from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Audience, Condition, Insurer, Location, Page, Program


class LivePagesSitemap(Sitemap):
    """Every live, indexable page of one model."""

    model = None
    changefreq = "monthly"
    priority = 0.7

    def items(self):
        return (
            self.model.objects.live()
            .filter(noindex=False)
            .only("slug", "updated_at", "publish_at")
            .order_by("order", "pk")
        )

    def lastmod(self, page):
        # A scheduled page changes for visitors when it goes live, after its last save.
        return max(page.updated_at, page.publish_at)


class ProgramSitemap(LivePagesSitemap):
    model = Program
    priority = 0.9


class ConditionSitemap(LivePagesSitemap):
    model = Condition
    priority = 0.8


class AudienceSitemap(LivePagesSitemap):
    model = Audience


class LocationSitemap(LivePagesSitemap):
    model = Location


class PageSitemap(LivePagesSitemap):
    """The site pages, the home page first."""

    model = Page

    def items(self):
        return (
            super()
            .items()
            .only("slug", "updated_at", "publish_at", "is_home")
            .order_by("-is_home", "order", "pk")
        )

    def priority(self, page):
        return 1.0 if page.is_home else 0.5


class InsurerSitemap(Sitemap):
    """The pages of the accepted carriers that have one."""

    changefreq = "monthly"
    priority = 0.6

    def items(self):
        return Insurer.objects.with_pages().only("slug", "updated_at")

    def lastmod(self, insurer):
        return insurer.updated_at


class IndexPagesSitemap(Sitemap):
    """The overview pages: treatment, addictions, who we help, areas we serve."""

    changefreq = "weekly"
    priority = 0.8

    def items(self):
        return [
            "programs:treatment",
            "programs:conditions",
            "programs:audiences",
            "programs:locations",
            "programs:insurance",
        ]

    def location(self, name):
        return reverse(name)


PROGRAM_SITEMAPS = {
    "program-overviews": IndexPagesSitemap,
    "programs": ProgramSitemap,
    "conditions": ConditionSitemap,
    "who-we-help": AudienceSitemap,
    "areas-we-serve": LocationSitemap,
    "pages": PageSitemap,
    "insurance": InsurerSitemap,
}
