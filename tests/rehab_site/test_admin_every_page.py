"""Every admin page, as every role (issue 22): each answers what the role's permissions
allow, never a server error and never a page the role may not see.

The pages come from the URL resolver (tests/admin_pages.py): every pattern under the
admin's prefix, filled in with rows of the demo center after a day of staff work. What each
role should get is asked of the admin's own permission methods for that role, so a view that
forgets to ask them is caught, whatever the model. Each role signs in with its password and
passes the second factor, with REQUIRE_TWO_FACTOR on, as in production.

No GET writes (issue 24): the walk runs a minute after a draft change's scheduled time (its
task, not a page, publishes it), and a GET that writes anything tests/get_writes.py does not
allow, with its reason, is a wrong answer too.

The center is seeded once for the module; every request runs in a transaction rolled back
after it, so no page sees what another changed.
"""

import datetime

import pytest
import time_machine
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from blog.models import Article
from editing.models import DraftChange
from tests.admin_pages import (
    ROLES,
    models_without_rows,
    registered_models,
    versioned_admins,
)
from tests.get_writes import unallowed_writes

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("as_in_production")]


def test_every_registered_model_has_a_row_to_walk(walk):
    assert not models_without_rows()


def test_every_admin_pattern_is_filled_in_and_known(walk):
    assert not walk.problems, "\n".join(walk.problems)


def test_the_walk_has_every_models_pages_and_their_history(walk):
    names = {page.name for page in walk.pages}
    for model in registered_models():
        opts = model._meta
        assert f"admin:{opts.app_label}_{opts.model_name}_changelist" in names
    for model_admin in versioned_admins():
        opts = model_admin.opts
        for end in ["change", "history", "compare", "revision", "recover", "delete"]:
            assert f"admin:{opts.app_label}_{opts.model_name}_{end}" in names
    assert {
        "admin:index",
        "admin:insurance_verification_insuranceverification_card",
    } <= names


def ask(client, page, method):
    """The page's answer, with whatever it wrote rolled back; an exception is reported
    as the server error it would be, and so is a GET that writes (tests/get_writes.py)."""
    try:
        with transaction.atomic(), CaptureQueriesContext(connection) as queries:
            response = client.generic(method, page.url)
            transaction.set_rollback(True)
    except Exception as error:  # noqa: BLE001 - every page is reported, not the first
        return None, f"{method} {page.url} ({page.name}): raised {error!r}"
    if response.status_code >= 500:
        return response, f"{method} {page.url} ({page.name}): {response.status_code}"
    if method == "GET" and (
        written := unallowed_writes(page.url, queries.captured_queries)
    ):
        return response, "; ".join(written)
    return response, None


@pytest.mark.parametrize("role", ROLES)
def test_every_admin_page_answers_the_role_as_its_permissions_allow(
    walk, due_draft_change, role
):
    article, publish_at = due_draft_change
    client = walk.clients[role]
    user = walk.center.staff[role]
    wrong = []
    with time_machine.travel(publish_at + datetime.timedelta(minutes=1), tick=False):
        for page in walk.pages:
            for method in page.methods_for(user):
                response, error = ask(client, page, method)
                problem = error or page.problem(user, method, response)
                if problem:
                    wrong.append(problem)
    assert not wrong, f"{len(wrong)} pages answer {role} wrongly:\n" + "\n".join(wrong)
    assert DraftChange.objects.exists(), "a page published the due draft change"
    assert Article.objects.get(pk=article.pk).title == article.title
