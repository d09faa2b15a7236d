"""The demo privacy policy tells the truth about what the site keeps in a visitor's browser."""

import io
import re
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client

from admissions.attribution import FIRST_VISIT_DAYS, UTM_FIELDS
from programs import demo_content
from programs.models import Page

pytestmark = pytest.mark.django_db


def policy_text() -> str:
    return (
        Client()
        .get(Page.objects.get(slug="privacy-policy").get_absolute_url())
        .content.decode()
    )


SITE_JS = Path(__file__).resolve().parents[2] / "static" / "js" / "site.js"


def script_constant(name: str) -> str:
    return re.search(rf'const {name} = "?([^";]+)"?;', SITE_JS.read_text())[1]


def test_the_demo_policy_describes_the_first_visit_as_the_script_keeps_it(demo):
    assert not Client().get("/").cookies
    key = script_constant("FIRST_VISIT_KEY")
    assert int(script_constant("FIRST_VISIT_DAYS")) == FIRST_VISIT_DAYS

    policy = policy_text()

    assert f"<strong>{key}</strong> (browser storage, not a cookie)" in policy
    assert f"for {FIRST_VISIT_DAYS} days" in policy
    for words in (
        "the page you landed on",
        "the website that sent you",
        "campaign tags",
    ):
        assert words in policy
    for field in UTM_FIELDS:
        assert field in policy
    assert "no advertising or tracking cookies" not in policy


@pytest.mark.parametrize(
    "superseded",
    demo_content.SUPERSEDED_COOKIE_SECTIONS,
    ids=["before the first visit", "the first visit as a cookie"],
)
def test_a_demo_seeded_with_an_old_policy_gets_the_true_text(demo, superseded):
    page = Page.objects.get(slug="privacy-policy")
    start = page.body.index("<h2>Cookies</h2>")
    end = page.body.index("<h2>Contact</h2>")
    page.body = f"{page.body[:start]}<h2>Cookies</h2>\n{superseded}\n{page.body[end:]}"
    page.save()

    call_command("seed_demo", stdout=io.StringIO())

    assert "(browser storage, not a cookie)" in policy_text()
    assert superseded not in Page.objects.get(pk=page.pk).body
