"""Admin for marketing staff: every page type with its FAQs inline, ordering in the list,
slugs filled in from the name, and "View on site" previewing drafts for staff."""

import uuid

from content_editor.admin import ContentEditor
from django import forms
from django.contrib import admin, messages
from django.contrib.contenttypes.admin import GenericStackedInline, GenericTabularInline
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import pluralize
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from editing.admin_filters import VisibilityFilter
from editing.content_admin import ContentAdmin
from editing.drafts import DraftChangesAdmin
from editing.editor_aids import EditorAdminMixin
from editing.publishing import Status
from editing.uploads import MediaStorageFailureAdminMixin
from pictures.admin import PictureChoosingMixin

from .models import (
    FAQ,
    Audience,
    Condition,
    Insurer,
    Location,
    Overview,
    Page,
    Photo,
    Program,
    Testimonial,
    Video,
)
from .models.sections import SECTION_MODELS, PlacedBlock
from .models.video import video_type
from .section_admin import SECTION_INLINES


class FAQInline(GenericTabularInline):
    model = FAQ
    fields = ["question", "answer", "order"]
    extra = 0
    ordering = ["order", "pk"]
    formfield_overrides = {
        FAQ._meta.get_field("answer").__class__: {
            "widget": forms.Textarea(attrs={"rows": 3, "cols": 60})
        }
    }


class PhotoInline(PictureChoosingMixin, GenericStackedInline):
    model = Photo
    fields = ["picture", "caption", "order"]
    extra = 0
    ordering = ["order", "pk"]


class VideoForm(forms.ModelForm):
    """Names an uploaded video file by its content (MP4 or WebM, checked by the model),
    never by the name it came with."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if isinstance(upload, UploadedFile):
            kind = video_type(upload)
            if kind:
                upload.name = f"{uuid.uuid4().hex[:12]}.{kind}"
        return upload


class VideoInline(PictureChoosingMixin, admin.StackedInline):
    model = Video
    form = VideoForm
    fields = [
        "title",
        "embed_url",
        "file",
        "poster_picture",
        "caption",
        "transcript_url",
        "order",
    ]
    extra = 0
    ordering = ["order", "pk"]


class PlacedBlockForm(forms.ModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["block"].queryset = Page.objects.filter(layout=Page.Layout.BLOCK)


class PlacedBlockInline(GenericTabularInline):
    """Reusable blocks shown below a typed page, in order (Pages with the layout
    “Reusable block”)."""

    model = PlacedBlock
    form = PlacedBlockForm
    fields = ["block", "order"]
    extra = 0
    ordering = ["order", "pk"]


class ContentPageForm(forms.ModelForm):
    """A page's form, its publishing time's two inputs each named for screen readers."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The stock date and time inputs share one label that points at neither (axe: label).
        publish_at = self.fields.get("publish_at")
        if publish_at is not None and hasattr(publish_at.widget, "widgets"):
            date, time = publish_at.widget.widgets
            date.attrs["aria-label"] = "Publish on (date)"
            time.attrs["aria-label"] = "Publish at (time)"


PUBLISHING_FIELDSET = (
    "Publishing",
    {"fields": ["status", "publish_at", "order"]},
)
SEO_FIELDSET = (
    "Search engines",
    {
        "fields": ["seo_title", "meta_description", "noindex"],
        "classes": ["collapse"],
    },
)
HERO_FIELDSET = ("Hero picture", {"fields": ["hero_picture"]})


class ContentPageAdmin(
    PictureChoosingMixin,
    EditorAdminMixin,
    MediaStorageFailureAdminMixin,
    DraftChangesAdmin,
    ContentAdmin,
):
    form = ContentPageForm
    list_display = ["name", "slug", "status", "publish_at", "order", "updated_at"]
    list_editable = ["order"]
    list_filter = [VisibilityFilter, "noindex"]
    search_fields = ["name", "slug", "summary"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [FAQInline, PlacedBlockInline]
    actions = ["publish", "unpublish"]
    save_on_top = True

    @admin.action(description="Publish the selected pages now")
    def publish(self, request, queryset):
        # One save per page, so signals refresh the cache and menus.
        count = 0
        for page in queryset.exclude(status=Status.PUBLISHED):
            page.status = Status.PUBLISHED
            page.save(update_fields=["status", "updated_at"])
            count += 1
        self.message_user(request, f"Published {count} page(s).", messages.SUCCESS)

    @admin.action(description="Return the selected pages to draft")
    def unpublish(self, request, queryset):
        count = 0
        for page in queryset.filter(status=Status.PUBLISHED):
            page.status = Status.DRAFT
            page.save(update_fields=["status", "updated_at"])
            count += 1
        self.message_user(
            request, f"Returned {count} page(s) to draft.", messages.SUCCESS
        )


@admin.register(Program)
class ProgramAdmin(ContentPageAdmin):
    list_display = [
        "name",
        "kind",
        "status",
        "publish_at",
        "featured",
        "order",
        "updated_at",
    ]
    list_editable = ["featured", "order"]
    list_filter = ["kind", VisibilityFilter, "featured", "conditions", "audiences"]
    autocomplete_fields = ["conditions", "audiences"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "kind", "summary", "body"]}),
        (
            "Details",
            {
                "fields": [
                    "typical_length",
                    "length_in_days",
                    "day_in_the_life",
                    "who_it_suits",
                ]
            },
        ),
        ("Connections", {"fields": ["conditions", "audiences"]}),
        HERO_FIELDSET,
        ("Publishing", {"fields": ["status", "publish_at", "featured", "order"]}),
        SEO_FIELDSET,
    ]


@admin.register(Condition)
class ConditionAdmin(ContentPageAdmin):
    list_display = ["name", "status", "publish_at", "featured", "order", "updated_at"]
    list_editable = ["featured", "order"]
    list_filter = [VisibilityFilter, "featured", "noindex"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "summary", "body"]}),
        ("About this addiction", {"fields": ["signs", "risks", "how_we_treat"]}),
        HERO_FIELDSET,
        ("Publishing", {"fields": ["status", "publish_at", "featured", "order"]}),
        SEO_FIELDSET,
    ]


@admin.register(Audience)
class AudienceAdmin(ContentPageAdmin):
    list_display = ["name", "status", "publish_at", "featured", "order", "updated_at"]
    list_editable = ["featured", "order"]
    list_filter = [VisibilityFilter, "featured", "noindex"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "summary", "body"]}),
        HERO_FIELDSET,
        ("Publishing", {"fields": ["status", "publish_at", "featured", "order"]}),
        SEO_FIELDSET,
    ]


@admin.register(Location)
class LocationAdmin(ContentPageAdmin):
    list_display = ["name", "city", "state", "drive_time", "status", "order"]
    list_filter = [VisibilityFilter, "state"]
    search_fields = ["name", "slug", "city", "summary"]
    inlines = [PhotoInline, FAQInline, PlacedBlockInline]
    fieldsets = [
        (None, {"fields": ["name", "slug", "summary", "body"]}),
        ("Where", {"fields": ["city", "state", "drive_time", "distance_miles"]}),
        HERO_FIELDSET,
        PUBLISHING_FIELDSET,
        SEO_FIELDSET,
    ]


COUNSEL_REVIEW_MESSAGE = (
    "This notice’s text is awaiting review by the center’s counsel. Adopt it as the "
    "center’s own only once they approve it, then untick “awaiting counsel’s review”."
)


@admin.register(Page)
class PageAdmin(ContentEditor, ContentPageAdmin):
    """A site page: its own text, then the sections marketing stacks below it."""

    readonly_fields = ["used_on"]

    def can_unpublish(self, obj) -> bool:
        return not obj.is_home  # the home page is always published

    def compare_group(self, model) -> str:
        """Every kind of section is one list on the page, and is compared as one."""
        return "Sections" if model in SECTION_MODELS else super().compare_group(model)

    @admin.display(description="used on")
    def used_on(self, page) -> str:
        """For a reusable block: the pages that place it, each a link to its form."""
        if page is None or page.pk is None or not page.is_block:
            return "Only a reusable block is placed on other pages."
        pages = list(
            Page.objects.filter(pk__in=page.placements.values("parent_id")).order_by(
                "name"
            )
        )
        pages += [
            placed.page
            for placed in page.typed_placements.prefetch_related("page")
            if placed.page
        ]
        if not pages:
            return "No page places this block yet."
        return format_html(
            "{} page{}: {}",
            len(pages),
            pluralize(len(pages)),
            format_html_join(
                ", ",
                '<a href="{}">{}</a>',
                (
                    (
                        reverse(
                            f"admin:programs_{other._meta.model_name}_change",
                            args=[other.pk],
                        ),
                        other.name,
                    )
                    for other in pages
                ),
            ),
        )

    list_display = [
        "name",
        "slug",
        "status",
        "publish_at",
        "notice",
        "counsel_review",
        "order",
        "updated_at",
    ]
    list_filter = [
        VisibilityFilter,
        "layout",
        "notice",
        "counsel_review_pending",
        "noindex",
    ]
    inlines = [PhotoInline, VideoInline, FAQInline, *SECTION_INLINES]
    fieldsets = [
        (None, {"fields": ["name", "slug", "summary", "body"]}),
        ("Layout", {"fields": ["layout", "campaign_phone", "used_on"]}),
        (
            "Required notice",
            {
                "fields": ["notice", "counsel_review_pending"],
                "description": "The Notice of Privacy Practices, the nondiscrimination notice and the accessibility statement are linked from every page's footer while published.",
            },
        ),
        HERO_FIELDSET,
        PUBLISHING_FIELDSET,
        SEO_FIELDSET,
    ]

    class Media:
        css = {"all": ["editing/admin.css", "programs/admin/sections.css"]}
        js = ["programs/admin/sections.js"]

    @admin.display(description="counsel's review")
    def counsel_review(self, page):
        return "Awaiting" if page.counsel_review_pending else ""

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "GET":
            page = self.get_object(request, object_id)
            if page is not None and page.counsel_review_pending:
                messages.warning(request, COUNSEL_REVIEW_MESSAGE)
        return super().change_view(request, object_id, form_url, extra_context)


@admin.register(Testimonial)
class TestimonialAdmin(ContentAdmin):
    list_display = [
        "attribution",
        "short_quote",
        "program",
        "consent_recorded",
        "featured",
        "order",
    ]
    list_editable = ["featured", "order"]
    list_filter = ["consent_recorded", "featured", "program"]
    list_select_related = ["program"]
    search_fields = ["attribution", "detail", "quote"]
    autocomplete_fields = ["program"]
    fields = [
        "quote",
        "attribution",
        "detail",
        "program",
        ("consent_recorded", "consent_recorded_on"),
        ("featured", "order"),
    ]

    @admin.display(description="quote")
    def short_quote(self, testimonial):
        return testimonial.quote[:80]


@admin.register(Insurer)
class InsurerAdmin(ContentAdmin):
    """The insurers the forms offer, and the insurance pages. An inquiry keeps the name it
    was sent with, so a rename or a deletion here never changes one already received."""

    list_display = ["name", "is_accepted", "has_page", "order", "updated_at"]
    list_editable = ["is_accepted", "has_page", "order"]
    list_filter = ["is_accepted", "has_page"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [FAQInline]
    fieldsets = [
        (None, {"fields": ["name", "is_accepted", "order"]}),
        (
            "Its page at /insurance/",
            {"fields": ["has_page", "slug", "summary", "coverage"]},
        ),
    ]


@admin.register(Overview)
class OverviewAdmin(PictureChoosingMixin, ContentAdmin):
    """The four overview pages' words and pictures; one row each, made by a migration."""

    list_display = ["title", "kind"]

    class Media:
        css = {"all": ["website/admin/words.css"]}

    fields = [
        "kind",
        "title",
        "lede",
        "levels_of_care_intro",
        "lengths_intro",
        "hero_picture",
    ]
    readonly_fields = ["kind"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
