from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import redirect
from django.urls import reverse

from editing.content_admin import ContentAdmin
from pictures.admin import PictureChoosingMixin
from website.models import (
    Menu,
    MenuItem,
    NextStep,
    SiteSettings,
)

WORDS_ADMIN_CSS = {"all": ["website/admin/words.css"]}


class SingletonAdmin(ContentAdmin):
    """The admin of a model with one row: the list goes straight to it."""

    class Media:
        css = WORDS_ADMIN_CSS

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not self.model.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        opts = self.model._meta
        row = self.model.objects.first()
        if row is None:
            return redirect(reverse(f"admin:{opts.app_label}_{opts.model_name}_add"))
        return redirect(
            reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[row.pk])
        )


class NextStepInline(admin.StackedInline):
    model = NextStep
    fields = ["title", "text", "order"]
    extra = 0


@admin.register(SiteSettings)
class SiteSettingsAdmin(PictureChoosingMixin, SingletonAdmin):
    inlines = [NextStepInline]

    class Media:
        css = {"all": ["editing/admin.css", *WORDS_ADMIN_CSS["all"]]}

    fieldsets = [
        (None, {"fields": ["name", "tagline"]}),
        ("Contact", {"fields": ["phone", "text_phone", "admissions_email", "hours"]}),
        (
            "Address",
            {"fields": ["street_address", "locality", "region", "postal_code"]},
        ),
        (
            "Directions",
            {
                "fields": [
                    ("latitude", "longitude"),
                    "map_picture",
                ],
                "description": "The “Get directions” link opens the visitor's own map app at these coordinates (or at the address when they are empty). No map is embedded.",
            },
        ),
        ("License", {"fields": ["license_number", "license_authority"]}),
        (
            "Footer and call boxes",
            {
                "fields": [
                    "footer_description",
                    "footer_note",
                    "top_bar_note",
                    "call_button_label",
                    "admission_button_label",
                    "call_box_heading",
                    "call_box_text",
                    "aside_call_heading",
                    "aside_call_text",
                    "insurance_box_text",
                ]
            },
        ),
        ("Crisis resources", {"fields": ["crisis_heading", "crisis_text"]}),
        (
            "Admissions and thank-you pages",
            {
                "description": "The steps after an inquiry are listed below the form.",
                "fields": [
                    "admissions_intro",
                    "admissions_call_text",
                    "short_form_heading",
                    "short_form_intro",
                    "thank_you_heading",
                    "thank_you_text",
                    "thank_you_call_text",
                    "verify_prompt_heading",
                    "verify_prompt_text",
                    "verification_thank_you_heading",
                    "verification_thank_you_text",
                ],
            },
        ),
        ("Page not found", {"fields": ["not_found_heading", "not_found_text"]}),
        (
            "Social links",
            {
                "fields": [
                    "facebook_url",
                    "instagram_url",
                    "linkedin_url",
                    "youtube_url",
                ]
            },
        ),
    ]


class MenuItemInline(admin.TabularInline):
    model = MenuItem
    fields = ["label", "parent", "url", "content_type", "object_id", "order"]
    extra = 1
    ordering = ["order", "pk"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "parent":
            menu_id = request.resolver_match.kwargs.get("object_id")
            kwargs["queryset"] = MenuItem.objects.filter(
                menu_id=menu_id, parent__isnull=True
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Menu)
class MenuAdmin(ContentAdmin):
    list_display = ["title", "slug", "placement", "order", "item_count"]
    list_editable = ["order"]
    list_filter = ["placement"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [MenuItemInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(item_count=Count("items"))

    @admin.display(description="items", ordering="item_count")
    def item_count(self, menu):
        return menu.item_count
