"""Sections that show what marketing ticks (issue 26): cards of chosen pages of any kind,
chosen testimonials, a group of the team or chosen people, the latest articles of one
category. What cannot be shown is refused with a message; what stops being shown later
is left out; a draft change carries the ticks like every other field."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from editing.drafts import publish_draft_change
from editing.models import DraftChange
from editing.publishing import Status
from programs.models.sections import (
    ArticlesSection,
    CardsSection,
    TeamSection,
    TestimonialsSection,
)
from tests.blog.factories import ArticleFactory, CategoryFactory, PersonFactory
from tests.factories import SiteSettingsFactory, UserFactory
from tests.html_forms import admin_form
from tests.programs.factories import (
    ConditionFactory,
    PageFactory,
    ProgramFactory,
    TestimonialFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def site():
    SiteSettingsFactory()


def key(page) -> str:
    kind = {"program": "programs", "condition": "conditions"}[page._meta.model_name]
    return CardsSection.key(kind, page.pk)


def cards(**fields) -> tuple:
    return (CardsSection, {"kind": "programs", **fields})


def shown(client, page) -> str:
    response = client.get(page.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def refused(section) -> dict:
    with pytest.raises(ValidationError) as caught:
        section.full_clean()
    return caught.value.message_dict


class TestCardsOfChosenPages:
    def test_show_the_ticked_pages_of_any_kind_and_no_other(self, client, site):
        detox = ProgramFactory(name="Medical detox")
        ProgramFactory(name="Outpatient care")
        alcohol = ConditionFactory(name="Alcohol addiction")
        page = PageFactory(
            slug="campaign",
            sections=[cards(which="chosen", chosen=[key(detox), key(alcohol)])],
        )

        html = shown(client, page)

        assert "Medical detox" in html
        assert "Alcohol addiction" in html
        assert "Outpatient care" not in html
        assert html.index("Medical detox") < html.index("Alcohol addiction")

    def test_a_ticked_page_unpublished_since_is_left_out(self, client, site):
        detox = ProgramFactory(name="Medical detox")
        kept = ProgramFactory(name="Residential care")
        page = PageFactory(
            slug="campaign",
            sections=[cards(which="chosen", chosen=[key(detox), key(kept)])],
        )
        detox.status = Status.DRAFT
        detox.save()

        html = shown(client, page)

        assert "Medical detox" not in html
        assert "Residential care" in html

    def test_choosing_an_unpublished_page_is_refused_by_name(self):
        draft = ProgramFactory(name="Sober living", status=Status.DRAFT)
        section = CardsSection(
            parent=PageFactory(), which="chosen", chosen=[key(draft)]
        )

        assert refused(section)["chosen"] == [
            "“Sober living” is not published: visitors would find nothing there. "
            "Untick it, or publish it first."
        ]

    @pytest.mark.parametrize(
        "which, chosen, field",
        [
            ("chosen", [], "chosen"),
            ("featured", ["programs:1"], "which"),
            ("chosen", ["programs:999999"], "chosen"),
            ("chosen", ["pharmacies:1"], "chosen"),
            ("chosen", "programs:1", "chosen"),
        ],
    )
    def test_ticks_that_cannot_be_shown_are_refused(self, which, chosen, field):
        ProgramFactory(pk=1)
        section = CardsSection(parent=PageFactory(), which=which, chosen=chosen)

        assert field in refused(section)

    def test_the_admin_refuses_an_unpublished_page_and_keeps_what_was_typed(
        self, client
    ):
        client.force_login(UserFactory(is_staff=True, is_superuser=True))
        live = ProgramFactory(name="Medical detox")
        draft = ProgramFactory(name="Sober living", status=Status.DRAFT)
        page = PageFactory(sections=[cards(which="chosen", chosen=[key(live)])])
        url = f"/admin/programs/page/{page.pk}/change/"
        data = admin_form(client, url)
        assert data["programs_cardssection_set-0-chosen"] == [key(live)]
        data["programs_cardssection_set-0-chosen"] = [key(live), key(draft)]
        data["summary"] = ["Typed with the mistake."]

        response = client.post(url, data)

        assert response.status_code == 200
        html = response.content.decode()
        assert "“Sober living” is not published" in html
        assert "Sober living (not published)" in html
        assert "Typed with the mistake." in html
        page.refresh_from_db()
        assert page.programs_cardssection_set.get().chosen == [key(live)]


class TestChosenTestimonials:
    def test_show_exactly_the_ticked_ones(self, client, site):
        first = TestimonialFactory(quote="They listened to me.")
        TestimonialFactory(quote="The food was good.")
        page = PageFactory(
            slug="stories",
            sections=[(TestimonialsSection, {"chosen": [first.pk], "limit": 1})],
        )

        html = shown(client, page)

        assert "They listened to me." in html
        assert "The food was good." not in html

    def test_one_without_recorded_consent_is_refused(self):
        private = TestimonialFactory(attribution="Sam", consent_recorded=False)
        section = TestimonialsSection(parent=PageFactory(), chosen=[private.pk])

        assert "Sam" in refused(section)["chosen"][0]


class TestTeam:
    @pytest.fixture
    def team(self):
        return {
            "lead": PersonFactory(name="Dr. Maya Ellison", team_section="leadership"),
            "staff": PersonFactory(name="Jordan Reyes", team_section="staff"),
            "private": PersonFactory(name="Alex Private", team_section=""),
        }

    def test_one_group_of_the_team(self, client, site, team):
        page = PageFactory(
            slug="team",
            sections=[
                (TeamSection, {"heading": "Your doctors", "group": "leadership"})
            ],
        )

        html = shown(client, page)

        assert "Dr. Maya Ellison" in html
        assert "Jordan Reyes" not in html
        # One group needs no heading under the section's; names follow it a level down.
        assert "Clinical leadership" not in html
        assert re.search(r'<h3 class="team-member__name">Dr. Maya Ellison', html)

    def test_the_ticked_people(self, client, site, team):
        page = PageFactory(
            slug="team", sections=[(TeamSection, {"people": [team["staff"].pk]})]
        )

        html = shown(client, page)

        assert "Jordan Reyes" in html
        assert "Dr. Maya Ellison" not in html

    def test_someone_not_on_the_team_page_or_an_unknown_group_is_refused(self, team):
        page = PageFactory()

        assert "people" in refused(
            TeamSection(parent=page, people=[team["private"].pk])
        )
        assert "group" in refused(TeamSection(parent=page, group="volunteers"))


class TestArticlesOfOneCategory:
    def test_only_that_categorys_articles(self, client, site):
        opioids = CategoryFactory(name="Opioids", slug="opioids")
        family = CategoryFactory(name="Family", slug="family")
        ArticleFactory(title="Naloxone saves lives", categories=[opioids])
        ArticleFactory(title="Setting boundaries with love", categories=[family])
        page = PageFactory(
            slug="opioid-news",
            sections=[(ArticlesSection, {"category": "opioids", "limit": 3})],
        )

        html = shown(client, page)

        assert "Naloxone saves lives" in html
        assert "Setting boundaries with love" not in html

    def test_an_unknown_category_or_too_many_are_refused(self):
        page = PageFactory()

        assert "category" in refused(ArticlesSection(parent=page, category="nope"))
        assert "limit" in refused(ArticlesSection(parent=page, limit=50))


@pytest.mark.parametrize("count", [1, 3])
def test_chosen_sections_cost_the_same_queries_whatever_their_number(
    client, site, django_assert_num_queries, count
):
    detox, alcohol = ProgramFactory(), ConditionFactory()
    story = TestimonialFactory()
    person = PersonFactory(team_section="leadership")
    category = CategoryFactory(slug="opioids")
    ArticleFactory(categories=[category])
    page = PageFactory(
        slug="composed",
        sections=[
            section
            for _ in range(count)
            for section in (
                cards(which="chosen", chosen=[key(detox), key(alcohol)]),
                (TestimonialsSection, {"chosen": [story.pk]}),
                (TeamSection, {"people": [person.pk]}),
                (ArticlesSection, {"category": "opioids"}),
            )
        ],
    )
    client.get("/")  # the header, the footer and the site's details, cached

    # The page's videos (its security policy), its questions, photos and videos; which
    # kinds of section it has and each of the four; the programs and the addictions the
    # cards list, the testimonials, the team and the category's articles.
    with django_assert_num_queries(15):
        assert client.get(page.get_absolute_url()).status_code == 200


def test_a_draft_change_carries_the_ticks_until_it_is_published(client, site):
    editor = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(editor)
    detox = ProgramFactory(name="Medical detox")
    residential = ProgramFactory(name="Residential care")
    page = PageFactory(
        slug="campaign", sections=[cards(which="chosen", chosen=[key(detox)])]
    )
    url = f"/admin/programs/page/{page.pk}/change/"
    data = admin_form(client, url)
    data["programs_cardssection_set-0-chosen"] = [key(residential)]
    data.update({"_save_draft": ["Save as draft change"], "draft_publish_at": [""]})

    assert client.post(url, data).status_code == 302

    visitor = Client()
    assert "Residential care" not in shown(visitor, page)
    assert "Residential care" in shown(client, page)  # staff preview the change
    publish_draft_change(DraftChange.objects.get(), editor)
    html = shown(visitor, page)
    assert "Residential care" in html
    assert "Medical detox" not in html
