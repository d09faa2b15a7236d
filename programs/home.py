"""The home page when the site has none: the words a new site's home page starts with
(the migration that made home pages composed wrote the same ones, programs 0010), built in
memory. The site's address never answers 404, whatever happened to the row."""

import datetime

from editing.preview import with_typed_relations
from editing.publishing import Status

from .models import Page
from .models.sections import (
    ArticlesSection,
    CardsSection,
    HeroSection,
    ListSection,
    TestimonialsSection,
)
from .sections import relation_of

PROMISES = (
    "Free, confidential assessment\n"
    "Most major insurance accepted\n"
    "Same-day admission when beds are open"
)
STEPS = (
    "Call or write to us: Tell us what is happening, in your own words. Calls are "
    "private and there is no obligation.\n"
    "Get an assessment: A clinician helps you choose the right level of care and we "
    "verify your insurance benefits.\n"
    "Begin treatment: We arrange your arrival, often within a day, and your family "
    "knows what to expect."
)
# Live since before any time a site's clock could be set back to.
ALWAYS = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)
LEDE = (
    "Medically supervised detox, residential care and outpatient programs, with a team "
    "that treats you like a person, not a case number. Call any time; someone will "
    "answer."
)


def default_sections() -> list:
    cards = [
        (
            "programs",
            "Levels of care",
            "Treatment that steps down with you, from medical detox to life in recovery.",
            "All treatment programs",
        ),
        (
            "conditions",
            "Addictions we treat",
            "Each substance needs its own care, from a safe withdrawal to treatment for what drove the use.",
            "Every addiction we treat",
        ),
        (
            "audiences",
            "Who we help",
            "Groups for people who share your circumstances, within every program.",
            "Everyone we help",
        ),
    ]
    sections = [
        HeroSection(
            eyebrow="Addiction & dual-diagnosis treatment",
            headline="Recovery starts with one honest conversation.",
            introduction=LEDE,
        ),
        ListSection(style=ListSection.Style.PROMISES, items=PROMISES),
        ListSection(
            heading="Getting help takes three steps",
            style=ListSection.Style.STEPS,
            items=STEPS,
        ),
        *(
            CardsSection(
                kind=kind, heading=heading, introduction=intro, link_label=link
            )
            for kind, heading, intro, link in cards
        ),
        TestimonialsSection(heading="In their words", featured_only=True, limit=3),
        ArticlesSection(heading="From our blog", limit=3),
    ]
    for position, section in enumerate(sections, start=1):
        section.region, section.ordering = "sections", position * 10
    return sections


def default_home_page() -> Page:
    """A home page in memory, with the default sections; nothing is saved."""
    page = Page(name="Home", slug="home", summary=LEDE, is_home=True)
    lists = {"faqs": [], "photos": [], "videos": []}
    for section in default_sections():
        lists.setdefault(relation_of(type(section)), []).append(section)
    return with_typed_relations(page, lists)


def save_default_home_page() -> Page:
    """The site's home page, saved with the default sections if it has none."""
    home = Page.objects.filter(is_home=True).first()
    if home is not None:
        return home
    home = Page(name="Home", slug="home", summary=LEDE, is_home=True)
    while Page.objects.filter(slug=home.slug).exists():
        home.slug = f"{home.slug}-page"
    home.status = Status.PUBLISHED
    home.publish_at = ALWAYS
    home.save()
    for section in default_sections():
        section.parent = home
        section.save()
    return home
