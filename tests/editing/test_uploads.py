import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from pictures.models import Picture
from tests.factories import PASSWORD, StaffFactory, UserFactory

UPLOAD_URL = reverse("editor_image_upload")


def jpeg_with_gps(size=(640, 480)) -> bytes:
    image = Image.new("RGB", size, (30, 120, 110))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x8825] = {
        1: "N",
        2: (35.0, 14.0, 0.0),
        3: "W",
        4: (82.0, 44.0, 0.0),
    }  # GPS IFD
    output = io.BytesIO()
    image.save(output, "JPEG", exif=exif)
    return output.getvalue()


def png_bytes(size=(64, 48)) -> bytes:
    output = io.BytesIO()
    Image.new("RGBA", size, (200, 10, 10, 128)).save(output, "PNG")
    return output.getvalue()


@pytest.fixture
def editor(client, db):
    user = StaffFactory(permissions=["pictures.add_picture"])
    client.login(username=user.username, password=PASSWORD)
    return user


def upload(
    client, content: bytes, name: str = "photo.jpg", content_type: str = "image/jpeg"
):
    return client.post(
        UPLOAD_URL,
        {"upload": SimpleUploadedFile(name, content, content_type=content_type)},
    )


def error_message(response) -> str:
    return json.loads(response.content)["error"]["message"]


@pytest.mark.django_db
def test_anonymous_visitors_cannot_upload(client):
    response = upload(client, jpeg_with_gps())

    assert response.status_code == 302
    assert "/login/" in response["Location"]
    assert not Picture.objects.exists()


@pytest.mark.django_db
def test_signed_in_non_staff_users_cannot_upload(client):
    user = UserFactory(permissions=["pictures.add_picture"])
    client.login(username=user.username, password=PASSWORD)

    response = upload(client, jpeg_with_gps())

    assert response.status_code == 302
    assert not Picture.objects.exists()


@pytest.mark.django_db
def test_staff_without_permission_to_add_images_cannot_upload(client):
    user = StaffFactory()
    client.login(username=user.username, password=PASSWORD)

    response = upload(client, jpeg_with_gps())

    assert response.status_code == 403
    assert "permission" in error_message(response)
    assert not Picture.objects.exists()


def test_a_real_image_is_accepted_and_stripped_of_exif(client, editor):
    response = upload(client, jpeg_with_gps())

    assert response.status_code == 200
    stored = Picture.objects.get()
    assert json.loads(response.content) == {"url": stored.file.url}
    assert stored.uploaded_by == editor
    assert (stored.width, stored.height) == (640, 480)
    with Image.open(stored.file.path) as image:
        assert image.format == "JPEG"
        assert dict(image.getexif()) == {}


def test_png_stays_png(client, editor):
    response = upload(client, png_bytes(), name="chart.png", content_type="image/png")

    assert response.status_code == 200
    assert Picture.objects.get().file.name.endswith(".png")


def test_a_text_file_renamed_jpg_is_refused(client, editor):
    response = upload(client, b"just some text, not an image", name="notes.jpg")

    assert response.status_code == 400
    assert "not an image we can read" in error_message(response)
    assert not Picture.objects.exists()


def test_an_svg_is_refused(client, editor):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'

    response = upload(client, svg, name="logo.svg", content_type="image/svg+xml")

    assert response.status_code == 400
    assert not Picture.objects.exists()


def test_a_post_without_a_file_gets_a_clear_error(client, editor):
    response = client.post(UPLOAD_URL, {})

    assert response.status_code == 400
    assert error_message(response) == "Choose an image file to upload."


def test_an_oversized_file_is_refused(client, editor, settings):
    settings.MAX_UPLOAD_IMAGE_BYTES = 1024

    response = upload(client, jpeg_with_gps())

    assert response.status_code == 400
    assert "larger than" in error_message(response)


def test_an_image_over_the_pixel_cap_is_refused(client, editor, settings):
    settings.MAX_UPLOAD_IMAGE_PIXELS = 1_000_000

    response = upload(
        client, png_bytes(size=(2000, 1000)), name="wide.png", content_type="image/png"
    )

    assert response.status_code == 400
    assert "megapixels" in error_message(response)


def test_get_is_not_allowed(client, editor):
    assert client.get(UPLOAD_URL).status_code == 405
