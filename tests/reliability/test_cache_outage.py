"""Redis unreachable, in one process: the caches point at a loopback port where nothing
listens. Every page is served from the database, inquiries are stored, staff work, and
nothing cached before or during the outage is served once Redis answers again."""

import datetime
import logging

import pytest
import time_machine
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from admissions.models import Inquiry
from blog.models import Article
from programs.models import Condition, Insurer, Program
from rehab_site.caching import COORDINATION, STATE_KEY
from rehab_site.settings import cache_from_url
from tests.admissions.conftest import form_key, valid_post
from tests.blog.factories import ArticleFactory
from tests.conftest import redis_caches
from tests.factories import PASSWORD, SiteSettingsFactory, UserFactory
from tests.servers import free_port
from tests.workers import worker_redis_url
from website.models import SiteSettings


def unreachable_redis_caches() -> dict:
    """Every cache production may keep in Redis, pointed at a port where nothing listens."""
    url = f"redis://127.0.0.1:{free_port()}/0"
    return {
        **redis_caches(url),
        "template_fragments": cache_from_url(url, ignore_outages=True),
    }


@pytest.fixture
def redis_down(settings):
    settings.CACHES = {**settings.CACHES, **unreachable_redis_caches()}


def public_paths() -> dict[str, str]:
    """One address of every public page type of the demo center."""
    return {
        "home": "/",
        "blog list": "/blog/",
        "article": Article.objects.live().first().get_absolute_url(),
        "program": Program.objects.live().first().get_absolute_url(),
        "addiction": Condition.objects.live().first().get_absolute_url(),
        "treatment overview": reverse("programs:treatment"),
        "insurance": reverse("programs:insurance"),
        "insurer": Insurer.objects.with_pages().first().get_absolute_url(),
        "admissions form": reverse("admissions:inquiry"),
        "thank-you page": reverse("admissions:thank_you"),
        "search": "/blog/search/?q=alcohol",
        "feed": "/blog/feed/",
        "sitemap": "/sitemap.xml",
    }


def test_every_public_page_is_served_from_the_database_while_redis_is_down(
    demo, redis_down
):
    phone = SiteSettings.load().phone
    visitor = Client()

    answers = {name: visitor.get(path) for name, path in public_paths().items() if path}

    assert {
        name: answer.status_code for name, answer in answers.items()
    } == dict.fromkeys(answers, 200)
    for name in answers.keys() - {"feed", "sitemap"}:
        assert phone in answers[name].content.decode(), name


def test_nothing_is_cached_while_redis_is_down(demo, redis_down):
    """No process can know what another saved meanwhile: a change that no signal of this
    process announced still shows on the next request."""
    article = Article.objects.live().first()
    assert article.title in Client().get("/blog/").content.decode()

    with connection.cursor() as cursor:  # as another process would: no signal here
        cursor.execute(
            "UPDATE blog_article SET title = %s WHERE id = %s",
            ["Changed by another process", article.pk],
        )

    assert "Changed by another process" in Client().get("/blog/").content.decode()


@pytest.mark.django_db
def test_a_scheduled_article_appears_at_its_time_while_redis_is_down(redis_down):
    SiteSettingsFactory()
    due = timezone.now() + datetime.timedelta(hours=1)
    ArticleFactory(title="Scheduled for the hour", publish_at=due)

    returning_visitor = Client()
    returning_visitor.get("/")  # the first visit sets a cookie: that answer is private

    with time_machine.travel(due - datetime.timedelta(seconds=1), tick=False):
        before = returning_visitor.get("/blog/")
    with time_machine.travel(due, tick=False):
        at_its_time = returning_visitor.get("/blog/")

    assert "Scheduled for the hour" not in before.content.decode()
    assert before["Cache-Control"] == "public, max-age=1"
    assert "Scheduled for the hour" in at_its_time.content.decode()


@pytest.mark.django_db
def test_an_inquiry_is_stored_while_redis_is_down(client, redis_down, settings):
    SiteSettingsFactory()
    settings.ADMISSIONS_NOTIFY_EMAILS = ["intake@example.org"]

    response = client.post(reverse("admissions:inquiry"), valid_post())

    inquiry = Inquiry.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "admissions:thank_you_for", args=[inquiry.submission_token]
    )


@pytest.mark.django_db
def test_the_rate_limit_counts_in_this_process_and_says_so_while_redis_is_down(
    client, redis_down, settings, caplog
):
    SiteSettingsFactory()
    settings.ADMISSIONS_RATE_LIMIT = 2
    tokens = [f"00000000-0000-4000-8000-00000000000{n}" for n in range(3)]

    with caplog.at_level(logging.WARNING, logger="admissions.client"):
        statuses = [
            client.post(
                reverse("admissions:inquiry"), valid_post(form_key=form_key(token=t))
            ).status_code
            for t in tokens
        ]

    assert statuses == [302, 302, 429]
    assert Inquiry.objects.count() == 2
    assert [
        record.getMessage()
        for record in caplog.records
        if record.name == "rehab_site.rate_limits"
    ] == [
        "Inquiry rate limit: the shared cache is unreachable (ConnectionError); "
        "counting in this process only until it answers again."
    ] * 3


@pytest.mark.django_db
def test_staff_sign_in_and_work_in_the_admin_while_redis_is_down(client, redis_down):
    SiteSettingsFactory()
    article = ArticleFactory(title="An article to edit")
    UserFactory(username="editor", is_staff=True, is_superuser=True)
    changelist = reverse("admin:blog_article_changelist")

    signed_in = client.post(
        reverse("admin:login"),
        {"username": "editor", "password": PASSWORD, "next": changelist},
    )
    articles = client.get(changelist)
    edit_page = client.get(reverse("admin:blog_article_change", args=[article.pk]))
    signed_out = client.post(reverse("admin:logout"))

    assert signed_in.status_code == 302
    assert signed_in["Location"] == changelist
    assert "An article to edit" in articles.content.decode()
    assert edit_page.status_code == 200
    assert signed_out.status_code == 200
    assert client.get(changelist).status_code == 302  # to the sign-in page


@pytest.mark.django_db
def test_readyz_says_the_cache_is_unreachable(client, redis_down):
    response = client.get("/readyz")

    assert response.status_code == 503
    assert "cache unreachable (ConnectionError)" in response.json()["problems"]


@pytest.mark.django_db
def test_readyz_says_so_when_only_the_content_cache_is_unreachable(client, settings):
    unreachable = f"redis://127.0.0.1:{free_port()}/0"
    settings.CACHES = {
        **settings.CACHES,
        "template_fragments": cache_from_url(unreachable, ignore_outages=True),
    }

    response = client.get("/readyz")

    assert response.status_code == 503
    assert response.json()["problems"] == ["content cache not storing values"]


@pytest.mark.django_db
def test_a_save_during_the_outage_shows_once_redis_returns_with_its_old_contents(
    settings, django_capture_on_commit_callbacks
):
    """Redis comes back as it was (a network partition, not a restart): the generation in
    it is the one every process filled its parts under before the outage."""
    SiteSettingsFactory()
    article = ArticleFactory(title="Before the outage")
    reachable = {**settings.CACHES, **redis_caches(worker_redis_url())}
    settings.CACHES = reachable
    before = Client().get("/blog/").content.decode()
    generation_before = caches[COORDINATION].get(STATE_KEY).generation

    settings.CACHES = {**reachable, **unreachable_redis_caches()}
    with django_capture_on_commit_callbacks(execute=True):
        article.title = "Saved during the outage"
        article.save()
    during = Client().get("/blog/").content.decode()

    settings.CACHES = reachable
    assert caches[COORDINATION].get(STATE_KEY).generation == generation_before
    after = Client().get("/blog/").content.decode()

    assert "Before the outage" in before
    assert "Saved during the outage" in during
    assert "Saved during the outage" in after and "Before the outage" not in after
    assert caches[COORDINATION].get(STATE_KEY).generation != generation_before
