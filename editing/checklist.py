"""The content checklist shown before a page or article is published: what a careful editor
would check by hand. Each item is a warning, not a rule: the editor may publish anyway.

The core checks the text itself (headings, alt text, the meta description); an app that
knows more about a page adds its own check in its `AppConfig.ready()` (the link report
adds broken links), so the core never imports it.
"""

from collections.abc import Callable
from html.parser import HTMLParser

from django.db import models

from editing.publishing import Status
from editing.richtext import html_fields

Check = Callable[[models.Model], list[str]]
_added_checks: list[Check] = []


def add_check(check: Check) -> None:
    """Run `check(page)`, which returns what to fix, in every content checklist."""
    if check not in _added_checks:
        _added_checks.append(check)


class HeadingsAndImages(HTMLParser):
    def __init__(self):
        super().__init__()
        self.headings: list[tuple[int, str]] = []
        self.images_without_alt = 0
        self.current_heading: list | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.current_heading = [int(tag[1]), ""]
        elif tag == "img" and not (attributes.get("alt") or "").strip():
            self.images_without_alt += 1

    def handle_data(self, data):
        if self.current_heading is not None:
            self.current_heading[1] += data

    def handle_endtag(self, tag):
        if self.current_heading is not None and tag == f"h{self.current_heading[0]}":
            self.headings.append(
                (self.current_heading[0], self.current_heading[1].strip())
            )
            self.current_heading = None


def content_checklist(page: models.Model) -> list[str]:
    """What to fix before `page` goes live; empty when it is ready."""
    problems = []
    for field in html_fields(type(page)):
        html = getattr(page, field.attname) or ""
        label = str(field.verbose_name)
        parsed = HeadingsAndImages()
        parsed.feed(html)
        if parsed.images_without_alt:
            count = parsed.images_without_alt
            problems.append(
                f"{count} image{'s' if count > 1 else ''} in the {label} "
                f"{'have' if count > 1 else 'has'} no alt text: describe each image for "
                "people who cannot see it (select the image, then “Change image text alternative”)."
            )
        # The page's title is its H1, so the text's headings start at H2.
        previous = 1
        for level, text in parsed.headings:
            if level > previous + 1:
                problems.append(
                    f"A heading level is skipped in the {label}: “{text}” is a heading "
                    f"{level} right after a heading {previous}. Use the level in between."
                )
            previous = level
    if hasattr(page, "meta_description") and not page.meta_description.strip():
        problems.append(
            "The meta description is empty: search results will show the summary instead. "
            "Write one or two sentences under “Search engines”."
        )
    problems.extend(app_checks(page))
    return problems


def app_checks(page: models.Model) -> list[str]:
    """What the apps' own checks (`add_check`) find in `page`: the link report's links
    that lead nowhere. Told after every save too (EditorAdminMixin.save_model)."""
    return [problem for check in _added_checks for problem in check(page)]


def is_being_published(form) -> bool:
    """Does this save publish the page (now or at its scheduled time) for the first time,
    from a draft or a new page? Edits to a page already published are not held."""
    if form.cleaned_data.get("status") != Status.PUBLISHED:
        return False
    return form.instance.pk is None or form.initial.get("status") != Status.PUBLISHED
