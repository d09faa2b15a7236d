"""Article search: PostgreSQL full-text search ranked title > summary > body, with
highlighted snippets; on SQLite, the words as typed, ranked the same way, unhighlighted.

Visitors type anything into a search box, so the terms are cleaned before they reach the
database and PostgreSQL parses them with websearch_to_tsquery, which accepts any text
(quotes, operators, punctuation) without raising a syntax error.
"""

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db.models import Case, F, Q, TextField, Value, When
from django.db.models.functions import Concat

from website import search as site_search
from website.search import (
    MATCH_START,
    MATCH_STOP,
    RANK_BY_LENGTH,
    SEARCH_CONFIG,
    SHOWN,
    Found,
    has_full_text_search,
    highlight,
)

from .models import Article

# A search shows at most this many articles: the newest matches, best first.
RANKED_MATCHES = 500

__all__ = ["SearchForm", "highlight", "search_articles", "site_results"]


class SearchForm(site_search.SearchForm):
    """The site's search form, for articles only."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["q"].label = "Search articles"


def search_articles(queryset, terms: str):
    """`queryset` narrowed to the newest RANKED_MATCHES articles matching `terms`, best
    match first.

    Each result carries `title_highlighted` and `snippet_highlighted`; on PostgreSQL their
    matches are marked up with the control characters above, which `highlight()` turns into
    safe HTML. On SQLite (no full-text search) they are the title and summary as they are.
    """
    if has_full_text_search():
        query = SearchQuery(terms, search_type="websearch", config=SEARCH_CONFIG)
        matches = Q(search_vector=query)
        ranked = {
            "rank": SearchRank(F("search_vector"), query),
            "title_highlighted": SearchHeadline(
                "title",
                query,
                config=SEARCH_CONFIG,
                start_sel=MATCH_START,
                stop_sel=MATCH_STOP,
                highlight_all=True,
            ),
            "snippet_highlighted": SearchHeadline(
                Concat("summary", Value(" "), "body_text", output_field=TextField()),
                query,
                config=SEARCH_CONFIG,
                start_sel=MATCH_START,
                stop_sel=MATCH_STOP,
                max_words=35,
                min_words=15,
                max_fragments=2,
                fragment_delimiter=" … ",
            ),
        }
    else:
        # The words as typed (SQLite ignores the case of ASCII letters only): a title
        # match first, then the summary, then the body, as the search vector weighs them.
        in_title = Q(title__icontains=terms)
        in_summary = Q(summary__icontains=terms)
        matches = in_title | in_summary | Q(body_text__icontains=terms)
        ranked = {
            "rank": Case(
                When(in_title, then=Value(3)),
                When(in_summary, then=Value(2)),
                default=Value(1),
            ),
            "title_highlighted": F("title"),
            "snippet_highlighted": F("summary"),
        }
    # Ranking looks at every match; a common word matches most of a large blog. Only the
    # newest matches are ranked, so a search costs the same at any size.
    newest_matches = (
        queryset.filter(matches).order_by("-publish_at", "-pk").values("pk")
    )[:RANKED_MATCHES]
    return (
        queryset.filter(pk__in=newest_matches)
        .annotate(**ranked)
        .order_by("-rank", "-publish_at", "-pk")
    )


def site_results(terms: str) -> list[Found]:
    """The articles among the site's search results (website/search.py), ranked as its
    other sources rank their pages."""
    articles = search_articles(Article.objects.live(), terms)
    if has_full_text_search():
        query = SearchQuery(terms, search_type="websearch", config=SEARCH_CONFIG)
        articles = articles.annotate(
            rank=SearchRank(
                F("search_vector"), query, normalization=Value(RANK_BY_LENGTH)
            )
        ).order_by("-rank", "-publish_at", "-pk")
    return [
        Found(
            kind="Article",
            title=article.title_highlighted,
            snippet=article.snippet_highlighted,
            url=article.get_absolute_url(),
            rank=article.rank,
        )
        for article in articles[:SHOWN]
    ]
