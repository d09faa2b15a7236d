"""One search for the whole site (/search/): programs, addictions, groups, areas, pages,
insurers and articles ranked together, on both databases; the blog's search stays in the
blog."""

from datetime import timedelta

import pytest
from django.utils import timezone

from editing.publishing import Status
from programs.search import KINDS
from tests.blog.factories import ArticleFactory
from tests.programs.factories import ConditionFactory, PageFactory, ProgramFactory
from website.search import MATCH_START, MATCH_STOP

pytestmark = pytest.mark.django_db


def results(client, query: str) -> list:
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    return response.context["results"]


def titles(client, query: str) -> list[str]:
    """The results' titles, without the marks PostgreSQL puts around matches."""
    return [
        result.title.replace(MATCH_START, "").replace(MATCH_STOP, "")
        for result in results(client, query)
    ]


def test_detox_finds_the_program_first_and_the_addiction_insurance_and_article_pages(
    client, demo
):
    found = results(client, "detox")

    assert found[0].url == "/treatment/detox/"
    kinds = {result.kind for result in found}
    assert {"Program", "Addiction", "Insurance", "Article"} <= kinds
    assert "/blog/what-happens-in-medical-detox/" in {result.url for result in found}


def test_a_carriers_name_finds_its_page(client, demo):
    found = results(client, "Aetna")

    assert found[0].url == "/insurance/aetna/"
    assert found[0].kind == "Insurance"


def test_a_match_in_a_name_ranks_above_one_in_a_summary_above_one_in_the_text(client):
    ProgramFactory(name="Sound sleep program", summary="Rest.", body="<p>Rest.</p>")
    ConditionFactory(name="Insomnia", summary="When sleep will not come.")
    PageFactory(
        name="About us", summary="Who we are.", body="<p>We help you sleep.</p>"
    )

    assert titles(client, "sleep") == ["Sound sleep program", "Insomnia", "About us"]


def test_drafts_and_scheduled_pages_and_articles_are_not_found(client):
    ProgramFactory(name="Quietude retreat", status=Status.DRAFT)
    ConditionFactory(
        name="Quietude dependence", publish_at=timezone.now() + timedelta(days=1)
    )
    ArticleFactory(title="Quietude in recovery", status=Status.DRAFT)
    ProgramFactory(name="Quietude outpatient")

    assert titles(client, "quietude") == ["Quietude outpatient"]


@pytest.mark.postgresql_only(
    reason="matches are marked by PostgreSQL's ts_headline; SQLite shows them as typed"
)
def test_matches_are_marked_and_the_rest_escaped(client):
    ProgramFactory(name="Detox <b>now</b>", summary="Safe detox & <i>care</i>.")

    html = client.get("/search/", {"q": "detox"}).content.decode()

    assert "<mark>Detox</mark> &lt;b&gt;now&lt;/b&gt;" in html
    assert "Safe <mark>detox</mark> &amp; &lt;i&gt;care&lt;/i&gt;." in html


def test_names_and_summaries_are_shown_escaped(client):
    ProgramFactory(name="Detox <script>alert(1)</script>", summary="<img src=x>")

    html = client.get("/search/", {"q": "detox"}).content.decode()

    assert "<script>alert(1)" not in html
    assert "<img src=x>" not in html


@pytest.mark.parametrize(
    "query",
    [
        '"unbalanced',
        "detox & | ! ( ) :*",
        "' OR 1=1 --",
        "<script>alert(1)</script>",
        "\x01\x02\x03",
        "the and of",
    ],
)
def test_any_text_gets_a_page_not_an_error(client, query):
    ProgramFactory(name="Medical detox")

    response = client.get("/search/", {"q": query})

    assert response.status_code == 200
    assert b"<script>alert(1)</script>" not in response.content


def test_a_very_long_search_is_refused_with_a_clear_message(client):
    response = client.get("/search/", {"q": "detox " * 100})

    html = response.content.decode()
    assert response.status_code == 200
    assert "Please shorten your search to 200 characters or fewer." in html
    assert response.context["results"] == []


def test_the_page_is_kept_out_of_search_engines_and_sets_no_cookie(client):
    response = client.get("/search/", {"q": "detox"})

    assert '<meta name="robots" content="noindex">' in response.content.decode()
    assert not response.cookies


def test_a_search_asks_one_question_a_kind_of_page_whatever_it_finds(
    client, demo, django_assert_num_queries
):
    client.get("/search/")  # the header and footer, kept until content changes
    kinds = len(KINDS) + 1  # and articles
    with django_assert_num_queries(kinds):
        assert len(results(client, "detox")) > 10
    with django_assert_num_queries(kinds):
        assert results(client, "qqqqzzzz") == []


def test_the_header_leads_to_the_search_and_the_blogs_search_stays_in_the_blog(
    client, demo
):
    home = client.get("/").content.decode()
    assert 'href="/search/"' in home

    response = client.get("/blog/search/", {"q": "detox"})
    urls = [article.get_absolute_url() for article in response.context["articles"]]
    assert urls and all(url.startswith("/blog/") for url in urls)


def test_a_page_is_found_by_the_words_of_its_sections_not_of_a_block_it_places(client):
    from programs.models.sections import BlockSection, QuestionSection, TextSection

    block = PageFactory(
        slug="block-horses",
        layout="block",
        sections=[(TextSection, {"body": "<p>Our horses are gentle.</p>"})],
    )
    PageFactory(
        name="Outdoor therapies",
        slug="outdoor",
        body="",
        sections=[
            (
                TextSection,
                {"heading": "On the trail", "body": "<p>Equine therapy.</p>"},
            ),
            (
                QuestionSection,
                {"question": "Is there a labyrinth?", "answer": "<p>Yes.</p>"},
            ),
            (BlockSection, {"block": block}),
        ],
    )

    assert titles(client, "equine") == ["Outdoor therapies"]
    assert titles(client, "labyrinth") == ["Outdoor therapies"]
    assert titles(client, "horses") == []
