"""Three actions on every page that can be live (issue 27, item 5): Save draft, Publish
(Schedule when its time is to come) and Preview, instead of the stock five buttons; the
button decides the status, whatever the form sends."""

import re
from datetime import timedelta

import pytest
from django.apps import apps
from django.contrib import admin
from django.utils import timezone

from blog.models import Article
from editing.publishing import Publishable, Status
from programs.models import Page
from tests.admissions.factories import marketing_user
from tests.blog.factories import ArticleFactory
from tests.editing import test_editor_aids as aids
from tests.editing.test_editor_aids import ADD_ARTICLE
from tests.editing.test_editor_aids import article_form as typed_article
from tests.html_forms import admin_form
from tests.programs.factories import (
    AudienceFactory,
    ConditionFactory,
    LocationFactory,
    PageFactory,
    ProgramFactory,
)

pytestmark = pytest.mark.django_db

PAGES_THAT_CAN_BE_LIVE = {
    "blog.article": ArticleFactory,
    "programs.program": ProgramFactory,
    "programs.condition": ConditionFactory,
    "programs.audience": AudienceFactory,
    "programs.location": LocationFactory,
    "programs.page": PageFactory,
}


@pytest.fixture
def marketer(client):
    user = marketing_user()
    client.force_login(user)
    return user


def buttons(html: str) -> list[str]:
    """The submit buttons of the form's last submit row, by their words."""
    row = html[html.rindex('<div class="submit-row">') :]
    row = row[: row.index("</div>")]
    return re.findall(r'<input type="submit" value="([^"]+)"', row)


def test_every_publishable_model_in_the_admin_is_listed_here():
    publishable = {
        model._meta.label_lower
        for model in apps.get_models()
        if issubclass(model, Publishable) and admin.site.is_registered(model)
    }
    assert publishable == set(PAGES_THAT_CAN_BE_LIVE)


@pytest.mark.parametrize("label", sorted(PAGES_THAT_CAN_BE_LIVE))
def test_three_actions_on_every_page_that_can_be_live(client, marketer, label):
    factory = PAGES_THAT_CAN_BE_LIVE[label]
    app_label, model_name = label.split(".")
    draft = factory(status=Status.DRAFT)
    live = factory()

    new = client.get(f"/admin/{app_label}/{model_name}/add/").content.decode()
    not_live = client.get(
        f"/admin/{app_label}/{model_name}/{draft.pk}/change/"
    ).content.decode()
    on_site = client.get(
        f"/admin/{app_label}/{model_name}/{live.pk}/change/"
    ).content.decode()

    assert buttons(new) == ["Publish", "Save draft", "Preview"]
    assert buttons(not_live) == ["Publish", "Save draft", "Preview"]
    assert buttons(on_site) == ["Publish", "Save draft", "Preview", "Unpublish"]
    for html in (new, not_live, on_site):
        assert "Save and add another" not in html
        assert "Save and continue editing" not in html


def test_the_home_page_has_the_three_actions_too(client, marketer):
    home = Page.objects.get(is_home=True)

    html = client.get(f"/admin/programs/page/{home.pk}/change/").content.decode()

    # Always published: its changes are saved as drafts; it cannot be unpublished.
    assert buttons(html) == ["Publish", "Save draft", "Preview"]


def test_save_draft_keeps_a_new_page_a_draft_and_stays_in_its_form(client, marketer):
    response = client.post(
        ADD_ARTICLE,
        typed_article(status=Status.PUBLISHED, _save_draft="Save draft"),
    )

    article = Article.objects.get(slug="finding-calm")
    assert article.status == Status.DRAFT
    assert response.url == f"/admin/blog/article/{article.pk}/change/"
    page = client.get(response.url).content.decode()
    assert "is saved as a draft. It is not on the site until you publish it." in page
    assert "Draft: not on the site" in page


def test_publish_publishes_whatever_status_the_form_sends(client, marketer):
    response = client.post(
        ADD_ARTICLE, typed_article(status=Status.DRAFT, _publish="Publish")
    )

    assert response.status_code == 302
    assert Article.objects.get(slug="finding-calm").status == Status.PUBLISHED


def test_a_future_time_makes_publish_a_schedule(client, marketer):
    later = timezone.localtime() + timedelta(days=2)

    response = client.post(
        ADD_ARTICLE,
        typed_article(
            _publish="Schedule",
            publish_at_0=later.date().isoformat(),
            publish_at_1="09:00:00",
        ),
    )

    article = Article.objects.get(slug="finding-calm")
    assert article.status == Status.PUBLISHED and not article.is_live
    listing = client.get(response.url).content.decode()
    assert "is scheduled: it goes live by itself on" in listing
    form = client.get(f"/admin/blog/article/{article.pk}/change/").content.decode()
    assert buttons(form)[0] == "Schedule"
    assert "Scheduled: goes live on" in form


def test_unpublish_takes_a_live_page_off_the_site(client, marketer):
    article = ArticleFactory()
    url = f"/admin/blog/article/{article.pk}/change/"
    data = admin_form(client, url)
    data["_unpublish"] = ["Unpublish"]

    assert client.post(url, data).status_code == 302
    assert Article.objects.get(pk=article.pk).status == Status.DRAFT


def test_publish_is_held_by_a_fault_and_save_draft_keeps_the_work(client, marketer):
    body = aids.TestChecklistBeforePublishing.BODY
    held = client.post(ADD_ARTICLE, typed_article(body=body, _publish="Publish"))

    assert held.status_code == 200
    assert not Article.objects.exists()
    assert buttons(held.content.decode()) == ["Publish", "Save draft", "Preview"]
    saved = client.post(ADD_ARTICLE, typed_article(body=body, _save_draft="Save draft"))
    assert saved.status_code == 302
    assert Article.objects.get().status == Status.DRAFT


def test_save_draft_is_never_held_by_the_checklist(client, marketer):
    body = aids.TestChecklistBeforePublishing.BODY

    response = client.post(
        ADD_ARTICLE,
        typed_article(status=Status.PUBLISHED, body=body, _save_draft="Save draft"),
    )

    assert response.status_code == 302
    assert Article.objects.get().status == Status.DRAFT
