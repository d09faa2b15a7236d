"""The admissions lead's report: how fast inquiries get a first attempt and how fast
somebody reaches the person (median and 90th percentile, overall, per week and per staff
member), the share of each within target, and how inquiries ended. Counts and durations
only: no inquirer's name or contact detail.

Figures are computed in Python from one row per inquiry of the period (a center receives
hundreds a month, not millions), so they are the same on PostgreSQL and SQLite.
"""

import math
import statistics
from collections import defaultdict
from collections.abc import Callable
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
    first_attempt_at: datetime | None
    first_attempt_by_id: int | None
    reached_at: datetime | None
    reached_by_id: int | None
    is_urgent: bool
    status: str

    def time_to(self, moment: datetime | None) -> timedelta | None:
        if moment is None:
            return None
        return max(moment - self.received_at, timedelta())


@dataclass(frozen=True)
class Moment:
    """One of the two moments the report measures, and how to judge a row without it."""

    key: str
    at: Callable[[Row], datetime | None]
    by: Callable[[Row], int | None]
    # Whether a row without the moment still counts against the target once past it:
    # one still waiting for it. A row that moved on without it was worked before the
    # moment was recorded, or closed without it: nothing to judge it by.
    still_waiting: Callable[[Row], bool]


ATTEMPT = Moment(
    "attempt",
    at=lambda row: row.first_attempt_at,
    by=lambda row: row.first_attempt_by_id,
    still_waiting=lambda row: row.status == Inquiry.Status.NEW,
)
REACH = Moment(
    "reach",
    at=lambda row: row.reached_at,
    by=lambda row: row.reached_by_id,
    still_waiting=lambda row: row.status in Inquiry.UNREACHED_STATUSES,
)
MOMENTS = [ATTEMPT, REACH]


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile: the smallest value with at least `share` of the values
    at or below it (so the 90th of ten values is the ninth)."""
    ordered = sorted(values)
    return ordered[max(math.ceil(share * len(ordered)) - 1, 0)]


@dataclass(frozen=True)
class Speed:
    """Time to one moment (first attempt or reach) over a group of inquiries."""

    inquiries: int
    recorded: int  # inquiries with the moment recorded
    median: timedelta | None
    p90: timedelta | None
    within_target: int
    judged: int  # with the moment, or still waiting for it past their target

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

    @property
    def share_words(self) -> str:
        share = self.share_within_target
        return "–" if share is None else f"{share}%"


def speed(rows: list[Row], now: datetime, moment: Moment) -> Speed:
    seconds = []
    within = judged = 0
    for row in rows:
        target = first_contact_target(row.is_urgent)
        waited = row.time_to(moment.at(row))
        if waited is not None:
            seconds.append(waited.total_seconds())
            judged += 1
            within += waited <= target
        elif moment.still_waiting(row) and now - row.received_at > target:
            judged += 1
    return Speed(
        inquiries=len(rows),
        recorded=len(seconds),
        median=timedelta(seconds=statistics.median(seconds)) if seconds else None,
        p90=timedelta(seconds=percentile(seconds, 0.9)) if seconds else None,
        within_target=within,
        judged=judged,
    )


@dataclass(frozen=True)
class Speeds:
    """Time to first attempt and time to reach, side by side."""

    attempt: Speed
    reach: Speed


def speeds(rows: list[Row], now: datetime) -> Speeds:
    return Speeds(*(speed(rows, now, moment) for moment in MOMENTS))


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
            "received_at",
            "first_attempt_at",
            "first_attempt_by",
            "reached_at",
            "reached_by",
            "is_urgent",
            "status",
        )
    ]
    by_week = defaultdict(list)
    # Each staff member's first attempts and reaches, measured apart.
    by_staff = defaultdict(lambda: {moment.key: [] for moment in MOMENTS})
    by_status = defaultdict(int)
    for row in rows:
        by_week[week_start(row.received_at)].append(row)
        for moment in MOMENTS:
            if moment.by(row) is not None:
                by_staff[moment.by(row)][moment.key].append(row)
        by_status[row.status] += 1
    staff = get_user_model().objects.in_bulk(list(by_staff))
    weeks_shown = [first_week + timedelta(weeks=number) for number in range(weeks)]
    total = len(rows)
    return {
        "since": first_week,
        "overall": speeds(rows, now),
        "by_week": [
            (week, speeds(by_week[week], now)) for week in reversed(weeks_shown)
        ],
        "by_staff": sorted(
            (
                (
                    staff_name(staff.get(user_id)) or "Former staff member",
                    Speeds(
                        *(speed(groups[moment.key], now, moment) for moment in MOMENTS)
                    ),
                )
                for user_id, groups in by_staff.items()
            ),
            key=lambda item: (-item[1].attempt.recorded, item[0]),
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
        figures = report(weeks)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": "Speed to contact",
            "periods": PERIODS.items(),
            "weeks": weeks,
            "period_label": PERIODS[weeks],
            "targets": {
                "urgent": duration_words(first_contact_target(True)),
                "routine": duration_words(first_contact_target(False)),
            },
            **figures,
            "overall_pairs": [
                ("Time to first attempt", figures["overall"].attempt),
                ("Time to reach", figures["overall"].reach),
            ],
        }
        return TemplateResponse(
            request, "admin/admissions/first_contact_report.html", context
        )
