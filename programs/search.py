"""This app's pages among the site's search results (website/search.py): programs,
addictions, groups, areas served, site pages and the carriers with a page.

These are tens of rows, not thousands, so each search weighs their words as it goes (name
above summary above body, as articles' stored vectors do) rather than keeping a vector.
A site page's words include those of its sections: headings, a hero's headline, text,
lists, questions and answers, captions (not those of the reusable blocks it places,
which would find every page that places a block).
"""

from django.contrib.postgres.aggregates import StringAgg
from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVector,
)
from django.db.models import (
    Case,
    Exists,
    F,
    OuterRef,
    Q,
    Subquery,
    TextField,
    Value,
    When,
)
from django.db.models.functions import Concat

from website.search import (
    MATCH_START,
    MATCH_STOP,
    RANK_BY_LENGTH,
    SEARCH_CONFIG,
    SHOWN,
    Found,
    has_full_text_search,
)

from .models import Audience, Condition, Insurer, Location, Page, Program
from .models.sections import (
    HeroSection,
    ListSection,
    PictureSection,
    QuestionSection,
    TextSection,
)

# The sections whose words a visitor may search for, and the fields holding them.
SECTION_WORDS = {
    HeroSection: ("eyebrow", "headline", "introduction"),
    TextSection: ("heading", "body"),
    ListSection: ("heading", "introduction", "items"),
    QuestionSection: ("heading", "question", "answer"),
    PictureSection: ("heading", "caption"),
}


def _sections_of_the_page(model):
    return model.objects.filter(parent=OuterRef("pk")).order_by()


def section_words() -> list[Subquery]:
    """For each kind of section with words, all of a page's sections' words as one text."""
    found = []
    for model, fields in SECTION_WORDS.items():
        spaced = [part for name in fields for part in (F(name), Value(" "))]
        words = StringAgg(Concat(*spaced, output_field=TextField()), delimiter=" ")
        found.append(
            Subquery(
                _sections_of_the_page(model)
                .values("parent")
                .annotate(words=words)
                .values("words")
            )
        )
    return found


def in_section_words(terms: str) -> Q:
    """A page some section of which holds `terms` as typed (SQLite)."""
    found = Q()
    for model, fields in SECTION_WORDS.items():
        has = Q()
        for name in fields:
            has |= Q(**{f"{name}__icontains": terms})
        found |= Exists(_sections_of_the_page(model).filter(has))
    return found


# What each kind of page is called in the results, and the rows a visitor may see.
KINDS = (
    ("Program", lambda: Program.objects.live(), "body"),
    ("Addiction", lambda: Condition.objects.live(), "body"),
    ("Who we help", lambda: Audience.objects.live(), "body"),
    ("Area we serve", lambda: Location.objects.live(), "body"),
    # Not the pages kept out of search engines (campaign landing pages among them), nor
    # the reusable blocks, which have no address of their own.
    (
        "Page",
        lambda: (
            Page.objects.live().filter(noindex=False).exclude(layout=Page.Layout.BLOCK)
        ),
        "body",
    ),  # and the words of its sections (`_ranked`)
    ("Insurance", lambda: Insurer.objects.with_pages(), "coverage"),
)


def _ranked(rows, terms: str, text: str):
    composed = rows.model is Page
    if has_full_text_search():
        query = SearchQuery(terms, search_type="websearch", config=SEARCH_CONFIG)
        vector = (
            SearchVector("name", weight="A", config=SEARCH_CONFIG)
            + SearchVector("summary", weight="B", config=SEARCH_CONFIG)
            + SearchVector(
                text,
                *(section_words() if composed else ()),
                weight="C",
                config=SEARCH_CONFIG,
            )
        )
        return (
            rows.annotate(found_in=vector)
            .filter(found_in=query)
            .annotate(
                rank=SearchRank(
                    F("found_in"), query, normalization=Value(RANK_BY_LENGTH)
                ),
                title_marked=SearchHeadline(
                    "name",
                    query,
                    config=SEARCH_CONFIG,
                    start_sel=MATCH_START,
                    stop_sel=MATCH_STOP,
                    highlight_all=True,
                ),
                snippet_marked=SearchHeadline(
                    "summary",
                    query,
                    config=SEARCH_CONFIG,
                    start_sel=MATCH_START,
                    stop_sel=MATCH_STOP,
                    highlight_all=True,
                ),
            )
        )
    # SQLite: the words as typed, a match in the name first, then the summary, the text.
    in_name = Q(name__icontains=terms)
    in_summary = Q(summary__icontains=terms)
    in_text = Q(**{f"{text}__icontains": terms})
    if composed:
        in_text |= in_section_words(terms)
    return rows.filter(in_name | in_summary | in_text).annotate(
        rank=Case(
            When(in_name, then=Value(3)),
            When(in_summary, then=Value(2)),
            default=Value(1),
        ),
        title_marked=F("name"),
        snippet_marked=F("summary"),
    )


def site_results(terms: str) -> list[Found]:
    """The pages of each kind that match `terms`, best first within the kind."""
    found = []
    for kind, rows, text in KINDS:
        rows = rows()
        address = getattr(rows.model, "address_fields", ("slug",))
        ranked = _ranked(rows, terms, text).order_by("-rank", "name")[:SHOWN]
        found += [
            Found(
                kind=kind,
                title=page.title_marked,
                snippet=page.snippet_marked,
                url=page.get_absolute_url(),
                rank=page.rank,
            )
            for page in ranked.only("name", "summary", *address)
        ]
    return found
