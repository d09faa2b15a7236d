"""Draft changes to live pages: the live page stays until the change is published, staff
preview it at the page's own address, and a scheduled change goes live everywhere when the
task queued for its time runs (never when a page is read)."""

import datetime
import io

import pytest
import time_machine
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from reversion.models import Version

from blog.models import Article
from editing.drafts import publish_scheduled_draft_changes
from editing.models import DraftChange
from programs.models import Program
from rehab_site.caching import content_state, next_scheduled_change
from tests.blog.factories import ArticleFactory, CategoryFactory
from tests.factories import UserFactory
from tests.html_forms import admin_form
from tests.programs.factories import ProgramFactory
from tests.tasks import run_worker

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


def publishing_tasks():
    return DBTaskResult.objects.filter(
        task_path=publish_scheduled_draft_changes.module_path
    )


@pytest.mark.django_db(transaction=True)  # the worker closes the connection
@pytest.mark.usefixtures("redis_cache")
def test_a_scheduled_draft_change_goes_live_when_its_task_runs_on_every_page(
    client, editor
):
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

    assert [task.run_after for task in publishing_tasks()] == [DUE]
    with time_machine.travel(DUE - datetime.timedelta(seconds=1), tick=False):
        run_worker()  # not due yet: nothing runs
        before = [Client().get(path).content.decode() for path in pages]
    with time_machine.travel(DUE, tick=False):
        run_worker()
        after = [Client().get(path).content.decode() for path in pages]

    assert all("Family week at the center" in html for html in before[:3])
    assert not any("Family weekend" in html for html in before)
    assert all("Family weekend at the center" in html for html in after[:3])
    assert Article.objects.get().title == "Family weekend at the center"
    assert not DraftChange.objects.exists()
    assert publishing_tasks().get().status == TaskResultStatus.SUCCESSFUL
    latest = Version.objects.get_for_object(article).first()
    assert latest.revision.comment == "Published a scheduled change."
    assert latest.revision.user == editor


def test_a_due_draft_change_is_not_published_by_reading_pages(client, editor):
    with time_machine.travel(NOW - datetime.timedelta(days=1), tick=False):
        article = ArticleFactory(slug="first-week", title="Your first week")
    with time_machine.travel(NOW, tick=False):
        save_draft(
            client,
            article,
            publish_at=timezone.localtime(DUE).strftime("%Y-%m-%dT%H:%M"),
            title="Your first weeks",
        )

    with time_machine.travel(DUE + datetime.timedelta(minutes=1), tick=False):
        client.logout()  # the morning session went idle: sign in again
        client.force_login(editor)
        visitor = Client().get("/blog/first-week/").content.decode()
        form = client.get(f"/admin/blog/article/{article.pk}/change/")
        staff_view = client.get("/blog/first-week/").content.decode()

    assert "Your first week" in visitor and "Your first weeks" not in visitor
    assert form.status_code == 200
    assert "being published now" in form.content.decode()
    assert "being published now" in staff_view
    assert DraftChange.objects.exists()
    assert Article.objects.get().title == "Your first week"


@pytest.mark.django_db(transaction=True)  # the worker closes the connection
def test_changing_a_draft_changes_time_queues_a_task_for_the_new_time(client, editor):
    article = ArticleFactory(title="Live title")
    later = DUE + datetime.timedelta(hours=1)

    with time_machine.travel(NOW, tick=False):
        for moment in (DUE, DUE, later):
            save_draft(
                client,
                article,
                publish_at=timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M"),
                title="Draft title",
            )

    assert sorted(task.run_after for task in publishing_tasks()) == [DUE, later]
    with time_machine.travel(DUE, tick=False):
        run_worker()  # the first task finds nothing due: the change waits for later
    assert Article.objects.get().title == "Live title"
    with time_machine.travel(later, tick=False):
        run_worker()
    assert Article.objects.get().title == "Draft title"


def test_the_backstop_command_publishes_an_overdue_draft_change(client, editor):
    article = ArticleFactory(title="Live title")
    waiting = ArticleFactory(title="Other live title")
    with time_machine.travel(NOW, tick=False):
        for page, moment in (
            (article, DUE),
            (waiting, DUE + datetime.timedelta(days=1)),
        ):
            save_draft(
                client,
                page,
                publish_at=timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M"),
                title=f"New {page.title}",
            )
    publishing_tasks().delete()  # lost: the worker was down past the time

    output = io.StringIO()
    with time_machine.travel(DUE + datetime.timedelta(minutes=5), tick=False):
        call_command("publish_scheduled_changes", stdout=output)

    assert output.getvalue() == "Published 1 overdue draft change.\n"
    assert Article.objects.get(pk=article.pk).title == "New Live title"
    assert Article.objects.get(pk=waiting.pk).title == "Other live title"
    assert DraftChange.objects.get().object_id == waiting.pk


def test_a_draft_change_is_offered_only_on_published_pages(client, editor):
    draft = ArticleFactory(draft=True)
    live = ArticleFactory()

    # Both have "Save draft"; only the live page's keeps the page as it is and so asks
    # when the draft should go live.
    assert (
        "draft_publish_at"
        not in client.get(f"/admin/blog/article/{draft.pk}/change/").content.decode()
    )
    assert (
        "draft_publish_at"
        in client.get(f"/admin/blog/article/{live.pk}/change/").content.decode()
    )
