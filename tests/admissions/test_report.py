"""The inquiry sources report for marketing: counts only, no personal data."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from admissions.models import Inquiry

from .factories import InquiryFactory

pytestmark = pytest.mark.django_db

REPORT_URL = reverse("admin:admissions_attributionreport_changelist")


def test_the_report_counts_by_landing_page_source_and_month(marketing_client):
    InquiryFactory.create_batch(
        3, landing_page="/addictions/alcohol/", utm_source="newsletter"
    )
    InquiryFactory(landing_page="/", referrer_host="www.google.com")
    InquiryFactory(landing_page="/")
    InquiryFactory(landing_page="/spam-page/", status=Inquiry.Status.SPAM)

    response = marketing_client.get(REPORT_URL)

    context = response.context
    assert response.status_code == 200
    assert context["total"] == 5
    assert context["by_landing_page"] == [
        {"landing_page": "/addictions/alcohol/", "count": 3},
        {"landing_page": "/", "count": 2},
    ]
    assert context["by_source"] == [
        {"source": "newsletter", "count": 3},
        {"source": "direct", "count": 1},
        {"source": "www.google.com", "count": 1},
    ]
    assert [row["count"] for row in context["by_month"]] == [5]


def test_the_report_has_no_personal_data(marketing_client):
    InquiryFactory(
        name="Jordan Quixote",
        phone="+18285550187",
        email="jordan.quixote@example.com",
        message="About my brother",
        substances=["Fentanyl"],
        program_label="Medical Detox",
        landing_page="/treatment/",
    )

    html = marketing_client.get(REPORT_URL).content.decode()

    assert "/treatment/" in html
    for personal in [
        "Quixote",
        "555-0187",
        "5550187",
        "jordan.quixote",
        "brother",
        "Fentanyl",
        "Medical Detox",
    ]:
        assert personal not in html


def test_the_report_period_leaves_out_older_inquiries_and_ignores_bad_input(
    marketing_client,
):
    InquiryFactory()
    InquiryFactory(received_at=timezone.now() - timedelta(days=200))

    three = marketing_client.get(REPORT_URL, {"months": "3"}).context["total"]
    bad = marketing_client.get(REPORT_URL, {"months": "'; DROP TABLE"}).context["total"]

    assert three == 1
    assert bad == 2


def test_the_report_is_refused_to_staff_without_its_permission(client):
    from tests.factories import StaffFactory

    client.force_login(StaffFactory())

    assert client.get(REPORT_URL).status_code == 403


def test_the_report_query_count_does_not_grow(marketing_client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries_for_report() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert marketing_client.get(REPORT_URL).status_code == 200
        return len(captured.captured_queries)

    for number in range(2):
        InquiryFactory(landing_page=f"/page-{number}/")
    marketing_client.get(REPORT_URL)  # warm the session
    small = queries_for_report()
    for number in range(2, 10):
        InquiryFactory(landing_page=f"/page-{number}/")
    large = queries_for_report()

    # User, permissions (user and group), the app list, then the total and three grouped
    # counts: the same for 2 or 10 landing pages.
    assert small == large
    assert small <= 10
