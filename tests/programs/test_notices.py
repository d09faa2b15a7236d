"""The required notices: seeded, editable pages linked from every page's footer, with the
demo text marked for the center's counsel to review."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from editing.publishing import Status
from programs.models import Page
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

NOTICE_PATHS = [
    "/notice-of-privacy-practices/",
    "/nondiscrimination-notice/",
    "/accessibility/",
]
# One page of every kind a visitor can reach, errors included.
EVERY_KIND_OF_PAGE = [
    "/",
    "/about/",
    "/our-team/",
    "/tour/",
    "/treatment/",
    "/treatment/residential/",
    "/addictions/",
    "/addictions/opioids/",
    "/who-we-help/",
    "/who-we-help/women/",
    "/areas-we-serve/",
    "/areas-we-serve/asheville-nc/",
    "/blog/",
    "/blog/what-happens-in-medical-detox/",
    "/blog/category/opioids/",
    "/blog/tag/naloxone/",
    "/blog/author/maya-ellison/",
    "/blog/search/?q=detox",
    "/admissions/",
    "/no-such-page/",
    *NOTICE_PATHS,
]


def footer(html: str) -> str:
    return html[html.index('<footer class="site-footer">') :]


@pytest.mark.parametrize("path", EVERY_KIND_OF_PAGE)
def test_every_page_links_each_notice_from_its_footer(demo, path):
    response = Client().get(path)
    assert response.status_code in (200, 404)
    html = footer(response.content.decode())
    for notice_path in NOTICE_PATHS:
        assert f'href="{notice_path}"' in html, (path, notice_path)


def test_the_notices_are_seeded_published_and_awaiting_counsel(demo):
    notices = Page.objects.exclude(notice="").order_by("notice")
    assert {page.notice for page in notices} == set(Page.Notice.values)
    for page in notices:
        assert page.status == Status.PUBLISHED
        assert page.counsel_review_pending
        assert "Draft for review by the center\u2019s counsel" in page.body


def test_the_privacy_notice_carries_the_part_2_wording(demo):
    html = Client().get("/notice-of-privacy-practices/").content.decode()
    assert "42 CFR Part 2" in html
    assert "42 U.S.C. 290dd-2" in html
    assert "Draft for review by the center\u2019s counsel" in html


def test_the_nondiscrimination_notice_has_taglines_in_several_languages(demo):
    html = Client().get("/nondiscrimination-notice/").content.decode()
    for tagline in ("ATENCIÓN", "注意", "CHÚ Ý", "주의", "ملحوظة", "ВНИМАНИЕ"):
        assert tagline in html


def test_a_notice_taken_down_leaves_every_footer(demo):
    page = Page.objects.get(notice=Page.Notice.ACCESSIBILITY)
    page.status = Status.DRAFT
    page.save()
    html = footer(Client().get("/").content.decode())
    assert 'href="/accessibility/"' not in html
    assert 'href="/notice-of-privacy-practices/"' in html


def test_a_renamed_notice_is_still_linked(demo):
    page = Page.objects.get(notice=Page.Notice.PRIVACY_PRACTICES)
    page.slug = "hipaa-notice"
    page.save()
    html = footer(Client().get("/").content.decode())
    assert 'href="/hipaa-notice/"' in html


def test_two_pages_cannot_hold_the_same_notice(demo):
    page = Page(
        name="Another privacy notice",
        slug="another-privacy-notice",
        notice=Page.Notice.PRIVACY_PRACTICES,
    )
    with pytest.raises(ValidationError, match="Another page already holds this notice"):
        page.full_clean()


def test_staff_see_the_counsel_review_note_in_the_admin(demo, client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    page = Page.objects.get(notice=Page.Notice.NONDISCRIMINATION)
    html = client.get(f"/admin/programs/page/{page.pk}/change/").content.decode()
    assert "awaiting review by the center\u2019s counsel" in html
    listing = client.get("/admin/programs/page/?counsel_review_pending__exact=1")
    assert listing.content.decode().count("Awaiting") >= 3

    page.counsel_review_pending = False
    page.save()
    html = client.get(f"/admin/programs/page/{page.pk}/change/").content.decode()
    assert "awaiting review by the center\u2019s counsel" not in html
