"""No GET writes to the database (issue 24): every public page a visitor can reach and
every admin page each role may ask for, read just after a draft change's scheduled time, runs
no INSERT, UPDATE or DELETE, apart from the writes allowed below, each with its reason. A scheduled draft change is published by its task (rehab_site/drafts.py), so the
page it changes still shows the live version when read, and nothing is published.

The public pages are those reachable from the home page by following same-site links, and
every address of the sitemap; the admin pages are the admin walk's (tests/admin_pages.py).
"""

import datetime
import re
from urllib.parse import urlsplit

import pytest
import time_machine
from django.contrib.sessions.models import Session
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import resolve
from django.utils import timezone

from admissions.models import AccessLog
from blog.models import Article
from rehab_site.models import DraftChange
from tests.admin_pages import ROLES, SUPERUSER
from tests.demo import same_site_links

from .forms import admin_form

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("as_in_production")]

# Tables any GET may write to, and why each write is by design.
ALLOWED_TABLES = {
    Session._meta.db_table: (
        "Django's database session store saves a signed-in staff member's session when "
        "it changes: the idle timeout (rehab_site/staff.py) records the last activity."
    ),
    AccessLog._meta.db_table: (
        "Reading an inquiry or an insurance verification is recorded by design: the "
        "access log is the audit trail of who saw whose health details."
    ),
}
# Views whose GET writes, by URL name, and why.
ALLOWED_VIEWS = {
    "two_factor_setup": (
        "Pairing an authenticator app (rehab_site/two_factor.py): the unconfirmed device, "
        "holding the secret the QR code shows, is made when the page first opens, so the "
        "code scanned is the one checked and failed tries are throttled. Once per "
        "enrolment, for the signed-in member of staff only."
    ),
}
# django-reversion shows an old or deleted version by reverting it inside a transaction
# that it always rolls back on GET, with model signals muted (reversion/admin.py): nothing
# is committed and no cache hears of it. Allowed only when the rollback is seen.
# Rendering a version in memory instead is part of issue 24's one editing model.
ROLLED_BACK_VIEWS = ("_revision", "_recover")

WRITE = re.compile(r'^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)"?', re.I)
PAGE_LIMIT = 1000  # more than the demo has; a loop of ever-new addresses must end


def writes(queries) -> list[tuple[str, str]]:
    """(table, statement) of each write among `queries` to a table not allowed."""
    found = []
    for query in queries:
        match = WRITE.match(query["sql"])
        if match and match.group(1) not in ALLOWED_TABLES:
            found.append((match.group(1), query["sql"][:200]))
    return found


def rolled_back(queries) -> bool:
    """Whether the last write among `queries` to a table not allowed is followed by a
    rollback to a savepoint."""
    statements = [query["sql"].lstrip().upper() for query in queries]
    last_write = max(
        (
            index
            for index, sql in enumerate(statements)
            if (match := WRITE.match(sql))
            and match.group(1).lower() not in ALLOWED_TABLES
        ),
        default=-1,
    )
    return any(sql.startswith("ROLLBACK") for sql in statements[last_write + 1 :])


def get_writing_nothing(client, url: str, wrong: list[str]):
    """`client`'s GET of `url`, with any write it makes reported in `wrong` (unless
    allowed above) and rolled back."""
    with transaction.atomic(), CaptureQueriesContext(connection) as queries:
        response = client.get(url)
        transaction.set_rollback(True)
    view = resolve(urlsplit(url).path).url_name or ""
    found = writes(queries.captured_queries)
    if view in ALLOWED_VIEWS:
        return response
    if view.endswith(ROLLED_BACK_VIEWS) and rolled_back(queries.captured_queries):
        return response
    for table, statement in found:
        wrong.append(f"GET {url} writes to {table}: {statement}")
    return response


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
    queue = ["/", *sitemap_paths(client, wrong)]
    seen = set(queue)
    while queue and len(seen) <= PAGE_LIMIT:
        path = queue.pop(0)
        response = get_writing_nothing(client, path, wrong)
        if response.status_code != 200 or "html" not in response.get(
            "Content-Type", ""
        ):
            continue
        for link in same_site_links(response.content.decode()):
            if link not in seen:
                seen.add(link)
                queue.append(link)
    return seen


@pytest.fixture
def due_draft_change(walk):
    """A live article given a draft change scheduled a few minutes ahead, saved in the
    admin; returns the article and the change's time."""
    article = Article.objects.live().order_by("pk").first()
    client = walk.clients[SUPERUSER]
    url = f"/admin/blog/article/{article.pk}/change/"
    publish_at = (timezone.localtime() + datetime.timedelta(minutes=2)).replace(
        second=0, microsecond=0
    )
    data = admin_form(client, url)
    data["title"] = ["A title that only the scheduled change has"]
    data["_save_draft"] = ["Save as draft change"]
    data["draft_publish_at"] = [publish_at.strftime("%Y-%m-%dT%H:%M")]
    assert client.post(url, data).status_code == 302
    assert DraftChange.objects.get().publish_at == publish_at
    return article, publish_at


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


@pytest.mark.parametrize("role", ROLES)
def test_no_admin_page_writes_even_when_a_draft_change_is_due(
    walk, due_draft_change, role
):
    article, publish_at = due_draft_change
    client = walk.clients[role]
    user = walk.center.staff[role]
    wrong = []

    with time_machine.travel(publish_at + datetime.timedelta(minutes=1), tick=False):
        for page in walk.pages:
            if "GET" in page.methods_for(user):
                get_writing_nothing(client, page.url, wrong)
        # and the due change's own pages, as this member of staff sees them
        get_writing_nothing(client, article.get_absolute_url(), wrong)
        get_writing_nothing(client, f"/admin/blog/article/{article.pk}/change/", wrong)

    assert not wrong, f"{len(wrong)} writes on GET as {role}:\n" + "\n".join(wrong)
    assert DraftChange.objects.exists()
    assert Article.objects.get(pk=article.pk).title == article.title
