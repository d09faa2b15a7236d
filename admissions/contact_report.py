"""The admissions lead's report: how fast inquiries get a first attempt and how fast
somebody reaches the person (median and 90th percentile, overall, per week and per staff
member), the share of each within target, and how inquiries ended. Counts and durations
only: no inquirer's name or contact detail.

On PostgreSQL the database works the figures out (`figures_in_the_database`): its
ordered-set aggregates give the median and the 90th percentile of each group, so a period
of tens of thousands of inquiries sends back a few dozen numbers, read from an index that
holds every column the report needs (`inquiry_report_idx`). Fetching one row per inquiry
and working them out in Python took 286 ms for 26 weeks at 100,000 inquiries, over the
staff pages' 150 ms budget; the database's way, 99 ms. SQLite has no percentile aggregate, so on `make run`'s
database the same figures come from one row per inquiry (`figures_in_python`); the tests
hold both to the same numbers.
"""

import math
import statistics
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import NamedTuple

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import Aggregate, Count, DurationField, F, Q, QuerySet, Value
from django.db.models.functions import Greatest, TruncWeek
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
    first_attempt_by: int | None
    reached_at: datetime | None
    reached_by: int | None
    is_urgent: bool
    status: str

    def time_to(self, moment: datetime | None) -> timedelta | None:
        if moment is None:
            return None
        return max(moment - self.received_at, timedelta())


@dataclass(frozen=True)
class Moment:
    """One of the two moments the report measures: its field, who recorded it, and how
    to judge an inquiry without it."""

    key: str
    field: str
    by_field: str
    # An inquiry without the moment still counts against the target once past it when it
    # is in one of these statuses: still waiting for it. One that moved on without it was
    # worked before the moment was recorded, or closed without it: nothing to judge it by.
    waiting_statuses: tuple[str, ...]

    def at(self, row: Row) -> datetime | None:
        return getattr(row, self.field)

    def by(self, row: Row) -> int | None:
        return getattr(row, self.by_field)

    def still_waiting(self, row: Row) -> bool:
        return row.status in self.waiting_statuses


ATTEMPT = Moment(
    "attempt",
    field="first_attempt_at",
    by_field="first_attempt_by",
    waiting_statuses=(Inquiry.Status.NEW,),
)
REACH = Moment(
    "reach",
    field="reached_at",
    by_field="reached_by",
    waiting_statuses=tuple(Inquiry.UNREACHED_STATUSES),
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


EMPTY = Speed(inquiries=0, recorded=0, median=None, p90=None, within_target=0, judged=0)


def summaries(measures: dict[str, list[Measure]]) -> Speeds:
    """The two speeds of a group's measures, by moment key."""
    return Speeds(*(summary(measures[moment.key]) for moment in MOMENTS))


def week_start(moment: datetime) -> date:
    """The Monday of `moment`'s week in the site's time zone."""
    day = timezone.localtime(moment).date()
    return day - timedelta(days=day.weekday())


@dataclass
class Figures:
    """The report's figures before they are put in order: the speeds of the whole period,
    of each week (by its Monday) and of each staff member (by user id; an attempt and a
    reach are counted for whoever made them), and the inquiries of each status."""

    overall: Speeds
    by_week: dict[date, Speeds]
    by_staff: dict[int, Speeds]
    by_status: dict[str, int]


def report(weeks: int, now: datetime | None = None) -> dict:
    """Every figure of the report for inquiries (spam left out) received in the current
    week and the `weeks - 1` before it."""
    now = now or timezone.now()
    first_week = week_start(now) - timedelta(weeks=weeks - 1)
    since = timezone.make_aware(datetime.combine(first_week, time()))
    weeks_shown = [first_week + timedelta(weeks=number) for number in range(weeks)]
    period = Inquiry.objects.not_spam().filter(received_at__gte=since).order_by()
    work_out = (
        figures_in_the_database
        if connection.vendor == "postgresql"
        else figures_in_python
    )
    figures = work_out(period, now, weeks_shown)
    staff = get_user_model().objects.in_bulk(list(figures.by_staff))
    total = sum(figures.by_status.values())
    no_inquiries = Speeds(EMPTY, EMPTY)
    return {
        "since": first_week,
        "overall": figures.overall,
        "by_week": [
            (week, figures.by_week.get(week, no_inquiries))
            for week in reversed(weeks_shown)
        ],
        "by_staff": sorted(
            (
                (staff_name(staff.get(user_id)) or "Former staff member", speeds)
                for user_id, speeds in figures.by_staff.items()
            ),
            key=lambda item: (-item[1].attempt.recorded, item[0]),
        ),
        "by_status": [
            (
                label,
                figures.by_status.get(value, 0),
                round(100 * figures.by_status.get(value, 0) / total) if total else 0,
            )
            for value, label in Inquiry.Status.choices
            if value != Inquiry.Status.SPAM
        ],
        "total": total,
    }


def figures_in_python(
    period: QuerySet, now: datetime, weeks_shown: list[date]
) -> Figures:
    """The figures from one row per inquiry of `period`: one query."""
    rows = [
        Row(*values)
        for values in period.values_list(
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
    return Figures(
        overall=summaries(overall),
        by_week={week: summaries(groups) for week, groups in by_week.items()},
        by_staff={user: summaries(groups) for user, groups in by_staff.items()},
        by_status=dict(by_status),
    )


class Percentile(Aggregate):
    """PostgreSQL's ordered-set aggregates over a duration: PERCENTILE_CONT interpolates
    between the two nearest values (at 0.5, the median as `statistics.median` takes it),
    PERCENTILE_DISC takes the nearest rank (as `percentile` does)."""

    template = "%(function)s(%(share)s) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = DurationField()

    def __init__(self, expression, share: float, interpolated: bool, **extra):
        if not 0 <= share <= 1:
            raise ValueError(f"a percentile's share is between 0 and 1, not {share!r}")
        super().__init__(
            expression,
            function="PERCENTILE_CONT" if interpolated else "PERCENTILE_DISC",
            share=float(share),
            **extra,
        )


def taken(moment: Moment) -> str:
    """The name of the alias `figures_in_the_database` gives the time from an inquiry's
    arrival to `moment` (negative for a moment recorded before it; NULL without it)."""
    return f"{moment.key}_taken"


def counted(condition: Q | None = None) -> Count:
    """How many inquiries (meeting `condition`), counted by their arrival time, which
    every inquiry has and the report's index holds: no query needs the table's rows."""
    return Count("received_at", filter=condition)


def speed_aggregates(moment: Moment, now: datetime) -> dict:
    """The aggregates behind a Speed of `moment`, named `{moment.key}_{field}`."""
    recorded = Q(**{f"{moment.field}__isnull": False})
    within, late = Q(), Q()
    for is_urgent, target in targets().items():
        within |= Q(is_urgent=is_urgent, **{f"{taken(moment)}__lte": target})
        late |= Q(is_urgent=is_urgent, received_at__lt=now - target)
    waiting = Q(
        **{f"{moment.field}__isnull": True, "status__in": moment.waiting_statuses}
    )
    # No time before arrival, as `measure` takes it (written out: Django aggregates over
    # an annotation, not over the alias the conditions use). Without the moment, zero
    # (PostgreSQL's GREATEST passes over a NULL): the percentiles leave those rows out.
    waited = Greatest(
        F(moment.field) - F("received_at"),
        Value(timedelta()),
        output_field=DurationField(),
    )
    return {
        f"{moment.key}_inquiries": counted(),
        f"{moment.key}_recorded": Count(moment.field),
        f"{moment.key}_median": Percentile(
            waited, 0.5, interpolated=True, filter=recorded
        ),
        f"{moment.key}_p90": Percentile(
            waited, 0.9, interpolated=False, filter=recorded
        ),
        f"{moment.key}_within_target": counted(recorded & within),
        f"{moment.key}_late": counted(waiting & late),
    }


def speed_from(values: dict, moment: Moment) -> Speed:
    def value(name):
        return values[f"{moment.key}_{name}"]

    return Speed(
        inquiries=value("inquiries"),
        recorded=value("recorded"),
        median=value("median"),
        p90=value("p90"),
        within_target=value("within_target"),
        judged=value("recorded") + value("late"),
    )


def figures_in_the_database(
    period: QuerySet, now: datetime, weeks_shown: list[date]
) -> Figures:
    """The same figures as `figures_in_python`, each group's worked out by PostgreSQL:
    four queries (the whole period, its weeks, and the staff who made each moment), each
    sending back a row a group."""
    timed = period.alias(
        **{taken(moment): F(moment.field) - F("received_at") for moment in MOMENTS}
    )
    aggregates = {moment: speed_aggregates(moment, now) for moment in MOMENTS}
    both = {name: value for each in aggregates.values() for name, value in each.items()}
    statuses = [value for value, _ in Inquiry.Status.choices]
    overall = timed.aggregate(
        **both,
        **{f"status_{value}": counted(Q(status=value)) for value in statuses},
    )
    weeks = (
        timed.annotate(week=TruncWeek("received_at")).values("week").annotate(**both)
    )
    by_staff = defaultdict(lambda: dict.fromkeys(MOMENTS, EMPTY))
    for moment in MOMENTS:
        groups = (
            timed.filter(**{f"{moment.by_field}__isnull": False})
            .values(moment.by_field)
            .annotate(**aggregates[moment])
        )
        for values in groups:
            by_staff[values[moment.by_field]][moment] = speed_from(values, moment)
    return Figures(
        overall=Speeds(*(speed_from(overall, moment) for moment in MOMENTS)),
        by_week={
            timezone.localtime(values["week"]).date(): Speeds(
                *(speed_from(values, moment) for moment in MOMENTS)
            )
            for values in weeks
        },
        by_staff={
            user: Speeds(*(speeds[moment] for moment in MOMENTS))
            for user, speeds in by_staff.items()
        },
        by_status={value: overall[f"status_{value}"] for value in statuses},
    )


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
