"""Admin for marketing staff: every page type with its FAQs inline, ordering in the list,
slugs filled in from the name, and "View on site" previewing drafts for staff."""

from django import forms
from django.contrib import admin, messages
from django.contrib.contenttypes.admin import GenericTabularInline
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile

from rehab_site.admin_filters import VisibilityFilter
from rehab_site.editing import EditorAdminMixin
from rehab_site.images import InvalidImage, clean_image
from rehab_site.publishing import Status
from rehab_site.uploads import MediaStorageFailureAdminMixin

from .models import FAQ, Audience, Condition, Location, Page, Program, Testimonial


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


class ContentPageForm(forms.ModelForm):
    """Re-encodes an uploaded hero image, so only clean, metadata-free images are stored."""

    def clean_hero_image(self):
        image = self.cleaned_data.get("hero_image")
        if not isinstance(image, UploadedFile):
            return image  # unchanged or cleared
        try:
            clean = clean_image(image)
        except InvalidImage as error:
            raise forms.ValidationError(str(error)) from error
        stem = image.name.rsplit(".", 1)[0][:80] or "image"
        return ContentFile(clean.content, name=f"{stem}.{clean.extension}")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("hero_image") and not cleaned.get("hero_image_alt"):
            self.add_error(
                "hero_image_alt", "Describe the image for people who cannot see it."
            )
        return cleaned


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
HERO_FIELDSET = ("Hero image", {"fields": ["hero_image", "hero_image_alt"]})


class ContentPageAdmin(
    EditorAdminMixin, MediaStorageFailureAdminMixin, admin.ModelAdmin
):
    form = ContentPageForm
    list_display = ["name", "slug", "status", "publish_at", "order", "updated_at"]
    list_editable = ["order"]
    list_filter = [VisibilityFilter, "noindex"]
    search_fields = ["name", "slug", "summary"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [FAQInline]
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
    fieldsets = [
        (None, {"fields": ["name", "slug", "summary", "body"]}),
        ("Where", {"fields": ["city", "state", "drive_time", "distance_miles"]}),
        HERO_FIELDSET,
        PUBLISHING_FIELDSET,
        SEO_FIELDSET,
    ]


@admin.register(Page)
class PageAdmin(ContentPageAdmin):
    list_display = ["name", "slug", "status", "publish_at", "order", "updated_at"]
    list_filter = [
        VisibilityFilter,
        "show_center_details",
        "show_testimonials",
        "noindex",
    ]
    fieldsets = [
        (None, {"fields": ["name", "slug", "summary", "body"]}),
        ("Extras", {"fields": ["show_center_details", "show_testimonials"]}),
        HERO_FIELDSET,
        PUBLISHING_FIELDSET,
        SEO_FIELDSET,
    ]


@admin.register(Testimonial)
class TestimonialAdmin(admin.ModelAdmin):
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
