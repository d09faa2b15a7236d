"""The contact report for the admissions lead: known times give known figures for the first
attempt and for the reach, and no inquirer's personal data appears in it."""

import random
import re
from datetime import datetime, time, timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from admissions.contact_report import (
    figures_in_python,
    figures_in_the_database,
    percentile,
    report,
    week_start,
)
from admissions.models import Inquiry

from .conftest import change_form_data
from .factories import InquiryFactory, admissions_user

pytestmark = pytest.mark.django_db

REPORT_URL = reverse("admin:admissions_firstcontactreport_changelist")
# Wednesday March 4, 2026, noon in New York; the week began on Monday March 2.
NOW = datetime.fromisoformat("2026-03-04T17:00:00+00:00")
MONDAY_9AM = datetime.fromisoformat("2026-03-02T14:00:00+00:00")


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def staff():
    return {
        "ana": admissions_user(first_name="Ana", last_name="Ortiz"),
        "ben": admissions_user(first_name="Ben", last_name="Cho"),
    }


def contacted(
    received_at,
    minutes,
    by,
    status=Inquiry.Status.CONTACTED,
    reached=None,
    reached_by=None,
    **fields,
):
    """An inquiry first tried `minutes` after it arrived, and reached `reached` minutes
    after it arrived (by `reached_by`, else the same person) when given."""
    return InquiryFactory(
        received_at=received_at,
        first_attempt_at=received_at + timedelta(minutes=minutes),
        first_attempt_by=by,
        reached_at=received_at + timedelta(minutes=reached) if reached else None,
        reached_by=(reached_by or by) if reached else None,
        status=status,
        **fields,
    )


@pytest.fixture
def known_times(frozen, staff, settings):
    settings.ADMISSIONS_URGENT_TARGET_MINUTES = 15
    settings.ADMISSIONS_TARGET_MINUTES = 60
    ana, ben = staff["ana"], staff["ben"]
    contacted(MONDAY_9AM, 5, ana, reached=30)
    contacted(MONDAY_9AM, 10, ana, Inquiry.Status.ADMITTED, reached=10)
    # Referred without a recorded reach: nothing to judge its reach by.
    contacted(MONDAY_9AM, 20, ben, Inquiry.Status.REFERRED, is_urgent=True)
    contacted(MONDAY_9AM, 40, ben, Inquiry.Status.ASSESSMENT_SCHEDULED, reached=40)
    contacted(MONDAY_9AM, 90, ana, Inquiry.Status.CLOSED, reached=120, reached_by=ben)
    InquiryFactory(received_at=NOW - timedelta(hours=2))  # past its target, untouched
    InquiryFactory(received_at=NOW - timedelta(minutes=10))  # still within its target
    InquiryFactory(received_at=NOW - timedelta(hours=1), status=Inquiry.Status.SPAM)
    contacted(
        MONDAY_9AM - timedelta(weeks=1), 30, ana, Inquiry.Status.ADMITTED, reached=45
    )
    InquiryFactory(received_at=MONDAY_9AM - timedelta(weeks=13))  # before the period


def test_the_overall_time_to_first_attempt_on_known_times(known_times):
    overall = report(12)["overall"].attempt

    assert overall.inquiries == 8
    assert overall.recorded == 6
    assert overall.median == timedelta(minutes=25)
    assert overall.p90 == timedelta(minutes=90)
    assert (overall.within_target, overall.judged) == (4, 7)
    assert overall.share_within_target == 57


def test_the_overall_time_to_reach_on_known_times(known_times):
    overall = report(12)["overall"].reach

    assert overall.inquiries == 8
    assert overall.recorded == 5
    assert overall.median == timedelta(minutes=40)
    assert overall.p90 == timedelta(minutes=120)
    # The untouched inquiry past its target is a miss; the referral without a recorded
    # reach is not judged.
    assert (overall.within_target, overall.judged) == (4, 6)
    assert overall.share_within_target == 67


def test_an_inquiry_tried_but_never_reached_counts_against_the_reach_target(
    frozen, staff, settings
):
    settings.ADMISSIONS_URGENT_TARGET_MINUTES = 15
    contacted(NOW - timedelta(minutes=20), 1, staff["ana"], is_urgent=True)

    figures = report(4)["overall"]

    assert (figures.attempt.within_target, figures.attempt.judged) == (1, 1)
    assert figures.reach.recorded == 0
    assert (figures.reach.within_target, figures.reach.judged) == (0, 1)
    assert figures.reach.share_within_target == 0


def test_the_figures_per_week_on_known_times(known_times):
    by_week = dict(report(12)["by_week"])

    this_week = by_week[MONDAY_9AM.date()]
    last_week = by_week[MONDAY_9AM.date() - timedelta(weeks=1)]
    assert len(by_week) == 12
    assert (this_week.attempt.inquiries, this_week.attempt.recorded) == (7, 5)
    assert (this_week.attempt.median, this_week.attempt.p90) == (
        timedelta(minutes=20),
        timedelta(minutes=90),
    )
    assert this_week.attempt.share_within_target == 50
    assert (this_week.reach.recorded, this_week.reach.median) == (
        4,
        timedelta(minutes=35),
    )
    assert this_week.reach.p90 == timedelta(minutes=120)
    assert this_week.reach.share_within_target == 60
    assert (last_week.attempt.inquiries, last_week.attempt.median) == (
        1,
        timedelta(minutes=30),
    )
    assert last_week.reach.median == timedelta(minutes=45)
    assert by_week[MONDAY_9AM.date() - timedelta(weeks=2)].attempt.median is None
    assert by_week[MONDAY_9AM.date() - timedelta(weeks=2)].reach.median is None


def test_the_figures_per_staff_member_on_known_times(known_times):
    by_staff = dict(report(12)["by_staff"])

    ana, ben = by_staff["Ana Ortiz"], by_staff["Ben Cho"]
    assert list(by_staff) == ["Ana Ortiz", "Ben Cho"]
    assert ana.attempt.recorded == 4
    assert ana.attempt.median == timedelta(minutes=20)
    assert ana.attempt.p90 == timedelta(minutes=90)
    assert ana.attempt.share_within_target == 75
    assert ben.attempt.median == timedelta(minutes=30)
    assert ben.attempt.p90 == timedelta(minutes=40)
    assert ben.attempt.share_within_target == 50
    # Reaches count for whoever got through, not whoever tried first.
    assert (ana.reach.recorded, ana.reach.median) == (3, timedelta(minutes=30))
    assert (ana.reach.p90, ana.reach.share_within_target) == (
        timedelta(minutes=45),
        100,
    )
    assert (ben.reach.recorded, ben.reach.median) == (2, timedelta(minutes=80))
    assert (ben.reach.p90, ben.reach.share_within_target) == (
        timedelta(minutes=120),
        50,
    )


def test_inquiries_by_status_and_outcome_on_known_times(known_times):
    by_status = {label: count for label, count, _share in report(12)["by_status"]}

    assert by_status == {
        "New": 2,
        "Contacted": 1,
        "Assessment scheduled": 1,
        "Admitted": 2,
        "Referred elsewhere": 1,
        "Closed": 1,
    }


def test_inquiries_worked_before_first_contacts_were_recorded_are_not_judged(
    frozen, settings
):
    settings.ADMISSIONS_TARGET_MINUTES = 60
    InquiryFactory(received_at=MONDAY_9AM, status=Inquiry.Status.ADMITTED)

    for overall in (report(4)["overall"].attempt, report(4)["overall"].reach):
        assert (overall.inquiries, overall.recorded, overall.judged) == (1, 0, 0)
        assert overall.share_within_target is None


def test_a_shorter_period_leaves_out_older_weeks(known_times):
    assert report(4)["overall"].attempt.inquiries == 8
    with time_machine.travel(NOW + timedelta(weeks=4), tick=False):
        assert report(4)["overall"].attempt.inquiries == 0


def test_the_report_page_shows_the_figures_in_words(admissions_client, known_times):
    response = admissions_client.get(REPORT_URL)

    html = response.content.decode()
    assert response.status_code == 200
    attempt = html[html.index(">Time to first attempt</h2>") :]
    reach = html[html.index(">Time to reach</h2>") :]
    assert attempt.index("<dd>25 min</dd>") < attempt.index("<dd>1 h</dd>")
    assert "57%" in attempt and "4 of 7" in attempt
    assert reach.index("<dd>40 min</dd>") < reach.index("<dd>2 h</dd>")
    assert "67%" in reach and "4 of 6" in reach
    assert "Ana Ortiz" in html and "Ben Cho" in html


def test_the_report_has_no_personal_data(admissions_client, frozen, staff):
    contacted(
        MONDAY_9AM,
        5,
        staff["ana"],
        name="Jordan Quixote",
        phone="+18285550187",
        email="jordan.quixote@example.com",
        message="About my brother",
        substances=["Fentanyl"],
        program_label="Medical Detox",
        insurance="Cigna",
    )

    html = admissions_client.get(REPORT_URL).content.decode()

    for personal in [
        "Quixote",
        "555-0187",
        "5550187",
        "jordan.quixote",
        "brother",
        "Fentanyl",
        "Medical Detox",
        "Cigna",
    ]:
        assert personal not in html


def test_a_logged_attempt_and_reach_show_in_the_report(
    admissions_client, frozen, staff
):
    inquiry = InquiryFactory(received_at=NOW - timedelta(minutes=12))
    change_url = reverse("admin:admissions_inquiry_change", args=[inquiry.pk])
    before = admissions_client.get(REPORT_URL).context["overall"]

    admissions_client.post(change_url, change_form_data(_contact_attempt="no_answer"))
    tried = admissions_client.get(REPORT_URL).context["overall"]
    with time_machine.travel(NOW + timedelta(minutes=5), tick=False):
        admissions_client.post(change_url, change_form_data(_contact_attempt="spoke"))
        reached = admissions_client.get(REPORT_URL).context["overall"]

    assert (before.attempt.recorded, before.reach.recorded) == (0, 0)
    assert (tried.attempt.recorded, tried.reach.recorded) == (1, 0)
    assert tried.attempt.median == timedelta(minutes=12)
    assert (reached.attempt.median, reached.reach.median) == (
        timedelta(minutes=12),
        timedelta(minutes=17),
    )


def test_the_report_is_for_admissions_staff_not_marketing(marketing_client):
    assert marketing_client.get(REPORT_URL).status_code == 403


def test_a_bad_period_falls_back_to_twelve_weeks(admissions_client, frozen):
    response = admissions_client.get(REPORT_URL, {"weeks": "'; DROP TABLE"})

    assert response.status_code == 200
    assert response.context["weeks"] == 12


def test_the_report_query_count_does_not_grow(admissions_client, frozen, staff):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert admissions_client.get(REPORT_URL).status_code == 200
        return len(captured.captured_queries)

    contacted(MONDAY_9AM, 5, staff["ana"])
    admissions_client.get(REPORT_URL)  # warm the session
    small = queries()
    for minutes in range(10):
        contacted(MONDAY_9AM, minutes, staff["ben" if minutes % 2 else "ana"])
    large = queries()

    assert small == large
    # The session, the user, the second factor and the site's details, then the report:
    # one row per inquiry on SQLite, four grouped queries on PostgreSQL; then the staff.
    report_queries = 4 if connection.vendor == "postgresql" else 1
    assert small <= 5 + report_queries


@pytest.mark.parametrize(
    ("values", "share", "expected"),
    [
        ([5], 0.9, 5),
        ([1, 2], 0.9, 2),
        (list(range(1, 11)), 0.9, 9),
        (list(range(1, 11)), 0.5, 5),
        ([40, 10, 30, 20], 0.9, 40),
    ],
)
def test_the_90th_percentile_is_the_nearest_rank(values, share, expected):
    assert percentile(values, share) == expected


def test_times_are_taken_in_the_centers_week(frozen):
    # Sunday 11 pm in New York is Monday 4 am UTC: it belongs to the week before.
    sunday_night = timezone.make_aware(datetime(2026, 3, 1, 23, 0))
    InquiryFactory(received_at=sunday_night)

    by_week = dict(report(4)["by_week"])

    assert by_week[MONDAY_9AM.date() - timedelta(weeks=1)].attempt.inquiries == 1
    assert by_week[MONDAY_9AM.date()].attempt.inquiries == 0


@pytest.mark.postgresql_only(
    reason="SQLite has no percentile aggregate: the report works its figures out in "
    "Python there, which the other tests of this module check on both databases"
)
def test_postgresql_works_out_the_same_figures_as_python(frozen, staff, settings):
    settings.ADMISSIONS_URGENT_TARGET_MINUTES = 15
    settings.ADMISSIONS_TARGET_MINUTES = 60
    rng = random.Random(25)
    people = [staff["ana"], staff["ben"], admissions_user(first_name="Cy")]
    inquiries = []
    for _ in range(400):
        # Five weeks back and up to now, Sunday nights and Monday mornings included.
        received_at = NOW - timedelta(minutes=rng.randrange(5 * 7 * 24 * 60))
        attempt = rng.choice([None, rng.randrange(0, 300), rng.randrange(0, 20)])
        reach = rng.choice([None, None, rng.randrange(0, 600)])
        # A few times recorded before the inquiry arrived (a clock out of step): none.
        attempt_at = attempt is not None and received_at + timedelta(
            minutes=attempt - 3 * (attempt % 7 == 0), seconds=rng.randrange(60)
        )
        reached_at = reach is not None and received_at + timedelta(minutes=reach)
        inquiries.append(
            InquiryFactory.build(
                received_at=received_at,
                is_urgent=rng.random() < 0.3,
                status=rng.choice(Inquiry.Status.values),
                first_attempt_at=attempt_at or None,
                first_attempt_by=rng.choice(people) if attempt_at else None,
                reached_at=reached_at or None,
                reached_by=rng.choice(people) if reached_at else None,
            )
        )
    Inquiry.objects.bulk_create(inquiries)

    for weeks in (4, 12):
        since = week_start(NOW) - timedelta(weeks=weeks - 1)
        shown = [since + timedelta(weeks=number) for number in range(weeks)]
        period = (
            Inquiry.objects.not_spam()
            .filter(
                received_at__gte=timezone.make_aware(datetime.combine(since, time()))
            )
            .order_by()
        )
        in_python = figures_in_python(period, NOW, shown)
        in_the_database = figures_in_the_database(period, NOW, shown)

        for status in Inquiry.Status.values:
            assert in_the_database.by_status.get(status, 0) == (
                in_python.by_status.get(status, 0)
            )
        assert_same_speeds(in_the_database.overall, in_python.overall)
        assert in_the_database.by_week.keys() == in_python.by_week.keys()
        for week, speeds in in_python.by_week.items():
            assert_same_speeds(in_the_database.by_week[week], speeds)
        assert in_the_database.by_staff.keys() == in_python.by_staff.keys()
        for user, speeds in in_python.by_staff.items():
            assert_same_speeds(in_the_database.by_staff[user], speeds)
    assert in_python.overall.attempt.recorded > 100
    assert in_python.overall.reach.judged > in_python.overall.reach.recorded


def assert_same_speeds(got, expected):
    """The same counts, and the same times to within a millisecond (the database's
    arithmetic is in floating point seconds, Python's in microseconds)."""
    for moment in ("attempt", "reach"):
        mine, theirs = getattr(got, moment), getattr(expected, moment)
        for name in ("inquiries", "recorded", "within_target", "judged"):
            assert getattr(mine, name) == getattr(theirs, name), (moment, name)
        for name in ("median", "p90"):
            a, b = getattr(mine, name), getattr(theirs, name)
            assert (a is None) == (b is None), (moment, name)
            if a is not None:
                assert abs(a - b) < timedelta(milliseconds=1), (moment, name, a, b)


@pytest.mark.postgresql_only(
    reason="SQLite has no covering index (INCLUDE), and works the report out in Python"
)
def test_every_column_the_report_reads_is_in_its_index(frozen, staff):
    """So PostgreSQL can answer each of the report's queries from the index alone (at
    100,000 inquiries its plans are index-only scans: README, Performance)."""
    contacted(MONDAY_9AM, 5, staff["ana"], reached=30)
    with connection.cursor() as cursor:
        indexes = connection.introspection.get_constraints(cursor, "admissions_inquiry")
    covered = set(indexes["inquiry_report_idx"]["columns"])

    with CaptureQueriesContext(connection) as captured:
        report(26)

    grouped = [q["sql"] for q in captured.captured_queries if "PERCENTILE" in q["sql"]]
    assert len(grouped) == 4  # the period, its weeks, who tried, who reached
    for sql in grouped:
        read = set(re.findall(r'"admissions_inquiry"\."(\w+)"', sql))
        assert read and read <= covered, read - covered


def test_counts_in_the_thousands_are_grouped_as_they_read(admissions_client, frozen):
    Inquiry.objects.bulk_create(
        InquiryFactory.build(received_at=MONDAY_9AM + timedelta(minutes=number))
        for number in range(1200)
    )

    page = admissions_client.get(REPORT_URL).content.decode()

    assert "<dd>1,200</dd>" in page
    assert "1200" not in page
