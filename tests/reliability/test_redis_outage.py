"""Redis stopped, restarted empty, flushed and cut off under load, with real gunicorn and a Redis of
the test's own: every page is served from the database with the phone number while it is
gone, every inquiry is stored once, staff work in the admin, and once it is back the site
recovers by itself with nothing stale."""

import statistics
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.contrib.auth.hashers import make_password
from django.urls import reverse

from admissions.models import Inquiry
from programs.models import Insurer
from tests.blog.factories import ArticleFactory
from tests.conftest import redis_caches
from tests.factories import PASSWORD, UserFactory
from tests.programs.factories import ConditionFactory, ProgramFactory
from tests.reliability.conftest import PHONE, server_environment
from tests.reliability.private_redis import REDIS_SERVER, private_redis
from tests.reliability.visitors import (
    Load,
    Visitor,
    hidden_fields,
    inquiry_fields,
)
from tests.servers import free_port, gunicorn

pytestmark = [
    pytest.mark.postgresql_only(
        reason="gunicorn reads the test's database, which only a database server shares"
    ),
    pytest.mark.skipif(not REDIS_SERVER.exists(), reason="needs redis-server"),
]

FIRST_TITLE = "The first title"
LOAD_CLIENTS = 3
OUTAGE_INQUIRIES = 5
RECOVERY_LIMIT_SECONDS = 10
READS_PER_PAGE = 4  # each page several times, so that both workers answer


@pytest.fixture
def content(site_settings):
    """One page of every public type, and a superuser who signs in as production hashes."""
    article = ArticleFactory(title=FIRST_TITLE, slug="road-back")
    ProgramFactory(slug="detox", name="Medical detox")
    ConditionFactory(slug="opioids", name="Opioid addiction")
    Insurer.objects.create(
        name="Zephyr Health",
        slug="zephyr-health",
        has_page=True,
        summary="We are in network with Zephyr Health plans.",
    )
    editor = UserFactory(username="editor", is_staff=True, is_superuser=True)
    # Hashed as production hashes: the production server knows no test-only hasher.
    editor.password = make_password(PASSWORD, hasher="pbkdf2_sha256")
    editor.save()
    return article


PAGES = {
    "home": "/",
    "blog list": "/blog/",
    "article": "/blog/road-back/",
    "program": "/treatment/detox/",
    "addiction": "/addictions/opioids/",
    "treatment overview": "/treatment/",
    "insurance": "/insurance/",
    "insurer": "/insurance/zephyr-health/",
    "admissions form": "/admissions/",
}


def read_every_page(visitor: Visitor) -> list[tuple[str, int, str, float]]:
    """(page, status, body, seconds) for each page, READS_PER_PAGE times."""
    answers = []
    for _ in range(READS_PER_PAGE):
        for name, path in PAGES.items():
            started = time.monotonic()
            answer = visitor.get(path)
            answers.append(
                (name, answer.status, answer.body, time.monotonic() - started)
            )
    return answers


def work_in_the_admin(base_url: str, article) -> dict[str, int]:
    """Sign in as staff, open the dashboard, the articles and one article, sign out."""
    staff = Visitor(base_url, timeout=20)
    login = reverse("admin:login")
    signed_in = staff.post(
        login,
        {
            **hidden_fields(staff.get(login)),
            "username": "editor",
            "password": PASSWORD,
            "next": reverse("admin:index"),
        },
    )
    articles = staff.get(reverse("admin:blog_article_changelist"))
    return {
        "dashboard": signed_in.status if signed_in.url.endswith("/admin/") else 0,
        "articles": articles.status if FIRST_TITLE in articles.body else 0,
        "edit page": staff.get(
            reverse("admin:blog_article_change", args=[article.pk])
        ).status,
        "signed out": staff.post(
            reverse("admin:logout"), hidden_fields(articles)
        ).status,
    }


def stored_emails() -> list[str]:
    return list(Inquiry.objects.values_list("email", flat=True))


@pytest.fixture
def cache_server(settings):
    """A Redis of the test's own; the test's own saves announce their new content through
    it, as a save in any server process would."""
    with private_redis() as server:
        settings.CACHES = {**settings.CACHES, **redis_caches(server.url(0))}
        yield server


def serve(collected_static, cache_server, **environment):
    """gunicorn (two workers) with its caches in `cache_server`."""
    return gunicorn(
        server_environment(
            collected_static,
            CACHE_URL=cache_server.url(0),
            REQUIRE_TWO_FACTOR="false",
            **environment,
        ),
        workers=2,
    )


@pytest.fixture
def site_with_private_redis(content, collected_static, cache_server):
    """Every cache in the test's Redis, the parts of pages included."""
    with serve(
        collected_static, cache_server, CONTENT_CACHE_URL=cache_server.url(1)
    ) as base_url:
        yield base_url, cache_server


def test_the_site_works_while_redis_is_stopped_and_recovers_when_it_restarts_empty(
    site_with_private_redis, content
):
    base_url, cache_server = site_with_private_redis
    load = Load(base_url, paths=PAGES.values())
    probe = Visitor(base_url, timeout=20)
    with ThreadPoolExecutor(LOAD_CLIENTS) as pool:
        running = [pool.submit(load.visitor) for _ in range(LOAD_CLIENTS)]
        before = read_every_page(probe)

        cache_server.stop()
        during = read_every_page(probe)
        readiness_during = probe.get("/readyz").status
        thanked_during = [
            probe.submit_inquiry(inquiry_fields(100_000 + number))
            for number in range(OUTAGE_INQUIRIES)
        ]
        admin_during = work_in_the_admin(base_url, content)
        content.title = "Saved during the outage"
        content.save()  # announced to nobody: Redis is down
        saved_during = probe.get("/blog/road-back/").body

        cache_server.start()  # empty, as a restarted Redis that keeps nothing on disk
        back_at = time.monotonic()
        recovered_after = None
        while time.monotonic() - back_at < RECOVERY_LIMIT_SECONDS:
            if probe.get("/readyz").status == 200:
                recovered_after = time.monotonic() - back_at
                break
            time.sleep(0.1)
        after = read_every_page(probe)
        load.stopping.set()
        for visitor in running:
            visitor.result()
    stored = stored_emails()

    assert recovered_after is not None, "the site was not ready again on its own"
    print(
        f"\nRedis stopped: {len(load.statuses)} responses under load; median page "
        f"{statistics.median(t for *_, t in before) * 1000:.1f} ms before, "
        f"{statistics.median(t for *_, t in during) * 1000:.1f} ms while stopped, "
        f"{statistics.median(t for *_, t in after) * 1000:.1f} ms after; ready again "
        f"{recovered_after:.2f} s after Redis restarted"
    )
    for name, status, body, _ in before + during + after:
        assert (name, status, PHONE in body) == (name, 200, True)
    assert readiness_during == 503
    assert all(answer.status == 200 for answer in thanked_during)
    for number in range(OUTAGE_INQUIRIES):
        assert stored.count(inquiry_fields(100_000 + number)["email"]) == 1
    assert admin_during == {
        "dashboard": 200,
        "articles": 200,
        "edit page": 200,
        "signed out": 200,
    }
    assert "Saved during the outage" in saved_during
    for name, _, body, _ in after:
        assert FIRST_TITLE not in body, name
    assert all(
        "Saved during the outage" in body
        for name, _, body, _ in after
        if name in ("blog list", "article")
    )
    assert 500 not in load.statuses
    assert set(load.statuses) == {200}
    assert load.thanked
    assert len(stored) == len(set(stored)), "an inquiry was stored twice"
    assert set(load.thanked) <= set(stored), "a thanked inquiry was lost"


def test_pages_are_fresh_after_redis_is_flushed_mid_traffic(
    site_with_private_redis, content
):
    base_url, cache_server = site_with_private_redis
    load = Load(base_url, paths=PAGES.values())
    probe = Visitor(base_url, timeout=20)
    with ThreadPoolExecutor(LOAD_CLIENTS) as pool:
        running = [pool.submit(load.visitor) for _ in range(LOAD_CLIENTS)]
        before = read_every_page(probe)
        content.title = "Saved before the flush"
        content.save()

        cache_server.flush()
        after_flush = read_every_page(probe)
        content.title = "Saved after the flush"
        content.save()
        after_save = read_every_page(probe)
        load.stopping.set()
        for visitor in running:
            visitor.result()
    stored = stored_emails()

    for name, status, body, _ in before + after_flush + after_save:
        assert (name, status, PHONE in body) == (name, 200, True)
    for title, answers in (
        ("Saved before the flush", after_flush),
        ("Saved after the flush", after_save),
    ):
        for name, _, body, _ in answers:
            assert FIRST_TITLE not in body, name
            if name in ("blog list", "article"):
                assert title in body, name
    assert set(load.statuses) == {200}
    assert len(stored) == len(set(stored)), "an inquiry was stored twice"
    assert set(load.thanked) <= set(stored), "a thanked inquiry was lost"


def test_a_save_during_a_partition_shows_when_redis_comes_back_with_its_old_contents(
    content, collected_static, cache_server, settings
):
    """Redis stops answering and comes back holding what it had, the generation every
    worker kept its parts under (in its own memory, the default) before the partition."""
    with serve(collected_static, cache_server) as base_url:
        load = Load(base_url, paths=PAGES.values())
        probe = Visitor(base_url, timeout=20)
        with ThreadPoolExecutor(LOAD_CLIENTS) as pool:
            running = [pool.submit(load.visitor) for _ in range(LOAD_CLIENTS)]
            before = read_every_page(probe)

            cache_server.pause()
            during = [probe.get(path) for path in PAGES.values()]
            # Saved by a process that cannot reach Redis either: announced to nobody.
            unreachable = f"redis://127.0.0.1:{free_port()}/0"
            settings.CACHES = {**settings.CACHES, **redis_caches(unreachable)}
            content.title = "Saved during the partition"
            content.save()
            cache_server.resume()

            after = read_every_page(probe)
            load.stopping.set()
            for visitor in running:
                visitor.result()
    stored = stored_emails()

    for name, status, body, _ in before + after:
        assert (name, status, PHONE in body) == (name, 200, True)
    assert all(answer.status == 200 and PHONE in answer.body for answer in during)
    for name, _, body, _ in after:
        assert FIRST_TITLE not in body, name
        if name in ("blog list", "article"):
            assert "Saved during the partition" in body, name
    assert set(load.statuses) == {200}
    assert len(stored) == len(set(stored)), "an inquiry was stored twice"
    assert set(load.thanked) <= set(stored), "a thanked inquiry was lost"
