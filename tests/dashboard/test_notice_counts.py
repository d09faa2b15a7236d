"""Every count on the dashboard is the count of the list it links to (issue 27, item 2):
a notice saying "4 inquiries waiting for contact" opens a list of 4, for every notice any
app gives, as each role sees them."""

import re
from datetime import date, timedelta

import pytest
from django.test import RequestFactory
from django.utils import timezone

from admissions.models import Inquiry
from dashboard.notices import attention_notices, providers
from linkcheck.checker import check_all_links
from tests.accreditations.factories import AccreditationFactory
from tests.admissions.factories import InquiryFactory, admissions_user, marketing_user
from tests.blog.factories import ArticleFactory
from tests.factories import SiteSettingsFactory, UserFactory
from tests.insurance_verification.helpers import verification
from tests.pictures.factories import PictureFactory
from tests.programs.factories import PageFactory, ProgramFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def much_needs_attention():
    """Something for every notice, in numbers that tell the lists apart."""
    SiteSettingsFactory()
    long_ago = timezone.now() - timedelta(days=2)
    for urgent in (True, False, False):  # waiting past their target
        InquiryFactory(is_urgent=urgent)
    Inquiry.objects.update(received_at=long_ago)
    for _ in range(2):  # waiting, within their target
        InquiryFactory()
    InquiryFactory(is_urgent=True, status=Inquiry.Status.ASSESSMENT_SCHEDULED)
    InquiryFactory(status=Inquiry.Status.CLOSED)
    for _ in range(2):
        verification()
    later = timezone.now() + timedelta(days=3)
    ProgramFactory(publish_at=later)
    PageFactory(publish_at=later)
    PageFactory(publish_at=later + timedelta(days=1))
    ArticleFactory(reviewed_on=None, body='<p><a href="/blog/gone/">gone</a></p>')
    ArticleFactory(reviewed_on=None)
    check_all_links()
    today = date.today()
    AccreditationFactory(expires_on=today + timedelta(days=10))
    AccreditationFactory(expires_on=today - timedelta(days=5))
    AccreditationFactory(expires_on=today - timedelta(days=50))
    for alt in ("", "", "The lodge"):  # two uploaded in the editor, not described yet
        PictureFactory(alt=alt)
    PictureFactory(alt="", decorative=True)


def notices_for(user) -> list:
    request = RequestFactory().get("/admin/")
    request.user = user
    return attention_notices(request)


def listed(client, url: str) -> int:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.context["cl"].result_count


@pytest.mark.parametrize(
    "role", ["admissions", "marketing", "administrator"], ids=str.capitalize
)
def test_each_count_is_the_number_of_rows_its_link_lists(
    client, much_needs_attention, role
):
    user = {
        "admissions": admissions_user,
        "marketing": marketing_user,
        "administrator": lambda: UserFactory(is_staff=True, is_superuser=True),
    }[role]()
    client.force_login(user)

    notices = notices_for(user)

    assert notices
    for notice in notices:
        count = int(re.match(r"[\d,]+", notice.title).group().replace(",", ""))
        assert listed(client, notice.url) == count, notice.title


def test_the_administrator_is_shown_a_notice_from_every_app(much_needs_attention):
    """So that the test above reads every kind of notice there is."""
    notices = notices_for(UserFactory(is_staff=True, is_superuser=True))

    apps = {notice.url.split("/")[2] for notice in notices}
    assert apps == {provider.__module__.split(".")[0] for provider in providers()}


def test_inquiries_waiting_and_those_past_their_target_are_two_counts(
    much_needs_attention,
):
    titles = [notice.title for notice in notices_for(admissions_user())]

    assert "5 inquiries waiting for contact" in titles
    assert "3 inquiries past their first-contact target" in titles
