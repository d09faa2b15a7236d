"""What a GET may write to the database, and finding what else it writes (issue 24: no GET
writes). Used by the public crawl (tests/rehab_site/test_no_get_writes.py) and by the walk
of every admin page as every role (tests/rehab_site/test_admin_every_page.py)."""

import re
from urllib.parse import urlsplit

from django.contrib.sessions.models import Session
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import resolve

from admissions.models import AccessLog

# Tables any GET may write to, and why each write is by design.
ALLOWED_TABLES = {
    Session._meta.db_table: (
        "Django's database session store saves a signed-in staff member's session when "
        "it changes: the idle timeout (staff_access/sessions.py) records the last activity."
    ),
    AccessLog._meta.db_table: (
        "Reading an inquiry or an insurance verification is recorded by design: the "
        "access log is the audit trail of who saw whose health details."
    ),
}
# django-reversion shows an old or deleted version by reverting it inside a transaction
# that it always rolls back on GET, with model signals muted (reversion/admin.py): nothing
# is committed and no cache hears of it. Allowed only when the rollback is seen.
# Rendering a version in memory instead is part of issue 24's one editing model.
ROLLED_BACK_VIEWS = ("_revision", "_recover")

WRITE = re.compile(r'^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)"?', re.I)


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
    wrong += unallowed_writes(url, queries.captured_queries)
    return response


def unallowed_writes(url: str, queries) -> list[str]:
    """What the GET of `url` that ran `queries` wrote that it may not, one line a write."""
    view = resolve(urlsplit(url).path).url_name or ""
    if view.endswith(ROLLED_BACK_VIEWS) and rolled_back(queries):
        return []
    return [
        f"GET {url} writes to {table}: {statement}"
        for table, statement in writes(queries)
    ]
