"""Migration pictures 0002: every editor image becomes a library picture under the same
file, and migrating back brings each one back."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from tests.migrations import migrate
from tests.pictures.factories import jpeg_bytes

BEFORE = [
    ("editing", "0003_draft_changes_hold_nothing_else"),
    ("pictures", "0001_initial"),
]
pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.migrations(BEFORE),
]
AFTER = [("pictures", "0002_editor_images_into_library")]


def test_editor_images_move_into_the_library_and_back(old_schema):
    name = default_storage.save("editor/2026/11/lodge.jpg", ContentFile(jpeg_bytes()))
    old_schema.get_model("editing", "EditorImage").objects.create(
        image=name, width=1600, height=1000, original_name="lodge-at-dusk.jpg"
    )

    new = migrate(AFTER)

    picture = new.get_model("pictures", "Picture").objects.get()
    assert picture.file.name == name
    assert (picture.width, picture.height) == (1600, 1000)
    assert picture.title == "lodge at dusk"
    assert [size["width"] for size in picture.renditions["sizes"]] == [480, 800, 1200]
    assert new.get_model("pictures", "PictureFile").objects.get().name == name

    back = migrate(BEFORE)
    assert back.get_model("editing", "EditorImage").objects.get().image.name == name
