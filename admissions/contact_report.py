"""The admissions lead's report: how fast inquiries get a first contact (median and 90th
percentile, per week and per staff member), the share reached within target, and how
inquiries ended. Counts and durations only: no inquirer's name or contact detail.

Figures are computed in Python from one row per inquiry of the period (a center receives
hundreds a month, not millions), so they are the same on PostgreSQL and SQLite.
"""

import math
import statistics
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.template.response import TemplateResponse
from django.utils import timezone

from .display import duration_words, staff_name
from .models import FirstContactReport, Inquiry, first_contact_target
from .report_admin import ReportAdmin

PERIODS = {4: "the last 4 weeks", 12: "the last 12 weeks", 26: "the last 26 weeks"}
DEFAULT_WEEKS = 12


@dataclass(frozen=True)
class Row:
    received_at: datetime
    first_contact_at: datetime | None
    first_contact_by_id: int | None
    is_urgent: bool
    status: str

    @property
    def time_to_contact(self) -> timedelta | None:
        if self.first_contact_at is None:
            return None
        return max(self.first_contact_at - self.received_at, timedelta())


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile: the smallest value with at least `share` of the values
    at or below it (so the 90th of ten values is the ninth)."""
    ordered = sorted(values)
    return ordered[max(math.ceil(share * len(ordered)) - 1, 0)]


@dataclass(frozen=True)
class Speed:
    """Time to first contact over a group of inquiries."""

    inquiries: int
    contacted: int
    median: timedelta | None
    p90: timedelta | None
    within_target: int
    judged: int  # contacted, or past their target without contact

    @property
    def share_within_target(self) -> int | None:
        if not self.judged:
            return None
        return round(100 * self.within_target / self.judged)

    @property
    def median_words(self) -> str:
        return duration_words(self.median) if self.median is not None else "–"

    @property
    def p90_words(self) -> str:
        return duration_words(self.p90) if self.p90 is not None else "–"


def speed(rows: list[Row], now: datetime) -> Speed:
    seconds = [
        row.time_to_contact.total_seconds()
        for row in rows
        if row.time_to_contact is not None
    ]
    within = judged = 0
    for row in rows:
        target = first_contact_target(row.is_urgent)
        if row.time_to_contact is not None:
            judged += 1
            within += row.time_to_contact <= target
        elif row.status == Inquiry.Status.NEW and now - row.received_at > target:
            # Still waiting past its target. (An inquiry moved on from New without a
            # recorded first contact predates that record: nothing to judge it by.)
            judged += 1
    return Speed(
        inquiries=len(rows),
        contacted=len(seconds),
        median=timedelta(seconds=statistics.median(seconds)) if seconds else None,
        p90=timedelta(seconds=percentile(seconds, 0.9)) if seconds else None,
        within_target=within,
        judged=judged,
    )


def week_start(moment: datetime) -> date:
    day = timezone.localtime(moment).date()
    return day - timedelta(days=day.weekday())


def report(weeks: int, now: datetime | None = None) -> dict:
    """Every figure of the report for inquiries (spam left out) received in the current
    week and the `weeks - 1` before it. Two queries."""
    now = now or timezone.now()
    first_week = week_start(now) - timedelta(weeks=weeks - 1)
    since = timezone.make_aware(datetime.combine(first_week, time()))
    rows = [
        Row(*values)
        for values in Inquiry.objects.not_spam()
        .filter(received_at__gte=since)
        .order_by()
        .values_list(
            "received_at", "first_contact_at", "first_contact_by", "is_urgent", "status"
        )
    ]
    by_week = defaultdict(list)
    by_staff = defaultdict(list)
    by_status = defaultdict(int)
    for row in rows:
        by_week[week_start(row.received_at)].append(row)
        if row.first_contact_by_id is not None:
            by_staff[row.first_contact_by_id].append(row)
        by_status[row.status] += 1
    staff = get_user_model().objects.in_bulk(list(by_staff))
    weeks_shown = [first_week + timedelta(weeks=number) for number in range(weeks)]
    total = len(rows)
    return {
        "since": first_week,
        "overall": speed(rows, now),
        "by_week": [
            (week, speed(by_week[week], now)) for week in reversed(weeks_shown)
        ],
        "by_staff": sorted(
            (
                (
                    staff_name(staff.get(user_id)) or "Former staff member",
                    speed(group, now),
                )
                for user_id, group in by_staff.items()
            ),
            key=lambda item: (-item[1].contacted, item[0]),
        ),
        "by_status": [
            (
                label,
                by_status[value],
                round(100 * by_status[value] / total) if total else 0,
            )
            for value, label in Inquiry.Status.choices
            if value != Inquiry.Status.SPAM
        ],
        "total": total,
    }


@admin.register(FirstContactReport)
class FirstContactReportAdmin(ReportAdmin):
    PERIODS = PERIODS
    DEFAULT_PERIOD = DEFAULT_WEEKS
    PERIOD_PARAMETER = "weeks"

    def report_view(self, request, weeks: int):
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": "Speed to first contact",
            "periods": PERIODS.items(),
            "weeks": weeks,
            "period_label": PERIODS[weeks],
            "targets": {
                "urgent": duration_words(first_contact_target(True)),
                "routine": duration_words(first_contact_target(False)),
            },
            **report(weeks),
        }
        return TemplateResponse(
            request, "admin/admissions/first_contact_report.html", context
        )
