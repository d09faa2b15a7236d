"""A composed page's sections as visitors see them, each with what it lists.

`sections_of(page)` reads the page's sections (one query per kind of section, or the rows
typed in a preview) in their order, and gives each section that lists something its
`items`. What two sections list alike is read once (two card sections of the programs,
the testimonials), so a page costs the same number of queries however many sections it
has (tests/programs/test_sections.py counts them).
"""

from collections.abc import Callable

from editing.preview import related
from website import page_parts

from .models import Audience, Condition, Insurer, Location, Program, Testimonial
from .models.sections import SECTION_MODELS, CardsSection

CARD_FIELDS = ("name", "slug", "summary", "order", "hero_image", "hero_image_alt")
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
        lambda: list(rows.only(*CARD_FIELDS)),
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


def sections_of(page) -> list:
    """The page's sections in their order, each with its `items` where it lists some."""
    found = []
    for model in SECTION_MODELS:
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
