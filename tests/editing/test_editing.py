"""Nothing typed is lost on the server's side: a second editor is told who saved first,
and a form with unsaved edits keeps its session alive, within a cap."""

import datetime

import pytest
import time_machine
from django.test import Client

from blog.models import Article
from tests.blog.factories import ArticleFactory
from tests.factories import UserFactory
from tests.html_forms import admin_form

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 6, 10, 15, 0, tzinfo=datetime.UTC)


def signed_in(**names) -> Client:
    client = Client()
    client.force_login(UserFactory(is_staff=True, is_superuser=True, **names))
    return client


def test_the_second_editor_is_told_who_saved_first_and_nothing_is_overwritten():
    article = ArticleFactory(title="Coping with cravings")
    url = f"/admin/blog/article/{article.pk}/change/"
    first = signed_in(first_name="Ana", last_name="Ruiz")
    second = signed_in(first_name="Ben", last_name="Cole")
    first_form, second_form = admin_form(first, url), admin_form(second, url)

    first_form["title"] = ["Coping with cravings, day by day"]
    assert first.post(url, first_form).status_code == 302
    second_form["title"] = ["Coping with strong cravings"]
    response = second.post(url, second_form)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Ana Ruiz saved this article" in html
    assert "Coping with strong cravings" in html  # the second editor's text is kept
    assert Article.objects.get().title == "Coping with cravings, day by day"

    # Knowing that, a second Save replaces the first editor's version on purpose.
    again = admin_form_from(response)
    assert second.post(url, again).status_code == 302
    assert Article.objects.get().title == "Coping with strong cravings"


def admin_form_from(response):
    from tests.html_forms import change_form_data

    return change_form_data(response.content.decode(), "article_form")


def test_saving_the_form_one_opened_is_not_a_conflict():
    article = ArticleFactory()
    url = f"/admin/blog/article/{article.pk}/change/"
    editor = signed_in()
    form = admin_form(editor, url)
    form["summary"] = ["A new summary."]

    assert editor.post(url, form).status_code == 302
    form = admin_form(editor, url)
    form["summary"] = ["A newer summary."]
    assert editor.post(url, form).status_code == 302


def test_a_draft_change_saved_meanwhile_is_a_conflict_too():
    article = ArticleFactory()
    url = f"/admin/blog/article/{article.pk}/change/"
    first = signed_in(first_name="Ana", last_name="Ruiz")
    second = signed_in(first_name="Ben", last_name="Cole")
    first_form, second_form = admin_form(first, url), admin_form(second, url)

    first_form.update(summary=["Drafted."], _save_draft=["Save as draft change"])
    first.post(url, first_form)
    second_form.update(summary=["Mine."], _save_draft=["Save as draft change"])
    response = second.post(url, second_form)

    assert response.status_code == 200
    assert "Ana Ruiz saved this article" in response.content.decode()
    assert "after you opened it" in response.content.decode()


@pytest.fixture
def short_idle(settings):
    settings.STAFF_IDLE_MINUTES = 1
    settings.STAFF_KEEPALIVE_MAX_MINUTES = 5


def staff_session() -> Client:
    client = Client()
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


@pytest.mark.usefixtures("short_idle")
def test_an_idle_session_still_ends_without_edits():
    with time_machine.travel(NOW, tick=False):
        client = staff_session()
        assert client.get("/admin/").status_code == 200
    with time_machine.travel(NOW + datetime.timedelta(seconds=90), tick=False):
        response = client.get("/admin/")
    assert response.status_code == 302 and "/login/" in response["Location"]


@pytest.mark.usefixtures("short_idle")
def test_a_form_with_unsaved_edits_keeps_the_session_alive():
    with time_machine.travel(NOW, tick=False) as traveller:
        client = staff_session()
        client.get("/admin/")
        for _ in range(4):  # two minutes of typing, a ping every 30 seconds
            traveller.shift(30)
            response = client.post("/admin/keep-alive/")
            assert response.json() == {"alive": True, "extended": True}
        traveller.shift(30)
        assert client.get("/admin/").status_code == 200


@pytest.mark.usefixtures("short_idle")
def test_the_keep_alive_stops_at_its_cap():
    with time_machine.travel(NOW, tick=False) as traveller:
        client = staff_session()
        client.get("/admin/")
        answers = []
        for _ in range(14):  # seven minutes of pings, past the five-minute cap
            traveller.shift(30)
            response = client.post("/admin/keep-alive/")
            answers.append(response.json().get("extended", response.status_code))
        # Extended until five minutes after the last real request, then no more: the
        # idle timeout ends the session a minute later, and the ping is told so.
        assert answers[:10] == [True] * 10
        assert answers[10] is False
        assert answers[-1] == 401
        assert client.get("/admin/").status_code == 302


def test_the_keep_alive_says_when_nobody_is_signed_in():
    assert Client().post("/admin/keep-alive/").status_code == 401
