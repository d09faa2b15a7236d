"""A composed page's sections as visitors see them, each with what it lists.

`sections_of(page)` reads the page's sections (one query per kind of section, or the rows
typed in a preview) in their order, and gives each section that lists something its
`items`. What two sections list alike is read once (two card sections of the programs,
the testimonials), so a page costs the same number of queries however many sections it
has (tests/programs/test_sections.py counts them).
"""

from collections.abc import Callable

from django.db.models import Value

from editing.preview import related, typed_relations
from website import page_parts

from .models import Audience, Condition, Insurer, Location, Program, Testimonial
from .models.sections import SECTION_MODELS, CardsSection

# What a card shows (programs/includes/cards.html): a program also its typical length.
CARD_FIELDS = ("name", "slug", "summary", "order")
CARD_MODELS = {
    CardsSection.Kind.PROGRAMS: Program,
    CardsSection.Kind.CONDITIONS: Condition,
    CardsSection.Kind.AUDIENCES: Audience,
    CardsSection.Kind.LOCATIONS: Location,
}


def relation_of(model) -> str:
    """The name under which a page reaches its sections of `model`."""
    return f"{model._meta.app_label}_{model._meta.model_name}_set"


def _cards(section, read):
    model = CARD_MODELS[section.kind]
    rows = model.objects.live()
    if section.which == CardsSection.Which.FEATURED:
        rows = rows.filter(featured=True)
    return read(
        ("cards", section.kind, section.which),
        lambda: list(
            rows.only(*CARD_FIELDS, *(("typical_length",) if model is Program else ()))
        ),
    )


def _testimonials(section, read):
    every = read(
        ("testimonials",),
        lambda: list(Testimonial.objects.publishable().select_related("program")),
    )
    chosen = [item for item in every if item.featured or not section.featured_only]
    return chosen[: section.limit]


def _articles(section, read):
    return read(("articles",), lambda: list(page_parts.part("article_cards")[:12]))[
        : section.limit
    ]


ITEMS: dict[str, Callable] = {
    "cardssection": _cards,
    "testimonialssection": _testimonials,
    "articlessection": _articles,
    "teamsection": lambda section, read: read(
        ("team",), lambda: list(page_parts.part("team"))
    ),
    "insurancesection": lambda section, read: read(
        ("insurers",), lambda: list(Insurer.objects.accepted())
    ),
}


def kinds_present(page) -> set[str]:
    """The kinds of section a saved page has, in one query (a UNION over the kinds), so
    that only those are read: a page reads at most one more query per kind it uses."""
    if page.pk is None:
        return set()
    kinds = [
        model.objects.filter(parent_id=page.pk)
        .order_by()
        .annotate(section_type=Value(model._meta.model_name))
        .values_list("section_type", flat=True)
        for model in SECTION_MODELS
    ]
    return set(kinds[0].union(*kinds[1:], all=True))


def sections_of(page) -> list:
    """The page's sections in their order, each with its `items` where it lists some:
    as typed, in a preview; otherwise the kinds the page has, a query each."""
    typed = typed_relations(page)
    present = None if typed else kinds_present(page)
    found = []
    for model in SECTION_MODELS:
        if present is None or model._meta.model_name in present:
            found.extend(related(page, relation_of(model)))
    found.sort(key=lambda section: (section.ordering, section.pk is None, section.pk))
    kept: dict = {}

    def read(key, make):
        if key not in kept:
            kept[key] = make()
        return kept[key]

    group = None
    for section in found:
        make = ITEMS.get(section.section_type)
        if make is not None:
            section.items = make(section, read)
        # Questions one after another read as one list, under the first one's heading.
        if section.section_type == "questionsection":
            if group is None:
                group = section
                section.questions = []
            group.questions.append(section)
            section.in_group = section is not group
        else:
            group = None
    return found
