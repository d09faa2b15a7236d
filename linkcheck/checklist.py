"""The link report's item in the content checklist (editing/checklist.py): internal
links in the page's text that lead nowhere."""

from django.db import models

from editing.richtext import html_fields

from .checker import LinkChecker, links_in


def broken_links(page: models.Model) -> list[str]:
    checker = LinkChecker()
    problems = []
    for field in html_fields(type(page)):
        for link in links_in(getattr(page, field.attname)):
            path = checker.internal_path(link)
            problem = checker.check_path(path) if path else None
            if problem:
                problems.append(
                    f"The link to {link} in the {field.verbose_name} leads nowhere "
                    f"for visitors ({problem})."
                )
    return problems
