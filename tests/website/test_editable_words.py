"""Every sentence, claim and call to action marketing edits in the admin shows on the site
after a save, and again after a second save (the cached parts of pages follow)."""

import pytest
from django.test import Client
from django.urls import reverse

from programs.models import Overview
from tests.admin_forms import submit_change_form
from tests.programs.factories import (
    AudienceFactory,
    ConditionFactory,
    ProgramFactory,
    TestimonialFactory,
)
from website.models import HomePage, NextStep, SiteSettings
from website.models.home_page import DEFAULT_PROMISES, DEFAULT_STEPS

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("redis_cache")]

HOME_URL = reverse("admin:website_homepage_change", args=[1])
SITE_URL = reverse("admin:website_sitesettings_change", args=[1])


@pytest.fixture
def center():
    site = SiteSettings.objects.create(name="Test Center", phone="(828) 555-0100")
    NextStep.objects.create(site=site, title="We read it", text="Only admissions.")
    home = HomePage.objects.create()
    for order, text in enumerate(DEFAULT_PROMISES):
        home.promises.create(text=text, order=order)
    for order, (title, text) in enumerate(DEFAULT_STEPS):
        home.steps.create(title=title, text=text, order=order)
    program = ProgramFactory(slug="detox", featured=True)
    ConditionFactory(featured=True)
    AudienceFactory(featured=True)
    TestimonialFactory(featured=True, program=program)
    return site


# (admin form, field, the public page that shows it)
HOME_FIELDS = [
    (HOME_URL, "hero_eyebrow", "/"),
    (HOME_URL, "hero_headline", "/"),
    (HOME_URL, "hero_lede", "/"),
    (HOME_URL, "hero_admission_label", "/"),
    (HOME_URL, "steps_heading", "/"),
    (HOME_URL, "programs_heading", "/"),
    (HOME_URL, "programs_intro", "/"),
    (HOME_URL, "programs_link_label", "/"),
    (HOME_URL, "conditions_heading", "/"),
    (HOME_URL, "conditions_intro", "/"),
    (HOME_URL, "conditions_link_label", "/"),
    (HOME_URL, "audiences_heading", "/"),
    (HOME_URL, "audiences_intro", "/"),
    (HOME_URL, "audiences_link_label", "/"),
    (HOME_URL, "testimonials_heading", "/"),
    (HOME_URL, "promises-0-text", "/"),
    (HOME_URL, "steps-1-title", "/"),
    (HOME_URL, "steps-2-text", "/"),
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
    home = HomePage.objects.get()
    claim = home.promises.get(text="Most major insurance accepted")
    index = list(home.promises.all()).index(claim)

    submit_change_form(admin_client, HOME_URL, {f"promises-{index}-DELETE": "on"})

    html = Client().get("/").content.decode()
    assert "Most major insurance accepted" not in html
    assert "Free, confidential assessment" in html


def test_the_home_page_shows_its_defaults_before_anyone_saves_it():
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
