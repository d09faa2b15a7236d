from django.contrib import admin
from django.utils.html import format_html

from .models import BrokenLink


@admin.register(BrokenLink)
class BrokenLinkAdmin(admin.ModelAdmin):
    """The report marketing works from: what is broken, where, and a link to fix it. Rows
    come from the check, never from a form; a fixed link leaves at the next check (a
    few seconds after the save that fixed it)."""

    list_display = ["where", "field", "link", "problem", "fix", "found_at"]
    list_display_links = None
    search_fields = ["where", "url"]
    list_filter = [("content_type", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["content_type"]

    @admin.display(description="link", ordering="url")
    def link(self, broken):
        return format_html("<code>{}</code>", broken.url)

    @admin.display(description="fix it")
    def fix(self, broken):
        if not broken.edit_url:
            return ""
        return format_html(
            '<a href="{}">Edit<span class="visually-hidden"> {}</span></a>',
            broken.edit_url,
            broken.where,
        )

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
