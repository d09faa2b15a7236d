"""Public blog pages and the staff-only draft preview.

Each view builds one queryset for what its template shows (see ArticleQuerySet.for_cards);
the templates never query in a loop, so every page runs a fixed number of queries.
"""

import calendar

from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.functional import SimpleLazyObject, cached_property
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView, ListView

from editing.drafts import DraftPreviewMixin, preview_draft
from editing.preview import is_typed_preview, prefetch_details, related
from programs.models import Condition, Program
from rehab_site.caching import kept_object_or_404, remember

from .models import Article, Category, Person, Tag
from .search import SearchForm, search_articles
from .sidebar import archive_months
from .structured_data import article_json_ld

ARTICLES_PER_PAGE = 10
RELATED_COUNT = 3


def blog_crumbs(*trail):
    return [("Home", "/"), ("Blog", reverse("blog:article_list")), *trail]


class ArticleListView(ListView):
    """The newest articles first; subclasses narrow the list and describe the page."""

    template_name = "blog/article_list.html"
    context_object_name = "articles"
    paginate_by = ARTICLES_PER_PAGE
    show_archive = (
        False  # the monthly archive links: on the blog's front page and archives
    )

    def get_queryset(self):
        return Article.objects.live().for_cards()

    # Counting every matching row is the one part of a list page whose cost grows with
    # the blog, so the count is cached until content changes.
    count_is_cached = True

    def get_paginator(self, queryset, per_page, **kwargs):
        paginator = super().get_paginator(queryset, per_page, **kwargs)
        if self.count_is_cached:
            # Keyed by the path alone: the count does not depend on the page number, the
            # only query parameter a list reads, so no visitor can make entries up by
            # adding to it (test_cache_rules.py holds every public page to that).
            paginator.count = remember(
                f"blog:list-count:{self.request.path}", queryset.count
            )
        return paginator

    def page_title(self) -> str:
        return "Recovery articles"

    def page_intro(self) -> str:
        return (
            "Clear, clinically reviewed guidance on addiction, treatment and life in "
            "recovery, for people who are struggling and the families who love them."
        )

    def meta_description(self) -> str:
        return self.page_intro()

    def breadcrumbs(self):
        return blog_crumbs()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = context["page_obj"]
        title = self.page_title()
        path = self.request.path
        if page.number > 1:
            title = f"{title} (page {page.number})"
            path = f"{path}?page={page.number}"
        context.update(
            page_title=title,
            list_heading=self.page_title(),
            intro=self.page_intro(),
            breadcrumbs=self.breadcrumbs(),
            archive_months=archive_months() if self.show_archive else [],
            seo={
                "title": title,
                "description": self.meta_description(),
                "path": path,
                "noindex": False,
            },
        )
        return context


class CategoryView(ArticleListView):
    def get_queryset(self):
        self.category = kept_object_or_404(
            self.request,
            "blog-category",
            Category.objects.all(),
            slug=self.kwargs["slug"],
        )
        return super().get_queryset().in_category(self.category)

    def page_title(self):
        return self.category.name

    def page_intro(self):
        return self.category.description

    def meta_description(self):
        return (
            self.category.meta_description
            or self.category.description
            or f"Articles about {self.category.name.lower()} from our clinical team."
        )

    def breadcrumbs(self):
        return blog_crumbs((self.category.name, self.category.get_absolute_url()))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["category"] = self.category
        context["feeds"] = {
            "rss": reverse("blog:category_feed", kwargs={"slug": self.category.slug}),
            "atom": reverse(
                "blog:category_atom_feed", kwargs={"slug": self.category.slug}
            ),
        }
        return context


class TagView(ArticleListView):
    def get_queryset(self):
        self.tag = kept_object_or_404(
            self.request, "blog-tag", Tag.objects.all(), slug=self.kwargs["slug"]
        )
        return super().get_queryset().tagged(self.tag)

    def page_title(self):
        return f"Articles about {self.tag.name}"

    def page_intro(self):
        return ""

    def meta_description(self):
        return f"Articles about {self.tag.name} from our clinical team."

    def breadcrumbs(self):
        return blog_crumbs((self.tag.name, self.tag.get_absolute_url()))


class AuthorView(ArticleListView):
    template_name = "blog/author.html"

    def get_queryset(self):
        self.person = kept_object_or_404(
            self.request,
            "blog-person",
            Person.objects.select_related("portrait"),
            slug=self.kwargs["slug"],
        )
        return super().get_queryset().by_person(self.person)

    def page_title(self):
        return self.person.display_name

    def page_intro(self):
        return self.person.bio

    def meta_description(self):
        role = f", {self.person.role}" if self.person.role else ""
        return f"Articles written or medically reviewed by {self.person.display_name}{role}."

    def breadcrumbs(self):
        return blog_crumbs((self.person.name, self.person.get_absolute_url()))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["person"] = self.person
        return context


class ArchiveView(ArticleListView):
    """Articles published in one year, or one month of it."""

    allow_empty = False
    show_archive = True

    def get_queryset(self):
        year = self.kwargs["year"]
        month = self.kwargs.get("month")
        articles = super().get_queryset().filter(publish_at__year=year)
        if month is not None:
            articles = articles.filter(publish_at__month=month)
        return articles

    def period(self) -> str:
        year, month = self.kwargs["year"], self.kwargs.get("month")
        if month is None:
            return str(year)
        return f"{calendar.month_name[month]} {year}"

    def page_title(self):
        return f"Articles from {self.period()}"

    def page_intro(self):
        return ""

    def meta_description(self):
        return f"Recovery articles published in {self.period()}."

    def breadcrumbs(self):
        year, month = self.kwargs["year"], self.kwargs.get("month")
        trail = [(str(year), reverse("blog:archive_year", kwargs={"year": year}))]
        if month is not None:
            trail.append(
                (
                    calendar.month_name[month],
                    reverse(
                        "blog:archive_month", kwargs={"year": year, "month": month}
                    ),
                )
            )
        return blog_crumbs(*trail)


class SearchView(ArticleListView):
    template_name = "blog/search.html"
    count_is_cached = False  # at most RANKED_MATCHES, and what is typed is endless

    def get(self, request, *args, **kwargs):
        self.form = SearchForm(request.GET)
        self.query = self.form.cleaned_data["q"] if self.form.is_valid() else ""
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        if not self.query:
            return Article.objects.none()
        return search_articles(super().get_queryset(), self.query)

    def page_title(self):
        return f"Search results for “{self.query}”" if self.query else "Search articles"

    def page_intro(self):
        return ""

    def meta_description(self):
        return "Search our articles on addiction, treatment and recovery."

    def breadcrumbs(self):
        return blog_crumbs(("Search", reverse("blog:search")))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(form=self.form, query=self.query)
        # Result pages are thin, endless variations: keep them out of search engines.
        context["seo"].update(noindex=True, path=reverse("blog:search"))
        return context


# Read with the article, in its own query: its picture, and its reviewer with theirs.
SHOWN_WITH_THE_ARTICLE = ("featured_picture", "medical_reviewer__portrait")


# Everything the article page shows besides related articles: three queries after the
# article's own (with its medical reviewer).
def page_details() -> tuple[Prefetch, ...]:
    """What the article page shows beside the article itself; made per request, because
    "live" depends on the time of the request."""
    return (
        Prefetch("authors", queryset=Person.objects.order_by("name")),
        # "Treatment for this": the live program and addiction pages the article is about.
        Prefetch(
            "programs",
            queryset=Program.objects.live().only("name", "slug", "summary", "order"),
        ),
        Prefetch(
            "conditions",
            queryset=Condition.objects.live().only("name", "slug", "summary", "order"),
        ),
        Prefetch("categories", queryset=Category.objects.order_by("name")),
        Prefetch("tags", queryset=Tag.objects.order_by("name")),
    )


def related_articles(article: Article) -> list[Article]:
    """The cards for "related articles".

    Ranking by shared topics looks at every article that shares one, so its cost grows
    with the blog; the ranked cards are cached until content changes, so most requests
    skip the ranking query altogether.
    """
    topics = {}
    if is_typed_preview(article):  # the topics as typed in the form
        topics = {
            name: [topic.pk for topic in related(article, name)]
            for name in ("categories", "tags")
        }
    return remember(
        f"blog:related:{article.pk}",
        lambda: list(
            Article.objects.live()
            .for_cards()
            .related_to(article, **topics)[:RELATED_COUNT]
        ),
    )


class ArticleDetailView(DraftPreviewMixin, DetailView):
    """The article page. Its parts are cached fragments (see the template), so a request
    usually runs one query, for the article itself; authors, categories, tags, related
    articles and structured data are loaded only when a fragment has to be built."""

    template_name = "blog/article_detail.html"
    context_object_name = "article"
    preview = False
    preview_of = None  # the admin's preview: the article as typed (editing/preview.py)

    def get_queryset(self):
        # The search vector is for search alone: not read, not kept.
        return (
            Article.objects.live()
            .select_related(*SHOWN_WITH_THE_ARTICLE)
            .defer("search_vector")
        )

    def get_object(self, queryset=None):
        if self.preview_of is not None:
            self.draft_change = None
            return self.preview_of
        if self.preview:  # any article by its number: DetailView's own lookup
            article = super().get_object(queryset)
        else:
            article = kept_object_or_404(
                self.request,
                "live-article",
                queryset if queryset is not None else self.get_queryset(),
                slug=self.kwargs["slug"],
            )
        # Staff who may edit the article see its draft change here, at its real address.
        self.draft_change = preview_draft(self.request, article)
        return article

    @cached_property
    def article_with_details(self) -> Article:
        prefetch_details(self.object, *page_details())
        return self.object

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        article = self.object
        categories = SimpleLazyObject(
            lambda: list(related(self.article_with_details, "categories"))
        )

        def breadcrumbs():
            trail = (
                [(categories[0].name, categories[0].get_absolute_url())]
                if categories
                else []
            )
            trail.append((article.title, article.get_absolute_url()))
            return blog_crumbs(*trail)

        image = article.featured_largest
        context.update(
            categories=categories,
            related=SimpleLazyObject(lambda: related_articles(article)),
            breadcrumbs=SimpleLazyObject(breadcrumbs),
            structured_data=lambda: article_json_ld(
                self.article_with_details, self.request, categories
            ),
            preview=self.preview
            or self.preview_of is not None
            or self.draft_change is not None,
            typed_preview=self.preview_of is not None,
            draft_change=self.draft_change,
            seo={
                "title": article.seo_title or article.title,
                "description": article.meta_description or article.summary,
                "path": article.get_absolute_url(),
                "image": image["url"] if image else "",
                "image_alt": article.featured_picture.alt_text if image else "",
                "noindex": article.noindex
                or not article.is_live
                or self.preview_of is not None
                or self.draft_change is not None,
                "og_type": "article",
            },
        )
        return context


@method_decorator([never_cache, staff_member_required], name="dispatch")
class ArticlePreviewView(ArticleDetailView):
    """Any article, draft or scheduled, as it will look; for staff who may edit articles."""

    preview = True

    def get_queryset(self):
        if not self.request.user.has_perm("blog.change_article"):
            raise PermissionDenied
        return Article.objects.select_related(*SHOWN_WITH_THE_ARTICLE)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["seo"]["noindex"] = True
        return context
