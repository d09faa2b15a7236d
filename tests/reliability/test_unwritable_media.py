"""An upload when the media storage refuses files: a clear message, nothing half-saved."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from pictures.models import Picture
from tests.admissions.factories import marketing_user
from tests.blog.test_admin import jpeg_with_gps
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def unwritable_media(settings, tmp_path):
    """A media root that cannot be created, whoever runs the tests (root included)."""
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("")
    settings.MEDIA_ROOT = blocker / "media"
    return tmp_path


def files_under(path) -> list:
    return [entry for entry in path.rglob("*") if entry.is_file()]


def test_editor_image_upload_to_unwritable_storage_is_a_clear_message(
    client, unwritable_media
):
    client.force_login(StaffFactory(permissions=["pictures.add_picture"]))
    response = client.post(
        reverse("editor_image_upload"),
        {"upload": SimpleUploadedFile("photo.jpg", jpeg_with_gps(), "image/jpeg")},
    )

    assert response.status_code == 503
    assert "The image could not be stored" in response.json()["error"]["message"]
    assert not Picture.objects.exists()
    assert [path.name for path in files_under(unwritable_media)] == ["not-a-directory"]


def test_a_chooser_upload_to_unwritable_storage_is_a_clear_message(
    client, unwritable_media
):
    client.force_login(marketing_user())
    response = client.post(
        reverse("admin:pictures_picture_choose_upload"),
        {
            "file": SimpleUploadedFile("photo.jpg", jpeg_with_gps(), "image/jpeg"),
            "alt": "The lodge",
        },
    )

    assert response.status_code == 503
    message = response.json()["errors"]["__all__"][0]["message"]
    assert "The image could not be stored" in message
    assert not Picture.objects.exists()
    assert [path.name for path in files_under(unwritable_media)] == ["not-a-directory"]


def test_a_library_upload_to_unwritable_storage_is_a_clear_message(
    client, unwritable_media
):
    client.force_login(marketing_user())
    response = client.post(
        reverse("admin:pictures_picture_add"),
        {
            "file": SimpleUploadedFile("photo.jpg", jpeg_with_gps(), "image/jpeg"),
            "title": "Lodge",
            "alt": "The lodge",
            "focal_x": "50",
            "focal_y": "50",
        },
        follow=True,
    )

    assert "The image could not be stored" in response.content.decode()
    assert not Picture.objects.exists()
