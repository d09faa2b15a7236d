"""Migration website 0003: a map image already uploaded becomes a picture in the
library, with its file and description, and goes back to the same file and description."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from tests.migrations import migrate
from tests.pictures.factories import jpeg_bytes

BEFORE = [("website", "0002_home_page_is_a_site_page")]
pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.migrations(BEFORE),
]
AFTER = [("website", "0003_map_picture_into_library")]


def test_the_map_image_and_its_description_move_into_the_library(old_schema):
    name = default_storage.save(
        "site/campus-map.jpg", ContentFile(jpeg_bytes((900, 600)))
    )
    old_schema.get_model("website", "SiteSettings").objects.update_or_create(
        pk=1,
        defaults={
            "name": "Willow Ridge Recovery",
            "map_image": name,
            "map_image_alt": "The lane from Route 64 to the lodge",
        },
    )

    apps = migrate(AFTER)

    site = apps.get_model("website", "SiteSettings").objects.get()
    picture = apps.get_model("pictures", "Picture").objects.get(pk=site.map_picture_id)
    assert picture.file.name == name
    assert picture.alt == "The lane from Route 64 to the lodge"
    assert picture.title == "Map of Willow Ridge Recovery"
    assert (picture.width, picture.height) == (900, 600)
    assert [size["width"] for size in picture.renditions["sizes"]] == [480, 800, 900]
    assert default_storage.exists(name)

    apps = migrate(BEFORE)

    site = apps.get_model("website", "SiteSettings").objects.get()
    assert site.map_image.name == name
    assert site.map_image_alt == "The lane from Route 64 to the lodge"


def test_settings_without_a_map_choose_no_picture(old_schema):
    old_schema.get_model("website", "SiteSettings").objects.update_or_create(
        pk=1, defaults={"name": "Willow Ridge Recovery"}
    )
    pictures_before = old_schema.get_model("pictures", "Picture").objects.count()

    apps = migrate(AFTER)

    assert apps.get_model("website", "SiteSettings").objects.get().map_picture is None
    assert apps.get_model("pictures", "Picture").objects.count() == pictures_before
