"""The blog's notices for the admin dashboard (blog/attention.py)."""

import datetime

import pytest
from django.test import RequestFactory
from django.utils import timezone

from blog.attention import attention
from dashboard.notices import Notice
from editing.drafts import save_draft_change
from tests.factories import UserFactory

from .factories import ArticleFactory, PersonFactory

pytestmark = pytest.mark.django_db


def request_by(user):
    request = RequestFactory().get("/admin/")
    request.user = user
    return request


class ArticleForm:
    """What save_draft_change reads of the admin form: its cleaned many-to-many fields."""

    cleaned_data = {}


@pytest.fixture
def marketer():
    return UserFactory(
        is_staff=True, permissions=["blog.view_article", "blog.change_article"]
    )


def test_nothing_to_do_means_no_notices(marketer):
    ArticleFactory(medical_reviewer=PersonFactory(), reviewed_on=timezone.localdate())
    assert attention(request_by(marketer)) == []


def test_drafts_schedules_and_reviews_are_noticed(marketer):
    reviewer = PersonFactory()
    waiting = ArticleFactory(
        medical_reviewer=reviewer, reviewed_on=timezone.localdate()
    )
    save_draft_change(waiting, ArticleForm(), marketer)
    scheduled_change = ArticleFactory(
        medical_reviewer=reviewer, reviewed_on=timezone.localdate()
    )
    save_draft_change(
        scheduled_change,
        ArticleForm(),
        marketer,
        publish_at=timezone.now() + datetime.timedelta(days=1),
    )
    ArticleFactory(
        scheduled=True, medical_reviewer=reviewer, reviewed_on=timezone.localdate()
    )
    ArticleFactory(title="Never reviewed")

    notices = {notice.title: notice for notice in attention(request_by(marketer))}

    assert set(notices) == {
        "1 article with draft changes waiting",
        "2 articles scheduled",
        "1 article due for medical review",
    }
    assert notices["1 article with draft changes waiting"].url == (
        "/admin/blog/article/?publishing=changes"
    )
    assert (
        notices["2 articles scheduled"].url
        == "/admin/blog/article/?publishing=scheduled"
    )
    due = notices["1 article due for medical review"]
    assert due.url == "/admin/blog/article/?review=due" and due.tone == "warning"
    assert all(isinstance(notice, Notice) for notice in notices.values())


def test_an_article_scheduled_with_a_scheduled_change_counts_once(marketer):
    article = ArticleFactory(
        scheduled=True,
        medical_reviewer=PersonFactory(),
        reviewed_on=timezone.localdate(),
    )
    save_draft_change(
        article,
        ArticleForm(),
        marketer,
        publish_at=timezone.now() + datetime.timedelta(days=2),
    )

    titles = [notice.title for notice in attention(request_by(marketer))]

    assert titles == ["1 article scheduled"]


def test_the_notices_lead_to_lists_of_those_articles(client, marketer):
    reviewer = PersonFactory()
    waiting = ArticleFactory(
        title="Waiting one", medical_reviewer=reviewer, reviewed_on=timezone.localdate()
    )
    ArticleFactory(
        title="Other one", medical_reviewer=reviewer, reviewed_on=timezone.localdate()
    )
    save_draft_change(waiting, ArticleForm(), marketer)
    client.force_login(UserFactory(is_staff=True, is_superuser=True))

    [notice] = attention(request_by(marketer))
    html = client.get(notice.url).content.decode()

    assert "Waiting one" in html and "Other one" not in html


def test_staff_who_cannot_change_articles_get_no_notices():
    ArticleFactory(title="Never reviewed")
    admissions = UserFactory(is_staff=True, permissions=["admissions.view_inquiry"])
    assert attention(request_by(admissions)) == []
