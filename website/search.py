"""One search for the whole site (/search/): articles, programs, addictions, groups, areas,
insurers and site pages, ranked together with their snippets.

The apps that own public pages each register a source in their `AppConfig.ready()` with
`provide()`: a function from the search terms to `Found` results, ranked the same way by
each, so the results can be merged. On PostgreSQL a source ranks with full-text search
(`SEARCH_CONFIG`, websearch syntax, which accepts any text a visitor types) and marks its
matches with `MATCH_START` and `MATCH_STOP`, which `highlight()` turns into <mark>; on
SQLite, which has no full-text search, it matches the words as typed and ranks a match in
the title above one in the text.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.db import connection
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .visitor_text import VisitorTextField

SEARCH_CONFIG = "english"
# Results from every source are ranked with ts_rank divided by 1 + the log of the text's
# length (its normalization 1): unnormalized, a long article that names "detox" often
# outranked the page called "Medical Detox" (0.70 against 0.65); normalized, the page comes
# first (0.096 against 0.079), and the Family Program before an article on families.
RANK_BY_LENGTH = 1
MAX_QUERY_LENGTH = 200
# What one search shows, best first, from all the sources together.
SHOWN = 30

# ts_headline wraps matches in these; they never occur in stored text (plain text has its
# control characters removed), so after escaping everything else they are the only markup.
MATCH_START, MATCH_STOP = "\x02", "\x03"


def has_full_text_search() -> bool:
    """Whether the database is PostgreSQL, with full-text search. On SQLite, the database of
    `make run`, search matches the words as typed (README: What differs on SQLite)."""
    return connection.vendor == "postgresql"


def highlight(marked_text: str) -> SafeString:
    """Escape `marked_text` completely, then turn only the match markers into <mark>."""
    escaped = escape(marked_text or "")
    return mark_safe(
        escaped.replace(MATCH_START, "<mark>").replace(MATCH_STOP, "</mark>")
    )


class SearchForm(forms.Form):
    # Normalized before its length is checked, like every public form's text.
    q = VisitorTextField(
        label="Search the site",
        required=False,
        max_length=MAX_QUERY_LENGTH,
        error_messages={
            "max_length": "Please shorten your search to %(limit_value)d characters or fewer."
        },
    )


@dataclass(frozen=True)
class Found:
    """One result: what kind of page, its title and snippet (with MATCH_START/MATCH_STOP
    around the matches, or plain), where it is, and how well it matched."""

    kind: str
    title: str
    snippet: str
    url: str
    rank: float

    @property
    def title_highlighted(self) -> SafeString:
        return highlight(self.title)

    @property
    def snippet_highlighted(self) -> SafeString:
        return highlight(self.snippet)


Source = Callable[[str], list[Found]]
_sources: list[Source] = []


def provide(source: Source) -> None:
    """Add a source of results (an app's `ready()` calls this once)."""
    if source not in _sources:
        _sources.append(source)


def search_site(terms: str) -> list[Found]:
    """The SHOWN best results for `terms` from every source, best first (ties: by title)."""
    if not terms:
        return []
    found = [result for source in _sources for result in source(terms)]
    found.sort(key=lambda result: (-result.rank, result.title.casefold()))
    return found[:SHOWN]
