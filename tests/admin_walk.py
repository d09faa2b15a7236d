"""The admin walk (tests/admin_pages.py), shared by the modules that ask for every admin
page: the demo center after a day's work, each role signed in with its second factor."""

import datetime
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from blog.models import Article
from editing.models import DraftChange
from tests.admin_pages import SUPERUSER, Center, Page, a_day_at_the_center, admin_pages
from tests.authenticator import code_for
from tests.demo import load_demo, rolled_back_with_files_in
from tests.factories import PASSWORD
from tests.html_forms import admin_form

ADMIN_INDEX = reverse("admin:index")


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
    client.post(reverse("two_factor_verify"), {"token": code_for(device)})
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
    with rolled_back_with_files_in(media, django_db_blocker):
        load_demo(demo_snapshot, media / "media", media / "private-media")
        center = a_day_at_the_center()
        with override_settings(REQUIRE_TWO_FACTOR=True):
            clients = {
                role: signed_in_with_second_factor(user, center.second_factors[role])
                for role, user in center.staff.items()
            }
        pages, problems = admin_pages(center)
        yield Walk(center, clients, pages, problems, media)


@pytest.fixture
def as_in_production(settings, media_root, walk):
    """The second factor required, and the day's uploads where the pages look for them
    (for every test of a module that walks: `pytest.mark.usefixtures`)."""
    settings.REQUIRE_TWO_FACTOR = True
    settings.MEDIA_ROOT = walk.media / "media"
    settings.PRIVATE_MEDIA_ROOT = walk.media / "private-media"


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
