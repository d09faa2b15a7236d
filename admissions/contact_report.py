"""The admissions lead's report: how fast inquiries get a first attempt and how fast
somebody reaches the person (median and 90th percentile, overall, per week and per staff
member), the share of each within target, and how inquiries ended. Counts and durations
only: no inquirer's name or contact detail.

Figures are computed in Python from one row per inquiry of the period (a center receives
hundreds a month, not millions), so they are the same on PostgreSQL and SQLite.
"""

import math
import statistics
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import NamedTuple

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.template.response import TemplateResponse
from django.utils import timezone

from .display import duration_words, staff_name
from .models import FirstContactReport, Inquiry, first_contact_target
from .report_admin import ReportAdmin

PERIODS = {4: "the last 4 weeks", 12: "the last 12 weeks", 26: "the last 26 weeks"}
DEFAULT_WEEKS = 12


class Row(NamedTuple):
    """One inquiry of the period (a named tuple, which is quick to make: the report
    makes one for each of its tens of thousands of rows)."""

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


# One inquiry's time to one moment: (the seconds it took, or None without the moment;
# whether it is judged against its target; whether it met it). Plain tuples: the report
# makes two for each of tens of thousands of rows, and the profiler gave a named tuple's
# constructor a fifth of the report's time at 100,000 inquiries.
Measure = tuple[float | None, bool, bool]
NOT_JUDGED: Measure = (None, False, False)
LATE: Measure = (None, True, False)


def targets() -> dict[bool, timedelta]:
    """The first-contact target, by urgency."""
    return {True: first_contact_target(True), False: first_contact_target(False)}


def measure(row: Row, now: datetime, moment: Moment, target_for: dict) -> Measure:
    target = target_for[row.is_urgent]
    waited = row.time_to(moment.at(row))
    if waited is not None:
        return (waited.total_seconds(), True, waited <= target)
    if moment.still_waiting(row) and now - row.received_at > target:
        return LATE
    return NOT_JUDGED


def summary(measures: list[Measure]) -> Speed:
    seconds = [taken for taken, _, _ in measures if taken is not None]
    return Speed(
        inquiries=len(measures),
        recorded=len(seconds),
        median=timedelta(seconds=statistics.median(seconds)) if seconds else None,
        p90=timedelta(seconds=percentile(seconds, 0.9)) if seconds else None,
        within_target=sum(within for _, _, within in measures),
        judged=sum(judged for _, judged, _ in measures),
    )


@dataclass(frozen=True)
class Speeds:
    """Time to first attempt and time to reach, side by side."""

    attempt: Speed
    reach: Speed


def summaries(measures: dict[str, list[Measure]]) -> Speeds:
    """The two speeds of a group's measures, by moment key."""
    return Speeds(*(summary(measures[moment.key]) for moment in MOMENTS))


def week_start(moment: datetime) -> date:
    """The Monday of `moment`'s week in the site's time zone."""
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
    # Each row is measured once, and its measures go to the overall figures, its week
    # and the staff member who made the attempt or the reach (measured apart).
    target_for = targets()
    overall = {moment.key: [] for moment in MOMENTS}
    by_week = defaultdict(lambda: {moment.key: [] for moment in MOMENTS})
    by_staff = defaultdict(lambda: {moment.key: [] for moment in MOMENTS})
    by_status = defaultdict(int)
    weeks_shown = [first_week + timedelta(weeks=number) for number in range(weeks)]
    # Where each later week begins, in UTC as the rows' times are (a comparison across
    # time zones asks each for its offset), to find a row's week by bisection.
    week_starts = [
        timezone.make_aware(datetime.combine(week, time())).astimezone(UTC)
        for week in weeks_shown[1:]
    ]
    for row in rows:
        week = by_week[weeks_shown[bisect_right(week_starts, row.received_at)]]
        for moment in MOMENTS:
            entry = measure(row, now, moment, target_for)
            overall[moment.key].append(entry)
            week[moment.key].append(entry)
            by = moment.by(row)
            if by is not None:
                by_staff[by][moment.key].append(entry)
        by_status[row.status] += 1
    staff = get_user_model().objects.in_bulk(list(by_staff))
    total = len(rows)
    return {
        "since": first_week,
        "overall": summaries(overall),
        "by_week": [(week, summaries(by_week[week])) for week in reversed(weeks_shown)],
        "by_staff": sorted(
            (
                (
                    staff_name(staff.get(user_id)) or "Former staff member",
                    summaries(groups),
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
