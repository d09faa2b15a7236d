"""Program and condition pages list the blog articles linked to them; the home page shows
the latest articles; the short inquiry form sits beside program and condition pages."""

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from admissions.models import Inquiry
from tests.blog.factories import ArticleFactory
from tests.factories import SiteSettingsFactory
from tests.programs.factories import ConditionFactory, ProgramFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def center():
    SiteSettingsFactory()


def test_a_program_page_lists_its_live_articles_newest_first():
    program = ProgramFactory(name="Residential Treatment", slug="residential")
    now = timezone.now()
    older = ArticleFactory(
        title="Sleep in early recovery", publish_at=now - timedelta(days=9)
    )
    newer = ArticleFactory(
        title="What a first week looks like", publish_at=now - timedelta(days=1)
    )
    draft = ArticleFactory(title="An unfinished draft", draft=True)
    scheduled = ArticleFactory(title="Next week's article", scheduled=True)
    unrelated = ArticleFactory(title="About something else")
    for article in (older, newer, draft, scheduled):
        article.programs.add(program)

    html = Client().get(program.get_absolute_url()).content.decode()

    assert "From our blog" in html
    assert html.index("What a first week looks like") < html.index(
        "Sleep in early recovery"
    )
    for hidden in (draft, scheduled, unrelated):
        assert hidden.title not in html


def test_a_condition_page_shows_at_most_three_linked_articles():
    condition = ConditionFactory(name="Opioids", slug="opioids")
    for number in range(5):
        ArticleFactory(title=f"Opioid article {number}").conditions.add(condition)

    html = Client().get(condition.get_absolute_url()).content.decode()

    assert len(re.findall(r"Opioid article \d", html)) == 3


def test_a_page_without_linked_articles_has_no_blog_section():
    program = ProgramFactory()

    assert (
        "From our blog" not in Client().get(program.get_absolute_url()).content.decode()
    )


def test_the_home_page_shows_the_latest_live_articles():
    ArticleFactory(title="Naloxone at home")
    ArticleFactory(title="A draft nobody should see", draft=True)

    html = Client().get("/").content.decode()

    assert "Naloxone at home" in html
    assert "A draft nobody should see" not in html


def test_renaming_a_linked_article_keeps_the_link_working():
    program = ProgramFactory()
    article = ArticleFactory(slug="old-address")
    article.programs.add(program)
    article.slug = "new-address"
    article.save()

    html = Client().get(program.get_absolute_url()).content.decode()

    assert "/blog/new-address/" in html
    assert Client().get("/blog/old-address/").status_code == 301


class TestShortFormOnCachedPages:
    def test_program_and_condition_pages_carry_the_short_inquiry_form(self):
        program, condition = ProgramFactory(), ConditionFactory()

        for page in (program, condition):
            html = Client().get(page.get_absolute_url()).content.decode()
            assert 'class="inquiry-form inquiry-form--short"' in html

    def test_the_cached_page_is_the_same_for_every_visitor(self):
        program = ProgramFactory()

        first = Client().get(program.get_absolute_url())
        second = Client().get(program.get_absolute_url())

        assert first.content == second.content
        assert not second.cookies
        assert second["Cache-Control"].startswith("public")

    def test_a_visitor_can_send_the_short_form_from_a_cached_page(self, settings):
        settings.ADMISSIONS_MIN_FILL_SECONDS = 0
        program = ProgramFactory()
        Client().get(program.get_absolute_url())  # someone else filled the cache
        visitor = Client(enforce_csrf_checks=True)
        html = visitor.get(program.get_absolute_url()).content.decode()
        fields = dict(
            re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', html)
        )
        # As the page's script does when the visitor starts the form.
        tokens = visitor.get(reverse("admissions:form_tokens")).json()
        fields.update(
            csrfmiddlewaretoken=tokens["csrf_token"], form_key=tokens["form_key"]
        )

        response = visitor.post(
            "/admissions/",
            {
                **fields,
                "name": "Alex",
                "phone": "(828) 555-0187",
                "for_whom": "self",
                "consent": "on",
            },
        )

        assert response.status_code == 302, response.content.decode()[:2000]
        assert Inquiry.objects.get().program_id == program.pk
