"""The link report's item in the content checklist (editing/checklist.py): internal
links in the page's text that lead nowhere, which hold publishing (they harm visitors)."""

from django.db import models

from editing.checklist import Advice
from editing.richtext import html_fields

from .checker import LinkChecker, links_in


def broken_links(page: models.Model) -> list[Advice]:
    checker = LinkChecker()
    problems = []
    for field in html_fields(type(page)):
        for link in links_in(getattr(page, field.attname)):
            path = checker.internal_path(link)
            problem = checker.check_path(path) if path else None
            if problem:
                problems.append(
                    Advice(
                        f"The link to {link} in the {field.verbose_name} leads "
                        f"nowhere for visitors ({problem}).",
                        field.name,
                        blocks=True,
                    )
                )
    return problems
