"""The broken-link report says when the check last ran and can check now (issue 27,
item 6), and a save that adds a link leading nowhere says so on the next page."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from linkcheck.checker import check_all_links
from linkcheck.models import CheckRun
from linkcheck.tasks import queue_link_check, task_path
from tests.admin_forms import _errors
from tests.admissions.factories import admissions_user, marketing_user
from tests.blog.factories import ArticleFactory
from tests.html_forms import admin_form

pytestmark = pytest.mark.django_db

REPORT = "/admin/linkcheck/brokenlink/"
CHECK_NOW = "/admin/linkcheck/brokenlink/check-now/"


@pytest.fixture
def marketing(client):
    client.force_login(marketing_user())
    return client


def queued():
    return DBTaskResult.objects.filter(task_path=task_path(), status="READY")


def test_the_report_says_when_it_last_ran_and_what_it_found(marketing):
    page = marketing.get(REPORT).content.decode()
    assert "<h1>Broken links</h1>" in page
    assert "Not checked yet." in page
    ArticleFactory(body='<p><a href="/blog/gone/">gone</a> <a href="/">home</a></p>')
    moment = timezone.make_aware(timezone.datetime(2026, 12, 7, 9, 30))
    with time_machine.travel(moment, tick=False):
        check_all_links()

    page = marketing.get(REPORT).content.decode()

    assert "Last checked Dec. 7, 2026, 9:30 a.m.: 2 internal links, 1 broken." in page


def test_check_now_runs_the_check_at_once(marketing):
    ArticleFactory(body='<p><a href="/blog/gone/">gone</a></p>')
    queue_link_check()  # a save's check, waiting 30 seconds
    assert reverse("admin:linkcheck_brokenlink_check_now") == CHECK_NOW

    response = marketing.post(CHECK_NOW, follow=True)

    assert "The check is queued and runs in a few seconds" in response.content.decode()
    assert "A check is queued and runs shortly." in response.content.decode()
    assert queued().count() == 1
    assert queued().get().run_after <= timezone.now()
    # Due now, not in the 30 seconds a save's check waits: the worker runs it next
    # (test_check_links.py runs the worker on a queued check).


def test_check_now_is_a_post_for_those_who_may_see_the_report(client, marketing):
    assert marketing.get(CHECK_NOW).status_code == 405
    client.force_login(admissions_user())
    assert client.post(CHECK_NOW).status_code == 403
    assert not queued().exists()


def test_runs_older_than_ninety_days_are_dropped():
    with time_machine.travel(timezone.now() - timedelta(days=100)):
        check_all_links()
    check_all_links()

    assert CheckRun.objects.count() == 1


@pytest.mark.parametrize(
    "link, warned", [("/blog/gone/", True), ("/", False)], ids=["broken", "working"]
)
def test_a_draft_saved_with_a_link_that_leads_nowhere_tells_the_editor(
    marketing, link, warned
):
    article = ArticleFactory(title="Signs of relapse")
    url = reverse("admin:blog_article_change", args=[article.pk])
    data = admin_form(marketing, url)
    data["body"] = [f'<p>See <a href="{link}">this page</a>.</p>']
    data["_save_draft"] = ["Save draft"]

    response = marketing.post(url, data, follow=True)

    assert response.redirect_chain, _errors(response)
    page = response.content.decode()
    assert ("Saved, but: The link to /blog/gone/" in page) is warned


def test_publishing_a_link_that_leads_nowhere_waits_with_the_field_named(marketing):
    article = ArticleFactory(title="Signs of relapse", body="<p>Fine.</p>")
    url = reverse("admin:blog_article_change", args=[article.pk])
    data = admin_form(marketing, url)
    data["body"] = ['<p>See <a href="/blog/gone/">this page</a>.</p>']
    data["_publish"] = ["Publish"]

    response = marketing.post(url, data)

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["body"]
    assert any("The link to /blog/gone/ in the body leads nowhere" in e for e in errors)
    article.refresh_from_db()
    assert article.body == "<p>Fine.</p>"
