"""Admin list filters shared by every publishable page type."""

import datetime

from django.contrib import admin
from django.db import models
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


class DateWithYearsListFilter(admin.DateFieldListFilter):
    """Django's date filter (any date, today, the past 7 days, this month, this year) and
    a link for each earlier year that has rows, newest first: what the admin's date links
    (`date_hierarchy`) offer a long list, without their scan of the whole table for its
    distinct years (49 ms at 100,000 articles). The oldest date comes from the field's
    index, and each year between is one indexed EXISTS, so the field needs `db_index`."""

    # What the filter is called in the sidebar ("By published"), where the field's own
    # name ("publish at") would read oddly: `DateWithYearsListFilter.titled("published")`.
    custom_title = ""

    @classmethod
    def titled(cls, title: str) -> type:
        return type(cls.__name__, (cls,), {"custom_title": title})

    def __init__(self, field, request, params, model, model_admin, field_path):
        super().__init__(field, request, params, model, model_admin, field_path)
        self.title = self.custom_title or self.title

    def choices(self, changelist):
        yield from super().choices(changelist)
        for year in self.earlier_years(changelist.root_queryset):
            since, until = self.year_bounds(year)
            params = {
                self.lookup_kwarg_since: str(since),
                self.lookup_kwarg_until: str(until),
            }
            yield {
                "selected": self.date_params == params,
                "query_string": changelist.get_query_string(
                    params, [self.field_generic]
                ),
                "display": str(year),
            }

    def earlier_years(self, queryset) -> list[int]:
        oldest = (
            queryset.filter(**{f"{self.field_path}__isnull": False})
            .order_by(self.field_path)
            .values_list(self.field_path, flat=True)
            .first()
        )
        if oldest is None:
            return []
        if isinstance(oldest, datetime.datetime):
            oldest = timezone.localtime(oldest)
        this_year = timezone.localdate().year
        years = []
        for year in range(this_year - 1, oldest.year - 1, -1):
            since, until = self.year_bounds(year)
            in_year = {
                self.lookup_kwarg_since: since,
                self.lookup_kwarg_until: until,
            }
            if queryset.filter(**in_year).exists():
                years.append(year)
        return years

    def year_bounds(self, year: int):
        if isinstance(self.field, models.DateTimeField):
            return (
                timezone.make_aware(datetime.datetime(year, 1, 1)),
                timezone.make_aware(datetime.datetime(year + 1, 1, 1)),
            )
        return datetime.date(year, 1, 1), datetime.date(year + 1, 1, 1)
