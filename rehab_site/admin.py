from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import format_html

from .editing import ContentAdmin
from .image_forms import HeroImageForm, cleaned_image_upload
from .models import (
    EditorImage,
    EnrolmentLink,
    HomePage,
    HomePromise,
    HomeStep,
    Menu,
    MenuItem,
    NextStep,
    Redirect,
    SiteSettings,
)
from .models.enrolment import format_code
from .two_factor import enrolment_link
from .uploads import MediaStorageFailureAdminMixin

WORDS_ADMIN_CSS = {"all": ["rehab_site/admin/words.css"]}


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


class SiteSettingsForm(forms.ModelForm):
    """Re-encodes an uploaded map image and asks for its description."""

    class Meta:
        model = SiteSettings
        fields = ["map_image", "map_image_alt"]  # the admin's fieldsets add the rest

    def clean_map_image(self):
        return cleaned_image_upload(self.cleaned_data.get("map_image"))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("map_image") and not cleaned.get("map_image_alt"):
            self.add_error(
                "map_image_alt", "Describe the map for people who cannot see it."
            )
        return cleaned


@admin.register(SiteSettings)
class SiteSettingsAdmin(MediaStorageFailureAdminMixin, SingletonAdmin):
    form = SiteSettingsForm
    inlines = [NextStepInline]

    class Media:
        css = {"all": ["rehab_site/admin.css", *WORDS_ADMIN_CSS["all"]]}

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
                    "map_image",
                    "map_image_alt",
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


class HomePromiseInline(admin.StackedInline):
    model = HomePromise
    fields = ["text", "order"]
    extra = 0
    max_num = 5


class HomeStepInline(admin.StackedInline):
    model = HomeStep
    fields = ["title", "text", "order"]
    extra = 0
    max_num = 6


@admin.register(HomePage)
class HomePageAdmin(MediaStorageFailureAdminMixin, SingletonAdmin):
    form = HeroImageForm
    inlines = [HomePromiseInline, HomeStepInline]
    fieldsets = [
        (
            "Hero",
            {
                "description": "The top of the home page. Promises and steps are edited below.",
                "fields": [
                    "hero_eyebrow",
                    "hero_headline",
                    "hero_lede",
                    "hero_admission_label",
                    "hero_image",
                    "hero_image_alt",
                ],
            },
        ),
        (
            "Sections",
            {
                "description": "Each section shows the pages marked “show on the home page”.",
                "fields": [
                    "steps_heading",
                    ("programs_heading", "programs_link_label"),
                    "programs_intro",
                    ("conditions_heading", "conditions_link_label"),
                    "conditions_intro",
                    ("audiences_heading", "audiences_link_label"),
                    "audiences_intro",
                    "testimonials_heading",
                    "articles_heading",
                ],
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


@admin.register(EditorImage)
class EditorImageAdmin(admin.ModelAdmin):
    list_display = [
        "preview",
        "original_name",
        "width",
        "height",
        "uploaded_by",
        "uploaded_at",
    ]
    # The name opens the image's page; the thumbnail beside it is decoration.
    list_display_links = ["original_name"]
    list_select_related = ["uploaded_by"]
    readonly_fields = [
        "preview",
        "original_name",
        "width",
        "height",
        "uploaded_by",
        "uploaded_at",
    ]
    # The image is shown, never replaced here: the editor's upload endpoint is the one way
    # in, and it re-encodes every file.
    fields = readonly_fields
    date_hierarchy = "uploaded_at"
    search_fields = ["original_name"]

    @admin.display(description="image")
    def preview(self, editor_image):
        if not editor_image.image:
            return ""
        return format_html('<img src="{}" alt="" width="80">', editor_image.image.url)

    def has_add_permission(self, request):
        # Images arrive through the editor's upload button, which re-encodes them.
        return False


@admin.register(Redirect)
class RedirectAdmin(admin.ModelAdmin):
    list_display = ["old_path", "new_path", "created_at"]
    search_fields = ["old_path", "new_path"]


@admin.register(EnrolmentLink)
class EnrolmentLinkAdmin(admin.ModelAdmin):
    """Administrators issue the one-time link a staff member needs to set up a second
    factor. The code is shown once, on the page after issuing; only its hash is kept."""

    list_display = ["user", "issued_by", "issued_at", "expires_at", "state"]
    list_select_related = ["user", "issued_by"]
    list_filter = ["issued_at"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]
    fields = ["user"]

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return self.has_module_permission(request)

    def has_add_permission(self, request):
        return self.has_module_permission(request)

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return self.has_module_permission(request)

    @admin.display(description="state")
    def state(self, link):
        return link.state

    def save_model(self, request, obj, form, change):
        link, code = EnrolmentLink.issue(obj.user, issued_by=request.user)
        obj.pk = link.pk
        request.enrolment_code = code

    def response_add(self, request, obj, post_url_continue=None):
        code = request.enrolment_code
        link = enrolment_link(request.build_absolute_uri("/"), code)
        context = {
            **self.admin_site.each_context(request),
            "title": "Enrolment link issued",
            "opts": self.opts,
            "staff_member": obj.user,
            "link": link,
            "code": format_code(code),
            "expires_at": obj.expires_at,
        }
        return render(request, "admin/rehab_site/enrolment_issued.html", context)
