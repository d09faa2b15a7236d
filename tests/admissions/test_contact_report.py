"""The first-contact report for the admissions lead: known times give known figures, and no
inquirer's personal data appears in it."""

from datetime import datetime, timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from admissions.contact_report import percentile, report
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


def contacted(received_at, minutes, by, status=Inquiry.Status.CONTACTED, **fields):
    return InquiryFactory(
        received_at=received_at,
        first_contact_at=received_at + timedelta(minutes=minutes),
        first_contact_by=by,
        status=status,
        **fields,
    )


@pytest.fixture
def known_times(frozen, staff, settings):
    settings.ADMISSIONS_URGENT_TARGET_MINUTES = 15
    settings.ADMISSIONS_TARGET_MINUTES = 60
    ana, ben = staff["ana"], staff["ben"]
    contacted(MONDAY_9AM, 5, ana)
    contacted(MONDAY_9AM, 10, ana, Inquiry.Status.ADMITTED)
    contacted(MONDAY_9AM, 20, ben, Inquiry.Status.REFERRED, is_urgent=True)
    contacted(MONDAY_9AM, 40, ben, Inquiry.Status.ASSESSMENT_SCHEDULED)
    contacted(MONDAY_9AM, 90, ana, Inquiry.Status.CLOSED)
    InquiryFactory(received_at=NOW - timedelta(hours=2))  # past its target, untouched
    InquiryFactory(received_at=NOW - timedelta(minutes=10))  # still within its target
    InquiryFactory(received_at=NOW - timedelta(hours=1), status=Inquiry.Status.SPAM)
    contacted(MONDAY_9AM - timedelta(weeks=1), 30, ana, Inquiry.Status.ADMITTED)
    InquiryFactory(received_at=MONDAY_9AM - timedelta(weeks=13))  # before the period


def test_the_overall_figures_on_known_times(known_times):
    overall = report(12)["overall"]

    assert overall.inquiries == 8
    assert overall.contacted == 6
    assert overall.median == timedelta(minutes=25)
    assert overall.p90 == timedelta(minutes=90)
    assert (overall.within_target, overall.judged) == (4, 7)
    assert overall.share_within_target == 57


def test_the_figures_per_week_on_known_times(known_times):
    by_week = dict(report(12)["by_week"])

    this_week = by_week[MONDAY_9AM.date()]
    last_week = by_week[MONDAY_9AM.date() - timedelta(weeks=1)]
    assert len(by_week) == 12
    assert (this_week.inquiries, this_week.contacted) == (7, 5)
    assert (this_week.median, this_week.p90) == (
        timedelta(minutes=20),
        timedelta(minutes=90),
    )
    assert this_week.share_within_target == 50
    assert (last_week.inquiries, last_week.median) == (1, timedelta(minutes=30))
    assert by_week[MONDAY_9AM.date() - timedelta(weeks=2)].median is None


def test_the_figures_per_staff_member_on_known_times(known_times):
    by_staff = dict(report(12)["by_staff"])

    assert list(by_staff) == ["Ana Ortiz", "Ben Cho"]
    assert by_staff["Ana Ortiz"].contacted == 4
    assert by_staff["Ana Ortiz"].median == timedelta(minutes=20)
    assert by_staff["Ana Ortiz"].p90 == timedelta(minutes=90)
    assert by_staff["Ana Ortiz"].share_within_target == 75
    assert by_staff["Ben Cho"].median == timedelta(minutes=30)
    assert by_staff["Ben Cho"].p90 == timedelta(minutes=40)
    assert by_staff["Ben Cho"].share_within_target == 50


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

    overall = report(4)["overall"]

    assert (overall.inquiries, overall.contacted, overall.judged) == (1, 0, 0)
    assert overall.share_within_target is None


def test_a_shorter_period_leaves_out_older_weeks(known_times):
    assert report(4)["overall"].inquiries == 8
    with time_machine.travel(NOW + timedelta(weeks=4), tick=False):
        assert report(4)["overall"].inquiries == 0


def test_the_report_page_shows_the_figures_in_words(admissions_client, known_times):
    response = admissions_client.get(REPORT_URL)

    html = response.content.decode()
    assert response.status_code == 200
    assert "<dd>25 min</dd>" in html
    assert "<dd>1 h</dd>" in html
    assert "57%" in html and "4 of 7" in html
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


def test_a_new_first_contact_shows_in_the_report(admissions_client, frozen, staff):
    inquiry = InquiryFactory(received_at=NOW - timedelta(minutes=12))
    before = admissions_client.get(REPORT_URL).context["overall"].contacted

    admissions_client.post(
        reverse("admin:admissions_inquiry_change", args=[inquiry.pk]),
        change_form_data(_contact_attempt="no_answer"),
    )
    after = admissions_client.get(REPORT_URL).context["overall"]

    assert (before, after.contacted) == (0, 1)
    assert after.median == timedelta(minutes=12)


def test_the_report_is_for_admissions_staff_not_marketing(marketing_client):
    assert marketing_client.get(REPORT_URL).status_code == 403


def test_a_bad_period_falls_back_to_twelve_weeks(admissions_client, frozen):
    response = admissions_client.get(REPORT_URL, {"weeks": "'; DROP TABLE"})

    assert response.status_code == 200
    assert response.context["weeks"] == 12


def test_the_report_query_count_does_not_grow(admissions_client, frozen, staff):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

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
    assert small <= 8


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

    assert by_week[MONDAY_9AM.date() - timedelta(weeks=1)].inquiries == 1
    assert by_week[MONDAY_9AM.date()].inquiries == 0
