"""The demo privacy policy tells the truth about the cookie the site sets."""

import io

import pytest
from django.core.management import call_command
from django.test import Client

from admissions.attribution import COOKIE_MAX_AGE, COOKIE_NAME, UTM_FIELDS
from programs import demo_content
from programs.models import Page

pytestmark = pytest.mark.django_db


def policy_text() -> str:
    return (
        Client()
        .get(Page.objects.get(slug="privacy-policy").get_absolute_url())
        .content.decode()
    )


def test_the_demo_policy_describes_the_first_visit_cookie_as_the_site_sets_it(demo):
    response = Client().get("/")
    assert response.cookies[COOKIE_NAME]["max-age"] == COOKIE_MAX_AGE

    policy = policy_text()

    assert COOKIE_NAME in policy
    assert f"for {COOKIE_MAX_AGE // (24 * 60 * 60)} days" in policy
    for words in (
        "the page you landed on",
        "the website that sent you",
        "campaign tags",
    ):
        assert words in policy
    for field in UTM_FIELDS:
        assert field in policy
    assert "no advertising or tracking cookies" not in policy


def test_a_demo_seeded_with_the_old_policy_gets_the_true_cookie_text(demo):
    page = Page.objects.get(slug="privacy-policy")
    start = page.body.index("<h2>Cookies</h2>")
    end = page.body.index("<h2>Contact</h2>")
    page.body = (
        f"{page.body[:start]}<h2>Cookies</h2>\n{demo_content.OLD_COOKIE_PARAGRAPH}\n"
        f"{page.body[end:]}"
    )
    page.save()

    call_command("seed_demo", stdout=io.StringIO())

    assert COOKIE_NAME in policy_text()
    assert demo_content.OLD_COOKIE_PARAGRAPH not in Page.objects.get(pk=page.pk).body
