"""RSS and Atom feeds of live articles: all of them, or one category's."""

from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from website.models import SiteSettings

from .models import Article, Category, Person

FEED_LENGTH = 20


class ArticleFeed(Feed):
    def title(self):
        return f"{SiteSettings.load().name}: recovery articles"

    def link(self):
        return reverse("blog:article_list")

    def description(self):
        return "New articles on addiction, treatment and recovery."

    def articles(self):
        return (
            Article.objects.live()
            .defer("body", "body_text", "search_vector")
            .prefetch_related(
                Prefetch("authors", queryset=Person.objects.order_by("name")),
                "categories",
            )
        )

    def items(self):
        return self.articles()[:FEED_LENGTH]

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        return article.summary

    def item_pubdate(self, article):
        return article.publish_at

    def item_updateddate(self, article):
        return article.updated_at

    def item_author_name(self, article):
        return (
            ", ".join(person.display_name for person in article.authors.all()) or None
        )

    def item_categories(self, article):
        return [category.name for category in article.categories.all()]


class AtomArticleFeed(ArticleFeed):
    feed_type = Atom1Feed
    subtitle = ArticleFeed.description


class CategoryFeed(ArticleFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Category, slug=slug)

    def title(self, category):
        return f"{SiteSettings.load().name}: {category.name}"

    def link(self, category):
        return category.get_absolute_url()

    def description(self, category):
        return category.meta_description or category.description or category.name

    def items(self, category):
        return self.articles().in_category(category)[:FEED_LENGTH]


class AtomCategoryFeed(CategoryFeed):
    feed_type = Atom1Feed
    subtitle = CategoryFeed.description
