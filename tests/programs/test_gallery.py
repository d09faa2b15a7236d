"""The tour and location pages show a gallery of WebP photos from the picture library,
with their size and alt text, each cropped around its focal point."""

import re

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.test import Client
from django.urls import reverse
from PIL import Image

from programs.models import Photo
from tests.admissions.factories import marketing_user
from tests.html_forms import admin_form
from tests.pictures.factories import PictureFactory, jpeg_bytes
from tests.programs.factories import LocationFactory, PageFactory
from website.models import SiteSettings

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("redis_cache")]


def add_photo(page, alt: str, order: int = 0, **picture) -> Photo:
    picture = PictureFactory(
        alt=alt,
        file=ContentFile(jpeg_bytes((1600, 1200)), name=f"photo-{order}.jpg"),
        **picture,
    )
    return Photo.objects.create(page=page, picture=picture, order=order)


@pytest.mark.parametrize("make_page", [PageFactory, LocationFactory])
def test_a_gallery_shows_each_photo_as_webp_with_size_and_description(make_page):
    SiteSettings.objects.create(name="Test Center")
    page = make_page()
    add_photo(page, "The lodge at dusk", order=1)
    add_photo(page, "The group room", order=0)

    html = Client().get(page.get_absolute_url()).content.decode()

    images = re.findall(r'<img class="gallery__image"[^>]*>', html)
    assert len(images) == 2
    assert 'alt="The group room"' in images[0]
    assert 'alt="The lodge at dusk"' in images[1]
    for image in images:
        assert re.search(r'src="[^"]+\.webp"', image)
        assert re.search(r'srcset="[^"]+\.webp 480w, [^"]+\.webp 800w"', image)
        assert 'width="800" height="600"' in image


def test_a_new_photo_shows_on_the_next_request():
    SiteSettings.objects.create(name="Test Center")
    page = PageFactory()
    visitor = Client()
    assert "gallery__image" not in visitor.get(page.get_absolute_url()).content.decode()

    add_photo(page, "The walking trail")

    assert (
        'alt="The walking trail"'
        in visitor.get(page.get_absolute_url()).content.decode()
    )


def gallery_image(html: str) -> Image.Image:
    """The first gallery photo as served, opened from the media storage."""
    src = re.search(r'<img class="gallery__image" src="([^"]+)"', html).group(1)
    return Image.open(default_storage.open(src.removeprefix(settings.MEDIA_URL)))


def test_a_gallery_photo_is_cropped_around_its_focal_point():
    """The photo is 16:10 with a bright square near its top-left corner; the 4:3 crop
    keeps the left edge (focal point on the left) or cuts it off (on the right)."""
    SiteSettings.objects.create(name="Test Center")
    left, right = PageFactory(), PageFactory()
    for page, focal_x in ((left, 0), (right, 100)):
        picture = PictureFactory(focal_x=focal_x, focal_y=50, wide=True)
        Photo.objects.create(page=page, picture=picture)

    kept = gallery_image(Client().get(left.get_absolute_url()).content.decode())
    cut = gallery_image(Client().get(right.get_absolute_url()).content.decode())

    # 50 px into the crop: the background when the left edge is kept, the square when not.
    assert kept.convert("RGB").getpixel((30, 100))[0] < 100
    assert cut.convert("RGB").getpixel((30, 100))[0] > 200


def test_a_gallery_photo_without_alt_text_holds_publishing_but_not_a_draft(client):
    client.force_login(marketing_user())
    page = PageFactory()
    undescribed = PictureFactory(title="Deck", alt="")
    Photo.objects.create(page=page, picture=undescribed)
    url = reverse("admin:programs_page_change", args=[page.pk])
    form = admin_form(client, url)

    published = client.post(url, {**form, "_publish": "Publish"})

    assert published.status_code == 200
    errors = [
        str(error)
        for formset in published.context["inline_admin_formsets"]
        for error in formset.formset.errors
        if error
    ]
    assert any("“Deck” has no alt text" in error for error in errors), errors
    drafted = client.post(url, {**form, "_save_draft": "Save draft"})
    assert drafted.status_code == 302
    undescribed.decorative = True
    undescribed.save()
    form = admin_form(client, url)  # opened again after the draft's save
    assert client.post(url, {**form, "_publish": "Publish"}).status_code == 302
