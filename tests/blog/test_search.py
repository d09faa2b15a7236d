import pytest

from blog.search import highlight

from .factories import ArticleFactory

pytestmark = pytest.mark.django_db

# Matches are marked by PostgreSQL's ts_headline; on SQLite results show the title and
# summary as they are (README: What differs on SQLite).
HIGHLIGHTS = pytest.mark.postgresql_only(
    reason="highlights come from PostgreSQL full-text search (ts_headline)"
)


def result_titles(client, query: str) -> list[str]:
    response = client.get("/blog/search/", {"q": query})
    assert response.status_code == 200
    return [article.title for article in response.context["articles"]]


def test_a_title_match_ranks_above_a_summary_match_above_a_body_only_match(client):
    ArticleFactory(
        title="Living well", summary="About sleep.", body="<p>Naloxone saves lives.</p>"
    )
    ArticleFactory(title="Naloxone at home", summary="What to keep in the house.")
    ArticleFactory(title="Family matters", summary="Why naloxone belongs at home.")

    assert result_titles(client, "naloxone") == [
        "Naloxone at home",
        "Family matters",
        "Living well",
    ]


def test_search_matches_word_forms_and_ignores_hidden_articles(client):
    ArticleFactory(title="Opioids and pain")
    ArticleFactory(title="Opioid draft", draft=True)
    ArticleFactory(title="Opioid later", scheduled=True)

    assert result_titles(client, "opioid") == ["Opioids and pain"]


@HIGHLIGHTS
def test_results_highlight_the_matches_in_title_and_snippet(client):
    ArticleFactory(
        title="Sleep in early recovery",
        body="<p>Good sleep helps the brain heal after withdrawal.</p>",
    )

    html = client.get("/blog/search/", {"q": "sleep"}).content.decode()

    assert "<mark>Sleep</mark> in early recovery" in html
    assert "Good <mark>sleep</mark> helps" in html


def test_results_show_article_text_escaped(client):
    ArticleFactory(
        title="Naloxone <img src=x onerror=alert(1)>",
        summary="Naloxone & <b>friends</b>",
    )

    html = client.get("/blog/search/", {"q": "naloxone"}).content.decode()

    assert "<img src=x" not in html and "<b>friends" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


@HIGHLIGHTS
def test_snippets_escape_article_text_and_allow_only_the_highlight_marks(client):
    ArticleFactory(
        title="Naloxone <img src=x onerror=alert(1)>",
        summary="Naloxone & <b>friends</b>",
    )

    html = client.get("/blog/search/", {"q": "naloxone"}).content.decode()

    assert "<img src=x" not in html and "<b>friends" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<mark>Naloxone</mark> &amp;" in html


def test_highlight_turns_only_its_own_markers_into_markup():
    assert highlight("\x02a\x03 <script>") == "<mark>a</mark> &lt;script&gt;"


@pytest.mark.parametrize(
    "query",
    [
        "' OR 1=1; DROP TABLE blog_article; --",
        '"unbalanced ((( quotes & | ! <-> :*',
        "😀🙏 recovery 💊",
        "Алкоголь 酒精 alcohol عربي",
        "!!!",
        "the and of",
        "   ",
        "opioid\x00withdrawal",
        "\x01\x02\x03",
    ],
)
def test_absurd_queries_get_a_clear_page_not_an_error(client, query):
    ArticleFactory(title="Opioid withdrawal")

    response = client.get("/blog/search/", {"q": query})

    assert response.status_code == 200
    assert b"Search" in response.content


def test_a_very_long_query_is_refused_with_a_clear_message(client):
    response = client.get("/blog/search/", {"q": "recovery " * 1200})

    html = response.content.decode()
    assert response.status_code == 200
    assert "Please shorten your search to 200 characters or fewer." in html
    assert "recovery recovery recovery" not in html


def test_an_empty_search_invites_the_visitor_to_type_something(client):
    html = client.get("/blog/search/").content.decode()

    assert "Search our articles by a word or phrase" in html


def test_no_results_says_so_and_offers_the_phone(client):
    html = client.get("/blog/search/", {"q": "zebra"}).content.decode()

    assert "No articles match “zebra”" in html
    assert "Ready to talk?" in html


def test_search_results_are_paginated_and_keep_the_query(client):
    for number in range(12):
        ArticleFactory(title=f"Relapse prevention {number}")

    first = client.get("/blog/search/", {"q": "relapse"})
    second = client.get("/blog/search/", {"q": "relapse", "page": 2})

    assert len(first.context["articles"]) == 10
    assert "?q=relapse&amp;page=2" in first.content.decode()
    assert len(second.context["articles"]) == 2
    assert client.get("/blog/search/", {"q": "relapse", "page": 9}).status_code == 404


def test_search_pages_ask_search_engines_not_to_index_them(client):
    html = client.get("/blog/search/", {"q": "sleep"}).content.decode()

    assert '<meta name="robots" content="noindex">' in html


def test_only_the_newest_matches_are_ranked(client, monkeypatch):
    import datetime

    from django.utils import timezone

    monkeypatch.setattr("blog.search.RANKED_MATCHES", 2)
    now = timezone.now()
    for days, title in [
        (3, "Naloxone old"),
        (2, "Naloxone newer"),
        (1, "Naloxone new"),
    ]:
        ArticleFactory(title=title, publish_at=now - datetime.timedelta(days=days))

    assert sorted(result_titles(client, "naloxone")) == [
        "Naloxone new",
        "Naloxone newer",
    ]
