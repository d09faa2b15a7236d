"""Two real web servers (gunicorn, two workers each) sharing one Redis see every change:
a scheduled article at its time, and a save made anywhere else."""

import datetime
import urllib.request

import pytest
from django.utils import timezone

from tests.blog.factories import ArticleFactory
from tests.factories import SiteSettingsFactory
from tests.servers import SHARES_THE_TEST_DATABASE, gunicorn, production_environment
from tests.time_travel_gunicorn import CONFIG
from tests.workers import worker_redis_url

pytestmark = [pytest.mark.django_db(transaction=True), SHARES_THE_TEST_DATABASE]

REDIS_URL = worker_redis_url()


def page(base_url: str, path: str) -> str:
    with urllib.request.urlopen(base_url + path, timeout=10) as response:
        return response.read().decode()


@pytest.fixture
def server(redis_cache, collected_static):
    def start(at: datetime.datetime | None = None):
        return run_server(collected_static, at)

    return start


def run_server(static_root, at: datetime.datetime | None = None):
    environment = production_environment(
        CACHE_URL=REDIS_URL, STATIC_ROOT=str(static_root)
    )
    if at is None:
        return gunicorn(environment)
    return gunicorn({**environment, "TRAVEL_TO": at.isoformat()}, config=CONFIG)


def test_a_scheduled_article_appears_on_another_server_at_its_time(server):
    SiteSettingsFactory()
    ArticleFactory.create_batch(3)
    due = timezone.now() + datetime.timedelta(days=1)
    ArticleFactory(title="Scheduled for tomorrow", slug="tomorrow", publish_at=due)

    with server(at=due - datetime.timedelta(minutes=1)) as before:
        seen_before = [page(before, path) for path in ("/", "/blog/", "/blog/feed/")]
    with server(at=due + datetime.timedelta(seconds=1)) as after:
        seen_after = [page(after, path) for path in ("/", "/blog/", "/blog/feed/")]

    assert not any("Scheduled for tomorrow" in html for html in seen_before)
    assert all("Scheduled for tomorrow" in html for html in seen_after)


def test_a_save_in_one_process_shows_in_every_worker_of_another(server):
    SiteSettingsFactory()
    article = ArticleFactory(title="Before the edit")

    with server() as site:
        warm = [page(site, "/blog/") for _ in range(6)]  # both workers fill and hit
        article.title = "After the edit"
        article.save()  # here, in the test's process, committed at once
        after = [page(site, "/blog/") for _ in range(6)]

    assert all("Before the edit" in html for html in warm)
    assert all(
        "After the edit" in html and "Before the edit" not in html for html in after
    )
