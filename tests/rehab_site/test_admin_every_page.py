"""Every admin page, as every role (issue 22): each answers what the role's permissions
allow, never a server error and never a page the role may not see.

The pages come from the URL resolver (tests/admin_pages.py): every pattern under the
admin's prefix, filled in with rows of the demo center after a day of staff work. What each
role should get is asked of the admin's own permission methods for that role, so a view that
forgets to ask them is caught, whatever the model. Each role signs in with its password and
passes the second factor, with REQUIRE_TWO_FACTOR on, as in production.

The center is seeded once for the module; every request runs in a transaction rolled back
after it, so no page sees what another changed.
"""

from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings
from django.db import transaction
from django.test import Client, override_settings
from django.urls import reverse
from django_otp.oath import totp

from tests.admin_pages import (
    ROLES,
    Center,
    Page,
    a_day_at_the_center,
    admin_pages,
    models_without_rows,
    registered_models,
    versioned_admins,
)
from tests.demo import load_demo
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

ADMIN_INDEX = reverse("admin:index")
PLAIN_STATIC_FILES = {
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}


def current_token(device) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def signed_in_with_second_factor(user, device) -> Client:
    """Password on the sign-in page, then the authenticator's code on the verify page."""
    client = Client()
    response = client.post(
        reverse("admin:login"),
        {"username": user.username, "password": PASSWORD, "next": ADMIN_INDEX},
    )
    assert response.status_code == 302, f"{user} could not sign in"
    asked = client.get(ADMIN_INDEX)
    assert asked["Location"].startswith(reverse("two_factor_verify")), (
        f"{user} was not asked for the second factor"
    )
    client.post(reverse("two_factor_verify"), {"token": current_token(device)})
    assert client.get(ADMIN_INDEX).status_code == 200, (
        f"{user} did not pass the second factor"
    )
    return client


@dataclass
class Walk:
    center: Center
    clients: dict  # role -> a test client signed in with the second factor
    pages: list[Page]
    problems: list[str]  # patterns that could not be filled in, with the reason
    media: Path


@pytest.fixture(scope="module")
def walk(django_db_setup, django_db_blocker, tmp_path_factory, demo_snapshot):
    """The demo center after a day's work, each role signed in, and every admin page;
    all rolled back when the module is done."""
    media = tmp_path_factory.mktemp("admin-walk")
    with (
        django_db_blocker.unblock(),
        override_settings(
            MEDIA_ROOT=media / "media",
            PRIVATE_MEDIA_ROOT=media / "private-media",
            # as tests/conftest.py's plain_static_storage, which is per test
            STORAGES={**settings.STORAGES, "staticfiles": PLAIN_STATIC_FILES},
        ),
        transaction.atomic(),
    ):
        load_demo(demo_snapshot, media / "media", media / "private-media")
        center = a_day_at_the_center()
        with override_settings(REQUIRE_TWO_FACTOR=True):
            clients = {
                role: signed_in_with_second_factor(user, center.second_factors[role])
                for role, user in center.staff.items()
            }
        pages, problems = admin_pages(center)
        yield Walk(center, clients, pages, problems, media)
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def as_in_production(settings, media_root, walk):
    """The second factor required, and the day's uploads where the pages look for them."""
    settings.REQUIRE_TWO_FACTOR = True
    settings.MEDIA_ROOT = walk.media / "media"
    settings.PRIVATE_MEDIA_ROOT = walk.media / "private-media"


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
    assert {"admin:index", "admin:admissions_insuranceverification_card"} <= names


def ask(client, page, method):
    """The page's answer, with whatever it wrote rolled back; an exception is reported
    as the server error it would be."""
    try:
        with transaction.atomic():
            response = client.generic(method, page.url)
            transaction.set_rollback(True)
    except Exception as error:  # noqa: BLE001 - every page is reported, not the first
        return None, f"{method} {page.url} ({page.name}): raised {error!r}"
    if response.status_code >= 500:
        return response, f"{method} {page.url} ({page.name}): {response.status_code}"
    return response, None


@pytest.mark.parametrize("role", ROLES)
def test_every_admin_page_answers_the_role_as_its_permissions_allow(walk, role):
    client = walk.clients[role]
    user = walk.center.staff[role]
    wrong = []
    for page in walk.pages:
        for method in page.methods_for(user):
            response, error = ask(client, page, method)
            problem = error or page.problem(user, method, response)
            if problem:
                wrong.append(problem)
    assert not wrong, f"{len(wrong)} pages answer {role} wrongly:\n" + "\n".join(wrong)
