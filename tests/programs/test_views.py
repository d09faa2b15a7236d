import json
import re

import pytest

from editing.publishing import Status
from programs.models.sections import (
    AccreditationsSection,
    CenterDetailsSection,
    TestimonialsSection,
)
from tests.factories import SiteSettingsFactory, StaffFactory

from .factories import (
    AudienceFactory,
    ConditionFactory,
    FAQFactory,
    LocationFactory,
    PageFactory,
    ProgramFactory,
    TestimonialFactory,
)

pytestmark = pytest.mark.django_db

JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def json_ld_types(html: str) -> list[str]:
    return [json.loads(block)["@type"] for block in JSON_LD.findall(html)]


def json_ld_of_type(html: str, type_name: str) -> dict:
    blocks = [json.loads(block) for block in JSON_LD.findall(html)]
    return next(block for block in blocks if block["@type"] == type_name)


@pytest.fixture(autouse=True)
def site_settings(db):
    return SiteSettingsFactory(hours="Admissions answers 24 hours a day, 7 days a week")


def test_program_page_shows_its_details_faqs_connections_and_call_box(client):
    program = ProgramFactory(
        slug="residential",
        name="Residential Treatment",
        typical_length="28 to 45 days",
        day_in_the_life="<p>Morning meeting at 8:30.</p>",
        who_it_suits="<p>People who could not stop alone.</p>",
    )
    program.conditions.add(ConditionFactory(name="Alcohol", slug="alcohol"))
    program.conditions.add(ConditionFactory(name="Hidden", status=Status.DRAFT))
    program.audiences.add(AudienceFactory(name="Women", slug="women"))
    FAQFactory(page=program, question="Can I keep my phone?")

    response = client.get("/treatment/residential/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1" in html and "Residential Treatment" in html
    assert "28 to 45 days" in html
    assert "Morning meeting at 8:30." in html
    assert 'href="/addictions/alcohol/"' in html
    assert "Hidden" not in html
    assert 'href="/who-we-help/women/"' in html
    assert "<summary" in html and "Can I keep my phone?" in html
    assert 'class="call-box"' in html
    assert 'href="/admissions/"' in html
    assert 'href="tel:+18285550142"' in html


def test_program_page_describes_breadcrumbs_and_faqs_to_search_engines(client):
    program = ProgramFactory(slug="detox", name="Medical Detox")
    FAQFactory(page=program, question="Is detox painful?", answer="It should not be.")

    html = client.get("/treatment/detox/").content.decode()

    assert sorted(json_ld_types(html)) == ["BreadcrumbList", "FAQPage"]
    faq_page = json_ld_of_type(html, "FAQPage")
    assert faq_page["mainEntity"][0]["name"] == "Is detox painful?"
    assert faq_page["mainEntity"][0]["acceptedAnswer"]["text"] == "It should not be."
    crumbs = json_ld_of_type(html, "BreadcrumbList")["itemListElement"]
    assert [crumb["name"] for crumb in crumbs] == ["Home", "Treatment", "Medical Detox"]
    assert crumbs[-1]["item"] == "http://testserver/treatment/detox/"


def test_pages_without_faqs_carry_no_faq_page(client):
    ConditionFactory(slug="cocaine")

    html = client.get("/addictions/cocaine/").content.decode()

    assert json_ld_types(html) == ["BreadcrumbList"]


def test_home_page_describes_the_center_as_a_medical_clinic(client):
    html = client.get("/").content.decode()

    clinic = json_ld_of_type(html, "MedicalClinic")
    assert clinic["name"] == "Willow Ridge Recovery"
    assert clinic["telephone"] == "+18285550142"
    assert clinic["address"]["@type"] == "PostalAddress"
    assert clinic["address"]["addressLocality"] == "Brevard"
    assert clinic["openingHours"] == "Mo-Su 00:00-23:59"


def test_about_page_shows_the_centers_details_and_medical_clinic(client):
    PageFactory(
        slug="about",
        name="About us",
        sections=[(CenterDetailsSection, {}), (AccreditationsSection, {})],
    )
    PageFactory(slug="careers", name="Careers")

    about = client.get("/about/").content.decode()
    careers = client.get("/careers/").content.decode()

    assert sorted(json_ld_types(about)) == ["BreadcrumbList", "MedicalClinic"]
    assert "1450 Laurel Creek Road" in about
    assert json_ld_types(careers) == ["BreadcrumbList"]


def test_condition_page_lists_the_live_programs_that_treat_it(client):
    condition = ConditionFactory(slug="opioids", name="Opioids")
    ProgramFactory(name="Detox", slug="detox").conditions.add(condition)
    ProgramFactory(name="Secret", status=Status.DRAFT).conditions.add(condition)

    html = client.get("/addictions/opioids/").content.decode()

    assert 'href="/treatment/detox/"' in html
    assert "Secret" not in html


def test_audience_and_location_pages_render(client):
    AudienceFactory(slug="professionals", name="Professionals")
    LocationFactory(
        slug="asheville-nc", name="Asheville, NC", drive_time="About 45 minutes"
    )

    assert "Professionals" in client.get("/who-we-help/professionals/").content.decode()
    location = client.get("/areas-we-serve/asheville-nc/").content.decode()
    assert "About 45 minutes" in location
    assert 'class="call-box"' in location


def test_index_pages_list_live_pages_only(client):
    ProgramFactory(name="Residential Treatment")
    ProgramFactory(name="Thirty days", kind="length")
    ProgramFactory(name="Unpublished level", status=Status.DRAFT)
    ConditionFactory(name="Alcohol")
    AudienceFactory(name="Men")
    LocationFactory(name="Greenville, SC")

    treatment = client.get("/treatment/").content.decode()
    assert "Residential Treatment" in treatment
    assert "Thirty days" in treatment
    assert "Unpublished level" not in treatment
    assert "Alcohol" in client.get("/addictions/").content.decode()
    assert "Men" in client.get("/who-we-help/").content.decode()
    assert "Greenville, SC" in client.get("/areas-we-serve/").content.decode()


@pytest.mark.parametrize(
    "path",
    [
        "/treatment/no-such-program/",
        "/addictions/no-such-thing/",
        "/who-we-help/nobody/",
        "/areas-we-serve/nowhere/",
        "/no-such-page/",
    ],
)
def test_unknown_slugs_get_the_styled_404(client, path):
    response = client.get(path)

    assert response.status_code == 404
    assert "find that page" in response.content.decode()


def test_drafts_are_hidden_from_visitors(client):
    ProgramFactory(slug="coming-soon", status=Status.DRAFT)

    assert client.get("/treatment/coming-soon/").status_code == 404


def test_staff_preview_drafts_without_caching_or_indexing(client):
    ProgramFactory(slug="coming-soon", name="Coming Soon", status=Status.DRAFT)
    client.force_login(StaffFactory(permissions=["programs.view_program"]))

    response = client.get("/treatment/coming-soon/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Preview." in html
    assert '<meta name="robots" content="noindex">' in html
    assert response["X-Robots-Tag"] == "noindex"
    assert "no-cache" in response["Cache-Control"]


def test_staff_without_permission_cannot_preview(client):
    ProgramFactory(slug="coming-soon", status=Status.DRAFT)
    client.force_login(StaffFactory())

    assert client.get("/treatment/coming-soon/").status_code == 404


def test_live_pages_are_not_marked_as_previews_for_staff(client):
    ProgramFactory(slug="detox")
    client.force_login(StaffFactory(permissions=["programs.view_program"]))

    response = client.get("/treatment/detox/")

    assert "Preview." not in response.content.decode()
    assert "X-Robots-Tag" not in response


def test_reviews_page_lists_only_consented_testimonials(client):
    PageFactory(slug="reviews", sections=[(TestimonialsSection, {"limit": 100})])
    TestimonialFactory(quote="Consent is on file.", consent_recorded=True)
    TestimonialFactory(quote="Nobody agreed to this.", consent_recorded=False)

    html = client.get("/reviews/").content.decode()

    assert "Consent is on file." in html
    assert "Nobody agreed to this." not in html


def test_home_page_shows_featured_content_in_marketing_order(client):
    ProgramFactory(name="Second level", featured=True, order=2)
    ProgramFactory(name="First level", featured=True, order=1)
    ProgramFactory(name="Not featured", featured=False)
    ConditionFactory(name="Featured substance", featured=True)
    AudienceFactory(name="Featured group", featured=True)
    TestimonialFactory(quote="Shared with consent.", featured=True)
    TestimonialFactory(quote="Never agreed.", featured=True, consent_recorded=False)

    html = client.get("/").content.decode()

    assert html.index("First level") < html.index("Second level")
    assert "Not featured" not in html
    assert "Featured substance" in html
    assert "Featured group" in html
    assert "Shared with consent." in html
    assert "Never agreed." not in html
    assert 'class="crisis"' in html


def test_home_page_follows_content_edits(client):
    program = ProgramFactory(name="Old name", featured=True)
    assert "Old name" in client.get("/").content.decode()

    program.name = "New name"
    program.save()

    assert "New name" in client.get("/").content.decode()


def test_sitemap_lists_live_indexable_pages(client):
    ProgramFactory(slug="detox")
    ProgramFactory(slug="draft-program", status=Status.DRAFT)
    PageFactory(slug="privacy-policy", noindex=True)
    LocationFactory(slug="asheville-nc")

    index = client.get("/sitemap.xml").content.decode()
    programs = client.get("/sitemap-programs.xml").content.decode()
    locations = client.get("/sitemap-areas-we-serve.xml").content.decode()
    overviews = client.get("/sitemap-program-overviews.xml").content.decode()

    assert "sitemap-programs.xml" in index
    assert "/treatment/detox/" in programs
    assert "draft-program" not in programs
    assert "/areas-we-serve/asheville-nc/" in locations
    assert "/treatment/" in overviews
    assert "privacy-policy" not in client.get("/sitemap-pages.xml").content.decode()


# Query budgets: at most 10 per page, the same at small and large amounts of content. The
# home page is composed of sections: one query learns which kinds it uses, one reads each
# kind (six here) and one reads what each kind lists (programs/sections.py).
BUDGET = 10
COMPOSED_BUDGET = 20


def _add_content(count: int, program, condition, audience, location, page) -> None:
    for _ in range(count):
        other = ProgramFactory(featured=True)
        other.conditions.add(condition)
        other.audiences.add(audience)
        program.conditions.add(ConditionFactory(featured=True))
        program.audiences.add(AudienceFactory(featured=True))
        LocationFactory()
        TestimonialFactory(program=program, featured=True)
        for target in (program, condition, audience, location, page):
            FAQFactory(page=target)


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/treatment/",
        "/treatment/residential/",
        "/addictions/",
        "/addictions/alcohol/",
        "/who-we-help/",
        "/who-we-help/women/",
        "/areas-we-serve/",
        "/areas-we-serve/asheville-nc/",
        "/reviews/",
    ],
)
def test_query_count_is_fixed_whatever_the_amount_of_content(
    client, warm_site_cache, django_assert_max_num_queries, path
):
    content = (
        ProgramFactory(slug="residential"),
        ConditionFactory(slug="alcohol"),
        AudienceFactory(slug="women"),
        LocationFactory(slug="asheville-nc"),
        PageFactory(slug="reviews", sections=[(TestimonialsSection, {"limit": 100})]),
    )
    _add_content(2, *content)
    warm_site_cache()
    budget = COMPOSED_BUDGET if path == "/" else BUDGET
    with django_assert_max_num_queries(budget) as small:
        assert client.get(path).status_code == 200

    _add_content(25, *content)
    warm_site_cache()
    with django_assert_max_num_queries(budget) as large:
        assert client.get(path).status_code == 200

    assert 0 < len(small.captured_queries) == len(large.captured_queries)
