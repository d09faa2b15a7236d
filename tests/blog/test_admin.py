import io
from datetime import timedelta

import pytest
from django.utils import timezone
from PIL import Image

from blog.models import Article
from editing.publishing import Status
from tests.factories import StaffFactory
from tests.html_forms import admin_form
from tests.pictures.factories import PictureFactory

from .factories import ArticleFactory, PersonFactory

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/blog/article/"


@pytest.fixture
def editor(client):
    user = StaffFactory(
        permissions=[
            "blog.view_article",
            "blog.add_article",
            "blog.change_article",
            "blog.view_person",
            "blog.view_category",
            "blog.view_tag",
        ]
    )
    client.force_login(user)
    return user


def jpeg_with_gps() -> bytes:
    image = Image.new("RGB", (1200, 800), (30, 120, 110))
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (35.0, 14.0, 0.0), 3: "W", 4: (82.0, 44.0, 0.0)}
    output = io.BytesIO()
    image.save(output, "JPEG", exif=exif)
    return output.getvalue()


def article_form(**overrides) -> dict:
    data = {
        "title": "Finding calm",
        "slug": "finding-calm",
        "summary": "Small steps toward calm.",
        "body": "<p>Breathe.</p>",
        "status": Status.DRAFT,
        "publish_at_0": timezone.localdate().isoformat(),
        "publish_at_1": "09:00:00",
        "seo_title": "",
        "meta_description": "",
    }
    data.update(overrides)
    return data


def test_changelist_shows_status_dates_authors_and_reviewer(client, editor):
    reviewer = PersonFactory(name="Dr. Maya Ellison")
    ArticleFactory(
        title="Reviewed piece",
        authors=[PersonFactory(name="Jordan Reyes")],
        medical_reviewer=reviewer,
        reviewed_on=timezone.localdate(),
    )
    ArticleFactory(title="Upcoming piece", scheduled=True)

    html = client.get(CHANGELIST).content.decode()

    assert "Jordan Reyes" in html and "Dr. Maya Ellison" in html
    assert "Scheduled" in html and "Live" in html


def test_due_for_review_filter_lists_never_and_long_ago_reviewed_articles(
    client, editor
):
    reviewer = PersonFactory()
    ArticleFactory(title="Never reviewed")
    ArticleFactory(
        title="Reviewed long ago",
        medical_reviewer=reviewer,
        reviewed_on=timezone.localdate() - timedelta(days=500),
    )
    ArticleFactory(
        title="Freshly reviewed",
        medical_reviewer=reviewer,
        reviewed_on=timezone.localdate() - timedelta(days=5),
    )

    response = client.get(CHANGELIST, {"review": "due"})

    titles = {article.title for article in response.context["cl"].result_list}
    assert titles == {"Never reviewed", "Reviewed long ago"}


def test_publish_now_and_unpublish_actions(client, editor):
    draft = ArticleFactory(draft=True)
    scheduled = ArticleFactory(scheduled=True)

    client.post(
        CHANGELIST,
        {"action": "publish_now", "_selected_action": [draft.pk, scheduled.pk]},
    )
    assert Article.objects.live().filter(pk__in=[draft.pk, scheduled.pk]).count() == 2

    client.post(CHANGELIST, {"action": "unpublish", "_selected_action": [draft.pk]})
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT


def test_the_featured_picture_is_chosen_from_the_library(client, editor):
    picture = PictureFactory(title="Lake", alt="A quiet lake")

    form = client.get("/admin/blog/article/add/").content.decode()
    response = client.post(
        "/admin/blog/article/add/", article_form(featured_picture=picture.pk)
    )

    assert "data-picture-chooser" in form
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert Article.objects.get(slug="finding-calm").featured_picture == picture


def test_publishing_waits_until_the_featured_picture_is_described(client, editor):
    picture = PictureFactory(title="Lake", alt="")

    response = client.post(
        "/admin/blog/article/add/",
        article_form(featured_picture=picture.pk, status=Status.PUBLISHED),
    )

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "“Lake” has no alt text" in " ".join(errors["featured_picture"])
    assert not Article.objects.exists()
    # A draft may wait for its description.
    response = client.post(
        "/admin/blog/article/add/", article_form(featured_picture=picture.pk)
    )
    assert response.status_code == 302


def test_a_persons_portrait_is_chosen_from_the_library(client):
    client.force_login(
        StaffFactory(permissions=["blog.view_person", "blog.change_person"])
    )
    person = PersonFactory(name="Jordan Reyes", slug="jordan-reyes")
    picture = PictureFactory(title="Jordan", alt="Portrait of Jordan Reyes")
    url = f"/admin/blog/person/{person.pk}/change/"

    response = client.post(url, admin_form(client, url) | {"portrait": picture.pk})

    assert response.status_code == 302
    person.refresh_from_db()
    assert person.portrait == picture


def test_the_change_form_links_to_the_preview(client, editor):
    article = ArticleFactory(draft=True)

    html = client.get(f"/admin/blog/article/{article.pk}/change/").content.decode()

    assert f'href="/blog/preview/{article.pk}/"' in html
