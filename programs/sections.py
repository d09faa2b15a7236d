"""A composed page's sections as visitors see them, each with what it lists.

`sections_of(page)` reads the page's sections (one query per kind of section, or the rows
typed in a preview) in their order, and gives each section that lists something its
`items`. What two sections list alike is read once (two card sections of the programs,
the testimonials), so a page costs the same number of queries however many sections it
has (tests/programs/test_sections.py counts them).
"""

from collections.abc import Callable

from django.db import connection
from django.db.models import QuerySet

from editing.preview import related, typed_relations
from pictures.fields import picture_fields
from website import page_parts

from .models import Insurer, Page, Program, Testimonial
from .models.sections import (
    SECTION_MODELS,
    ArticlesSection,
    BlockSection,
    CardsSection,
)

# What a card shows (programs/includes/cards.html): a program also its typical length.
CARD_FIELDS = ("name", "slug", "summary", "order")
CARD_MODELS = CardsSection.models_by_kind()


def relation_of(model) -> str:
    """The name under which a page reaches its sections of `model`."""
    return f"{model._meta.app_label}_{model._meta.model_name}_set"


def with_pictures(rows):
    """Sections read with their pictures, in the same query; typed rows as they are."""
    if not isinstance(rows, QuerySet):
        return rows
    fields = [field.name for field in picture_fields(rows.model)]
    return rows.select_related(*fields) if fields else rows


def _live_cards(kind: str, read, featured_only: bool = False) -> list:
    model = CARD_MODELS[kind]
    rows = model.objects.live()
    if featured_only:
        rows = rows.filter(featured=True)
    shown = (*CARD_FIELDS, *(("typical_length",) if model is Program else ()))
    return read(("cards", kind, featured_only), lambda: list(rows.only(*shown)))


def _cards(section, read):
    if section.which == CardsSection.Which.CHOSEN:
        # Every live page of each kind ticked is read once for the whole page; a ticked
        # page no longer live is left out.
        found = []
        for kind, pk in section.chosen_keys:
            live = read(
                ("cards by id", kind),
                lambda kind=kind: {page.pk: page for page in _live_cards(kind, read)},
            )
            if pk in live:
                found.append(live[pk])
        return found
    featured = section.which == CardsSection.Which.FEATURED
    return _live_cards(section.kind, read, featured_only=featured)


def _testimonials(section, read):
    every = read(
        ("testimonials",),
        lambda: list(Testimonial.objects.publishable().select_related("program")),
    )
    if section.chosen:
        ticked = set(section.chosen)
        return [item for item in every if item.pk in ticked]
    chosen = [item for item in every if item.featured or not section.featured_only]
    return chosen[: section.limit]


def _team(section, read):
    everyone = read(("team",), lambda: list(page_parts.part("team")))
    if section.people:
        ticked = set(section.people)
        return [person for person in everyone if person.pk in ticked]
    if section.group:
        return [person for person in everyone if person.team_section == section.group]
    return everyone


def _articles(section, read):
    newest = read(
        ("articles", section.category),
        lambda: list(
            page_parts.part("article_cards", category=section.category)[
                : ArticlesSection.MOST
            ]
        ),
    )
    return newest[: section.limit]


ITEMS: dict[str, Callable] = {
    "cardssection": _cards,
    "testimonialssection": _testimonials,
    "articlessection": _articles,
    "teamsection": _team,
    "insurancesection": lambda section, read: read(
        ("insurers",), lambda: list(Insurer.objects.accepted())
    ),
}


def reader():
    """`read(key, make)`: what `make()` gives, made once per key for one page's render,
    so that sections listing the same things share one query."""
    kept: dict = {}

    def read(key, make):
        if key not in kept:
            kept[key] = make()
        return kept[key]

    return read


def kinds_present(page_ids) -> set[str]:
    """The kinds of section the saved pages `page_ids` have, in one query (a UNION over
    the kinds), so that only those are read: one more query per kind used.

    Written as SQL rather than as the union of 18 querysets: the ORM took 3.6 ms to build
    and compile that union on every render of a page with sections or a placed block,
    the SQL 0.3 ms to run (README, "Performance")."""
    ids = list(page_ids)
    if not ids:
        return set()
    quote = connection.ops.quote_name
    marks = ", ".join(["%s"] * len(ids))
    selects, params = [], []
    for model in SECTION_MODELS:
        parent = model._meta.get_field("parent").column
        selects.append(
            f"SELECT %s FROM {quote(model._meta.db_table)} "
            f"WHERE {quote(parent)} IN ({marks})"
        )
        params += [model._meta.model_name, *ids]
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(selects), params)
        return {kind for (kind,) in cursor.fetchall()}


def in_order(sections: list) -> list:
    return sorted(
        sections, key=lambda section: (section.ordering, section.pk is None, section.pk)
    )


def sections_of(page) -> list:
    """The page's sections in their order, each with its `items` where it lists some,
    and each reusable block with the block's own `sections`: as typed, in a preview;
    otherwise the kinds the page has, a query each."""
    typed = typed_relations(page)
    if typed:
        present = None
    else:
        present = kinds_present([page.pk]) if page.pk is not None else set()
    found = []
    for model in SECTION_MODELS:
        if present is None or model._meta.model_name in present:
            found.extend(with_pictures(related(page, relation_of(model))))
    read = reader()

    found = prepared(in_order(found), read)
    placed = [section for section in found if isinstance(section, BlockSection)]
    if placed:
        inside = blocks_sections({section.block_id for section in placed})
        for section in placed:
            section.sections = prepared(inside.get(section.block_id, []), read)
    return found


def blocks_sections(block_ids: set) -> dict[int, list]:
    """{block id: its sections in order} for the live reusable blocks among `block_ids`
    (a block inside a block is not shown), in one query per kind they use."""
    live = list(
        Page.objects.live()
        .filter(pk__in=block_ids, layout=Page.Layout.BLOCK)
        .values_list("pk", flat=True)
    )
    found: dict[int, list] = {pk: [] for pk in live}
    if not live:
        return found
    present = kinds_present(live)
    for model in SECTION_MODELS:
        if model is BlockSection or model._meta.model_name not in present:
            continue
        for section in with_pictures(model.objects.filter(parent_id__in=live)):
            found[section.parent_id].append(section)
    return {pk: in_order(sections) for pk, sections in found.items()}


def prepared(sections: list, read) -> list:
    """`sections` with what each lists, and consecutive questions grouped."""
    group = None
    for section in sections:
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
    return sections


def placed_sections(page) -> list:
    """The sections of the reusable blocks placed below a typed page (a program, an
    addiction, a group or an area), in the placements' order: the placements (as typed,
    in a preview), then the blocks' sections, a query per kind they use."""
    placements = sorted(
        related(page, "placed_blocks"),
        key=lambda placed: (placed.order, placed.pk or 0),
    )
    if not placements:
        return []
    inside = blocks_sections({placed.block_id for placed in placements})
    read = reader()

    found = []
    for placed in placements:
        found += prepared(list(inside.get(placed.block_id, [])), read)
    return found
