"""Admin list filters shared by every publishable page type."""

from django.contrib import admin
from django.utils import timezone

from editing.publishing import Status


class VisibilityFilter(admin.SimpleListFilter):
    """What visitors see of each row now: live, scheduled for later, or a draft."""

    title = "on the site"
    parameter_name = "visibility"

    def lookups(self, request, model_admin):
        return [("live", "Live"), ("scheduled", "Scheduled"), ("draft", "Draft")]

    def queryset(self, request, queryset):
        now = timezone.now()
        if self.value() == "live":
            return queryset.filter(status=Status.PUBLISHED, publish_at__lte=now)
        if self.value() == "scheduled":
            return queryset.filter(status=Status.PUBLISHED, publish_at__gt=now)
        if self.value() == "draft":
            return queryset.filter(status=Status.DRAFT)
        return queryset
