from django.contrib import admin, messages
from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html

from editing.admin_filters import DateWithYearsListFilter, VisibilityFilter
from editing.content_admin import ContentAdmin
from editing.drafts import DraftChangesAdmin
from editing.editor_aids import EditorAdminMixin
from editing.publishing import Status
from pictures.admin import PictureChoosingMixin

from .forms import ArticleAdminForm, PersonAdminForm
from .models import Article, Category, Person, Tag
from .models.article import ArticleQuerySet


class DueForReviewFilter(admin.SimpleListFilter):
    title = "medical review"
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [
            ("due", "Due for medical review"),
            ("changed", "Changed since its review"),
            ("current", "Reviewed within 12 months"),
        ]

    def queryset(self, request, queryset):
        due = ArticleQuerySet.due_for_review_condition()
        if self.value() == "changed":
            return queryset.filter(ArticleQuerySet.changed_since_review_condition())
        if self.value() == "due":
            return queryset.filter(due)
        if self.value() == "current":
            return queryset.exclude(due)
        return queryset


@admin.register(Article)
class ArticleAdmin(
    PictureChoosingMixin, EditorAdminMixin, DraftChangesAdmin, ContentAdmin
):
    change_form_template = "admin/blog/article/change_form.html"
    form = ArticleAdminForm
    # Five columns, so the list fits beside the filters on a 1280 px screen.
    list_display = [
        "title",
        "visibility",
        "publish_date",
        "author_names",
        "medical_review",
    ]
    list_filter = [
        VisibilityFilter,
        DueForReviewFilter,
        ("publish_at", DateWithYearsListFilter.titled("published")),
        "categories",
        "authors",
    ]
    # Counts beside every filter's choices would count the whole list once a choice.
    show_facets = admin.ShowFacets.NEVER
    list_select_related = ["medical_reviewer"]
    search_fields = ["title", "summary", "slug"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = [
        "authors",
        "medical_reviewer",
        "categories",
        "tags",
        "programs",
        "conditions",
    ]
    actions = ["publish_now", "unpublish", "mark_reviewed"]
    readonly_fields = ["review_status", "reading_minutes", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "body"]}),
        ("Featured picture", {"fields": ["featured_picture"]}),
        (
            "People",
            {
                "fields": [
                    "authors",
                    "medical_reviewer",
                    "reviewed_on",
                    "review_status",
                ]
            },
        ),
        ("Topics", {"fields": ["categories", "tags"]}),
        ("Treatment pages", {"fields": ["programs", "conditions"]}),
        ("Publishing", {"fields": ["status", "publish_at"]}),
        (
            "Search engines",
            {
                "fields": ["seo_title", "meta_description", "noindex"],
                "classes": ["collapse"],
            },
        ),
        (
            "About this article",
            {"fields": ["reading_minutes", "created_at", "updated_at"]},
        ),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .defer("body", "body_text", "search_vector")
            .prefetch_related(
                Prefetch("authors", queryset=Person.objects.only("name", "credentials"))
            )
        )

    @admin.display(description="medical review")
    def review_status(self, article):
        if article.pk is None or article.reviewed_on is None:
            return "Not reviewed yet"
        if article.changed_since_review:
            return "Review due: the title, summary or text changed since the review"
        if article.is_due_for_review:
            return "Review due: the review is more than 12 months old"
        return "Up to date"

    @admin.action(
        description="Mark the selected articles as medically reviewed today",
        permissions=["change"],
    )
    def mark_reviewed(self, request, queryset):
        missing = queryset.filter(medical_reviewer__isnull=True).count()
        count = 0
        for article in queryset.filter(medical_reviewer__isnull=False):
            article.record_review()
            count += 1
        self.message_user(
            request, f"Recorded today's review of {count} article(s).", messages.SUCCESS
        )
        if missing:
            self.message_user(
                request,
                f"{missing} article(s) have no medical reviewer: choose one on the article first.",
                messages.WARNING,
            )

    @admin.display(description="authors")
    def author_names(self, article):
        return ", ".join(person.name for person in article.authors.all())

    @admin.display(description="publish at", ordering="publish_at")
    def publish_date(self, article):
        return timezone.localtime(article.publish_at).strftime("%b %-d, %Y")

    @admin.display(description="reviewed", ordering="reviewed_on")
    def medical_review(self, article):
        if article.medical_reviewer is None:
            return "Not yet"
        return format_html(
            "{}<br><small>{}</small>",
            article.medical_reviewer.name,
            article.reviewed_on.strftime("%b %Y"),
        )

    @admin.display(description="on the site")
    def visibility(self, article):
        if article.status == Status.DRAFT:
            return "Draft"
        if article.publish_at > timezone.now():
            return "Scheduled"
        return format_html('<a href="{}">Live</a>', article.get_absolute_url())

    def view_on_site(self, article):
        if article.is_live:
            return article.get_absolute_url()
        return reverse("blog:preview", kwargs={"pk": article.pk})

    @admin.action(description="Publish selected articles now", permissions=["change"])
    def publish_now(self, request, queryset):
        now = timezone.now()
        count = 0
        for article in queryset.exclude(status=Status.PUBLISHED, publish_at__lte=now):
            article.status = Status.PUBLISHED
            article.publish_at = now
            article.save()
            count += 1
        self.message_user(
            request, f"Published {count} article(s).", level=messages.SUCCESS
        )

    @admin.action(
        description="Unpublish selected articles (back to draft)",
        permissions=["change"],
    )
    def unpublish(self, request, queryset):
        count = 0
        for article in queryset.filter(status=Status.PUBLISHED):
            article.status = Status.DRAFT
            article.save()
            count += 1
        self.message_user(
            request, f"Moved {count} article(s) back to draft.", level=messages.SUCCESS
        )


@admin.register(Person)
class PersonAdmin(PictureChoosingMixin, ContentAdmin):
    form = PersonAdminForm
    list_display = ["name", "credentials", "role", "team_section", "team_order"]
    list_editable = ["team_order"]

    class Media:
        css = {"all": ["editing/admin.css"]}

    list_filter = ["team_section"]
    search_fields = ["name", "credentials", "role"]
    prepopulated_fields = {"slug": ["name"]}
    fieldsets = [
        (None, {"fields": ["name", "slug", "credentials", "role", "bio", "portrait"]}),
        (
            "Team page",
            {
                "fields": ["team_section", "team_order"],
                "description": "Each person decides whether to appear on the team page: choose a section only with their agreement.",
            },
        ),
    ]


@admin.register(Category)
class CategoryAdmin(ContentAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Tag)
class TagAdmin(ContentAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
