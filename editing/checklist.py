"""The content checklist: what a careful editor would check by hand, as advice while they
type (the side panel of the change form, `advice_view` in editing/editor_aids.py) and as
the one gate before publishing.

Each item is `Advice`: its words, the form field it is about (the panel links to it) and
whether it harms visitors. Only those do (`blocks`): a picture in the text without alt
text, a link to a page that does not exist or is not live. Publishing waits until they are
fixed, each named on its field; saving a draft never waits. The rest (heading order, the
lengths of the SEO title and meta description, how easy the summary is to read) is advice
and never holds a save.

The core checks the text itself; an app that knows more about a page adds its own check
in its `AppConfig.ready()` (the link report adds links that lead nowhere), so the core
never imports it.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser

from django.db import models

from editing.publishing import Status
from editing.richtext import html_fields


@dataclass(frozen=True)
class Advice:
    message: str
    field: str = ""  # the form field it is about, for the panel's link and the error
    blocks: bool = False  # harms visitors: publishing waits until it is fixed


Check = Callable[[models.Model], list[Advice]]
_added_checks: list[Check] = []
# Given image addresses, the set of them described elsewhere (the picture library's alt
# text, or a picture marked decorative), so that the text needs no alt of its own.
Describer = Callable[[list[str]], set[str]]
_describers: list[Describer] = []

# Search engines show about this many characters of a title and of a description.
SEO_TITLE_LENGTH = 60
DESCRIPTION_LENGTH = (70, 160)
# A summary most adults read easily: at most this school grade (Flesch-Kincaid).
READING_GRADE = 9


def add_check(check: Check) -> None:
    """Run `check(page)`, which returns `Advice`, in every content checklist."""
    if check not in _added_checks:
        _added_checks.append(check)


class HeadingsAndImages(HTMLParser):
    def __init__(self):
        super().__init__()
        self.headings: list[tuple[int, str]] = []
        self.images_without_alt: list[str] = []  # their addresses
        self.current_heading: list | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.current_heading = [int(tag[1]), ""]
        elif tag == "img" and not (attributes.get("alt") or "").strip():
            self.images_without_alt.append(attributes.get("src") or "")

    def handle_data(self, data):
        if self.current_heading is not None:
            self.current_heading[1] += data

    def handle_endtag(self, tag):
        if self.current_heading is not None and tag == f"h{self.current_heading[0]}":
            self.headings.append(
                (self.current_heading[0], self.current_heading[1].strip())
            )
            self.current_heading = None


def add_image_describer(describer: Describer) -> None:
    """Ask `describer` which images without alt text in the text are described elsewhere."""
    if describer not in _describers:
        _describers.append(describer)


def described_images(sources: list[str]) -> set[str]:
    if not sources:
        return set()
    return {src for describer in _describers for src in describer(sources)}


def content_checklist(page: models.Model) -> list[Advice]:
    """What to check in `page` as typed; empty when there is nothing to say."""
    found = []
    for field in html_fields(type(page)):
        html = getattr(page, field.attname) or ""
        label = str(field.verbose_name)
        parsed = HeadingsAndImages()
        parsed.feed(html)
        described = described_images(parsed.images_without_alt)
        count = len([src for src in parsed.images_without_alt if src not in described])
        if count:
            found.append(
                Advice(
                    f"{count} image{'s' if count > 1 else ''} in the {label} "
                    f"{'have' if count > 1 else 'has'} no alt text: describe each "
                    "image for people who cannot see it (select the image, then "
                    "“Change image text alternative”).",
                    field.name,
                    blocks=True,
                )
            )
        # The page's title is its H1, so the text's headings start at H2.
        previous = 1
        for level, text in parsed.headings:
            if level > previous + 1:
                found.append(
                    Advice(
                        f"A heading level is skipped in the {label}: “{text}” is a "
                        f"heading {level} right after a heading {previous}. Use the "
                        "level in between.",
                        field.name,
                    )
                )
            previous = level
    found.extend(search_advice(page))
    found.extend(reading_advice(page))
    found.extend(app_checks(page))
    return found


def search_advice(page) -> list[Advice]:
    found = []
    title = (getattr(page, "seo_title", "") or "").strip()
    if len(title) > SEO_TITLE_LENGTH:
        found.append(
            Advice(
                f"The SEO title has {len(title)} characters: search results cut it "
                f"after about {SEO_TITLE_LENGTH}.",
                "seo_title",
            )
        )
    if not hasattr(page, "meta_description"):
        return found
    description = (page.meta_description or "").strip()
    shortest, longest = DESCRIPTION_LENGTH
    if not description:
        found.append(
            Advice(
                "The meta description is empty: search results will show the summary "
                "instead. Write one or two sentences under “Search engines”.",
                "meta_description",
            )
        )
    elif len(description) < shortest:
        found.append(
            Advice(
                f"The meta description has {len(description)} characters: one or two "
                f"sentences of {shortest} to {longest} tell searchers more.",
                "meta_description",
            )
        )
    return found


def reading_advice(page) -> list[Advice]:
    summary = (getattr(page, "summary", "") or "").strip()
    grade = reading_grade(summary)
    if grade is None or grade <= READING_GRADE:
        return []
    return [
        Advice(
            f"The summary reads at about school grade {grade:.0f}: shorter sentences and "
            f"plainer words bring it to grade {READING_GRADE} or below, which most "
            "adults read easily.",
            "summary",
        )
    ]


def syllables(word: str) -> int:
    """An estimate: groups of vowels, less a silent final e."""
    word = word.lower()
    count = len(re.findall(r"[aeiouy]+", word))
    if word.endswith("e") and not word.endswith(("le", "ee")) and count > 1:
        count -= 1
    return max(count, 1)


def reading_grade(text: str) -> float | None:
    """The Flesch-Kincaid grade of `text`, or None when it is too short to tell."""
    words = re.findall(r"[A-Za-z][A-Za-z'’-]*", text)
    if len(words) < 12:
        return None
    sentences = max(len(re.findall(r"[.!?]+(?:\s|$)", text)), 1)
    total = sum(syllables(word) for word in words)
    return 0.39 * len(words) / sentences + 11.8 * total / len(words) - 15.59


def app_checks(page: models.Model) -> list[Advice]:
    """What the apps' own checks (`add_check`) find in `page`: the link report's links
    that lead nowhere. Told after every save too (EditorAdminMixin.save_model)."""
    return [advice for check in _added_checks for advice in check(page)]


def faults(page: models.Model) -> list[Advice]:
    """What harms visitors: publishing waits until it is fixed."""
    return [advice for advice in content_checklist(page) if advice.blocks]


def is_being_published(form, saving_draft: bool = False) -> bool:
    """Does this save publish the page, now or at its time? A draft, or a draft change
    to a live page (`saving_draft`), does not."""
    return form.cleaned_data.get("status") == Status.PUBLISHED and not saving_draft
