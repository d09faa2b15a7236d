from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.html import format_html

from .models import BrokenLink, CheckRun
from .tasks import check_links_now, check_waiting


@admin.register(BrokenLink)
class BrokenLinkAdmin(admin.ModelAdmin):
    """The report marketing works from: what is broken, where, and a link to fix it. Rows
    come from the check, never from a form; a fixed link leaves at the next check (a
    few seconds after the save that fixed it). Above the rows: when the check last ran,
    and "Check now"."""

    change_list_template = "admin/linkcheck/brokenlink/change_list.html"
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

    def get_urls(self):
        check_now = path(
            "check-now/",
            self.admin_site.admin_view(self.check_now_view),
            name="linkcheck_brokenlink_check_now",
        )
        return [check_now, *super().get_urls()]

    def changelist_view(self, request, extra_context=None):
        context = {
            "title": "Broken links",
            "last_run": CheckRun.objects.first(),
            "check_waiting": check_waiting(),
            **(extra_context or {}),
        }
        return super().changelist_view(request, context)

    def check_now_view(self, request):
        """POST: queue a check to run at once (the task worker runs it in seconds)."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not self.has_view_permission(request):
            raise PermissionDenied
        check_links_now()
        self.message_user(
            request,
            "The check is queued and runs in a few seconds: reload this page to see "
            "what it found.",
            messages.SUCCESS,
        )
        return redirect(reverse("admin:linkcheck_brokenlink_changelist"))
