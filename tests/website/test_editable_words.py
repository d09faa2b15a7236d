"""Every sentence, claim and call to action marketing edits in the admin shows on the site
after a save, and again after a second save (the cached parts of pages follow)."""

import pytest
from django.test import Client
from django.urls import reverse

from programs.home import save_default_home_page
from programs.models import Overview, Page
from tests.admin_forms import submit_change_form
from tests.blog.factories import ArticleFactory
from tests.programs.factories import (
    AudienceFactory,
    ConditionFactory,
    ProgramFactory,
    TestimonialFactory,
)
from website.models import NextStep, SiteSettings

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("redis_cache")]

# The home page is the site page the migrations made of its words (programs 0010).
HOME_URL = "home"
SITE_URL = reverse("admin:website_sitesettings_change", args=[1])


@pytest.fixture
def center():
    site = SiteSettings.objects.create(name="Test Center", phone="(828) 555-0100")
    NextStep.objects.create(site=site, title="We read it", text="Only admissions.")
    save_default_home_page()  # as the migrations leave it
    program = ProgramFactory(slug="detox", featured=True)
    ConditionFactory(featured=True)
    AudienceFactory(featured=True)
    TestimonialFactory(featured=True, program=program)
    ArticleFactory()
    return site


# (admin form, field, the public page that shows it)
HOME_FIELDS = [
    (HOME_URL, "programs_herosection_set-0-eyebrow", "/"),
    (HOME_URL, "programs_herosection_set-0-headline", "/"),
    (HOME_URL, "programs_herosection_set-0-introduction", "/"),
    (HOME_URL, "programs_herosection_set-0-admission_label", "/"),
    (HOME_URL, "programs_listsection_set-0-items", "/"),  # the promises
    (HOME_URL, "programs_listsection_set-1-heading", "/"),  # the steps
    (HOME_URL, "programs_listsection_set-1-items", "/"),
    *(
        (HOME_URL, f"programs_cardssection_set-{index}-{field}", "/")
        for index in range(3)  # programs, addictions, groups
        for field in ("heading", "introduction", "link_label")
    ),
    (HOME_URL, "programs_testimonialssection_set-0-heading", "/"),
    (HOME_URL, "programs_articlessection_set-0-heading", "/"),
]
SITE_FIELDS = [
    (SITE_URL, "footer_description", "/"),
    (SITE_URL, "footer_note", "/treatment/detox/"),
    (SITE_URL, "call_button_label", "/"),
    (SITE_URL, "admission_button_label", "/treatment/detox/"),
    (SITE_URL, "call_box_heading", "/treatment/"),
    (SITE_URL, "call_box_text", "/"),
    (SITE_URL, "aside_call_heading", "/treatment/detox/"),
    (SITE_URL, "aside_call_text", "/treatment/detox/"),
    (SITE_URL, "crisis_heading", "/treatment/detox/"),
    (SITE_URL, "admissions_intro", "/admissions/"),
    (SITE_URL, "admissions_call_text", "/admissions/"),
    (SITE_URL, "next_steps-0-text", "/admissions/"),
    (SITE_URL, "short_form_heading", "/treatment/detox/"),
    (SITE_URL, "short_form_intro", "/treatment/detox/"),
    (SITE_URL, "thank_you_heading", "/admissions/thank-you/"),
    (SITE_URL, "thank_you_text", "/admissions/thank-you/"),
    (SITE_URL, "thank_you_call_text", "/admissions/thank-you/"),
    (SITE_URL, "next_steps-0-title", "/admissions/thank-you/"),
    (SITE_URL, "insurance_box_text", "/treatment/detox/"),
    (SITE_URL, "verify_prompt_heading", "/admissions/thank-you/"),
    (SITE_URL, "verify_prompt_text", "/admissions/thank-you/"),
    (
        SITE_URL,
        "verification_thank_you_heading",
        "/admissions/verify-insurance/thank-you/",
    ),
    (
        SITE_URL,
        "verification_thank_you_text",
        "/admissions/verify-insurance/thank-you/",
    ),
    (SITE_URL, "thank_you_call_text", "/admissions/verify-insurance/thank-you/"),
    (SITE_URL, "not_found_heading", "/no-such-page/"),
    (SITE_URL, "not_found_text", "/no-such-page/"),
]


@pytest.mark.parametrize(("form_url", "field", "path"), HOME_FIELDS + SITE_FIELDS)
def test_each_word_changes_on_the_site_after_a_save_and_after_a_second(
    admin_client, center, form_url, field, path
):
    visitor = Client()
    visitor.get(path)  # the page is cached before the first save

    for marker in ("Wording one", "Wording two"):
        value = f"{marker} {field[-8:]}"  # within the shortest field's limit
        if form_url == HOME_URL:
            home = Page.objects.get(is_home=True)
            form_url = reverse("admin:programs_page_change", args=[home.pk])
        submit_change_form(admin_client, form_url, {field: value})

        html = visitor.get(path).content.decode()
        assert value in html
    assert "Wording one" not in html


def test_the_top_bar_note_shows_when_no_hours_are_given(admin_client, center):
    for marker in ("Help any hour", "Call us, day or night"):
        submit_change_form(
            admin_client, SITE_URL, {"top_bar_note": marker, "hours": ""}
        )
        assert marker in Client().get("/").content.decode()


def test_the_admin_refuses_to_clear_the_crisis_heading_and_the_site_keeps_it(
    admin_client, center
):
    response = admin_client.post(
        SITE_URL, {"name": "Test Center", "crisis_heading": " "}
    )

    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    html = Client().get("/").content.decode()
    assert "In crisis right now?" in html
    assert 'href="tel:988"' in html


def test_a_heading_cleared_outside_the_admin_falls_back_to_its_default(center):
    center.crisis_heading = ""
    center.call_box_heading = " "
    center.save()

    center.refresh_from_db()
    assert center.crisis_heading == "In crisis right now?"
    assert center.call_box_heading == "Ready to talk? We're here day and night."


def test_a_promise_marketing_deletes_leaves_the_home_page(admin_client, center):
    home = Page.objects.get(is_home=True)
    url = reverse("admin:programs_page_change", args=[home.pk])
    promises = home.programs_listsection_set.get(style="promises")
    index = list(home.programs_listsection_set.all()).index(promises)
    items = promises.items.replace("Most major insurance accepted\n", "")

    submit_change_form(
        admin_client, url, {f"programs_listsection_set-{index}-items": items}
    )

    html = Client().get("/").content.decode()
    assert "Most major insurance accepted" not in html
    assert "Free, confidential assessment" in html


def test_the_home_page_shows_the_words_it_had_before_it_was_composed():
    SiteSettings.objects.create(name="New Center")

    html = Client().get("/").content.decode()

    assert "Recovery starts with one honest conversation." in html
    assert "Free, confidential assessment" in html


@pytest.mark.parametrize(
    ("kind", "field", "path"),
    [
        ("treatment", "title", "/treatment/"),
        ("treatment", "lede", "/treatment/"),
        ("treatment", "levels_of_care_intro", "/treatment/"),
        ("conditions", "lede", "/addictions/"),
        ("audiences", "title", "/who-we-help/"),
        ("locations", "lede", "/areas-we-serve/"),
    ],
)
def test_each_overview_page_word_changes_after_a_save_and_after_a_second(
    admin_client, center, kind, field, path
):
    overview = Overview.objects.get(kind=kind)
    url = reverse("admin:programs_overview_change", args=[overview.pk])
    visitor = Client()
    visitor.get(path)

    for marker in ("Overview one", "Overview two"):
        submit_change_form(admin_client, url, {field: f"{marker} {field}"})
        assert f"{marker} {field}" in visitor.get(path).content.decode()
