"""The admin index is the center's own dashboard of what needs attention (issue 14 item 5)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from admissions.attention import attention as admissions_attention
from dashboard.notices import providers
from linkcheck.checker import check_all_links
from tests.admissions.factories import InquiryFactory, admissions_user, marketing_user
from tests.blog.factories import ArticleFactory
from tests.factories import SiteSettingsFactory
from tests.programs.factories import ProgramFactory

pytestmark = pytest.mark.django_db


def dashboard(client, user) -> str:
    client.force_login(user)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    return response.content.decode()


def test_each_app_with_notices_registers_its_provider_once():
    modules = [provider.__module__ for provider in providers()]

    assert sorted(modules) == [
        "accreditations.attention",
        "admissions.attention",
        "blog.attention",
        "insurance_verification.attention",
        "linkcheck.attention",
        "pictures.attention",
        "programs.attention",
    ]


def test_the_admin_carries_the_centers_name_and_colours(client):
    SiteSettingsFactory(name="Willow Ridge Recovery")

    page = dashboard(client, marketing_user())

    assert '<span class="brand__name">Willow Ridge Recovery</span>' in page
    assert "| Willow Ridge Recovery admin</title>" in page
    assert "/static/css/admin.css" in page


def test_marketing_sees_scheduled_items_reviews_and_broken_links(client):
    later = timezone.now() + timedelta(days=2)
    ArticleFactory(title="Coming soon", publish_at=later, reviewed_on=None)
    ProgramFactory(name="New aftercare", publish_at=later)
    ArticleFactory(
        title="Old news", body='<p><a href="/blog/gone/">gone</a></p>', reviewed_on=None
    )
    check_all_links()
    InquiryFactory(is_urgent=True)

    page = dashboard(client, marketing_user())

    assert "Needs your attention" in page
    assert "1 article scheduled" in page
    assert "Next: “Coming soon”" in page
    assert "1 program scheduled" in page
    assert "2 articles due for medical review" in page  # the scheduled one too
    assert "1 broken link on the site" in page
    assert "inquir" not in page.split("Needs your attention")[1].split("</section>")[0]


def test_the_scheduled_link_lists_only_what_is_still_to_come(client):
    ArticleFactory(title="Coming soon", publish_at=timezone.now() + timedelta(days=2))
    ArticleFactory(title="Already live")
    user = marketing_user()
    client.force_login(user)
    [notice] = [
        notice
        for provider in providers()
        for notice in provider(type("Request", (), {"user": user})())
        if "scheduled" in notice.title
    ]

    listing = client.get(notice.url).content.decode()

    assert "Coming soon" in listing
    assert "Already live" not in listing


def test_admissions_staff_see_urgent_and_waiting_inquiries_first(client, rf):
    InquiryFactory(is_urgent=True)
    InquiryFactory(received_at=timezone.now() - timedelta(hours=3))
    InquiryFactory()
    user = admissions_user()

    page = dashboard(client, user)

    # The urgent first, then the late, then all who wait, each a list of its own.
    assert (
        page.index("1 inquiry marked urgent")
        < page.index("1 inquiry past their first-contact target")
        < page.index("3 inquiries waiting for contact")
    )
    request = rf.get("/admin/")
    request.user = marketing_user()
    assert admissions_attention(request) == []


def test_nothing_to_do_says_so(client):
    page = dashboard(client, marketing_user())

    assert "Nothing needs your attention right now." in page
