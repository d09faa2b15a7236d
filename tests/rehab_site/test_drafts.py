"""Draft changes to live pages: the live page stays until the change is published, staff
preview it at the page's own address, and a scheduled change goes live on time everywhere."""

import datetime

import pytest
import time_machine
from django.test import Client
from django.utils import timezone
from reversion.models import Version

from blog.models import Article
from programs.models import Program
from rehab_site.caching import content_state, next_scheduled_change
from rehab_site.models import DraftChange
from tests.blog.factories import ArticleFactory, CategoryFactory
from tests.factories import UserFactory
from tests.programs.factories import ProgramFactory

from .forms import admin_form

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 6, 10, 15, 0, tzinfo=datetime.UTC)
DUE = NOW + datetime.timedelta(hours=2)


@pytest.fixture
def editor(client):
    user = UserFactory(
        is_staff=True, is_superuser=True, first_name="Sam", last_name="Okafor"
    )
    client.force_login(user)
    return user


def save_draft(client, obj, publish_at="", **changes):
    opts = obj._meta
    url = f"/admin/{opts.app_label}/{opts.model_name}/{obj.pk}/change/"
    data = admin_form(client, url)
    for name, value in changes.items():
        data[name] = [value]
    data["_save_draft"] = ["Save as draft change"]
    data["draft_publish_at"] = [publish_at]
    return client.post(url, data)


def test_a_draft_change_leaves_the_live_article_unchanged_until_published(
    client, editor
):
    article = ArticleFactory(
        slug="first-week", title="Your first week", body="<p>Rest comes first.</p>"
    )

    response = save_draft(client, article, body="<p>Sleep comes first.</p>")

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.body == "<p>Rest comes first.</p>"
    assert "Rest comes first" in Client().get("/blog/first-week/").content.decode()
    staff_view = client.get("/blog/first-week/")
    assert "Sleep comes first" in staff_view.content.decode()
    assert "unpublished changes" in staff_view.content.decode()
    assert (
        "no-cache" in staff_view["Cache-Control"]
        or "private" in staff_view["Cache-Control"]
    )
    # The editor goes on editing the draft, not the live text.
    form = admin_form(client, f"/admin/blog/article/{article.pk}/change/")
    assert form["body"] == ["<p>Sleep comes first.</p>"]

    client.post(f"/admin/blog/article/{article.pk}/draft/publish/")

    article.refresh_from_db()
    assert article.body == "<p>Sleep comes first.</p>"
    assert article.body_text == "Sleep comes first."
    assert "Sleep comes first" in Client().get("/blog/first-week/").content.decode()
    assert not DraftChange.objects.exists()
    versions = Version.objects.get_for_object(article)
    assert versions.first().revision.comment == "Published a draft change."
    assert versions.first().revision.user == editor


def test_publishing_keeps_the_old_live_page_as_a_version(client, editor):
    program = ProgramFactory(slug="detox", name="Medical detox", summary="Old summary.")
    client.post(  # the page as it was is a version of its own
        f"/admin/programs/program/{program.pk}/change/",
        admin_form(client, f"/admin/programs/program/{program.pk}/change/"),
    )
    save_draft(client, program, summary="New summary.")
    assert Program.objects.get().summary == "Old summary."

    client.post(f"/admin/programs/program/{program.pk}/draft/publish/")

    summaries = [
        v.field_dict["summary"] for v in Version.objects.get_for_object(program)
    ]
    assert summaries == ["New summary.", "Old summary."]


def test_staff_preview_a_program_draft_at_its_real_address(client, editor):
    program = ProgramFactory(slug="detox", name="Medical detox", summary="Old summary.")
    save_draft(client, program, summary="A calmer new summary.")

    assert "A calmer new summary" in client.get("/treatment/detox/").content.decode()
    visitor = Client().get("/treatment/detox/").content.decode()
    assert "Old summary" in visitor and "A calmer new summary" not in visitor


def test_discarding_a_draft_change_keeps_the_live_page(client, editor):
    article = ArticleFactory(title="Live title")
    save_draft(client, article, title="Draft title")

    client.post(f"/admin/blog/article/{article.pk}/draft/discard/")

    assert not DraftChange.objects.exists()
    assert Article.objects.get().title == "Live title"


def test_a_draft_change_cannot_be_scheduled_in_the_past(client, editor):
    article = ArticleFactory(title="Live title")
    past = (timezone.localtime() - datetime.timedelta(days=1)).strftime(
        "%Y-%m-%dT%H:%M"
    )

    response = save_draft(client, article, publish_at=past, title="Draft title")

    assert response.status_code == 200
    assert "has passed" in response.content.decode()
    assert "Draft title" in response.content.decode()  # what was typed is still there
    assert not DraftChange.objects.exists()


def test_a_draft_change_needs_a_readable_time(client, editor):
    article = ArticleFactory(title="Live title")
    response = save_draft(
        client, article, publish_at="next tuesday", title="Draft title"
    )

    assert response.status_code == 200
    assert "as a date and a time" in response.content.decode()


@pytest.mark.usefixtures("redis_cache")
def test_a_scheduled_draft_change_appears_on_time_on_every_page(client, editor):
    with time_machine.travel(NOW - datetime.timedelta(days=1), tick=False):
        category = CategoryFactory(slug="family", name="Family")
        article = ArticleFactory(slug="family-week", title="Family week at the center")
        article.categories.set([category])
    pages = ["/blog/family-week/", "/blog/", "/blog/category/family/", "/"]
    local_due = timezone.localtime(DUE).strftime("%Y-%m-%dT%H:%M")

    with time_machine.travel(NOW, tick=False):
        save_draft(
            client, article, publish_at=local_due, title="Family weekend at the center"
        )
        assert next_scheduled_change(timezone.now()) == DUE
        assert content_state().next_change == DUE
        visitor = Client()
        for path in pages:  # fill every cache with the live page
            visitor.get(path)

    with time_machine.travel(DUE - datetime.timedelta(seconds=1), tick=False):
        before = [Client().get(path).content.decode() for path in pages]
    with time_machine.travel(DUE, tick=False):
        after = [Client().get(path).content.decode() for path in pages]

    assert all("Family week at the center" in html for html in before[:3])
    assert not any("Family weekend" in html for html in before)
    assert all("Family weekend at the center" in html for html in after[:3])
    assert Article.objects.get().title == "Family weekend at the center"
    latest = Version.objects.get_for_object(article).first()
    assert latest.revision.comment == "Published a scheduled change."
    assert latest.revision.user == editor


def test_a_draft_change_is_offered_only_on_published_pages(client, editor):
    draft = ArticleFactory(draft=True)
    live = ArticleFactory()

    assert (
        "_save_draft"
        not in client.get(f"/admin/blog/article/{draft.pk}/change/").content.decode()
    )
    assert (
        "_save_draft"
        in client.get(f"/admin/blog/article/{live.pk}/change/").content.decode()
    )
