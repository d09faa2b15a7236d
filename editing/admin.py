from django.contrib import admin
from django.utils.html import format_html

from editing.models import EditorImage, Redirect


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
