"""No GET writes to the database (issue 24): every public page a visitor can reach, read
just after a draft change's scheduled time, runs no INSERT, UPDATE or DELETE, apart from
the writes tests/get_writes.py allows, each with its reason. A scheduled draft change is
published by its task (editing/drafts.py), so the page it changes still shows the live
version when read, and nothing is published.

The public pages are those reachable from the home page by following same-site links, and
every address of the sitemap. Every admin page, as every role, is checked the same way by
the admin walk (tests/rehab_site/test_admin_every_page.py).
"""

import datetime
import re
from urllib.parse import urlsplit

import pytest
import time_machine
from django.test import Client

from blog.models import Article
from editing.models import DraftChange
from tests.demo import crawl
from tests.get_writes import get_writing_nothing

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("as_in_production")]


def sitemap_paths(client, wrong: list[str]) -> list[str]:
    """Every address listed by the sitemap index's sitemaps, as paths."""
    index = get_writing_nothing(client, "/sitemap.xml", wrong)
    paths = []
    for sitemap in re.findall(r"<loc>([^<]+)</loc>", index.content.decode()):
        listed = get_writing_nothing(client, urlsplit(sitemap).path, wrong)
        for address in re.findall(r"<loc>([^<]+)</loc>", listed.content.decode()):
            parts = urlsplit(address)
            paths.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return paths


def walk_public_pages(client, wrong: list[str]) -> set[str]:
    """Open every public page reachable from the home page or listed in the sitemap."""
    return crawl(
        lambda path: get_writing_nothing(client, path, wrong),
        start=["/", *sitemap_paths(client, wrong)],
    )


def test_no_public_page_writes_even_when_a_draft_change_is_due(walk, due_draft_change):
    article, publish_at = due_draft_change
    wrong = []

    with time_machine.travel(publish_at + datetime.timedelta(minutes=1), tick=False):
        seen = walk_public_pages(Client(), wrong)

    assert len(seen) > 50
    assert article.get_absolute_url() in seen
    assert not wrong, f"{len(wrong)} writes on GET:\n" + "\n".join(wrong)
    assert DraftChange.objects.exists()  # left for its task
    assert Article.objects.get(pk=article.pk).title == article.title
