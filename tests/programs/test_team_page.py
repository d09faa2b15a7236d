"""The team page: people from the blog's authors and reviewers who chose to appear, by
section and in the order staff set, with Person JSON-LD."""

import json
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from programs.models.sections import TeamSection
from tests.blog.factories import PersonFactory
from tests.caches import empty_caches
from tests.factories import SiteSettingsFactory

from .factories import PageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def team_page():
    SiteSettingsFactory()
    return PageFactory(slug="our-team", name="Our team", sections=[(TeamSection, {})])


def people_json_ld(html: str) -> list[dict]:
    for block in re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', html, re.S
    ):
        data = json.loads(block)
        if "@graph" in data:
            return data["@graph"]
    return []


def test_the_team_page_lists_those_who_chose_to_appear_in_the_order_staff_set(
    team_page,
):
    PersonFactory(name="Zoe Staff", team_section="staff", team_order=1)
    PersonFactory(name="Adam Staff", team_section="staff", team_order=2)
    PersonFactory(
        name="Dr. Lead",
        credentials="MD, FASAM",
        role="Medical Director",
        bio="Leads the medical team.",
        team_section="leadership",
        team_order=9,
    )
    PersonFactory(name="Private Writer", team_section="")

    page = Client().get("/our-team/").content.decode()
    html = page[page.index("<main") : page.index("</main>")]

    order = [html.index(name) for name in ("Dr. Lead", "Zoe Staff", "Adam Staff")]
    assert order == sorted(order)
    assert html.index("Clinical leadership") < html.index("Dr. Lead")
    assert html.index("Clinical and support staff") < html.index("Zoe Staff")
    assert "MD, FASAM" in html and "Medical Director" in html
    assert "Leads the medical team." in html
    assert "Private Writer" not in html


def test_each_person_on_the_team_is_described_to_search_engines(team_page):
    PersonFactory(
        name="Dr. Lead",
        credentials="MD",
        role="Medical Director",
        bio="Leads the medical team.",
        team_section="leadership",
    )
    PersonFactory(name="Private Writer")

    graph = people_json_ld(Client().get("/our-team/").content.decode())

    assert graph == [
        {
            "@type": "Person",
            "name": "Dr. Lead",
            "worksFor": {
                "@type": "MedicalClinic",
                "name": "Willow Ridge Recovery",
                "url": "http://testserver/",
            },
            "jobTitle": "Medical Director",
            "honorificSuffix": "MD",
            "description": "Leads the medical team.",
        }
    ]


def test_leaving_the_team_page_takes_effect_on_the_next_request(team_page):
    person = PersonFactory(name="Sam Peer", team_section="staff")
    assert "Sam Peer" in Client().get("/our-team/").content.decode()
    person.team_section = ""
    person.save()
    assert "Sam Peer" not in Client().get("/our-team/").content.decode()


def test_the_team_page_runs_the_same_queries_for_3_and_30_people(team_page):
    def count() -> int:
        empty_caches()
        with CaptureQueriesContext(connection) as queries:
            assert Client().get("/our-team/").status_code == 200
        return len(queries)

    for n in range(3):
        PersonFactory(team_section="staff", team_order=n)
    small = count()
    for n in range(27):
        PersonFactory(team_section="leadership", team_order=n)
    assert count() == small


def test_other_pages_do_not_list_the_team(team_page):
    PageFactory(slug="tour", name="Tour")
    PersonFactory(name="Sam Peer", team_section="staff")
    assert "Sam Peer" not in Client().get("/tour/").content.decode()


@pytest.mark.parametrize(
    "name, initial",
    [
        ("Dr. Elena Park", "E"),
        ("dr Elena Park", "E"),
        ("Prof. Ann Lee", "A"),
        ("Drew Carter", "D"),
        ("Ms. Sam", "S"),
        ("Dr.", "D"),
        ("élodie Martin", "É"),
    ],
)
def test_a_portrait_without_a_photo_shows_the_names_initial_after_any_title(
    name, initial
):
    assert PersonFactory.build(name=name).initial == initial
