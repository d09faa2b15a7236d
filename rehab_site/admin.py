from django.contrib import admin
from django.db.models import Count
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import format_html

from .models import EditorImage, EnrolmentLink, Menu, MenuItem, Redirect, SiteSettings
from .models.enrolment import format_code


@admin.register(SiteSettings)
class SiteSettingsAdmin(admin.ModelAdmin):
    fieldsets = [
        (None, {"fields": ["name", "tagline"]}),
        ("Contact", {"fields": ["phone", "admissions_email", "hours"]}),
        (
            "Address",
            {"fields": ["street_address", "locality", "region", "postal_code"]},
        ),
        ("Crisis resources", {"fields": ["crisis_text"]}),
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

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not SiteSettings.objects.exists()

    def save_model(self, request, obj, form, change):
        obj.changed_by = request.user
        super().save_model(request, obj, form, change)

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        # There is only one row: go straight to it (or to the add form before it exists).
        settings_row = SiteSettings.objects.first()
        if settings_row is None:
            return redirect(reverse("admin:rehab_site_sitesettings_add"))
        return redirect(
            reverse("admin:rehab_site_sitesettings_change", args=[settings_row.pk])
        )


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
class MenuAdmin(admin.ModelAdmin):
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
    list_select_related = ["uploaded_by"]
    readonly_fields = [
        "preview",
        "original_name",
        "width",
        "height",
        "uploaded_by",
        "uploaded_at",
    ]
    fields = ["image", *readonly_fields]
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
        link = request.build_absolute_uri(
            reverse("two_factor_enrol_link", kwargs={"code": code})
        )
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
