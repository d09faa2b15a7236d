import datetime

from django.contrib import admin
from django.utils import timezone
from django.utils.html import format_html

from editing.content_admin import ContentAdmin
from pictures.admin import PictureChoosingMixin

from .forms import AccreditationForm
from .models import WARN_DAYS, Accreditation


class ValidityFilter(admin.SimpleListFilter):
    title = "validity"
    parameter_name = "validity"

    def lookups(self, request, model_admin):
        return [
            ("expiring", f"Expiring within {WARN_DAYS} days"),
            ("lapsed", "Expired (hidden from the site)"),
            ("current", "Shown on the site"),
        ]

    def queryset(self, request, queryset):
        if self.value() == "expiring":
            return queryset.expiring_within(WARN_DAYS)
        if self.value() == "lapsed":
            return queryset.lapsed()
        if self.value() == "current":
            return queryset.current()
        return queryset


@admin.register(Accreditation)
class AccreditationAdmin(PictureChoosingMixin, ContentAdmin):
    form = AccreditationForm
    # Fits a 1024 px screen beside the sidebars; kind, number and issue date are on
    # each entry's page (and searchable).
    list_display = ["body", "expires_on", "validity", "order"]
    list_editable = ["order"]
    list_filter = [ValidityFilter, "kind"]
    search_fields = ["body", "name", "number"]
    fieldsets = [
        (None, {"fields": ["body", "name", "kind", "number"]}),
        ("Dates", {"fields": ["issued_on", "expires_on"]}),
        (
            "How it looks",
            {"fields": ["verification_url", "seal_picture", "badge_text", "order"]},
        ),
        ("Visibility", {"fields": ["show_on_site"]}),
    ]

    class Media:
        css = {"all": ["editing/admin.css", "accreditations/admin.css"]}

    @admin.display(description="status")
    def validity(self, accreditation):
        today = timezone.localdate()
        if not accreditation.show_on_site:
            return "Hidden by staff"
        if accreditation.issued_on > today:
            return f"From {accreditation.issued_on:%b %-d, %Y}"
        if accreditation.expires_on is None:
            return "Shown"
        if accreditation.expires_on < today:
            return format_html(
                '<strong class="validity--lapsed">{}</strong>', "Expired, hidden"
            )
        if accreditation.expires_on <= today + datetime.timedelta(days=WARN_DAYS):
            days = (accreditation.expires_on - today).days
            return format_html(
                '<strong class="validity--expiring">Expires in {} day{}</strong>',
                days,
                "" if days == 1 else "s",
            )
        return "Shown"
