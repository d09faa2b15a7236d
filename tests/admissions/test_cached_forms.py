"""Forms on cached pages: the page is stored once, each visitor gets their own CSRF token
and form key, and browsers never keep the admissions page."""

import re

import pytest
from django.test import Client

from admissions.forms import read_form_key
from admissions.models import Inquiry
from tests.factories import SiteSettingsFactory
from tests.programs.factories import ProgramFactory

from .conftest import valid_post

FORM_KEY = re.compile(r'name="form_key" value="([^"]+)"')
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture(autouse=True)
def center(db):
    return SiteSettingsFactory()


def visit(path: str) -> tuple[Client, object]:
    visitor = Client(enforce_csrf_checks=True)
    return visitor, visitor.get(path)


def test_the_admissions_page_is_cached_but_each_visitor_gets_their_own_keys():
    _, first = visit("/admissions/")
    _, second = visit("/admissions/")

    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    for pattern in (FORM_KEY, CSRF):
        values = [pattern.search(r.content.decode()).group(1) for r in (first, second)]
        assert values[0] != values[1]
        assert "_for_this_visitor__" not in values[1]
    first_token, _ = read_form_key(FORM_KEY.search(first.content.decode()).group(1))
    second_token, _ = read_form_key(FORM_KEY.search(second.content.decode()).group(1))
    assert first_token != second_token


def test_browsers_are_told_not_to_keep_the_admissions_page():
    visit("/admissions/")
    _, cached = visit("/admissions/")

    assert cached["X-Page-Cache"] == "hit"
    assert "no-store" in cached["Cache-Control"]
    assert "public" not in cached["Cache-Control"]


def test_the_form_key_is_issued_when_the_page_is_served_not_when_it_was_cached():
    _, stored = visit("/admissions/")
    _, cached = visit("/admissions/")

    issued = [
        read_form_key(FORM_KEY.search(r.content.decode()).group(1))[1]
        for r in (stored, cached)
    ]
    assert cached["X-Page-Cache"] == "hit"
    assert issued[1] > issued[0]


def test_two_visitors_of_a_cached_program_page_send_two_inquiries(settings):
    settings.ADMISSIONS_MIN_FILL_SECONDS = 0
    program = ProgramFactory()
    visit(program.get_absolute_url())
    sent = []
    for name in ("Jordan Smith", "Riley Jones"):
        visitor, page = visit(program.get_absolute_url())
        html = page.content.decode()
        assert page["X-Page-Cache"] == "hit"
        response = visitor.post(
            "/admissions/",
            valid_post(
                name=name,
                form_key=FORM_KEY.search(html).group(1),
                csrfmiddlewaretoken=CSRF.search(html).group(1),
            ),
        )
        assert response.status_code == 302
        sent.append(read_form_key(FORM_KEY.search(html).group(1))[0])

    assert sent[0] != sent[1]
    assert sorted(Inquiry.objects.values_list("submission_token", flat=True)) == sorted(
        sent
    )
