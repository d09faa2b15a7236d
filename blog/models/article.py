import hashlib
import html
import math
import re
from datetime import timedelta

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags

from editing.publishing import Publishable, PublishableQuerySet
from editing.richtext import RichTextField, sanitize_html
from pictures.fields import PictureField
from pictures.renditions import default_size, srcset
from website.search import SEARCH_CONFIG, has_full_text_search

from .person import Person
from .taxonomy import Category, Tag

WORDS_PER_MINUTE = 225
REVIEW_INTERVAL = timedelta(days=365)
# On PostgreSQL articles keep a weighted search vector (blog/search.py); on SQLite, none.


# Paths under /blog/ that belong to other pages, so no article may take them as its slug.
RESERVED_SLUGS = {
    "archive",
    "author",
    "category",
    "feed",
    "preview",
    "search",
    "tag",
}


def validate_article_slug(value: str) -> None:
    if value in RESERVED_SLUGS:
        raise ValidationError(
            "“%(value)s” is used by another blog page; choose a different slug.",
            params={"value": value},
        )
    if value.isdigit():
        raise ValidationError(
            "A slug made only of digits would clash with the yearly archive; add a word."
        )


class ArticleQuerySet(PublishableQuerySet):
    def for_cards(self):
        """What article cards show, in the same single query as the articles themselves.

        The featured picture comes joined, and the first category (by name) from
        subqueries rather than a prefetch, which keeps list pages within their query
        budget.
        """
        first_category = Category.objects.filter(articles=models.OuterRef("pk"))
        return (
            self.defer("body", "body_text", "search_vector")
            .select_related("featured_picture")
            .annotate(
                category_name=models.Subquery(first_category.values("name")[:1]),
                category_slug=models.Subquery(first_category.values("slug")[:1]),
            )
        )

    def in_category(self, category: Category):
        return self.filter(categories=category)

    def tagged(self, tag: Tag):
        return self.filter(tags=tag)

    def by_person(self, person: Person):
        """Articles the person wrote or medically reviewed."""
        return self.filter(
            Q(
                pk__in=Article.authors.through.objects.filter(person=person).values(
                    "article_id"
                )
            )
            | Q(medical_reviewer=person)
        )

    def related_to(self, article: "Article", *, categories=None, tags=None):
        """Other articles sharing the most categories and tags with `article`, newest first.
        `categories` and `tags` (ids) stand in for the article's own, as in a preview."""
        category_ids = (
            categories
            if categories is not None
            else Article.categories.through.objects.filter(
                article_id=article.pk
            ).values("category_id")
        )
        tag_ids = (
            tags
            if tags is not None
            else Article.tags.through.objects.filter(article_id=article.pk).values(
                "tag_id"
            )
        )
        return (
            self.exclude(pk=article.pk)
            .filter(Q(categories__in=category_ids) | Q(tags__in=tag_ids))
            .annotate(
                shared=Count(
                    "categories",
                    filter=Q(categories__in=category_ids),
                    distinct=True,
                )
                + Count("tags", filter=Q(tags__in=tag_ids), distinct=True)
            )
            .order_by("-shared", "-publish_at", "-pk")
        )

    def due_for_review(self):
        """Never reviewed, reviewed more than a year ago, or changed since the review."""
        return self.filter(self.due_for_review_condition())

    @classmethod
    def due_for_review_condition(cls) -> Q:
        return (
            Q(reviewed_on__isnull=True)
            | Q(reviewed_on__lt=timezone.localdate() - REVIEW_INTERVAL)
            | cls.changed_since_review_condition()
        )

    def changed_since_review(self):
        """Reviewed, but the clinical content (title, summary, body) changed since."""
        return self.filter(self.changed_since_review_condition())

    @staticmethod
    def changed_since_review_condition() -> Q:
        return Q(reviewed_on__isnull=False) & ~Q(
            reviewed_content_digest=models.F("clinical_content_digest")
        )


class Article(Publishable):
    """A blog article: written by staff, optionally reviewed by a clinician, published on time."""

    title = models.CharField(max_length=200)
    slug = models.SlugField(
        max_length=200,
        unique=True,
        validators=[validate_article_slug],
        help_text="The article's address: /blog/this-slug/. Changing it later leaves a redirect behind.",
    )
    summary = models.TextField(
        max_length=400,
        help_text="One or two sentences shown in lists, feeds and search results.",
    )
    body = RichTextField(blank=True)
    featured_picture = PictureField(
        "featured picture",
        blank=True,
        help_text="Shown above the article, on its cards, and where it is shared.",
    )
    authors = models.ManyToManyField(Person, related_name="articles", blank=True)
    medical_reviewer = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reviewed_articles",
        help_text="The clinician who checked the article's medical content.",
    )
    reviewed_on = models.DateField(
        "medically reviewed on",
        null=True,
        blank=True,
        help_text="The date of the latest medical review.",
    )
    categories = models.ManyToManyField(Category, related_name="articles", blank=True)
    tags = models.ManyToManyField(Tag, related_name="articles", blank=True)
    programs = models.ManyToManyField(
        "programs.Program",
        related_name="articles",
        blank=True,
        help_text="Program pages that list this article under “From our blog”.",
    )
    conditions = models.ManyToManyField(
        "programs.Condition",
        related_name="articles",
        blank=True,
        verbose_name="addictions",
        help_text="Addiction pages that list this article under “From our blog”.",
    )

    # Derived on save, never edited by hand.
    body_text = models.TextField(blank=True, editable=False)
    reading_minutes = models.PositiveSmallIntegerField(default=1, editable=False)
    search_vector = SearchVectorField(null=True, editable=False)
    # What the medical reviewer read: a digest of the clinical content (title, summary and
    # body text) as it is now, and as it was at the latest review. They differ once the
    # content changes after a review, and the article is then due for review again.
    clinical_content_digest = models.CharField(
        max_length=64, blank=True, editable=False
    )
    reviewed_content_digest = models.CharField(
        max_length=64, blank=True, editable=False
    )

    objects = ArticleQuerySet.as_manager()

    # Written by save() itself, after the row (see save): never typed.
    derived_fields = ("search_vector",)

    class Meta:
        ordering = ["-publish_at", "-pk"]
        indexes = [
            models.Index(fields=["status", "-publish_at"], name="blog_article_live"),
            # The admin's list, newest first, and its year links (DateWithYearsListFilter).
            models.Index(fields=["publish_at", "id"], name="blog_article_newest"),
            # The list sorted by title.
            models.Index(fields=["title"], name="blog_article_title"),
            GinIndex(fields=["search_vector"], name="blog_article_search"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(medical_reviewer__isnull=True, reviewed_on__isnull=True)
                | Q(medical_reviewer__isnull=False, reviewed_on__isnull=False),
                name="blog_article_review_has_reviewer_and_date",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("blog:article_detail", kwargs={"slug": self.slug})

    def clean(self) -> None:
        errors = {}
        if self.medical_reviewer_id and not self.reviewed_on:
            errors["reviewed_on"] = "Give the date of the medical review."
        if self.reviewed_on and not self.medical_reviewer_id:
            errors["medical_reviewer"] = "Choose who reviewed the article."
        if self.reviewed_on and self.reviewed_on > timezone.localdate():
            errors["reviewed_on"] = "The review date cannot be in the future."
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        self.body = sanitize_html(self.body)
        self.body_text = plain_text(self.body)
        words = len(self.body_text.split())
        self.reading_minutes = max(1, math.ceil(words / WORDS_PER_MINUTE))
        self.clinical_content_digest = clinical_digest(
            self.title, self.summary, self.body_text
        )
        if self.reviewed_on is None:
            self.reviewed_content_digest = ""
        elif self.review_recorded_now():
            self.reviewed_content_digest = self.clinical_content_digest
        super().save(*args, **kwargs)

        if has_full_text_search():
            type(self).objects.filter(pk=self.pk).update(
                search_vector=SearchVector("title", weight="A", config=SEARCH_CONFIG)
                + SearchVector("summary", weight="B", config=SEARCH_CONFIG)
                + SearchVector("body_text", weight="C", config=SEARCH_CONFIG)
            )

    def review_recorded_now(self) -> bool:
        """Whether this save records a (new) medical review: a date or reviewer set or changed."""
        previous = (
            type(self)
            .objects.filter(pk=self.pk)
            .values_list("reviewed_on", "medical_reviewer_id")
            .first()
            if self.pk
            else None
        )
        return previous != (self.reviewed_on, self.medical_reviewer_id)

    def record_review(self, on=None) -> None:
        """The medical reviewer checked the article as it is now (on `on`, default today)."""
        self.reviewed_on = on or timezone.localdate()
        self.reviewed_content_digest = clinical_digest(
            self.title, self.summary, plain_text(sanitize_html(self.body))
        )
        self.save()

    @property
    def changed_since_review(self) -> bool:
        return (
            self.reviewed_on is not None
            and self.reviewed_content_digest != self.clinical_content_digest
        )

    @property
    def featured_renditions(self) -> dict:
        """The featured picture's widths ({} without one); cards and the page show them."""
        return self.featured_picture.renditions if self.featured_picture else {}

    @property
    def featured_srcset(self) -> str:
        return srcset(self.featured_renditions)

    @property
    def featured_size(self) -> dict | None:
        """The rendition for `src`."""
        return default_size(self.featured_renditions)

    @property
    def card_srcset(self) -> str:
        """The 16:9 crops around the picture's focal point, for the cards."""
        return srcset(self.featured_renditions, crop="wide")

    @property
    def card_size(self) -> dict | None:
        crops = self.featured_renditions.get("crops", {}).get("wide", [])
        return crops[0] if crops else self.featured_size

    @property
    def featured_largest(self) -> dict | None:
        """The widest rendition (1200 px): what search engines and shares show."""
        sizes = self.featured_renditions.get("sizes", [])
        return sizes[-1] if sizes else None

    @property
    def is_due_for_review(self) -> bool:
        return (
            self.reviewed_on is None
            or self.reviewed_on < timezone.localdate() - REVIEW_INTERVAL
            or self.changed_since_review
        )


_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clinical_digest(title: str, summary: str, body_text: str) -> str:
    """A digest of what a medical reviewer checks; whitespace changes do not count."""
    words = " ".join(" ".join(part.split()) for part in (title, summary, body_text))
    return hashlib.sha256(words.encode()).hexdigest()


def plain_text(body_html: str) -> str:
    """The words of an HTML body, for search, snippets and reading time."""
    text = html.unescape(strip_tags(body_html.replace("<", " <")))
    return " ".join(_CONTROL_CHARACTERS.sub(" ", text).split())
