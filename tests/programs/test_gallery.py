"""The tour and location pages show a gallery of WebP photos with their size and description."""

import re

import pytest
from django.core.files.base import ContentFile
from django.test import Client

from programs.models import Photo
from tests.blog.factories import jpeg_bytes
from tests.programs.factories import LocationFactory, PageFactory
from website.models import SiteSettings

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("redis_cache")]


def add_photo(page, alt: str, order: int = 0) -> Photo:
    photo = Photo(page=page, alt=alt, order=order)
    photo.image.save(
        f"photo-{order}.jpg", ContentFile(jpeg_bytes((1600, 1200))), save=False
    )
    photo.save()
    return photo


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
