"""The picture library (issue 27, item 1): upload once with a description, find by words
and tags, see where a picture is used, replace it everywhere, and never delete one in use."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from pictures.models import Picture, PictureUse
from pictures.richtext import with_renditions
from tests.admissions.factories import admissions_user, marketing_user
from tests.blog.factories import ArticleFactory
from tests.html_forms import admin_form
from tests.pictures.factories import PictureFactory, jpeg_bytes

pytestmark = pytest.mark.django_db

CHOOSE = reverse("admin:pictures_picture_choose")
UPLOAD = reverse("admin:pictures_picture_choose_upload")


@pytest.fixture
def marketer(client):
    user = marketing_user()
    client.force_login(user)
    return user


def jpeg_upload(name="lodge.jpg", **kwargs):
    return SimpleUploadedFile(name, jpeg_bytes(**kwargs), content_type="image/jpeg")


def change_url(picture):
    return reverse("admin:pictures_picture_change", args=[picture.pk])


def test_an_upload_in_the_chooser_is_described_and_lands_in_the_library(
    client, marketer
):
    response = client.post(
        UPLOAD,
        {"file": jpeg_upload(), "alt": "The lodge at dusk", "tags": "lodge, outside"},
    )

    assert response.status_code == 201, response.content
    picture = Picture.objects.get()
    assert response.json()["id"] == picture.pk
    assert picture.title == "lodge"  # from the file's name, when none is typed
    assert picture.alt_text == "The lodge at dusk"
    assert picture.uploaded_by == marketer
    assert sorted(tag.name for tag in picture.tags.all()) == ["lodge", "outside"]
    assert [size["width"] for size in picture.renditions["sizes"]] == [480, 800, 1200]


def test_an_upload_without_alt_text_or_decorative_is_refused_with_the_reason(
    client, marketer
):
    response = client.post(UPLOAD, {"file": jpeg_upload(), "title": "Lodge"})

    assert response.status_code == 400
    assert "Describe the picture" in response.json()["errors"]["alt"][0]["message"]
    assert not Picture.objects.exists()


def test_a_decorative_picture_needs_no_alt_text_and_shows_none(client, marketer):
    response = client.post(UPLOAD, {"file": jpeg_upload(), "decorative": "on"})

    assert response.status_code == 201
    picture = Picture.objects.get()
    assert picture.alt_text == "" and not picture.needs_alt


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"not an image at all", "not an image"),
        (b"", "empty"),
    ],
)
def test_a_file_that_is_not_a_picture_is_a_message_not_a_500(
    client, marketer, content, expected
):
    upload = SimpleUploadedFile("x.jpg", content, content_type="image/jpeg")
    response = client.post(UPLOAD, {"file": upload, "alt": "x"})

    assert response.status_code == 400
    assert expected in response.json()["errors"]["file"][0]["message"]


def test_counselors_cannot_open_or_upload_to_the_library(client):
    client.force_login(admissions_user())

    assert client.get(CHOOSE).status_code == 403
    assert client.post(UPLOAD, {"file": jpeg_upload(), "alt": "x"}).status_code == 403
    assert not Picture.objects.exists()


def test_the_chooser_finds_pictures_by_words_and_by_tag(client, marketer):
    lodge = PictureFactory(title="Lodge at dusk", alt="The lodge")
    lodge.tags.add("outside")
    garden = PictureFactory(title="Garden", alt="Tall grasses", credit="Ana Ruiz")
    garden.tags.add("outside")
    PictureFactory(title="Group room", alt="Chairs in a circle")

    def titles(**query):
        page = client.get(CHOOSE, query).context["page"]
        return sorted(picture.title for picture in page)

    assert titles() == ["Garden", "Group room", "Lodge at dusk"]
    assert titles(q="ruiz") == ["Garden"]
    assert titles(q="lodge dusk") == ["Lodge at dusk"]
    assert titles(tag="outside") == ["Garden", "Lodge at dusk"]
    assert titles(q="outside", tag="outside") == ["Garden", "Lodge at dusk"]
    assert titles(q="nothing like it") == []


def test_the_list_searches_filters_by_tag_and_counts_uses(client, marketer):
    used = PictureFactory(title="Lodge")
    used.tags.add("outside")
    PictureFactory(title="Unused")
    ArticleFactory(body=f'<p><img src="{used.file.url}" alt="The lodge"></p>')
    changelist = reverse("admin:pictures_picture_changelist")

    response = client.get(changelist, {"q": "lodge"})
    assert [p.title for p in response.context["cl"].result_list] == ["Lodge"]
    assert "1 place" in response.content.decode()
    response = client.get(changelist, {"tags__id__exact": used.tags.get().pk})
    assert [p.title for p in response.context["cl"].result_list] == ["Lodge"]


def test_a_picture_in_an_articles_text_is_recorded_as_a_use_and_listed(
    client, marketer
):
    picture = PictureFactory(title="Lodge")
    article = ArticleFactory(
        title="Finding help", body=f'<p><img src="{picture.file.url}" alt="x"></p>'
    )

    use = PictureUse.objects.get()
    assert (use.picture, use.page, use.field_name) == (picture, article, "body")
    page = client.get(change_url(picture)).content.decode()
    assert "Used in 1 place" in page
    assert "Finding help" in page
    assert reverse("admin:blog_article_change", args=[article.pk]) in page

    article.body = "<p>No picture now.</p>"
    article.save()
    assert not PictureUse.objects.exists()


def test_a_picture_in_use_cannot_be_deleted_and_the_uses_are_listed(client, marketer):
    picture = PictureFactory(title="Lodge")
    ArticleFactory(
        title="Finding help", body=f'<p><img src="{picture.file.url}" alt="x"></p>'
    )
    delete = reverse("admin:pictures_picture_delete", args=[picture.pk])

    page = client.get(delete).content.decode()
    assert "Finding help" in page
    assert "protected" in page or "would require deleting" in page
    client.post(delete, {"post": "yes"})
    assert Picture.objects.filter(pk=picture.pk).exists()


def test_an_unused_picture_can_be_deleted(client, marketer):
    picture = PictureFactory()
    client.post(
        reverse("admin:pictures_picture_delete", args=[picture.pk]), {"post": "yes"}
    )
    assert not Picture.objects.exists()


def test_replacing_the_file_changes_the_picture_in_text_written_before(
    client, marketer
):
    picture = PictureFactory(title="Lodge")
    article = ArticleFactory(body=f'<p><img src="{picture.file.url}" alt=""></p>')
    before = with_renditions(article.body)

    form = admin_form(client, change_url(picture))
    form["file"] = jpeg_upload("new-lodge.jpg", size=(1400, 900), colour=(200, 30, 30))
    response = client.post(change_url(picture), form)

    assert response.status_code == 302, response.context["adminform"].form.errors
    picture.refresh_from_db()
    after = with_renditions(article.body)
    assert after != before
    assert picture.renditions["sizes"][0]["url"] in after
    assert 'width="800"' in after and 'alt="A garden path' in after
    assert picture.files.count() == 2  # both names find it


def test_the_focal_point_moves_every_crop(marketer):
    from sorl.thumbnail import get_thumbnail

    picture = PictureFactory()
    centred = get_thumbnail(picture.file, "400x400", crop=picture.crop)
    picture.focal_x, picture.focal_y = 10, 10
    picture.save()
    corner = get_thumbnail(picture.file, "400x400", crop=picture.crop)

    assert picture.crop == "10% 10%"
    assert corner.url != centred.url
    assert corner.width == centred.width == 400


def test_the_focal_point_moves_the_stored_crops_of_cards_and_portraits(marketer):
    picture = PictureFactory()
    before, widths = picture.renditions["crops"], picture.renditions["sizes"]

    picture.focal_x, picture.focal_y = 90, 20
    picture.save()

    after = Picture.objects.get(pk=picture.pk).renditions
    assert after["crop"] == "90% 20%"
    for shape in ("wide", "square"):
        assert [size["url"] for size in after["crops"][shape]] != [
            size["url"] for size in before[shape]
        ]
    assert [(s["width"], s["height"]) for s in after["crops"]["wide"]] == [
        (480, 270),
        (800, 450),
    ]
    assert after["sizes"] == widths  # the uncropped widths stay


def test_a_focal_point_outside_the_picture_is_a_message(client, marketer):
    picture = PictureFactory()
    form = admin_form(client, change_url(picture))
    form.update(focal_x="150", focal_y="-3")

    response = client.post(change_url(picture), form)

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert set(errors) == {"focal_x", "focal_y"}


def test_every_admin_with_a_picture_field_uses_the_chooser():
    call_command("check", "--tag", "admin", "--fail-level", "ERROR")
