"""Article search: PostgreSQL full-text search ranked title > summary > body, with
highlighted snippets; a plain substring match when the database is SQLite.

Visitors type anything into a search box, so the terms are cleaned before they reach the
database and PostgreSQL parses them with websearch_to_tsquery, which accepts any text
(quotes, operators, punctuation) without raising a syntax error.
"""

from django import forms
from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection
from django.db.models import F, Q, TextField, Value
from django.db.models.functions import Concat
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from rehab_site.visitor_text import VisitorTextField

from .models.article import SEARCH_CONFIG

MAX_QUERY_LENGTH = 200
# A search shows at most this many articles: the newest matches, best first.
RANKED_MATCHES = 500

# ts_headline wraps matches in these; they never occur in stored text (plain_text removes
# control characters), so after escaping everything else they become the only markup.
_START, _STOP = "\x02", "\x03"


class SearchForm(forms.Form):
    # Normalized before its length is checked, like every public form's text.
    q = VisitorTextField(
        label="Search articles",
        required=False,
        max_length=MAX_QUERY_LENGTH,
        error_messages={
            "max_length": "Please shorten your search to %(limit_value)d characters or fewer."
        },
    )


def search_articles(queryset, terms: str):
    """`queryset` narrowed to articles matching `terms`, best match first.

    On PostgreSQL each result carries `title_highlighted` and `snippet_highlighted`,
    strings marked up with the control characters above; `highlight()` turns them into
    safe HTML.
    """
    if connection.vendor != "postgresql":
        return (
            queryset.filter(
                Q(title__icontains=terms)
                | Q(summary__icontains=terms)
                | Q(body_text__icontains=terms)
            )
            .annotate(
                title_highlighted=F("title"),
                snippet_highlighted=F("summary"),
            )
            .order_by("-publish_at", "-pk")
        )
    query = SearchQuery(terms, search_type="websearch", config=SEARCH_CONFIG)
    # Ranking looks at every match; a common word matches most of a large blog. Only the
    # newest matches are ranked, so a search costs the same at any size.
    newest_matches = (
        queryset.filter(search_vector=query)
        .order_by("-publish_at", "-pk")
        .values("pk")[:RANKED_MATCHES]
    )
    return (
        queryset.filter(pk__in=newest_matches)
        .annotate(
            rank=SearchRank(F("search_vector"), query),
            title_highlighted=SearchHeadline(
                "title",
                query,
                config=SEARCH_CONFIG,
                start_sel=_START,
                stop_sel=_STOP,
                highlight_all=True,
            ),
            snippet_highlighted=SearchHeadline(
                Concat("summary", Value(" "), "body_text", output_field=TextField()),
                query,
                config=SEARCH_CONFIG,
                start_sel=_START,
                stop_sel=_STOP,
                max_words=35,
                min_words=15,
                max_fragments=2,
                fragment_delimiter=" … ",
            ),
        )
        .order_by("-rank", "-publish_at", "-pk")
    )


def highlight(marked_text: str) -> SafeString:
    """Escape `marked_text` completely, then turn only the match markers into <mark>."""
    escaped = escape(marked_text or "")
    return mark_safe(escaped.replace(_START, "<mark>").replace(_STOP, "</mark>"))
