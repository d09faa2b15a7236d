"""The checklist as advice while typing (issue 27, item 4): the side panel posts the form
to the advice view, which answers with each item, its field and whether it holds
publishing, saving nothing; only what harms visitors holds a publish."""

import pytest

from blog.models import Article
from editing.checklist import READING_GRADE, content_checklist, reading_grade
from tests.admissions.factories import admissions_user, marketing_user
from tests.blog.factories import ArticleFactory
from tests.editing.test_editor_aids import ADD_ARTICLE, article_form
from tests.html_forms import admin_form

pytestmark = pytest.mark.django_db

ADVICE = "/admin/blog/article/add/advice/"
HARD = (
    "Notwithstanding considerable heterogeneity, pharmacological interventions "
    "administered concomitantly with psychotherapeutic modalities demonstrate "
    "substantially improved longitudinal abstinence trajectories."
)


@pytest.fixture
def marketer(client):
    client.force_login(marketing_user())


def advice(client, url=ADVICE, **typed) -> list[dict]:
    response = client.post(url, article_form(**typed))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    return response.json()["items"]


def test_each_item_names_its_field_and_whether_it_holds_publishing(client, marketer):
    items = advice(
        client,
        body='<h2>A</h2><h4>B</h4><p><img src="/media/x.png"></p>'
        '<p><a href="/blog/nowhere/">gone</a></p>',
        meta_description="",
        seo_title="A title far too long for any search engine result page to show whole",
        summary=HARD,
    )

    by_field = {}
    for item in items:
        by_field.setdefault(item["field"], []).append(item)
    assert {item["blocks"] for item in by_field["body"]} == {True, False}
    faults = [item["message"] for item in items if item["blocks"]]
    assert any("has no alt text" in message for message in faults)
    assert any(
        "/blog/nowhere/ in the body leads nowhere" in message for message in faults
    )
    assert by_field["meta_description"][0]["label"] == "Meta description"
    assert "SEO title has" in by_field["seo_title"][0]["message"]
    assert "school grade" in by_field["summary"][0]["message"]
    assert not Article.objects.exists()  # nothing saved


def test_a_ready_page_has_nothing_to_say(client, marketer):
    items = advice(
        client,
        summary="Small steps help. Breathe in. Count to four. Breathe out slowly now.",
        meta_description="Small, practical steps toward calm in the first week after "
        "detox, from our counselors.",
    )

    assert items == []


def test_the_advice_of_a_saved_page_is_of_the_form_as_typed(client, marketer):
    article = ArticleFactory(body="<p>Fine.</p>")
    url = f"/admin/blog/article/{article.pk}/advice/"
    data = admin_form(client, f"/admin/blog/article/{article.pk}/change/")
    data["body"] = ['<p><img src="/media/x.png"></p>']

    items = client.post(url, data).json()["items"]

    faults = [item for item in items if item["blocks"]]
    assert faults and {item["field"] for item in faults} == {"body"}, items
    article.refresh_from_db()
    assert article.body == "<p>Fine.</p>"


def test_advice_is_a_post_for_those_who_may_edit(client, marketer):
    assert client.get(ADVICE).status_code == 405
    client.force_login(admissions_user())
    assert client.post(ADVICE, article_form()).status_code == 403


def test_reading_grade_tells_plain_words_from_hard_ones():
    plain = (
        "We answer the phone day and night. A nurse calls you back. You are not alone."
    )
    assert reading_grade(plain) <= READING_GRADE
    assert reading_grade(HARD) > READING_GRADE
    assert reading_grade("Too short.") is None


def test_a_short_meta_description_is_advice_not_a_fault():
    article = ArticleFactory.build(meta_description="Detox help.")
    items = content_checklist(article)
    assert [item.field for item in items] == ["meta_description"]
    assert not items[0].blocks


def test_a_publish_with_only_advice_is_not_held(client, marketer):
    response = client.post(
        ADD_ARTICLE, article_form(summary=HARD, meta_description="", _publish="Publish")
    )
    assert response.status_code == 302
